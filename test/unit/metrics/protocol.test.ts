import { strict as assert } from 'node:assert';
import { alarmFromArgument, dashboardFromArgument, dimensionsFrom, metricSelectionsFromArgument } from '../../../src/core/metrics/arguments';
import { fromMetricAlarm } from '../../../src/core/alarms/model';
import { parsePageMessage, parseSavedState } from '../../../src/webview/protocol';
import { asScopeId } from '../../../src/core/scope';

describe('chart panel messages and arguments', () => {
  it('accepts only well-formed page messages', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'setRange', range: '7d' }), { type: 'setRange', range: '7d' });
    assert.equal(parsePageMessage({ type: 'setRange', range: '2y' }), undefined);
    assert.deepEqual(parsePageMessage({ type: 'setStat', stat: null }), { type: 'setStat', stat: null });
    assert.deepEqual(parsePageMessage({ type: 'drawn', widgetId: 'w1', series: 2, points: 2880, ms: 12.5 }), { type: 'drawn', widgetId: 'w1', series: 2, points: 2880, ms: 12.5 });
    assert.equal(parsePageMessage({ type: 'drawn', widgetId: 'w1', series: 2, points: 'many', ms: 1 }), undefined);
    assert.deepEqual(parsePageMessage({ type: 'exportCsv' }), { type: 'exportCsv' });
    assert.equal(parsePageMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }), undefined);
    assert.equal(parsePageMessage('ready'), undefined);
    assert.equal(parsePageMessage(null), undefined);
  });

  it('restores only states this version saved', () => {
    const panel = { version: 1, source: { kind: 'dashboard', region: 'us-east-1', name: 'dev-application-dashboard' }, range: '3h', autoRefresh: true };
    assert.deepEqual(parseSavedState({ panel }), panel);
    assert.equal(parseSavedState({ panel: { ...panel, version: 2 } }), undefined);
    assert.equal(parseSavedState({ panel: { ...panel, range: 'forever' } }), undefined);
    assert.equal(parseSavedState({ panel: { ...panel, source: { kind: 'metrics', metrics: [{ region: 'us-east-1' }] } } }), undefined);
    assert.equal(parseSavedState(undefined), undefined);
  });

  it('restores no panel whose saved region is not a region nor `profile · region`', () => {
    const panel = { version: 1, source: { kind: 'alarm', region: 'prod · eu-west-1', name: 'cpu' }, range: '3h', autoRefresh: true };
    assert.deepEqual(parseSavedState({ panel }), panel);
    for (const region of ['us-east-1\u0000', 'x'.repeat(500), 'EU WEST', 7]) {
      assert.equal(parseSavedState({ panel: { ...panel, source: { ...panel.source, region } } }), undefined, String(region));
      const metric = { region, namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [] };
      assert.equal(parseSavedState({ panel: { ...panel, source: { kind: 'metrics', metrics: [metric] } } }), undefined, String(region));
    }
  });

  it('refuses an openChart metric whose region is malformed or names a profile not selected', () => {
    const metric = { namespace: 'AWS/ECS', metricName: 'CPUUtilization' };
    assert.deepEqual(metricSelectionsFromArgument({ ...metric, region: 'prod · us-west-2' }, asScopeId('prod · us-east-1'), ['prod'])?.map((m) => m.region), ['prod · us-west-2']);
    for (const region of ['other · us-west-2', 'us-east-1\n', 'x'.repeat(500)]) assert.equal(metricSelectionsFromArgument({ ...metric, region }, asScopeId('prod · us-east-1'), ['prod']), undefined, region);
  });

  it('reads openChart arguments: one metric or several, dimensions in any usual shape', () => {
    assert.deepEqual(metricSelectionsFromArgument({ namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: { ServiceName: 'api', ClusterName: 'prod' }, stat: 'maximum' }, asScopeId('us-east-1')), [
      { region: 'us-east-1', namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ServiceName', value: 'api' }, { name: 'ClusterName', value: 'prod' }], stat: 'Maximum' },
    ]);
    const two = metricSelectionsFromArgument([
      { region: 'eu-north-1', namespace: 'AWS/S3', metricName: 'BucketSizeBytes', dimensions: [{ Name: 'BucketName', Value: 'b' }, { Name: 'StorageType', Value: 'StandardStorage' }] },
      { namespace: 'AWS/S3', metricName: 'NumberOfObjects' },
    ], asScopeId('us-east-1'));
    assert.deepEqual(two?.map((m) => [m.region, m.metricName, m.dimensions.length]), [['eu-north-1', 'BucketSizeBytes', 2], ['us-east-1', 'NumberOfObjects', 0]]);
    assert.equal(metricSelectionsFromArgument({ namespace: 'AWS/S3' }, asScopeId('us-east-1')), undefined);
    assert.equal(metricSelectionsFromArgument([], asScopeId('us-east-1')), undefined);
    assert.equal(dimensionsFrom({ a: { nested: true } }), undefined);
  });

  it('reads openDashboard and showChart arguments', () => {
    assert.deepEqual(dashboardFromArgument('Enterprise-Avatar-System-Monitor'), { name: 'Enterprise-Avatar-System-Monitor' });
    assert.deepEqual(dashboardFromArgument({ name: 'x', region: 'eu-north-1' }), { name: 'x', region: 'eu-north-1' });
    assert.equal(dashboardFromArgument(42), undefined);

    assert.deepEqual(alarmFromArgument('dev-rds-cpu-critical'), { name: 'dev-rds-cpu-critical' });
    assert.deepEqual(alarmFromArgument('arn:aws:cloudwatch:eu-north-1:123456789012:alarm:avatar-s3-storage-critical'), { name: 'avatar-s3-storage-critical', region: 'eu-north-1' });
    assert.deepEqual(alarmFromArgument({ region: 'us-east-1', name: 'dev-ecs-cpu-warning' }), { name: 'dev-ecs-cpu-warning', region: 'us-east-1' });
    const alarm = fromMetricAlarm(asScopeId('us-east-1'), { AlarmName: 'dev-ecs-cpu-warning', StateValue: 'ALARM', MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 2, Dimensions: [{ Name: 'ClusterName', Value: 'c' }] });
    const fromNode = alarmFromArgument({ kind: 'alarm', alarm });
    assert.equal(fromNode?.region, asScopeId('us-east-1'));
    assert.deepEqual(fromNode?.snapshot, {
      state: 'ALARM',
      metric: { namespace: 'AWS/ECS', name: 'CPUUtilization', dimensions: [{ name: 'ClusterName', value: 'c' }], statistic: 'Average', period: 300 },
      threshold: 70,
      comparison: 'GreaterThanThreshold',
      evaluationPeriods: 2,
    });
    assert.equal(alarmFromArgument({}), undefined);
  });
});
