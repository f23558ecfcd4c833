// A chart of metrics picked in the Metrics view or passed to a command, with the panel's statistic.
import type { ChartSpec } from '../core/metrics/chartCalls';
import { formatPeriod } from '../core/metrics/period';
import { describeMetric, selectionQueries } from '../core/metrics/queries';
import { RANGE_LABEL, type TimeWindow } from '../core/metrics/ranges';
import type { ChartSource, ChartView, PanelState } from '../webview/protocol';
import { fetchCharts, type ChartDeps } from './chartFetch';
import { chartTitle, chartWidget, FULL_WIDTH, windowView } from './chartWidget';

export async function loadMetricChart(deps: ChartDeps, state: PanelState, source: Extract<ChartSource, { kind: 'metrics' }>, window: TimeWindow): Promise<ChartView> {
  const queries = selectionQueries(source.metrics, state.stat);
  const spec: ChartSpec = { widgetId: 'chart', queries };
  const fetched = (await fetchCharts(deps, [spec], window)).get('chart')!;
  const title = chartTitle(source);
  const widget = chartWidget({ id: 'chart', title: title.replace(/^Chart: /, ''), pos: FULL_WIDTH, view: 'timeSeries', stacked: false, yAxis: {}, lines: [] }, spec, fetched);
  const regions = [...new Set(source.metrics.map((m) => m.region))];
  return windowView(state.range, window, deps.now(), {
    title,
    subtitle: [regions.join(', '), source.metrics.length === 1 ? describeMetric(source.metrics[0]) : `${source.metrics.length} metrics`, `period ${formatPeriod(widget.period)}`, `last ${RANGE_LABEL[state.range]}`].join(' · '),
    layout: 'single',
    rows: FULL_WIDTH.height,
    statSelectable: true,
    widgets: [widget],
    notes: [],
  });
}
