import { strict as assert } from 'node:assert';
import { chartsFromOutcomes, completePeriodsOnly, groupByWindow, planMetricDataCalls, type ChartSpec } from '../../../src/core/metrics/chartCalls';
import type { ChartQuery } from '../../../src/core/metrics/queries';
import { asScopeId } from '../../../src/core/scope';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HOUR = { start: NOW - 3600_000, end: NOW };

function metric(id: string, where: string, extra: Partial<ChartQuery> = {}): ChartQuery {
  return { id, region: asScopeId(where), metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, stat: 'Sum', label: id, explicitLabel: false, yAxis: 'left', visible: true, ...extra };
}

function expression(id: string, where: string, text: string): ChartQuery {
  return { id, region: asScopeId(where), expression: text, stat: '', label: id, explicitLabel: false, yAxis: 'left', visible: true };
}

function series(id: string, timestamps: number[], status = 'Complete') {
  return { id, label: id, timestamps, values: timestamps.map((_, i) => i), status, messages: [] };
}

describe('GetMetricData calls for the charts of a panel', () => {
  it('shares one call per region between charts, each query id prefixed with its chart', () => {
    const specs: ChartSpec[] = [
      { widgetId: 'w0', queries: [metric('m1', 'us-east-1'), metric('m2', 'eu-north-1')] },
      { widgetId: 'w1', queries: [metric('m1', 'us-east-1')] },
    ];
    const plan = planMetricDataCalls(specs, HOUR, NOW);
    assert.deepEqual(plan.calls.map((c) => [c.region, c.queries.map((q) => q.Id), [...c.widgets]]), [
      ['us-east-1', ['w0_m1', 'w1_m1'], ['w0', 'w1']],
      ['eu-north-1', ['w0_m2'], ['w0']],
    ]);
  });

  it('renames the ids an expression names to its own chart’s, and sends a METRICS() chart alone', () => {
    const specs: ChartSpec[] = [
      { widgetId: 'w0', queries: [metric('err', 'us-east-1', { visible: false }), metric('req', 'us-east-1', { visible: false }), expression('rate', 'us-east-1', '100*err/req')] },
      { widgetId: 'w1', queries: [metric('m1', 'us-east-1'), expression('total', 'us-east-1', 'SUM(METRICS())')] },
    ];
    const plan = planMetricDataCalls(specs, HOUR, NOW);
    assert.equal(plan.calls.length, 2);
    assert.equal(plan.calls[0].queries.find((q) => q.Id === 'w0_rate')?.Expression, '100*w0_err/w0_req');
    assert.deepEqual(plan.calls[1].queries.map((q) => q.Id), ['w1_m1', 'w1_total']);
    assert.deepEqual([...plan.calls[1].widgets], ['w1']);
  });

  it('keeps a period asked for, and spans the whole range with one period when the chart asks for it', () => {
    const specs: ChartSpec[] = [
      { widgetId: 'w0', queries: [metric('m1', 'us-east-1', { period: 300 })] },
      { widgetId: 'w1', queries: [metric('m1', 'us-east-1')], periodIsRange: true },
    ];
    const plan = planMetricDataCalls(specs, HOUR, NOW);
    assert.equal(plan.periods.get('w0')?.get('m1'), 300);
    assert.equal(plan.periods.get('w1')?.get('m1'), 3600);
  });

  it('gives each chart its own series under their local ids, with notes for partial data', () => {
    const specs: ChartSpec[] = [{ widgetId: 'w0', queries: [metric('m1', 'us-east-1')] }, { widgetId: 'w1', queries: [metric('m1', 'us-east-1')] }];
    const plan = planMetricDataCalls(specs, HOUR, NOW);
    const data = { series: [series('w0_m1', [NOW - 120_000]), series('w1_m1', [NOW - 60_000], 'PartialData')], messages: ['Throttled once'], calls: 1 };
    const charts = chartsFromOutcomes(specs, plan.periods, [{ call: plan.calls[0], data }]);
    assert.deepEqual(charts.get('w0')?.series.map((s) => [s.id, s.timestamps]), [['m1', [NOW - 120_000]]]);
    assert.deepEqual(charts.get('w0')?.notes, ['Throttled once']);
    assert.deepEqual(charts.get('w1')?.notes, ['w1_m1: partial data.', 'Throttled once']);
    assert.equal(charts.get('w1')?.periods.get('m1'), 60);
  });

  it('fails a chart only when every region it asks fails; one failed region of two is a note', () => {
    const specs: ChartSpec[] = [
      { widgetId: 'w0', queries: [metric('m1', 'us-east-1'), metric('m2', 'eu-north-1')] },
      { widgetId: 'w1', queries: [metric('m1', 'eu-north-1')] },
    ];
    const plan = planMetricDataCalls(specs, HOUR, NOW);
    const [east, north] = plan.calls;
    const charts = chartsFromOutcomes(specs, plan.periods, [
      { call: east, data: { series: [series('w0_m1', [NOW - 60_000])], messages: [], calls: 1 } },
      { call: north, error: 'AccessDenied' },
    ]);
    assert.equal(charts.get('w0')?.error, undefined);
    assert.deepEqual(charts.get('w0')?.notes, ['Failed in eu-north-1: AccessDenied']);
    assert.equal(charts.get('w1')?.error, 'eu-north-1: AccessDenied');
    assert.deepEqual(charts.get('w1')?.series, []);
  });

  it('groups charts by the window they are fetched over', () => {
    const own = { start: NOW - 7 * 86400_000, end: NOW };
    const groups = groupByWindow([{ widgetId: 'w0', queries: [] }, { widgetId: 'w1', queries: [], window: own }, { widgetId: 'w2', queries: [] }], HOUR);
    assert.deepEqual(groups.map((g) => [g.window, g.specs.map((s) => s.widgetId)]), [[HOUR, ['w0', 'w2']], [own, ['w1']]]);
  });

  it('drops the points of periods that have not ended yet', () => {
    const chart = { series: [series('m1', [NOW - 180_000, NOW - 120_000, NOW - 60_000, NOW - 30_000])], periods: new Map([['m1', 60]]), notes: [] };
    const complete = completePeriodsOnly(chart, NOW - 10_000);
    assert.deepEqual(complete.series[0].timestamps, [NOW - 180_000, NOW - 120_000]);
    assert.deepEqual(complete.series[0].values, [0, 1]);
    assert.equal(completePeriodsOnly(chart, NOW + 60_000).series[0], chart.series[0]);
  });
});
