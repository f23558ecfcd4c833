import { strict as assert } from 'node:assert';
import { asScopeId } from '../../../src/core/scope';
import { enteredAlarmNotice } from '../../../src/core/watch/notice';
import { zoneName } from '../../../src/core/time/zone';
import { newlyInAlarm } from '../../../src/core/alarms/transitions';
import { fromMetricAlarm, alarmKey, type Alarm } from '../../../src/core/alarms/model';

const NOW = new Date(2026, 11, 7, 9, 30, 0);
const east = asScopeId('us-east-1');
function alarm(name: string, state: string, reason = '', updated?: Date): Alarm {
  return fromMetricAlarm(east, { AlarmName: name, StateValue: state as 'OK', StateReason: reason, StateUpdatedTimestamp: updated, MetricName: 'CPUUtilization', Namespace: 'AWS/RDS', Statistic: 'Average', Period: 60, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' });
}

describe('alarm watch: the notification of a move into ALARM', () => {
  it('offers Investigate and Open Runbook for one alarm, with its reason', () => {
    const n = enteredAlarmNotice([alarm('db-cpu', 'ALARM', 'Threshold Crossed: 1 datapoint [97.3] was greater than the threshold (90.0).', new Date(NOW.getTime() - 30_000))], NOW, 60);
    assert.equal(n.message, 'Alarm db-cpu (us-east-1) is in ALARM: Threshold Crossed: 1 datapoint [97.3] was greater than the threshold (90.0).');
    assert.deepEqual(n.buttons, ['Investigate', 'Open Runbook']);
  });

  it('says since when, when the move is older than one interval (read in the background)', () => {
    const n = enteredAlarmNotice([alarm('db-cpu', 'ALARM', 'high', new Date(2026, 11, 7, 9, 26, 5))], NOW, 60);
    assert.equal(n.message, `Alarm db-cpu (us-east-1) is in ALARM (since 09:26:05 ${zoneName(NOW.getTime(), 'local')}): high`);
  });

  it('offers Show Alarms for several at once', () => {
    const n = enteredAlarmNotice([alarm('a', 'ALARM'), alarm('b', 'ALARM'), alarm('c', 'ALARM')], NOW, 60);
    assert.equal(n.message, '3 alarms moved into ALARM: a, b, c');
    assert.deepEqual(n.buttons, ['Show Alarms']);
  });

  it('lets no link or command form from text AWS sent', () => {
    const n = enteredAlarmNotice([alarm('x](command:workbench.action.terminal.new)', 'ALARM', '[click](command:opsLens.ssoLogin?%5B%22x%22%5D)')], NOW, 60);
    assert.doesNotMatch(n.message, /\]\(/);
  });

  it('is raised for alarms that moved, not for alarms seen for the first time or still in ALARM', () => {
    const before = new Map([alarm('was-ok', 'OK'), alarm('still', 'ALARM'), alarm('was-unknown', 'INSUFFICIENT_DATA')].map((a) => [alarmKey(a), a]));
    const after = [alarm('was-ok', 'ALARM'), alarm('still', 'ALARM'), alarm('was-unknown', 'ALARM'), alarm('new', 'ALARM')];
    assert.deepEqual(newlyInAlarm(before, after).map((a) => a.name), ['was-ok', 'was-unknown']);
  });
});
