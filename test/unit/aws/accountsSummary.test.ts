import { strict as assert } from 'node:assert';
import type { Alarm } from '../../../src/core/alarms/model';
import { accountSummary } from '../../../src/session/accountSummary';
import { asScopeId, scopeParts, scopeId } from '../../../src/core/scope';

const alarm = (region: string, name: string, state: Alarm['state']): Alarm =>
  ({ region, name, arn: `arn:aws:cloudwatch:us-east-1:111111111111:alarm:${name}`, kind: 'metric', state, stateReason: '', description: '', actionsEnabled: true, alarmActions: [], okActions: [] }) as unknown as Alarm;

describe('profiles side by side: scopes and the per-account status bar', () => {
  it('a scope is profile · region and parses back, even when the profile name has dots or spaces', () => {
    assert.equal(scopeId('prod', 'us-east-1'), 'prod · us-east-1');
    assert.deepEqual(scopeParts(asScopeId('team a · b · eu-west-1')), { profile: 'team a · b', region: 'eu-west-1' });
    assert.deepEqual(scopeParts(asScopeId('eu-west-1')), { region: 'eu-west-1' });
  });

  it('summarises alarms in ALARM per profile across its regions, zero included, in root order', () => {
    const roots = [asScopeId('prod · us-east-1'), asScopeId('prod · eu-west-1'), asScopeId('staging · us-east-1')];
    const alarms = [
      alarm('prod · us-east-1', 'a', 'ALARM'), alarm('prod · eu-west-1', 'b', 'ALARM'), alarm('prod · eu-west-1', 'c', 'ALARM'),
      alarm('prod · us-east-1', 'd', 'OK'), alarm('staging · us-east-1', 'e', 'INSUFFICIENT_DATA'),
    ];
    assert.equal(accountSummary(roots, alarms), 'prod 3 in alarm · staging 0');
  });

  it('a single profile keeps the plain status bar', () => {
    assert.equal(accountSummary([asScopeId('us-east-1'), asScopeId('eu-west-1')], [alarm('us-east-1', 'a', 'ALARM')]), undefined);
  });
});
