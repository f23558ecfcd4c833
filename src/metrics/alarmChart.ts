// A chart of one alarm: its metric (or metric math) with the threshold line and its ALARM stretches
// shaded, from its history or else computed from the data. A composite alarm has no metric: its rule is shown.
import type { CompositeAlarm } from '@aws-sdk/client-cloudwatch';
import { STATE_LABEL, comparisonSymbol, formatNumber, fromLogAlarm, type Alarm } from '../core/alarms/model';
import { bandEdgeSeries, splitExpectedBand } from '../core/metrics/anomalyBand';
import { alarmFacts, snapshotFacts, type AlarmFacts } from '../core/metrics/alarmFacts';
import { alarmChartBands, transitionsFromHistory } from '../core/metrics/alarmBands';
import type { ChartSpec } from '../core/metrics/chartCalls';
import { formatPeriod } from '../core/metrics/period';
import { RANGE_LABEL, type TimeWindow } from '../core/metrics/ranges';
import { unitLabel } from '../core/metrics/units';
import type { ChartSource, ChartView, ChartWidgetView, LineView, PanelState, WidgetView } from '../webview/protocol';
import { fetchCharts, type ChartDeps } from './chartFetch';
import { chartTitle, chartWidget, FULL_WIDTH, windowView } from './chartWidget';
import { loadLogAlarmChart } from './logAlarmChart';

type AlarmSource = Extract<ChartSource, { kind: 'alarm' }>;

function compositeView(state: PanelState, source: AlarmSource, window: TimeWindow, now: number, composite: CompositeAlarm): ChartView {
  const widget: WidgetView = {
    kind: 'placeholder', id: 'chart', title: source.name, pos: FULL_WIDTH, widgetType: 'composite alarm',
    message: `${source.name} is a composite alarm: it has no metric of its own. Its rule: ${composite.AlarmRule ?? '(none)'}`,
  };
  return windowView(state.range, window, now, { title: chartTitle(source), subtitle: `${source.region} · composite alarm`, layout: 'single', rows: FULL_WIDTH.height, statSelectable: false, widgets: [widget], notes: [] });
}

/** The alarm as DescribeAlarms gives it now, else as the snapshot it was opened with (`fromSnapshot`). */
async function readAlarm(deps: ChartDeps, source: AlarmSource): Promise<{ composite?: CompositeAlarm; log?: Alarm; alarm?: AlarmFacts; band?: { id: string; label?: string }; fromSnapshot: boolean }> {
  const found = await deps.metrics.describeAlarms(source.region, [source.name]).catch((err: unknown) => {
    if (source.snapshot) return undefined;
    throw err;
  });
  const composite = found?.compositeAlarms.find((a) => a.AlarmName === source.name);
  if (composite) return { composite, fromSnapshot: false };
  const log = found?.logAlarms?.find((a) => a.AlarmName === source.name);
  if (log) return { log: fromLogAlarm(source.region, log), fromSnapshot: false };
  const raw = found?.metricAlarms.find((a) => a.AlarmName === source.name);
  const band = raw?.ThresholdMetricId ? { id: raw.ThresholdMetricId, label: raw.Metrics?.find((m) => m.Id === raw.ThresholdMetricId)?.Label } : undefined;
  return { alarm: raw ? alarmFacts(raw) : source.snapshot ? snapshotFacts(source.snapshot) : undefined, ...(band ? { band } : {}), fromSnapshot: !raw };
}

export async function loadAlarmChart(deps: ChartDeps, state: PanelState, source: AlarmSource, window: TimeWindow): Promise<ChartView> {
  const { composite, log, alarm, band, fromSnapshot } = await readAlarm(deps, source);
  if (composite) return compositeView(state, source, window, deps.now(), composite);
  if (log?.logQuery) return loadLogAlarmChart(deps, state, source, window, log, log.logQuery);
  if (!alarm) throw new Error(`No alarm named "${source.name}" in ${source.region}.`);
  if (alarm.queries.length === 0) throw new Error(`${source.name} has no metric to chart (a PromQL alarm's query is shown in its details).`);

  const queries = alarm.queries.map((q) => ({ ...q, region: source.region }));
  const spec: ChartSpec = { widgetId: 'chart', queries };
  const fetched = (await fetchCharts(deps, [spec], window)).get('chart')!;
  const evaluated = queries.find((q) => q.visible);
  const series = fetched.series.find((s) => s.id === evaluated?.id && s.id !== band?.id) ?? fetched.series[0];
  const period = (evaluated && fetched.periods.get(evaluated.id)) ?? alarm.period;
  const history = deps.alarmHistory ? await deps.alarmHistory(source.region, source.name).catch(() => undefined) : undefined;
  const bands = alarmChartBands({ ...alarm, transitions: history ? transitionsFromHistory(history) : [], start: window.start, end: window.end, series, period });

  const condition = band ? `${series?.label ?? alarm.subject} ${comparisonSymbol(alarm.comparison)}` : alarm.threshold === undefined ? '' : `${alarm.subject} ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}`;
  const lines: LineView[] = alarm.threshold === undefined ? [] : [{ value: alarm.threshold, label: `Threshold ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}`, kind: 'threshold', yAxis: 'left' }];
  const drawn = chartWidget({ id: 'chart', title: condition || source.name, pos: FULL_WIDTH, view: 'timeSeries', stacked: false, yAxis: { left: { label: alarm.unit ? unitLabel(alarm.unit) : undefined } }, lines, unit: alarm.unit }, spec, fetched);
  const widget: ChartWidgetView = {
    ...(band ? withExpectedBand(drawn, band, alarm.comparison) : drawn),
    bands: bands.bands,
    ...(bands.from ? { bandsFrom: bands.from } : {}),
    alarm: { name: source.name, region: source.region, state: alarm.state ?? 'INSUFFICIENT_DATA', ...(alarm.threshold !== undefined ? { threshold: alarm.threshold } : {}), ...(alarm.comparison ? { comparison: alarm.comparison } : {}) },
  };
  const stateLabel = STATE_LABEL[(alarm.state ?? 'INSUFFICIENT_DATA') as keyof typeof STATE_LABEL] ?? alarm.state ?? '';
  return windowView(state.range, window, deps.now(), {
    title: chartTitle(source),
    subtitle: [source.region, condition, stateLabel, `period ${formatPeriod(widget.period)}`, `last ${RANGE_LABEL[state.range]}`].filter(Boolean).join(' · '),
    layout: 'single',
    rows: FULL_WIDTH.height,
    statSelectable: false,
    widgets: [widget],
    notes: fromSnapshot && source.snapshot ? ['The alarm could not be read again; the chart uses the alarm as it was when the chart was opened.'] : [],
  });
}

const BAND_SIDE: Record<string, string> = { GreaterThanUpperThreshold: 'above', LessThanLowerThreshold: 'below', LessThanLowerOrGreaterThanUpperThreshold: 'outside' };

/** The band's two series (one id) drawn as one shaded band: its edges last, faint, named upper and lower. */
function withExpectedBand(widget: ChartWidgetView, band: { id: string; label?: string }, comparison: string | undefined): ChartWidgetView {
  const { band: expected, rest } = splitExpectedBand(widget.series, band.id, band.label);
  if (!expected) return widget;
  const unit = rest.find((s) => s.unit)?.unit;
  const { upper, lower } = bandEdgeSeries(expected, band.id);
  const edge = (s: typeof upper) => ({ ...s, timestamps: [...s.timestamps], values: [...s.values], yAxis: 'left' as const, ...(unit ? { unit } : {}) });
  return {
    ...widget,
    series: [...rest, edge(upper), edge(lower)],
    expectedBand: { label: expected.label, upperId: upper.id, lowerId: lower.id },
    notes: [...widget.notes, `Shaded band: ${expected.label}, the range the alarm expects the metric in; it fires when the metric is ${BAND_SIDE[comparison ?? ''] ?? 'outside'} it.`],
  };
}
