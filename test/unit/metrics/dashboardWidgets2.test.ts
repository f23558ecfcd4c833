import { strict as assert } from 'node:assert';
import { customWidgetEvent, htmlBlocks, readCustomWidgetAnswer } from '../../../src/core/metrics/customWidget';
import { parseDashboardBody, widgetTitle } from '../../../src/core/metrics/dashboard';
import { inlineText } from '../../../src/core/metrics/markdown';
import { promQlRangeParams, promQlStepSeconds, readPromQlAnswer } from '../../../src/core/metrics/promql';
import { toMetricDataQuery, widgetQueries } from '../../../src/core/metrics/queries';
import { normalizeStat, parseExtendedStatistic } from '../../../src/core/metrics/statistics';
import * as F from '../../fixtures/dashboards/widgets2';

describe('dashboard widgets: bands, PromQL charts, custom widgets, cross-account rows, trimmed statistics', () => {
  it('a band annotation is one band between its two values; fill shades one side; invisible ones are left out', () => {
    const [w] = parseDashboardBody({ widgets: [F.ANNOTATED_WIDGET] }).widgets;
    assert.equal(w.type, 'metric');
    if (w.type !== 'metric') return;
    assert.deepEqual(w.annotations, [
      { value: 100, to: 250, label: 'Normal range', color: '#2ca02c', yAxis: 'left' },
      { value: 400, label: 'Breach', color: '#d62728', yAxis: 'left', fill: 'above' },
    ]);
    assert.deepEqual(w.verticalAnnotations, [
      { at: Date.parse('2026-12-07T10:00:00Z'), to: Date.parse('2026-12-07T10:20:00Z'), label: 'Deploy v2.4', color: undefined },
      { at: Date.parse('2026-12-07T11:00:00Z'), label: 'Failover', color: undefined, fill: 'after' },
    ]);
  });

  it('cross-account rows carry their account into GetMetricData and tell identical metrics apart; a bad account id is a problem', () => {
    const [w] = parseDashboardBody({ widgets: [F.ANNOTATED_WIDGET] }).widgets;
    if (w.type !== 'metric') throw new Error('metric widget expected');
    const { queries, problems } = widgetQueries(w.metrics, { region: 'us-east-1', stat: w.stat });
    assert.deepEqual(queries.map((q) => q.accountId), ['111122223333', '444455556666', undefined]);
    assert.match(queries[0].label, /\(111122223333\)$/);
    assert.match(queries[1].label, /\(444455556666\)$/);
    assert.equal(toMetricDataQuery(queries[0], 300).AccountId, '111122223333');
    assert.equal(toMetricDataQuery(queries[2], 300).AccountId, undefined);
    assert.deepEqual(problems, ['"prod" is not an account id (12 digits)']);
    assert.deepEqual(queries.map((q) => q.stat), ['TC(10%:90%)', 'TC(10%:90%)', 'IQM']);
  });

  it('trimmed statistics in every documented form, spelled as CloudWatch spells them; impossible ones pass through untouched', () => {
    assert.deepEqual(['tc(10%:90%)', 'tm(:95%)', 'Ts(5%:)', 'wm(10%:90%)', 'pr(100:2000)', 'PR(:300)', 'iqm', 'TM90', 'TS99.9', 'P99.9', 'TM(150:1000)'].map(normalizeStat), ['TC(10%:90%)', 'TM(:95%)', 'TS(5%:)', 'WM(10%:90%)', 'PR(100:2000)', 'PR(:300)', 'IQM', 'tm90', 'ts99.9', 'p99.9', 'TM(150:1000)']);
    assert.deepEqual(parseExtendedStatistic('TC(10%:90%)'), { kind: 'tc', low: { value: 10, percent: true }, high: { value: 90, percent: true }, text: 'TC(10%:90%)' });
    assert.equal(parseExtendedStatistic('PR(10%:90%)'), undefined, 'a percentile rank takes values, not percentages');
    assert.equal(parseExtendedStatistic('TM(90%:10%)'), undefined);
    assert.equal(parseExtendedStatistic('tm101'), undefined);
    assert.equal(normalizeStat('TM(90%:10%)'), 'TM(90%:10%)');
  });

  it('a chart widget holds its PromQL queries; without a title it is named with them', () => {
    const [w] = parseDashboardBody({ widgets: [F.PROMQL_CHART_WIDGET] }).widgets;
    assert.equal(w.type, 'chart');
    if (w.type !== 'chart') return;
    assert.deepEqual(w.queries.map((q) => [q.id, q.query, q.label]), [['q1', 'sum by (service.name) ({"http.server.active_requests"})', 'active'], ['q2', '{"http.server.duration"}', undefined]]);
    assert.equal(widgetTitle(w), 'active, {"http.server.duration"}');
    assert.equal(w.region, 'eu-west-1');
    const empty = parseDashboardBody({ widgets: [{ type: 'chart', properties: {} }] }).widgets[0];
    assert.ok(empty.type === 'chart' && empty.problems.includes('this chart widget holds no PromQL query'));
  });

  it('QueryMetrics: range parameters as the API takes them, and a matrix answer as series with gaps for NaN and Inf', () => {
    assert.deepEqual(promQlRangeParams('{"x"}', 1796000000_000, 1796003600_000, 60), { query: '{"x"}', start: '1796000000', end: '1796003600', step: '60s' });
    assert.equal(promQlStepSeconds(0, 3 * 3600_000), 60);
    assert.equal(promQlStepSeconds(0, 7 * 86400_000), 1680);
    assert.equal(promQlStepSeconds(0, 3600_000, 300), 300);
    const answer = readPromQlAnswer(F.PROMQL_MATRIX);
    assert.ok('series' in answer);
    assert.deepEqual(answer.series.map((s) => [s.label, s.timestamps, s.values]), [
      ['http.server.active_requests{service.name="checkout"}', [1796000000_000, 1796000060_000], [3, 5]],
      ['http.server.active_requests{service.name="cart"}', [1796000000_000], [1]],
    ]);
    assert.deepEqual(readPromQlAnswer(F.PROMQL_ERROR), { error: 'bad_data: invalid parameter "query": 1:1: parse error: unexpected "}"' });
  });

  it('a custom widget function gets the widgetContext the console sends, with the widget params', () => {
    const event = customWidgetEvent({ dashboardName: 'ops', widgetId: 'widget-3', accountId: '111122223333', title: 'Open incidents', params: F.CUSTOM_WIDGET.properties.params, start: 1000, end: 5000, period: 300, theme: 'dark', width: 600, height: 300 });
    assert.equal(event.team, 'payments');
    const context = event.widgetContext as Record<string, unknown>;
    assert.deepEqual(context.params, { team: 'payments' });
    assert.deepEqual(context.timeRange, { mode: 'relative', start: 1000, end: 5000, relativeStart: 4000 });
    assert.equal(context.theme, 'dark');
  });

  it('HTML from a custom widget becomes text blocks: no script, style, frame, handler or javascript: link survives', () => {
    const blocks = htmlBlocks(F.CUSTOM_HTML);
    const text = JSON.stringify(blocks);
    assert.doesNotMatch(text, /evil|cookie|alert|onerror|onmouseover|javascript|color:red|<img/);
    assert.deepEqual(blocks.map((b) => b.type), ['heading', 'list', 'table', 'paragraph']);
    const list = blocks[1];
    assert.ok(list.type === 'list');
    assert.deepEqual(list.items.map(inlineText), ['INC-42 checkout 5xx', 'INC-43 & friends']);
    const table = blocks[2];
    assert.ok(table.type === 'table');
    assert.deepEqual(table.header.map(inlineText), ['Team', 'Open']);
    assert.deepEqual(table.rows.map((r) => r.map(inlineText)), [['payments', '2']]);
    assert.match(text, /"href":"https:\/\/example\.com\/board"/);
    assert.ok('blocks' in readCustomWidgetAnswer({ payload: JSON.stringify({ markdown: '# Hi' }) }));
    assert.deepEqual(readCustomWidgetAnswer({ payload: '{"errorType":"Error","errorMessage":"boom"}', functionError: 'Unhandled' }), { error: 'The function failed (Unhandled): Error: boom' });
  });

  it('hostile HTML stays linear: 1 MB of unclosed tags and scripts', () => {
    for (const input of ['<script>'.repeat(130_000), '<a href="'.repeat(110_000), '<li>'.repeat(250_000), '&#x'.repeat(300_000)]) {
      const started = performance.now();
      htmlBlocks(input);
      assert.ok(performance.now() - started < 1000, `${input.slice(0, 10)}… took ${performance.now() - started} ms`);
    }
  });
});
