import { strict as assert } from 'node:assert';
import { asScopeId, sameProfile, scopesFor } from '../../../src/core/scope';
import { arnPlace } from '../../../src/aws/arnScope';

describe('a region named inside a scope', () => {
  it("is that region in the scope's profile; without a region, the scope itself", () => {
    assert.equal(sameProfile(asScopeId('staging · us-east-1'), 'eu-west-1'), 'staging · eu-west-1');
    assert.equal(sameProfile(asScopeId('staging · us-east-1'), undefined), 'staging · us-east-1');
    assert.equal(sameProfile(asScopeId('staging · us-east-1'), ''), 'staging · us-east-1');
  });

  it('stays as it is outside a profile, or when it already names one', () => {
    assert.equal(sameProfile(asScopeId('us-east-1'), 'eu-west-1'), 'eu-west-1');
    assert.equal(sameProfile(asScopeId('staging · us-east-1'), 'prod · eu-west-1'), 'prod · eu-west-1');
  });
});

describe('a region given on its own, with several profiles side by side', () => {
  const shown = [asScopeId('prod · us-east-1'), asScopeId('prod · eu-west-1'), asScopeId('staging · us-east-1')];

  it("means that region of each profile (where the item is then looked for), the profile's listed regions or not", () => {
    assert.deepEqual(scopesFor('us-east-1', shown), ['prod · us-east-1', 'staging · us-east-1']);
    assert.deepEqual(scopesFor('eu-west-1', shown), ['prod · eu-west-1', 'staging · eu-west-1']);
  });

  it('is itself with one profile, and a scope stays the scope it names', () => {
    assert.deepEqual(scopesFor('us-east-1', [asScopeId('us-east-1'), asScopeId('eu-west-1')]), ['us-east-1']);
    assert.deepEqual(scopesFor('staging · us-east-1', shown), ['staging · us-east-1']);
  });
});

describe('the place an ARN names', () => {
  it('is its region and twelve-digit account id', () => {
    assert.deepEqual(arnPlace('arn:aws:states:eu-west-1:210987654321:execution:Orders:run-1'), { region: 'eu-west-1', account: '210987654321' });
    assert.deepEqual(arnPlace('arn:aws:s3:::bucket'), { region: undefined, account: undefined });
    assert.deepEqual(arnPlace('not an arn'), { region: undefined, account: undefined });
  });
});
