import { strict as assert } from 'node:assert';
import { evaluateAlarmRule, parseAlarmRule, ruleAlarms, type AlarmState } from '../../../sandbox/standin/cloudWatch/alarmRule';
import { AwsError } from '../../../sandbox/standin/protocol';

function outcome(rule: string, states: Record<string, AlarmState>) {
  return evaluateAlarmRule(parseAlarmRule(rule), (name) => states[name]);
}

describe('composite alarm rules', () => {
  it('reads quoted, bare and ARN references, NOT binding tighter than AND tighter than OR', () => {
    const rule = parseAlarmRule('ALARM("x (prod)") OR ALARM(b) AND NOT OK(arn:aws:cloudwatch:us-east-1:123456789012:alarm:c)');
    assert.deepEqual(ruleAlarms(rule), ['x (prod)', 'b', 'c']);
    assert.equal(rule.kind, 'or');
  });

  it('is ALARM when true, OK when false, naming the alarms that decided it', () => {
    const rule = 'ALARM(a) OR ALARM(b) AND NOT OK(c)';
    assert.deepEqual(outcome(rule, { a: 'ALARM', b: 'OK', c: 'OK' }), { state: 'ALARM', triggering: ['a'] });
    assert.deepEqual(outcome(rule, { a: 'OK', b: 'ALARM', c: 'ALARM' }), { state: 'ALARM', triggering: ['b', 'c'] });
    assert.equal(outcome(rule, { a: 'OK', b: 'ALARM', c: 'OK' }).state, 'OK');
    assert.equal(outcome('TRUE', {}).state, 'ALARM');
    assert.equal(outcome('NOT TRUE', {}).state, 'OK');
  });

  it('is INSUFFICIENT_DATA only when children without data decide the rule', () => {
    assert.equal(outcome('ALARM(a) OR ALARM(b)', { a: 'INSUFFICIENT_DATA', b: 'ALARM' }).state, 'ALARM');
    assert.equal(outcome('ALARM(a) AND ALARM(b)', { a: 'INSUFFICIENT_DATA', b: 'OK' }).state, 'OK');
    assert.equal(outcome('ALARM(a) AND ALARM(b)', { a: 'INSUFFICIENT_DATA', b: 'ALARM' }).state, 'INSUFFICIENT_DATA');
    assert.equal(outcome('INSUFFICIENT_DATA(a)', { a: 'INSUFFICIENT_DATA' }).state, 'ALARM');
    assert.equal(outcome('NOT ALARM(gone)', {}).state, 'INSUFFICIENT_DATA');
  });

  it('rejects malformed rules as InvalidParameterValue', () => {
    for (const bad of ['', 'ALARM(a) AND', 'ALARM a', 'ALARM(a) XOR OK(b)', 'ALARM("a)', '(ALARM(a)']) {
      assert.throws(() => parseAlarmRule(bad), (err: unknown) => err instanceof AwsError && err.queryCode === 'InvalidParameterValue', bad);
    }
  });
});
