import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutDashboardCommand, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { timeWindow } from '../../src/core/metrics/ranges';
import { ChartLoader } from '../../src/metrics/loader';
import type { ChartWidgetView, PanelState } from '../../src/webview/protocol';
import { resetMoto } from '../../sandbox/moto';
import { LAMBDA_VARIABLE_DASHBOARD } from '../fixtures/dashboards/bodies';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const MIN = 60000;

describe('dashboard variables, alarm graphs and explorers against moto', () => {
  let session: AwsSession;

  before(async () => {
    const client = new CloudWatchClient({ region: asScopeId('us-east-1'), endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await resetMoto(awsEndpoint());
    Object.assign(process.env, testEnv);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    const { start } = timeWindow('3h', Date.now());
    const first = Math.ceil(start / (5 * MIN)) * 5 * MIN;
    for (const [fn, level] of [['orders-api', 100], ['billing-api', 7]] as const) {
      for (const metric of ['Invocations', 'Duration', 'Errors']) {
        await client.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: Array.from({ length: 20 }, (_, i) => ({ MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: fn }], Timestamp: new Date(first + i * 5 * MIN), Value: level })) }));
      }
    }
    // Moto answers no SEARCH expression (one in a call fails the call): the fixture without its throttles row.
    const functions = { ...LAMBDA_VARIABLE_DASHBOARD, widgets: LAMBDA_VARIABLE_DASHBOARD.widgets.map((w, i) => (i === 2 ? { ...w, properties: { ...w.properties, metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'orders-api']] } } : w)) };
    await client.send(new PutDashboardCommand({ DashboardName: 'functions', DashboardBody: JSON.stringify(functions) }));
    await client.send(new PutMetricAlarmCommand({ AlarmName: 'orders-api-errors', Namespace: 'AWS/Lambda', MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'orders-api' }], Statistic: 'Sum', Period: 300, EvaluationPeriods: 1, Threshold: 50, ComparisonOperator: 'GreaterThanThreshold' }));
    await client.send(new PutDashboardCommand({
      DashboardName: 'alarm-and-explorer',
      DashboardBody: JSON.stringify({ widgets: [
        { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { region: asScopeId('us-east-1'), annotations: { alarms: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors'] } } },
        { type: 'explorer', x: 12, y: 0, width: 12, height: 6, properties: { metrics: [{ metricName: 'Invocations', resourceType: 'AWS::Lambda::Function', stat: 'Sum' }], period: 300, region: asScopeId('us-east-1'), title: 'Invocations by function' } },
      ] }),
    }));
  });

  after(() => session.reset());

  const state = (name: string, variables?: Record<string, string>): PanelState => ({ version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name }, range: '3h', autoRefresh: false, ...(variables ? { variables } : {}) });

  it('lists the variable\'s functions with ListMetrics and draws the one picked', async () => {
    const loader = new ChartLoader({ metrics: new SdkMetrics(session) });
    const first = await loader.load(state('functions'));
    assert.deepEqual(first.variables?.[0].options.map((o) => o.value), ['billing-api', 'orders-api']);
    assert.equal(first.variables?.[0].value, 'billing-api');
    const invocations = (v: typeof first) => (v.widgets[0] as ChartWidgetView).series[0].values;
    assert.ok(invocations(first).length > 0 && invocations(first).every((x) => x === 7));
    const second = await loader.load(state('functions', { functionName: 'orders-api' }));
    assert.equal(second.variables?.[0].value, 'orders-api');
    assert.ok(invocations(second).every((x) => x === 100));
  });

  it('graphs an alarm with its threshold and draws an explorer from the functions that publish its metric', async () => {
    const view = await new ChartLoader({ metrics: new SdkMetrics(session) }).load(state('alarm-and-explorer'));
    const [alarm, explorer] = view.widgets as ChartWidgetView[];
    assert.equal(alarm.title, 'orders-api-errors');
    assert.deepEqual(alarm.lines.map((l) => [l.value, l.kind]), [[50, 'threshold']]);
    assert.ok(alarm.series[0].values.every((x) => x === 100));
    assert.deepEqual(explorer.series.map((s) => s.label), ['Invocations billing-api', 'Invocations orders-api']);
  });
});
