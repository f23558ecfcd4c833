import { strict as assert } from 'node:assert';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { applyVariables, chooseValue, parseVariableSearch, readVariables } from '../../../src/core/metrics/variables';
import { readWidgetOptions, widgetWindow } from '../../../src/core/metrics/widgetOptions';
import { ChartLoader } from '../../../src/metrics/loader';
import { parsePageMessage, parseSavedState, type ChartWidgetView, type LogWidgetView, type PanelState, type PlaceholderWidgetView } from '../../../src/webview/protocol';
import * as D from '../../fixtures/dashboards/bodies';
import { FakeMetrics } from './fakeMetrics';
import { asScopeId } from '../../../src/core/scope';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const lambda = (metricName: string, fn: string) => ({ namespace: 'AWS/Lambda', metricName, dimensions: [{ name: 'FunctionName', value: fn }] });

function state(name: string, extra: Partial<PanelState> = {}): PanelState {
  return { version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name }, range: '3h', autoRefresh: false, ...extra };
}

/** Each chart widget's title and its drawn series (label, number of points). */
function drawn(widgets: readonly { kind: string }[]): [string, [string, number][]][] {
  return (widgets.filter((w) => w.kind === 'chart') as ChartWidgetView[]).map((w) => [w.title, w.series.map((s) => [s.label, s.values.length])]);
}

describe('dashboard variables', () => {
  it('reads property and pattern variables, their input types, values, defaults and searches', () => {
    const { variables, problems } = readVariables(D.LAMBDA_VARIABLE_DASHBOARD);
    assert.deepEqual(problems, []);
    assert.deepEqual(variables, [{ id: 'functionName', label: 'Function', type: 'property', target: 'FunctionName', inputType: 'select', values: [], visible: true, search: { namespace: 'AWS/Lambda', dimensions: ['FunctionName'], populateFrom: 'FunctionName', metricName: 'Duration' } }]);
    const pattern = readVariables(D.PATTERN_VARIABLE_DASHBOARD).variables;
    assert.deepEqual(pattern.map((v) => [v.id, v.type, v.inputType, v.values.map((o) => o.label), v.defaultValue, v.visible]), [['env', 'pattern', 'radio', ['Production', 'Staging'], '__FIRST', true], ['region', 'property', 'input', [], 'us-east-1', false]]);
    assert.deepEqual(readVariables({ widgets: [], variables: [{ type: 'pattern' }, 'x'] }).problems, ['variable 1 needs "type" property with "property", or "pattern" with "pattern"', 'variable 2 is not an object']);
    assert.equal(parseVariableSearch('{AWS/EC2,InstanceId} CPUUtilization', 'Region'), undefined);
  });

  it('chooses the picked value while it is offered, else the default, else the first', () => {
    const [env] = readVariables(D.PATTERN_VARIABLE_DASHBOARD).variables;
    assert.equal(chooseValue(env, env.values, 'orders-staging'), 'orders-staging');
    assert.equal(chooseValue(env, env.values, 'orders-gone'), 'orders-prod');
    assert.equal(chooseValue(env, env.values, undefined), 'orders-prod');
  });

  it('writes a property value into metric rows and search expressions; a pattern into rows, titles and log queries', () => {
    const [fn] = readVariables(D.LAMBDA_VARIABLE_DASHBOARD).variables;
    const body = applyVariables(D.LAMBDA_VARIABLE_DASHBOARD, [{ variable: fn, value: 'billing-api' }]) as typeof D.LAMBDA_VARIABLE_DASHBOARD;
    assert.deepEqual(body.widgets[0].properties.metrics, [['AWS/Lambda', 'Invocations', 'FunctionName', 'billing-api']]);
    const rows = body.widgets[2].properties.metrics as unknown[][];
    assert.equal((rows[1][0] as { expression: string }).expression, 'SEARCH(\'{AWS/Lambda,FunctionName} FunctionName="billing-api" MetricName="Throttles"\', \'Sum\', 300)');
    assert.match(String(body.widgets[3].properties.query), /orders-api/, 'a property variable leaves log queries alone');
    const [env] = readVariables(D.PATTERN_VARIABLE_DASHBOARD).variables;
    const staged = applyVariables(D.PATTERN_VARIABLE_DASHBOARD, [{ variable: env, value: 'orders-staging' }]) as typeof D.PATTERN_VARIABLE_DASHBOARD;
    assert.deepEqual(staged.widgets[0].properties.metrics, [['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', 'orders-staging']]);
    assert.equal(staged.widgets[0].properties.title, 'Queue depth of orders-staging');
    assert.equal(staged.widgets[1].properties.query, "SOURCE '/ecs/orders-staging-consumer' | filter level = 'error'");
    assert.equal((D.PATTERN_VARIABLE_DASHBOARD.widgets[0].properties.metrics?.[0] as string[])[3], 'orders-prod', 'the original body is not changed');
  });

  it('loads a dashboard with the function its search lists and redraws for another one; the toolbar gets the picker', async () => {
    const api = new FakeMetrics({ fn: { region: asScopeId('us-east-1'), body: D.LAMBDA_VARIABLE_DASHBOARD } });
    api.listed['us-east-1'] = [lambda('Duration', 'orders-api'), lambda('Duration', 'billing-api'), lambda('Duration', 'auth-api'), lambda('Invocations', 'other-api')];
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    const first = await loader.load(state('fn'));
    assert.deepEqual(first.variables, [{ id: 'functionName', label: 'Function', inputType: 'select', options: ['auth-api', 'billing-api', 'orders-api'].map((v) => ({ value: v, label: v })), value: 'auth-api' }]);
    const dims = () => api.calls.flatMap((c) => c.queries.map((q) => q.MetricStat?.Metric?.Dimensions?.[0]?.Value ?? q.Expression));
    assert.ok(dims().every((d) => !d || /auth-api/.test(d)), `all rows ask for auth-api: ${dims().join(', ')}`);
    api.calls.length = 0;
    const second = await loader.load(state('fn', { variables: { functionName: 'billing-api' } }));
    assert.equal(second.variables?.[0].value, 'billing-api');
    assert.deepEqual(dims().filter(Boolean).sort(), ['SEARCH(\'{AWS/Lambda,FunctionName} FunctionName="billing-api" MetricName="Throttles"\', \'Sum\', 300)', 'billing-api', 'billing-api', 'billing-api']);
    assert.deepEqual(drawn(second.widgets).map(([title, series]) => [title, series.length]), [['Invocations', 1], ['Duration', 1], ['Errors and throttles', 1]]);
  });

  it('the pick travels in the page message and in the saved state, bounded', () => {
    assert.deepEqual(parsePageMessage({ type: 'setVariable', id: 'functionName', value: 'billing-api' }), { type: 'setVariable', id: 'functionName', value: 'billing-api' });
    assert.equal(parsePageMessage({ type: 'setVariable', id: 'x', value: 'v'.repeat(300) }), undefined);
    const saved = { panel: state('fn', { variables: { functionName: 'billing-api' } }) };
    assert.deepEqual(parseSavedState(saved)?.variables, { functionName: 'billing-api' });
    assert.equal(parseSavedState({ panel: { ...saved.panel, variables: { a: 1 } } })?.variables, undefined);
  });
});

describe('dashboard widgets beyond metric rows', () => {
  const ordersAlarm: MetricAlarm = {
    AlarmName: 'orders-api-errors',
    AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors',
    StateValue: 'OK',
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    Dimensions: [{ Name: 'FunctionName', Value: 'orders-api' }],
    Statistic: 'Sum',
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 5,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  };

  it('reads widget times, alarms to graph, custom functions and explorer selections', () => {
    const options = readWidgetOptions(D.ALARM_AND_TIME_DASHBOARD);
    assert.deepEqual(options.get(0)?.alarmArns, ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors']);
    assert.deepEqual(options.get(1)?.time, { start: '-PT24H', liveData: false });
    assert.deepEqual(widgetWindow(options.get(1)!.time, NOW), { start: NOW - 24 * 3600_000, end: NOW });
    assert.equal(options.get(2)?.time.liveData, true);
    const other = readWidgetOptions(D.EXPLORER_AND_CUSTOM_DASHBOARD);
    assert.equal(other.get(2)?.customFunction, 'arn:aws:lambda:us-east-1:123456789012:function:customWidgetSample');
    assert.deepEqual(other.get(0)?.explorer?.tags, [{ key: 'team', value: 'orders' }]);
  });

  it('draws the alarm a widget graphs with its threshold, a widget\'s own range and period, and live data only when asked', async () => {
    const api = new FakeMetrics({ t: { region: asScopeId('us-east-1'), body: D.ALARM_AND_TIME_DASHBOARD } }, [ordersAlarm]);
    const loader = new ChartLoader({ metrics: api, now: () => NOW - 30_000 });
    const view = await loader.load(state('t', { rangeFromSource: true }));
    const [alarm, day, live, complete, whole] = view.widgets as ChartWidgetView[];
    assert.equal(alarm.title, 'orders-api-errors');
    assert.deepEqual(alarm.series.map((s) => s.label), ['Errors Sum']);
    assert.deepEqual(alarm.lines.map((l) => [l.value, l.kind, l.label]), [[5, 'threshold', 'orders-api-errors ≥ 5']]);
    assert.equal(day.period, 3600);
    assert.equal(day.series[0].values.length, 23, 'the hour still running is not drawn (no liveData)');
    const dayCall = api.calls.find((c) => c.queries.some((q) => q.MetricStat?.Period === 3600))!;
    assert.equal(dayCall.end.getTime() - dayCall.start.getTime(), 24 * 3600_000);
    // The window ends at the next minute; the 5-minute period that started before now has not ended.
    assert.equal(live.series[0].values.length, 36);
    assert.equal(complete.series[0].values.length, 35);
    assert.equal(whole.series[0].values.length, 1, 'one period over the whole range is drawn although it runs on');
  });

  it('draws an explorer from the metrics its resource type publishes, aggregated when asked, and says what it cannot apply', async () => {
    const api = new FakeMetrics({ e: { region: asScopeId('us-east-1'), body: D.EXPLORER_AND_CUSTOM_DASHBOARD } });
    api.listed['us-east-1'] = [lambda('Duration', 'orders-api'), lambda('Duration', 'billing-api'), { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }, { name: 'Resource', value: 'orders-api:live' }] }];
    const view = await new ChartLoader({ metrics: api, now: () => NOW }).load(state('e'));
    assert.deepEqual(drawn(view.widgets).map(([t, s]) => [t, s.map(([label]) => label)]), [
      ['Lambda duration (explorer)', ['Duration billing-api', 'Duration orders-api']],
      ['Slowest function', ['Duration max of 2']],
    ]);
    const explorer = view.widgets[0] as ChartWidgetView;
    assert.ok(explorer.notes.some((n) => /tag filters \(team=orders\) are not applied/.test(n)));
    const custom = view.widgets[2] as PlaceholderWidgetView;
    assert.equal(custom.kind, 'placeholder');
    assert.equal(custom.title, 'Orders by country');
    assert.match(custom.message, /custom widget drawn by the Lambda function customWidgetSample/);
    assert.ok(api.calls.some((c) => c.queries.some((q) => q.Expression === 'MAX([w1_m1,w1_m2])')));
  });

  it('a pattern variable reaches log widgets\' queries', async () => {
    const api = new FakeMetrics({ p: { region: asScopeId('us-east-1'), body: D.PATTERN_VARIABLE_DASHBOARD } });
    const view = await new ChartLoader({ metrics: api, now: () => NOW }).load(state('p', { variables: { env: 'orders-staging' } }));
    const log = view.widgets[1] as LogWidgetView;
    assert.deepEqual([log.title, log.logGroups, log.query], ['orders-staging consumer errors', ['/ecs/orders-staging-consumer'], "filter level = 'error'"]);
    assert.deepEqual(view.variables?.map((v) => [v.id, v.inputType, v.value]), [['env', 'radio', 'orders-staging']], 'an invisible variable applies but is not offered');
  });
});
