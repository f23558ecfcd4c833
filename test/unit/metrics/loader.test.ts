import { strict as assert } from 'node:assert';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { ChartLoader } from '../../../src/metrics/loader';
import type { ChartWidgetView, PanelState } from '../../../src/webview/protocol';
import { FakeMetrics } from './fakeMetrics';
import { asScopeId } from '../../../src/core/scope';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function alarm(name: string, extra: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
    StateValue: 'ALARM',
    StateReason: 'Threshold Crossed',
    StateUpdatedTimestamp: new Date(NOW - 10 * 60000),
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: [{ Name: 'ServiceName', Value: 'ai-video-backend-service' }, { Name: 'ClusterName', Value: 'ai-video-cluster' }],
    Statistic: 'Average',
    Period: 300,
    EvaluationPeriods: 2,
    Threshold: 70,
    ComparisonOperator: 'GreaterThanThreshold',
    Unit: 'Percent',
    ...extra,
  };
}

const applicationDashboard = {
  widgets: [
    { type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# AI Video Pipeline - dev application\n<script>alert(1)</script>' } },
    {
      type: 'metric', x: 0, y: 2, width: 12, height: 6,
      properties: {
        title: 'ECS CPU Utilization', region: asScopeId('us-east-1'), period: 60,
        metrics: [
          ['AWS/ECS', 'CPUUtilization', 'ServiceName', 'ai-video-backend-service', 'ClusterName', 'ai-video-cluster', { stat: 'Average', label: 'Average' }],
          ['.', '.', '.', '.', '.', '.', { stat: 'Maximum', label: 'Maximum' }],
        ],
        yAxis: { left: { min: 0, max: 100, label: 'Percent' } },
        annotations: { horizontal: [{ label: 'Warning', value: 70 }, { label: 'Critical', value: 90, color: '#d62728' }] },
      },
    },
    { type: 'metric', x: 12, y: 2, width: 12, height: 6, properties: { title: 'Error rate', region: asScopeId('us-east-1'), stat: 'Sum', metrics: [['App', 'Errors', { id: 'err', visible: false }], ['App', 'Requests', { id: 'req', visible: false }], [{ expression: '100*err/req', label: 'Error %', id: 'rate' }]] } },
    { type: 'metric', x: 0, y: 8, width: 8, height: 6, properties: { title: 'Running Tasks', view: 'singleValue', region: asScopeId('us-east-1'), stat: 'Minimum', metrics: [['AWS/ECS', 'RunningTaskCount', 'ServiceName', 'ai-video-backend-service']] } },
    { type: 'metric', x: 8, y: 8, width: 8, height: 6, properties: { title: 'S3 in Stockholm', region: asScopeId('eu-north-1'), metrics: [['AWS/S3', 'BucketSizeBytes', 'BucketName', 'b']] } },
    { type: 'alarm', x: 16, y: 8, width: 8, height: 6, properties: { title: 'Critical alarms', alarms: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:dev-ecs-cpu-warning', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:gone'] } },
    { type: 'log', x: 0, y: 14, width: 24, height: 6, properties: { title: 'Error Rate by Endpoint', region: asScopeId('us-east-1'), query: "SOURCE '/ecs/dev/ai-video-backend' | fields @timestamp, @message\n| filter @message like /ERROR/" } },
    { type: 'explorer', x: 0, y: 20, width: 24, height: 6, properties: { title: 'Explorer' } },
  ],
};

function state(source: PanelState['source'], range: PanelState['range'] = '1h', stat?: string): PanelState {
  return { version: 1, source, range, ...(stat ? { stat } : {}), autoRefresh: false };
}

describe('chart loader', () => {
  it('charts picked metrics with the statistic asked for', async () => {
    const api = new FakeMetrics();
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    const source = { kind: 'metrics' as const, metrics: [
      { region: asScopeId('us-east-1'), namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ServiceName', value: 'a' }] },
      { region: asScopeId('us-east-1'), namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ServiceName', value: 'b' }] },
    ] };
    const view = await loader.load(state(source, '1h', 'p99'));
    assert.equal(view.title, 'Chart: CPUUtilization');
    assert.equal(view.layout, 'single');
    const chart = view.widgets[0] as ChartWidgetView;
    assert.deepEqual(chart.series.map((s) => [s.id, s.label, s.values.length, s.unit]), [['m1', 'CPUUtilization a', 60, 'Percent'], ['m2', 'CPUUtilization b', 60, 'Percent']]);
    assert.equal(chart.period, 60);
    assert.deepEqual(chart.axes.left, { label: '%', unit: 'Percent' });
    assert.equal(api.calls.length, 1);
    assert.deepEqual(api.calls[0].queries.map((q) => q.MetricStat?.Stat), ['p99', 'p99']);
    assert.equal(api.calls[0].end.getTime() - api.calls[0].start.getTime(), 3600 * 1000);
  });

  it('loads a dashboard: one call per region for every metric widget, ids kept apart', async () => {
    const api = new FakeMetrics({ 'dev-application-dashboard': { region: asScopeId('us-east-1'), body: applicationDashboard } }, [alarm('dev-ecs-cpu-warning')]);
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    const view = await loader.load(state({ kind: 'dashboard', region: asScopeId('us-east-1'), name: 'dev-application-dashboard' }, '3h'));
    assert.equal(view.layout, 'dashboard');
    assert.equal(view.rows, 26);
    assert.deepEqual(view.widgets.map((w) => [w.kind, w.title]), [
      ['text', ''],
      ['chart', 'ECS CPU Utilization'],
      ['chart', 'Error rate'],
      ['chart', 'Running Tasks'],
      ['chart', 'S3 in Stockholm'],
      ['alarms', 'Critical alarms'],
      ['log', 'Error Rate by Endpoint'],
      ['placeholder', 'Explorer'],
    ]);
    assert.deepEqual(api.calls.map((c) => [c.region, c.queries.length]).sort(), [['eu-north-1', 1], ['us-east-1', 6]]);
    const east = api.calls.find((c) => c.region === 'us-east-1')!;
    assert.ok(east.queries.some((q) => q.Expression === '100*w2_err/w2_req'), 'expression ids follow the widget prefix');

    const cpu = view.widgets[1] as ChartWidgetView;
    assert.deepEqual(cpu.series.map((s) => [s.id, s.label]), [['m1', 'Average'], ['m2', 'Maximum']]);
    assert.equal(cpu.series[0].values.length, 180);
    // The dashboard's axis label "Percent" reads as every chart's unit does.
    assert.deepEqual(cpu.axes.left, { min: 0, max: 100, label: '%', unit: 'Percent' });
    assert.deepEqual(cpu.lines.map((l) => [l.value, l.label, l.kind]), [[70, 'Warning', 'annotation'], [90, 'Critical', 'annotation']]);
    const rate = view.widgets[2] as ChartWidgetView;
    assert.deepEqual(rate.series.map((s) => [s.id, s.label]), [['rate', 'Error %']], 'hidden metrics feed the expression only');
    assert.equal((view.widgets[3] as ChartWidgetView).view, 'singleValue');

    const text = view.widgets[0];
    assert.ok(text.kind === 'text');
    assert.deepEqual(text.blocks.map((b) => b.type), ['heading', 'paragraph']);
    const alarms = view.widgets[5];
    assert.ok(alarms.kind === 'alarms');
    assert.deepEqual(alarms.alarms.map((a) => [a.name, a.state]), [['dev-ecs-cpu-warning', 'ALARM'], ['gone', 'UNKNOWN']]);
    const log = view.widgets[6];
    assert.ok(log.kind === 'log');
    assert.deepEqual([log.logGroups, log.region], [['/ecs/dev/ai-video-backend'], 'us-east-1']);
    const placeholder = view.widgets[7];
    assert.ok(placeholder.kind === 'placeholder' && placeholder.widgetType === 'explorer' && /selects no metrics/.test(placeholder.message));
  });

  it('shows a failing region inside its widgets and draws the rest', async () => {
    const api = new FakeMetrics({ d: { region: asScopeId('us-east-1'), body: applicationDashboard } });
    api.failRegions.add('eu-north-1');
    const view = await new ChartLoader({ metrics: api, now: () => NOW }).load(state({ kind: 'dashboard', region: asScopeId('us-east-1'), name: 'd' }));
    const stockholm = view.widgets[4] as ChartWidgetView;
    assert.match(stockholm.error ?? '', /eu-north-1: .*boom/);
    assert.equal((view.widgets[1] as ChartWidgetView).error, undefined);
  });

  it('overrides the statistic of every metric row, not of expressions', async () => {
    const api = new FakeMetrics({ d: { region: asScopeId('us-east-1'), body: applicationDashboard } });
    await new ChartLoader({ metrics: api, now: () => NOW }).load(state({ kind: 'dashboard', region: asScopeId('us-east-1'), name: 'd' }, '1h', 'Maximum'));
    const all = api.calls.flatMap((c) => c.queries);
    assert.ok(all.filter((q) => q.MetricStat).every((q) => q.MetricStat!.Stat === 'Maximum'));
    assert.ok(all.some((q) => q.Expression));
  });

  it('charts an alarm with its threshold and ALARM periods from history', async () => {
    const api = new FakeMetrics({}, [alarm('dev-ecs-cpu-warning')], (_id, i) => (i >= 280 ? 95 : 40));
    const history = [{ Timestamp: new Date(NOW - 20 * 60000), HistoryItemType: 'StateUpdate', HistoryData: JSON.stringify({ oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM' } }) }];
    const loader = new ChartLoader({ metrics: api, now: () => NOW, alarmHistory: async () => history });
    const view = await loader.load(state({ kind: 'alarm', region: asScopeId('us-east-1'), name: 'dev-ecs-cpu-warning' }, '24h'));
    const chart = view.widgets[0] as ChartWidgetView;
    assert.equal(view.title, 'Alarm: dev-ecs-cpu-warning');
    assert.equal(view.statSelectable, false);
    assert.equal(chart.title, 'CPUUtilization > 70');
    assert.deepEqual(chart.alarm, { name: 'dev-ecs-cpu-warning', region: asScopeId('us-east-1'), state: 'ALARM', threshold: 70, comparison: 'GreaterThanThreshold' });
    assert.deepEqual(chart.lines, [{ value: 70, label: 'Threshold > 70', kind: 'threshold', yAxis: 'left' }]);
    assert.equal(chart.period, 300);
    assert.equal(chart.bandsFrom, 'history');
    assert.deepEqual(chart.bands.map((b) => [(b.from - NOW) / 60000, (b.to - NOW) / 60000]), [[-20, 0]]);
    assert.equal(chart.series[0].unit, 'Percent');
  });

  it('computes ALARM periods from the data when there is no history', async () => {
    const api = new FakeMetrics({}, [alarm('dev-ecs-cpu-warning', { StateValue: 'OK' })], (_id, i) => (i >= 10 && i < 14 ? 95 : 40));
    const loader = new ChartLoader({ metrics: api, now: () => NOW, alarmHistory: async () => { throw new Error('DescribeAlarmHistory is not supported'); } });
    const view = await loader.load(state({ kind: 'alarm', region: asScopeId('us-east-1'), name: 'dev-ecs-cpu-warning' }, '3h'));
    const chart = view.widgets[0] as ChartWidgetView;
    assert.equal(chart.bandsFrom, 'data');
    // Two of two 5-minute points above 70: from the second breaching point to the end of the last.
    assert.deepEqual(chart.bands.map((b) => [(b.from - view.start) / 60000, (b.to - view.start) / 60000]), [[55, 70]]);
  });

  it('uses the alarm handed over when it cannot be read again, and says when it does not exist', async () => {
    const api = new FakeMetrics();
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    await assert.rejects(loader.load(state({ kind: 'alarm', region: asScopeId('us-east-1'), name: 'nope' })), /No alarm named "nope" in us-east-1/);
    const snapshot = { state: 'OK', metric: { namespace: 'AWS/RDS', name: 'CPUUtilization', dimensions: [], statistic: 'Maximum', period: 60 }, threshold: 90, comparison: 'GreaterThanThreshold' };
    const view = await loader.load(state({ kind: 'alarm', region: asScopeId('us-east-1'), name: 'gone', snapshot }));
    const chart = view.widgets[0] as ChartWidgetView;
    assert.equal(chart.alarm?.threshold, 90);
    assert.equal(api.calls[0].queries[0].MetricStat?.Stat, 'Maximum');
    assert.match(view.notes[0], /as it was when the chart was opened/);
  });

  it('charts a metric-math alarm from its queries', async () => {
    const math = alarm('api-error-rate', {
      MetricName: undefined, Namespace: undefined, Statistic: undefined, Period: undefined, Dimensions: undefined, Threshold: 10,
      Metrics: [
        { Id: 'errors', MetricStat: { Metric: { Namespace: 'App', MetricName: 'APIErrors' }, Period: 300, Stat: 'Sum' }, ReturnData: false },
        { Id: 'requests', MetricStat: { Metric: { Namespace: 'App', MetricName: 'APIRequests' }, Period: 300, Stat: 'Sum' }, ReturnData: false },
        { Id: 'rate', Expression: '(errors / requests) * 100', Label: 'Error rate', ReturnData: true },
      ],
    });
    const api = new FakeMetrics({}, [math]);
    const view = await new ChartLoader({ metrics: api, now: () => NOW }).load(state({ kind: 'alarm', region: asScopeId('us-east-1'), name: 'api-error-rate' }));
    const chart = view.widgets[0] as ChartWidgetView;
    assert.equal(chart.title, '(errors / requests) * 100 > 10');
    assert.deepEqual(chart.series.map((s) => s.label), ['Error rate']);
    assert.deepEqual(api.calls[0].queries.map((q) => q.Id), ['chart_errors', 'chart_requests', 'chart_rate']);
  });
});
