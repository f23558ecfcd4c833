import { strict as assert } from 'node:assert';
import { sameProfile } from '../../../src/aws/scope';

describe('a region named inside a scope', () => {
  it("is that region in the scope's profile; without a region, the scope itself", () => {
    assert.equal(sameProfile('staging · us-east-1', 'eu-west-1'), 'staging · eu-west-1');
    assert.equal(sameProfile('staging · us-east-1', undefined), 'staging · us-east-1');
    assert.equal(sameProfile('staging · us-east-1', ''), 'staging · us-east-1');
  });

  it('stays as it is outside a profile, or when it already names one', () => {
    assert.equal(sameProfile('us-east-1', 'eu-west-1'), 'eu-west-1');
    assert.equal(sameProfile('staging · us-east-1', 'prod · eu-west-1'), 'prod · eu-west-1');
  });
});
