import { strict as assert } from 'node:assert';
import { alarmDrift } from '../../../src/core/infraCode/drift';
import { alarmStateText, executionsText, logGroupText } from '../../../src/core/infraCode/liveText';

describe('Drift between the code and the live alarm', () => {
  it('names each literal the console changed, live value first', () => {
    assert.deepEqual(alarmDrift({ threshold: 5, period: 300, evaluationPeriods: 1, comparison: 'GreaterThanThreshold' }, { threshold: 10, period: 60, evaluationPeriods: 1, comparison: 'GreaterThanOrEqualToThreshold' }), [
      'live threshold 10, code 5',
      'live period 60, code 300',
      'live comparison GreaterThanOrEqualToThreshold, code GreaterThanThreshold',
    ]);
  });

  it('says nothing when they agree, or when the code states no literal (a computed value cannot drift here)', () => {
    assert.deepEqual(alarmDrift({ threshold: 10, evaluationPeriods: 2 }, { threshold: 10, period: 60, evaluationPeriods: 2 }), []);
    assert.deepEqual(alarmDrift({}, { threshold: 10 }), []);
    assert.deepEqual(alarmDrift(undefined, { threshold: 10 }), []);
    assert.deepEqual(alarmDrift({ threshold: 3 }, {}), []);
  });
});

describe('Live state in words', () => {
  const now = new Date('2026-03-01T12:00:00Z');

  it('an alarm’s state and since when', () => {
    assert.equal(alarmStateText('ALARM', new Date('2026-03-01T10:58:00Z'), now), 'In alarm since 10:58 UTC (1 h ago)');
    assert.equal(alarmStateText('OK', new Date('2026-02-20T08:00:00Z'), now), 'OK since 2026-02-20 08:00 UTC (9 days ago)');
    assert.equal(alarmStateText('INSUFFICIENT_DATA', undefined, now), 'Insufficient data');
  });

  it('a state machine’s recent executions and failures; a log group’s bytes and retention', () => {
    assert.equal(executionsText(20, 3, true), '20+ recent executions, 3 failed');
    assert.equal(executionsText(1, 0, false), '1 recent execution, none failed');
    assert.equal(executionsText(0, 0, false), 'No executions yet');
    assert.equal(logGroupText(5 * 1024 * 1024 + 300_000, 30), '5.3 MB stored, kept 30 days');
    assert.equal(logGroupText(512, undefined), '512 B stored, kept forever');
  });
});
