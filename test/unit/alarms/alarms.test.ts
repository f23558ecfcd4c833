import { strict as assert } from 'node:assert';
import { fromCompositeAlarm, fromMetricAlarm, conditionText, type Alarm } from '../../../src/core/alarms/model';
import { groupByState } from '../../../src/core/alarms/grouping';
import { describeFilter, matchesFilter } from '../../../src/core/alarms/filter';
import { childAlarmNames } from '../../../src/core/alarms/compositeRule';
import { newlyInAlarm } from '../../../src/core/alarms/transitions';
import { formatAlarmDetails, historyEntry } from '../../../src/core/alarms/details';
import { asScopeId } from '../../../src/core/scope';

function metricAlarm(name: string, state: string, extra: Record<string, unknown> = {}): Alarm {
  return fromMetricAlarm(asScopeId('us-east-1'), { AlarmName: name, StateValue: state as 'OK', MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', ...extra });
}

describe('alarm grouping and filtering', () => {
  const alarms = [metricAlarm('dev-rds-cpu-critical', 'ALARM'), metricAlarm('b-ok', 'OK'), metricAlarm('A-ok', 'OK'), metricAlarm('dev-ecs-service-unhealthy', 'ALARM'), metricAlarm('new', 'INSUFFICIENT_DATA')];

  it('puts alarms firing first, then insufficient data, then OK, each by name', () => {
    const groups = groupByState(alarms);
    assert.deepEqual(groups.map((g) => [g.state, g.alarms.map((a) => a.name)]), [
      ['ALARM', ['dev-ecs-service-unhealthy', 'dev-rds-cpu-critical']],
      ['INSUFFICIENT_DATA', ['new']],
      ['OK', ['A-ok', 'b-ok']],
    ]);
  });

  it('leaves out empty states', () => {
    assert.deepEqual(groupByState([metricAlarm('x', 'OK')]).map((g) => g.state), ['OK']);
  });

  it('filters by words and states', () => {
    const pick = (text: string, states: Alarm['state'][] = []) => alarms.filter((a) => matchesFilter(a, { text, states })).map((a) => a.name);
    assert.deepEqual(pick('rds'), ['dev-rds-cpu-critical']);
    assert.deepEqual(pick('DEV rds CRIT'), ['dev-rds-cpu-critical']);
    assert.deepEqual(pick('', ['INSUFFICIENT_DATA']), ['new']);
    assert.deepEqual(pick('rds', ['OK']), []);
    assert.deepEqual(pick('aws/ecs', ['OK']), ['b-ok', 'A-ok'], 'namespace counts');
    assert.equal(describeFilter({ text: 'rds', states: ['ALARM'] }), 'Filtered: “rds” · In alarm');
  });

  it('states the condition the way a person reads it', () => {
    assert.equal(conditionText(metricAlarm('x', 'OK')), 'CPUUtilization > 70');
    assert.equal(conditionText(metricAlarm('x', 'OK', { Threshold: 2147483648, ComparisonOperator: 'LessThanThreshold', MetricName: 'FreeStorageSpace' })), 'FreeStorageSpace < 2 GiB');
    assert.equal(conditionText(metricAlarm('x', 'OK', { Threshold: 53687091200, MetricName: 'BucketSizeBytes' })), 'BucketSizeBytes > 50 GiB');
    assert.equal(conditionText(metricAlarm('x', 'OK', { Threshold: 2500000, MetricName: 'Invocations' })), 'Invocations > 2.5M');
    assert.equal(conditionText(metricAlarm('x', 'OK', { Threshold: 0.5, MetricName: 'ErrorRate' })), 'ErrorRate > 0.5');
  });

  it('finds the children a composite rule names, quoted, bare or by ARN', () => {
    assert.deepEqual(childAlarmNames('ALARM("high-latency") OR ALARM(throttles) AND NOT OK(\'arn:aws:cloudwatch:us-east-1:123:alarm:errors\') OR ALARM("high-latency")'), ['high-latency', 'throttles', 'errors']);
    assert.deepEqual(childAlarmNames('ALARM("name with \\"quote\\"")'), ['name with "quote"']);
    assert.deepEqual(childAlarmNames('TRUE'), []);
  });

  it('reports alarms that moved into ALARM, not new ones or ones already firing', () => {
    const before = new Map([['us-east-1/a', metricAlarm('a', 'OK')], ['us-east-1/b', metricAlarm('b', 'ALARM')], ['us-east-1/c', metricAlarm('c', 'INSUFFICIENT_DATA')]]);
    const after = [metricAlarm('a', 'ALARM'), metricAlarm('b', 'ALARM'), metricAlarm('c', 'ALARM'), metricAlarm('d', 'ALARM')];
    assert.deepEqual(newlyInAlarm(before, after).map((a) => a.name), ['a', 'c']);
  });
});

describe('alarm details document', () => {
  it('shows state, reason data, configuration, actions and history newest first', () => {
    const alarm = metricAlarm('dev-ecs-cpu-warning', 'ALARM', {
      StateReason: 'Threshold Crossed: 2 datapoints [91.2, 88.0] were greater than the threshold (70.0).',
      StateReasonData: '{"version":"1.0","queryDate":"2026-11-22T10:00:00.000+0000","recentDatapoints":[91.2,88]}',
      Dimensions: [{ Name: 'ClusterName', Value: 'ai-video-cluster' }],
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops-alerts'],
      EvaluationPeriods: 2,
      StateUpdatedTimestamp: new Date('2026-11-22T10:00:00Z'),
    });
    const history = [
      historyEntry({ Timestamp: new Date('2026-11-22T10:00:00Z'), HistorySummary: 'Alarm updated from OK to ALARM', HistoryData: '{"version":"1.0","oldState":{"stateValue":"OK"},"newState":{"stateValue":"ALARM","stateReason":"Threshold Crossed"}}' }),
      historyEntry({ Timestamp: new Date('2026-11-21T08:00:00Z'), HistorySummary: 'Alarm "x" created', HistoryData: 'not json' }),
    ];
    const doc = formatAlarmDetails(alarm, { history });
    assert.match(doc, /\*\*State:\*\* In alarm \(ALARM\) since 2026-11-22 10:00:00 UTC/);
    assert.match(doc, /"recentDatapoints": \[\n\s+91\.2,/);
    assert.match(doc, /\*\*Dimension ClusterName:\*\* ai-video-cluster/);
    assert.match(doc, /\*\*Condition:\*\* CPUUtilization \\> 70/);
    assert.match(doc, /\*\*On ALARM:\*\* arn:aws:sns:us-east-1:123456789012:ops-alerts/);
    assert.ok(doc.indexOf('Threshold Crossed: 2 datapoints') < doc.indexOf('## Configuration'), 'the reason comes before the configuration');
    assert.ok(doc.indexOf('## History') < doc.indexOf('## Reason data'), 'the raw reason data comes last');
    assert.ok(doc.indexOf('OK → ALARM') < doc.indexOf('created'), 'newest first, as given');
  });

  it('keeps hostile text inert', () => {
    const alarm = fromCompositeAlarm(asScopeId('eu-north-1'), { AlarmName: '<img src=x onerror=alert(1)>', AlarmRule: 'ALARM("a|b") OR ALARM(c)', StateValue: 'OK', AlarmDescription: '# not a heading | <script>alert(1)</script>' });
    const doc = formatAlarmDetails(alarm, { history: [], childStates: new Map([['c', 'ALARM']]) });
    assert.doesNotMatch(doc, /(^|[^\\])</m, 'every < is escaped');
    assert.match(doc, /\\# not a heading \\\| \\<script\\>/);
    assert.match(doc, /\| a\\\|b \| unknown \|/);
    assert.match(doc, /\| c \| ALARM \|/);
    assert.match(doc, /No actions/);
  });
});
