import { strict as assert } from 'node:assert';
import { alarmFacts, snapshotFacts } from '../../../src/core/metrics/alarmFacts';

const UPDATED = new Date('2026-11-22T11:50:00Z');

describe('what a chart knows of an alarm', () => {
  it('charts a metric alarm’s metric with its statistic and period, threshold and evaluation', () => {
    const facts = alarmFacts({
      AlarmName: 'cpu', StateValue: 'ALARM', StateUpdatedTimestamp: UPDATED, Namespace: 'AWS/ECS', MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'ClusterName', Value: 'c' }], ExtendedStatistic: 'p99', Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 2,
      Threshold: 70, ComparisonOperator: 'GreaterThanThreshold',
    });
    assert.equal(facts.subject, 'CPUUtilization');
    assert.equal(facts.period, 300);
    assert.equal(facts.stateUpdated, UPDATED.getTime());
    assert.deepEqual([facts.threshold, facts.comparison, facts.evaluationPeriods, facts.datapointsToAlarm], [70, 'GreaterThanThreshold', 3, 2]);
    assert.equal(facts.unit, 'Percent', 'guessed from the metric when the alarm names no unit');
    assert.deepEqual(facts.queries.map((q) => [q.id, q.stat, q.period, q.label, q.metric?.dimensions]), [['m1', 'p99', 300, 'CPUUtilization p99', [{ name: 'ClusterName', value: 'c' }]]]);
  });

  it('charts a metric-math alarm’s queries; the subject is the expression it evaluates', () => {
    const facts = alarmFacts({
      AlarmName: 'error-rate', Threshold: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: [
        { Id: 'e', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors' }, Stat: 'Sum', Period: 60 }, ReturnData: false },
        { Id: 'r', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests' }, Stat: 'Sum', Period: 60 }, ReturnData: false },
        { Id: 'rate', Expression: '100*e/r', Label: 'Error %', ReturnData: true },
      ],
    });
    assert.equal(facts.subject, '100*e/r');
    assert.equal(facts.period, 60, 'from the first query with a period when the expression has none');
    assert.deepEqual(facts.queries.map((q) => [q.id, q.visible, q.label, q.explicitLabel]), [['e', false, 'Errors Sum', false], ['r', false, 'Requests Sum', false], ['rate', true, 'Error %', true]]);
  });

  it('draws no threshold line for an alarm compared with a band (ThresholdMetricId)', () => {
    assert.equal(alarmFacts({ MetricName: 'Latency', Namespace: 'App', Threshold: 0, ThresholdMetricId: 'ad1' }).threshold, undefined);
  });

  it('charts the metric a snapshot still holds, and nothing when it has none', () => {
    const facts = snapshotFacts({ state: 'OK', threshold: 1, comparison: 'LessThanThreshold', metric: { namespace: 'AWS/Lambda', name: 'Invocations', dimensions: [{ name: 'FunctionName', value: 'f' }], statistic: 'Sum', period: 60 } });
    assert.deepEqual([facts?.subject, facts?.period, facts?.threshold, facts?.queries[0].label], ['Invocations', 60, 1, 'Invocations Sum']);
    assert.equal(snapshotFacts({ state: 'OK' }), undefined);
  });
});
