import { strict as assert } from 'node:assert';
import { MAX_CHART_SERIES, MAX_SERIES_POINTS, seriesChartFromArgument } from '../../../src/core/metrics/arguments';
import { ChartLoader } from '../../../src/metrics/loader';
import { parseSavedState, type ChartSource, type ChartWidgetView, type PanelState } from '../../../src/webview/protocol';
import { FakeMetrics } from './fakeMetrics';
import { asScopeId } from '../../../src/core/scope';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const MIN = 60_000;

function points(n: number, from = NOW - n * MIN, step = MIN): [number, number][] {
  return Array.from({ length: n }, (_, i) => [from + i * step, i]);
}

function insightsState(source: Extract<ChartSource, { kind: 'insights' }>): PanelState {
  return { version: 1, source, range: '3h', autoRefresh: false };
}

describe('series handed to a chart (Logs Insights results)', () => {
  it('reads { title, series, unit?, start?, end? } and sorts the points', () => {
    const chart = seriesChartFromArgument({
      title: 'Errors over time',
      series: [{ name: 'error_count', points: [[NOW, 3], [NOW - MIN, 1], ['x', 2], [NOW - 2 * MIN, Number.NaN], [NOW - 3 * MIN]] }],
      unit: 'Count',
      start: NOW - 3600_000,
      end: NOW,
    });
    assert.deepEqual(chart, { title: 'Errors over time', series: [{ name: 'error_count', points: [[NOW - MIN, 1], [NOW, 3]] }], unit: 'Count', start: NOW - 3600_000, end: NOW });
  });

  it('keeps the chart bounded: the first 50 series, the newest 10,000 points of each, and counts the rest', () => {
    const many = Array.from({ length: MAX_CHART_SERIES + 3 }, (_, i) => ({ name: `s${i}`, points: points(2) }));
    many[0] = { name: 's0', points: points(MAX_SERIES_POINTS + 5) };
    const chart = seriesChartFromArgument({ title: 't', series: many });
    assert.ok(chart);
    assert.equal(chart.series.length, MAX_CHART_SERIES);
    assert.equal(chart.series[0].points.length, MAX_SERIES_POINTS);
    assert.deepEqual(chart.series[0].points[0], [NOW - (MAX_SERIES_POINTS + 5) * MIN + 5 * MIN, 5], 'the oldest points go');
    assert.deepEqual(chart.omitted, { series: 3, points: 5 });
    // Parsing its own output again changes nothing (a restored panel).
    assert.deepEqual(seriesChartFromArgument(chart), chart);
  });

  it('rejects what is not a chart of points', () => {
    assert.equal(seriesChartFromArgument(undefined), undefined);
    assert.equal(seriesChartFromArgument({ series: [] }), undefined, 'no title');
    assert.equal(seriesChartFromArgument({ title: 't', series: [] }), undefined, 'no series');
    assert.equal(seriesChartFromArgument({ title: 't', series: [{ name: 'a', points: [['x', 1]] }] }), undefined, 'no valid point');
    assert.equal(seriesChartFromArgument({ title: 't', series: [{ points: [[1, 1]] }] }), undefined, 'a series without a name');
    const chart = seriesChartFromArgument({ title: 't', series: [{ name: 'a', points: [[1, 1]] }], unit: 42, start: 10, end: 5 });
    assert.deepEqual(chart, { title: 't', series: [{ name: 'a', points: [[1, 1]] }] }, 'a bad unit or window is left out');
  });

  it('is restored from a saved panel state with its series, bounded again', () => {
    const source = { kind: 'insights', title: 'Errors', series: [{ name: 'errors', points: [[NOW, 1]] }] };
    const panel = { version: 1, source, range: '3h', autoRefresh: false };
    assert.deepEqual(parseSavedState({ panel }), panel);
    const big = { ...panel, source: { ...source, series: Array.from({ length: 60 }, (_, i) => ({ name: `s${i}`, points: [[NOW, i]] })) } };
    const restored = parseSavedState({ panel: big });
    assert.ok(restored && restored.source.kind === 'insights');
    assert.equal(restored.source.series.length, MAX_CHART_SERIES);
    assert.equal(parseSavedState({ panel: { ...panel, source: { kind: 'insights', title: 'x', series: 'many' } } }), undefined);
  });

  it('is drawn as one time-series widget without fetching, over the query range', async () => {
    const api = new FakeMetrics();
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    const source = {
      kind: 'insights' as const,
      title: 'Database Connection Errors',
      series: [{ name: '/api/videos', points: points(12, NOW - 3600_000, 5 * MIN) }, { name: '/api/jobs', points: points(6, NOW - 3600_000, 10 * MIN) }],
      start: NOW - 3 * 3600_000,
      end: NOW,
      omitted: { series: 2, points: 0 },
    };
    assert.equal(loader.title(source), 'Chart: Database Connection Errors');
    const view = await loader.load(insightsState(source));
    assert.equal(api.calls.length, 0, 'nothing fetched');
    assert.equal(view.statSelectable, false);
    assert.deepEqual([view.start, view.end], [NOW - 3 * 3600_000, NOW]);
    assert.equal(view.subtitle, 'Logs Insights results · 2 series · 18 points · every 5 min');
    const chart = view.widgets[0] as ChartWidgetView;
    assert.deepEqual(chart.series.map((s) => [s.label, s.values.length, s.yAxis]), [['/api/videos', 12, 'left'], ['/api/jobs', 6, 'left']]);
    assert.equal(chart.view, 'timeSeries');
    assert.equal(chart.period, 300);
    assert.deepEqual(chart.notes, ['2 more series are not shown (at most 50 are charted).']);
  });

  it('without a window, spans the data and one step more', async () => {
    const view = await new ChartLoader({ metrics: new FakeMetrics(), now: () => NOW }).load(insightsState({ kind: 'insights', title: 'x', series: [{ name: 'n', points: points(4, NOW - 4 * 3600_000, 3600_000) }], unit: 'Milliseconds' }));
    assert.deepEqual([view.start, view.end], [NOW - 4 * 3600_000, NOW]);
    const chart = view.widgets[0] as ChartWidgetView;
    assert.deepEqual(chart.axes.left, { min: 0, label: 'ms', unit: 'Milliseconds' });
    assert.equal(chart.series[0].unit, 'Milliseconds');
  });
});

describe('a dashboard\'s own time range', () => {
  const body = { start: '-PT24H', widgets: [{ type: 'metric', properties: { title: 'CPU', region: asScopeId('us-east-1'), period: 60, metrics: [['AWS/ECS', 'CPUUtilization']] } }] };

  it('opens on the dashboard\'s start until a range is picked', async () => {
    const api = new FakeMetrics({ d: { region: asScopeId('us-east-1'), body } });
    const loader = new ChartLoader({ metrics: api, now: () => NOW });
    const own = await loader.load({ version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name: 'd' }, range: '3h', rangeFromSource: true, autoRefresh: false });
    assert.equal(own.range, '24h');
    assert.equal(own.end - own.start, 24 * 3600_000);
    assert.match(own.subtitle, /last 24 hours/);
    assert.equal((own.widgets[0] as ChartWidgetView).series[0].values.length, 1440);

    const picked = await loader.load({ version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name: 'd' }, range: '1h', autoRefresh: false });
    assert.equal(picked.range, '1h');
    assert.equal(picked.end - picked.start, 3600_000);
  });

  it('keeps the state\'s range when the dashboard has no start of ours', async () => {
    const api = new FakeMetrics({ d: { region: asScopeId('us-east-1'), body: { ...body, start: '-PT5H' } } });
    const view = await new ChartLoader({ metrics: api, now: () => NOW }).load({ version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name: 'd' }, range: '3h', rangeFromSource: true, autoRefresh: false });
    assert.equal(view.range, '3h');
  });
});
