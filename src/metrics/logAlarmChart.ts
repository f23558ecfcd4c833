// The chart of a log alarm: its scheduled Logs Insights query run over the range, aggregated per bin of its
// schedule, against its threshold. Running it costs money, so until the person allows it the chart says what
// it would run and offers to. No `vscode` import: tested in node against the stand-in.
import { comparisonSymbol, formatNumber, STATE_LABEL, type Alarm, type LogAlarmQuery } from '../core/alarms/model';
import { logAlarmChartQuery, logAlarmSeries } from '../core/alarms/logAlarmChart';
import { windowText } from '../core/alarms/detailsDoc';
import { alarmChartBands, transitionsFromHistory } from '../core/metrics/alarmBands';
import { formatPeriod } from '../core/metrics/period';
import { RANGE_LABEL, type TimeWindow } from '../core/metrics/ranges';
import type { ResultRow } from '../core/insights/results/rows';
import { runInsightsQuery } from '../insights/execution';
import type { ChartSource, ChartView, ChartWidgetView, PanelState, PlaceholderWidgetView } from '../webview/protocol';
import type { ChartDeps } from './chartFetch';
import { chartTitle, FULL_WIDTH, windowView } from './chartWidget';

type AlarmSource = Extract<ChartSource, { kind: 'alarm' }>;

function describe(q: LogAlarmQuery): string {
  return `Runs ${q.schedule || 'on its schedule'} over ${q.logGroups.join(', ') || 'the log groups its query names'}, reading ${windowText(q.startOffsetSeconds, q.endOffsetSeconds)}.`;
}

function askFirst(alarm: Alarm, q: LogAlarmQuery, rangeLabel: string, canAsk: boolean): PlaceholderWidgetView {
  return {
    kind: 'placeholder', id: 'chart', title: alarm.name, pos: FULL_WIDTH, widgetType: 'log alarm',
    message: `${alarm.name} is a log alarm: its values come from a Logs Insights query, not a metric. ${describe(q)} To chart them, Ops Lens runs the query over the ${rangeLabel}, once per load; Logs Insights charges per GB it scans.${canAsk ? '' : ' Running queries is not available here.'}`,
    ...(canAsk ? { action: { kind: 'allowLogAlarmQuery' as const, label: 'Run the query to chart it…' } } : {}),
  };
}

export async function loadLogAlarmChart(deps: ChartDeps, state: PanelState, source: AlarmSource, window: TimeWindow, alarm: Alarm, q: LogAlarmQuery): Promise<ChartView> {
  const view = (widget: ChartWidgetView | PlaceholderWidgetView, subtitle: string[], notes: string[] = []) => windowView(state.range, window, deps.now(), {
    title: chartTitle(source), subtitle: [source.region, ...subtitle].filter(Boolean).join(' · '), layout: 'single', rows: FULL_WIDTH.height, statSelectable: false, widgets: [widget], notes,
  });
  const condition = `${q.aggregation || 'result'} ${comparisonSymbol(alarm.comparison)} ${alarm.threshold === undefined ? '' : formatNumber(alarm.threshold)}`.trim();
  const stateLabel = STATE_LABEL[alarm.state];
  if (!deps.logs || !deps.logAlarmQueryAllowed?.(source.region, source.name)) {
    return view(askFirst(alarm, q, `last ${RANGE_LABEL[state.range]}`, !!deps.logs && !!deps.logAlarmQueryAllowed), ['log alarm', condition, stateLabel]);
  }
  const chart = logAlarmChartQuery(q, window.end - window.start);
  const outcome = await runInsightsQuery(deps.logs as Parameters<typeof runInsightsQuery>[0], { region: source.region, queryString: chart.query, logGroupNames: q.logGroups, start: new Date(window.start), end: new Date(window.end) });
  if (outcome.status !== 'Complete') throw new Error(`The log alarm's query ended ${outcome.status} in Logs Insights.`);
  const series = logAlarmSeries((outcome.response.results ?? []).map((row) => row.map((f) => ({ field: f.field ?? '', value: f.value ?? '' })) as ResultRow));
  const history = deps.alarmHistory ? await deps.alarmHistory(source.region, source.name).catch(() => undefined) : undefined;
  const bands = alarmChartBands({ threshold: alarm.threshold, comparison: alarm.comparison, state: alarm.state, evaluationPeriods: q.resultsToEvaluate, datapointsToAlarm: q.resultsToAlarm, transitions: history ? transitionsFromHistory(history) : [], start: window.start, end: window.end, series: { timestamps: series.timestamps, values: series.values }, period: chart.binMs / 1000 });
  const stats = outcome.response.statistics;
  const widget: ChartWidgetView = {
    kind: 'chart', id: 'chart', title: condition, pos: FULL_WIDTH, view: 'timeSeries', stacked: false,
    series: [{ id: 'results', label: `${chart.aggregation} per ${formatPeriod(chart.binMs / 1000)}`, yAxis: 'left', timestamps: series.timestamps, values: series.values }],
    lines: alarm.threshold === undefined ? [] : [{ value: alarm.threshold, label: `Threshold ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}`, kind: 'threshold', yAxis: 'left' }],
    bands: bands.bands, ...(bands.from ? { bandsFrom: bands.from } : {}),
    axes: { left: {} }, period: chart.binMs / 1000,
    alarm: { name: alarm.name, region: source.region, state: alarm.state, ...(alarm.threshold !== undefined ? { threshold: alarm.threshold } : {}), ...(alarm.comparison ? { comparison: alarm.comparison } : {}) },
    notes: [
      `From Logs Insights: the alarm's query with ${chart.aggregation} per ${formatPeriod(chart.binMs / 1000)} bin (${chart.binFrom === 'schedule' ? 'its schedule' : chart.binFrom === 'range' ? 'widened from its schedule to fit the range' : 'its schedule is not a rate: 5-minute bins'}).${stats?.bytesScanned !== undefined ? ` Scanned ${Math.round(stats.bytesScanned).toLocaleString('en-US')} bytes.` : ''}`,
      describe(q),
    ],
  };
  return view(widget, ['log alarm', condition, stateLabel, `bin ${formatPeriod(chart.binMs / 1000)}`, `last ${RANGE_LABEL[state.range]}`]);
}
