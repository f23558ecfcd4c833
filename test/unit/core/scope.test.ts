import { strict as assert } from 'node:assert';
import { asScopeId, MAX_SCOPE_LENGTH, parseScopeId, regionScope, sameProfile, scopeId, scopeLabel, scopeParts, scopesFor } from '../../../src/core/scope';
import { arnPlace, scopeOfArn } from '../../../src/aws/arnScope';
import type { AwsSession } from '../../../src/aws/session';

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

describe('a scope named from outside (a command argument, a tool input, a link)', () => {
  it('is a plain region, or a profile and region, trimmed', () => {
    assert.equal(parseScopeId('eu-west-1'), 'eu-west-1');
    assert.equal(parseScopeId('  us-gov-west-1 '), 'us-gov-west-1');
    assert.equal(parseScopeId('staging · eu-west-1'), 'staging · eu-west-1');
    assert.deepEqual(scopeParts(parseScopeId('prod-main · us-east-1')!), { profile: 'prod-main', region: 'us-east-1' });
    assert.deepEqual(scopeParts(parseScopeId('eu-west-1')!), { region: 'eu-west-1' });
  });

  it('keeps the profile only when it is among the selected ones, when those are given', () => {
    assert.equal(parseScopeId('staging · eu-west-1', ['prod', 'staging']), 'staging · eu-west-1');
    assert.equal(parseScopeId('intruder · eu-west-1', ['prod', 'staging']), undefined);
    assert.equal(parseScopeId('eu-west-1', ['prod', 'staging']), 'eu-west-1', 'a plain region means the first profile, as before');
  });

  it('is nothing when empty, blank, not text, overlong, with control characters, or not shaped like a region', () => {
    for (const hostile of ['', '   ', ' · us-east-1', 'prod · ', 42, undefined, { region: 'us-east-1' }, 'us-east-1\n', 'prod\u0000 · us-east-1', 'us-east-1\u001b[31m', 'EU-WEST-1', 'eu west 1', '../../etc', `${'p'.repeat(MAX_SCOPE_LENGTH)} · us-east-1`, 'arn:aws:states:us-east-1:123456789012:execution:m:r']) {
      assert.equal(parseScopeId(hostile), undefined, JSON.stringify(hostile));
    }
  });

  it('reads a 200-character input in linear time', () => {
    const started = Date.now();
    for (let i = 0; i < 2000; i++) parseScopeId(`${' · '.repeat(60)}us-east-1`);
    assert.ok(Date.now() - started < 1000);
  });
});

describe("a root's label", () => {
  it('puts the account id between profile and region once it is known', () => {
    assert.equal(scopeLabel(scopeId('prod', 'eu-west-1'), '123456789012'), 'prod · 123456789012 · eu-west-1');
    assert.equal(scopeLabel(scopeId('prod', 'eu-west-1'), undefined), 'prod · eu-west-1');
  });

  it('is the region alone with one profile, account id or not', () => {
    assert.equal(scopeLabel(regionScope('eu-west-1'), '123456789012'), 'eu-west-1');
  });
});

describe('the scope of an ARN', () => {
  const session = (accounts: Record<string, string | undefined>, profiles?: string[]) => ({
    profileList: profiles,
    member: (profile: string) => ({ accountId: async () => accounts[profile] }),
  }) as unknown as AwsSession;

  it("is the profile whose account the ARN names, in the ARN's region", async () => {
    const two = session({ prod: '111111111111', staging: '222222222222' }, ['prod', 'staging']);
    assert.equal(await scopeOfArn(two, 'arn:aws:states:eu-west-1:222222222222:execution:m:r'), 'staging · eu-west-1');
    assert.equal(await scopeOfArn(two, 'arn:aws:states:us-east-1:111111111111:execution:m:r'), 'prod · us-east-1');
  });

  it('is the first profile for an account no profile has, and the plain region with one profile', async () => {
    assert.equal(await scopeOfArn(session({ prod: '111111111111', staging: undefined }, ['prod', 'staging']), 'arn:aws:states:eu-west-1:999999999999:execution:m:r'), 'prod · eu-west-1');
    assert.equal(await scopeOfArn(session({}), 'arn:aws:states:eu-west-1:999999999999:execution:m:r'), 'eu-west-1');
  });
});
