// Builds what a chart panel shows from what it is asked to show: the host fetches, the page only
// draws. No `vscode` import: tested in plain node with a fake MetricsApi.
import type { MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricsApi, MetricSeries } from '../aws/services/metrics';
import { STATE_LABEL, comparisonSymbol, formatNumber } from '../core/alarms/model';
import { bandsFromData, bandsFromTransitions, transitionsFromHistory, type HistoryItemLike, type TimeBand } from '../core/metrics/alarmBands';
import { MAX_CHART_SERIES, MAX_SERIES_POINTS, type AlarmSnapshot } from '../core/metrics/arguments';
import { alarmRefFromArn, GRID_COLUMNS, parseDashboardBody, widgetTitle, type AxisSettings, type DashboardWidget, type GridPos, type MetricView } from '../core/metrics/dashboard';
import { parseMarkdown } from '../core/metrics/markdown';
import { choosePeriod, formatPeriod } from '../core/metrics/period';
import { describeMetric, renameInExpression, selectionQueries, toMetricDataQuery, widgetQueries, type ChartQuery } from '../core/metrics/queries';
import { RANGE_LABEL, timeWindow, type RangeKey, type TimeWindow } from '../core/metrics/ranges';
import { normalizeStat } from '../core/metrics/statistics';
import { applyVariables, readVariables } from '../core/metrics/variables';
import { functionName, readWidgetOptions, widgetWindow, type WidgetOptions } from '../core/metrics/widgetOptions';
import { guessUnit, unitLabel } from '../core/metrics/units';
import { sameProfile } from '../aws/scope';
import { explorerQueries, resolveVariables } from './dashboardParts';
import type { AlarmItemView, AxisView, ChartSource, ChartView, ChartWidgetView, LineView, PanelState, SeriesView, WidgetView } from '../webview/protocol';

export interface LoaderDeps {
  readonly metrics: MetricsApi;
  /** StateUpdate history of an alarm; when it fails or is empty, ALARM periods are computed from the data. */
  readonly alarmHistory?: (region: string, name: string) => Promise<readonly HistoryItemLike[]>;
  readonly now?: () => number;
}

/** One chart to fetch: its queries and how its period is decided. */
interface ChartSpec {
  readonly widgetId: string;
  readonly queries: readonly ChartQuery[];
  /** One period over the whole range (`setPeriodToTimeRange`). */
  readonly periodIsRange?: boolean;
  /** Rows of the widget that could not be read. */
  readonly problems?: readonly string[];
  /** The widget's own time range, when it has one. */
  readonly window?: TimeWindow;
  /** false: points of a period that has not ended yet are not drawn (a dashboard widget without `liveData`). */
  readonly liveData?: boolean;
}

interface FetchedChart {
  readonly series: MetricSeries[];
  /** Local query id → period used. */
  readonly periods: Map<string, number>;
  readonly error?: string;
  readonly notes: string[];
}

const FULL_WIDTH: GridPos = { x: 0, y: 0, width: GRID_COLUMNS, height: 12 };

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** `w3_m1` style ids: GetMetricData ids are unique per call, and several widgets share a call. */
function prefixed(widgetId: string, id: string): string {
  return `${widgetId}_${id}`;
}

export class ChartLoader {
  private readonly now: () => number;

  constructor(private readonly deps: LoaderDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The panel's tab title. */
  title(source: ChartSource): string {
    switch (source.kind) {
      case 'metrics':
        return source.title ?? `Chart: ${[...new Set(source.metrics.map((m) => m.metricName))].join(', ')}`;
      case 'dashboard':
        return `Dashboard: ${source.name}`;
      case 'alarm':
        return `Alarm: ${source.name}`;
      case 'insights':
        return `Chart: ${source.title || 'Logs Insights results'}`;
    }
  }

  async load(state: PanelState): Promise<ChartView> {
    const window = timeWindow(state.range, this.now());
    switch (state.source.kind) {
      case 'metrics':
        return this.loadMetrics(state, state.source, window);
      case 'dashboard':
        return this.loadDashboard(state, state.source);
      case 'alarm':
        return this.loadAlarm(state, state.source, window);
      case 'insights':
        return this.loadSeries(state, state.source);
    }
  }

  /** Series handed over whole: drawn as they are, over the window they cover. */
  private loadSeries(state: PanelState, source: Extract<ChartSource, { kind: 'insights' }>): ChartView {
    const series: SeriesView[] = source.series.map((s, i) => ({
      id: `s${i + 1}`,
      label: s.name || `series ${i + 1}`,
      yAxis: 'left',
      ...(source.unit ? { unit: source.unit } : {}),
      timestamps: s.points.map((p) => p[0]),
      values: s.points.map((p) => p[1]),
    }));
    const times = series.flatMap((s) => (s.timestamps.length ? [s.timestamps[0], s.timestamps[s.timestamps.length - 1]] : []));
    const step = typicalStep(series);
    const first = Math.min(...times);
    const last = Math.max(...times);
    // The query's range (widened to the data should any fall outside it), else the data's span with one
    // bin more at the end so the last bin shows whole.
    const dataEnd = last > first ? last + step : first + Math.max(step, 60_000);
    const start = Math.min(source.start ?? first, first);
    const end = source.end !== undefined ? Math.max(source.end, last) : dataEnd;
    const points = series.reduce((n, s) => n + s.values.length, 0);
    const notes: string[] = [];
    if (source.omitted?.series) notes.push(`${source.omitted.series} more series are not shown (at most ${MAX_CHART_SERIES} are charted).`);
    if (source.omitted?.points) notes.push(`${source.omitted.points.toLocaleString('en-US')} older points are not shown (at most ${MAX_SERIES_POINTS.toLocaleString('en-US')} per series).`);
    const label = source.unit ? unitLabel(source.unit) : undefined;
    const widget: ChartWidgetView = {
      kind: 'chart',
      id: 'chart',
      title: source.title,
      pos: FULL_WIDTH,
      view: 'timeSeries',
      stacked: false,
      series,
      lines: [],
      bands: [],
      // Counts and durations from zero, so the chart does not magnify small changes.
      axes: { left: { ...(series.every((s) => s.values.every((v) => v >= 0)) ? { min: 0 } : {}), ...(label ? { label } : {}), ...(source.unit ? { unit: source.unit } : {}) } },
      period: Math.max(1, Math.round(step / 1000)),
      notes,
    };
    return {
      title: this.title(source),
      subtitle: ['Logs Insights results', `${series.length} series`, `${points.toLocaleString('en-US')} points`, `every ${formatPeriod(Math.max(1, Math.round(step / 1000)))}`].join(' · '),
      layout: 'single',
      rows: FULL_WIDTH.height,
      statSelectable: false,
      widgets: [widget],
      notes: [],
      range: state.range,
      start,
      end: Math.max(end, start + 1000),
      fetchedAt: this.now(),
    };
  }

  private async loadMetrics(state: PanelState, source: Extract<ChartSource, { kind: 'metrics' }>, window: TimeWindow): Promise<ChartView> {
    const queries = selectionQueries(source.metrics, state.stat);
    const spec: ChartSpec = { widgetId: 'chart', queries };
    const fetched = (await this.fetchCharts([spec], window)).get('chart')!;
    const widget = this.chartWidget({ id: 'chart', title: this.title(source).replace(/^Chart: /, ''), pos: FULL_WIDTH, view: 'timeSeries', stacked: false, yAxis: {}, lines: [] }, spec, fetched);
    const regions = [...new Set(source.metrics.map((m) => m.region))];
    return this.view(state.range, window, {
      title: this.title(source),
      subtitle: [regions.join(', '), source.metrics.length === 1 ? describeMetric(source.metrics[0]) : `${source.metrics.length} metrics`, `period ${formatPeriod(widget.period)}`, `last ${RANGE_LABEL[state.range]}`].join(' · '),
      layout: 'single',
      rows: FULL_WIDTH.height,
      statSelectable: true,
      widgets: [widget],
      notes: [],
    });
  }

  private async loadDashboard(state: PanelState, source: Extract<ChartSource, { kind: 'dashboard' }>): Promise<ChartView> {
    const definition = await this.deps.metrics.getDashboard(source.region, source.name);
    let raw: unknown = definition.body;
    try {
      raw = JSON.parse(definition.body);
    } catch {
      // parseDashboardBody says what is wrong with it.
    }
    // A widget's own `region` is a region of the dashboard's account: with several profiles, the dashboard's profile.
    const inAccount = (region: string | undefined): string => sameProfile(source.region, region);
    const declared = readVariables(raw);
    const variables = await resolveVariables(this.deps.metrics, source.region, declared.variables, state.variables);
    const body = applyVariables(raw, variables.assignments);
    const parsed = parseDashboardBody(body);
    const options = readWidgetOptions(body);
    // The dashboard's own `start` until a range is picked in the panel.
    const range = state.rangeFromSource && parsed.range ? parsed.range : state.range;
    const window = timeWindow(range, this.now());
    const stat = normalizeStat(state.stat);
    const specs = new Map<number, ChartSpec>();
    const graphedAlarms = await this.graphedAlarms(parsed.widgets, options, source.region);
    const explorers = new Map<number, { title: string; view: MetricView; stacked: boolean; notes: string[] }>();
    await Promise.all(parsed.widgets.map(async (w) => {
      const own = options.get(w.index);
      const timing = { window: own ? widgetWindow(own.time, this.now()) : undefined, liveData: own?.time.liveData ?? false };
      if (w.type === 'metric') {
        const alarm = graphedAlarms.get(w.index);
        if (alarm) {
          specs.set(w.index, { widgetId: `w${w.index}`, queries: alarm.queries, problems: alarm.problems, ...timing });
          return;
        }
        const expanded = widgetQueries(w.metrics, { region: w.region ?? source.region, stat: w.stat, period: w.period });
        const queries = expanded.queries.map((q) => ({ ...q, region: inAccount(q.region), ...(stat && q.metric ? { stat } : {}) }));
        specs.set(w.index, { widgetId: `w${w.index}`, queries, periodIsRange: w.periodIsRange, problems: expanded.problems, ...timing });
      } else if (w.type === 'other' && own?.explorer) {
        const selection = own.explorer;
        if (!selection.metrics.length) {
          explorers.set(w.index, { title: selection.title ?? 'Explorer', view: 'timeSeries', stacked: false, notes: ['This explorer widget selects no metrics (each needs a metricName and a resourceType).'] });
          return;
        }
        try {
          const found = await explorerQueries(this.deps.metrics, inAccount(selection.region), selection);
          specs.set(w.index, { widgetId: `w${w.index}`, queries: found.queries, ...timing });
          explorers.set(w.index, { title: selection.title ?? (selection.metrics.map((m) => m.metricName).join(', ') || 'Explorer'), view: EXPLORER_VIEWS[selection.view] ?? 'timeSeries', stacked: selection.stacked, notes: found.notes });
        } catch (err) {
          explorers.set(w.index, { title: selection.title ?? 'Explorer', view: 'timeSeries', stacked: false, notes: [`The metrics of this explorer could not be listed: ${messageOf(err)}`] });
        }
      }
    }));
    const [fetched, alarms] = await Promise.all([
      this.fetchByWindow([...specs.values()], window),
      this.alarmItems(parsed.widgets, source.region),
    ]);
    const widgets = parsed.widgets.map((w): WidgetView => {
      const id = `w${w.index}`;
      const title = widgetTitle(w);
      switch (w.type) {
        case 'metric': {
          const spec = specs.get(w.index)!;
          const chart = fetched.get(id)!;
          const alarm = graphedAlarms.get(w.index);
          const notes = [...(spec.problems ?? []).map((p) => (alarm ? p : `Metrics ${p}.`)), ...(w.requestedView ? [`The "${w.requestedView}" view is drawn as a time series.`] : [])];
          const lines: LineView[] = [...w.annotations.map((a) => ({ ...a, kind: 'annotation' as const })), ...(alarm?.lines ?? [])];
          const drawnChart = this.chartWidget({ id, title: w.title ?? alarm?.title ?? title, pos: w.pos, view: w.view, stacked: w.stacked, yAxis: w.yAxis, lines, ...(alarm?.unit ? { unit: alarm.unit } : {}) }, spec, { ...chart, notes: [...notes, ...chart.notes] });
          return alarm?.facts ? { ...drawnChart, alarm: alarm.facts } : drawnChart;
        }
        case 'text':
          return { kind: 'text', id, title, pos: w.pos, blocks: parseMarkdown(w.markdown), transparent: w.transparent };
        case 'alarm': {
          const found = alarms.get(w.index)!;
          return { kind: 'alarms', id, title, pos: w.pos, alarms: found.items, ...(found.error ? { error: found.error } : {}) };
        }
        case 'log':
          return { kind: 'log', id, title, pos: w.pos, region: inAccount(w.region), query: w.query, logGroups: w.logGroups };
        case 'other': {
          const explorer = explorers.get(w.index);
          const spec = specs.get(w.index);
          if (explorer && spec) {
            const chart = fetched.get(id)!;
            return this.chartWidget({ id, title: explorer.title, pos: w.pos, view: explorer.view, stacked: explorer.stacked, yAxis: {}, lines: [] }, spec, { ...chart, notes: [...explorer.notes, ...chart.notes] });
          }
          if (explorer) return { kind: 'placeholder', id, title: explorer.title, pos: w.pos, widgetType: 'explorer', message: explorer.notes.join(' ') };
          const custom = options.get(w.index)?.customFunction;
          if (custom !== undefined) {
            const name = custom ? functionName(custom) : '';
            return {
              kind: 'placeholder', id, title, pos: w.pos, widgetType: 'custom',
              message: name
                ? `A custom widget drawn by the Lambda function ${name}. Ops Lens does not invoke functions; open the dashboard in the CloudWatch console to see it.`
                : 'A custom widget without a Lambda function (its "endpoint" is missing).',
            };
          }
          return { kind: 'placeholder', id, title, pos: w.pos, widgetType: w.widgetType, message: `Ops Lens does not draw "${w.widgetType}" widgets yet. Open the dashboard in the CloudWatch console to see it.` };
        }
      }
    });
    return this.view(range, window, {
      title: this.title(source),
      subtitle: [source.region, `${parsed.widgets.length} widget${parsed.widgets.length === 1 ? '' : 's'}`, `last ${RANGE_LABEL[range]}`].join(' · '),
      layout: 'dashboard',
      rows: parsed.rows,
      statSelectable: true,
      widgets,
      notes: [...declared.problems, ...variables.notes, ...parsed.problems],
      ...(variables.views.length ? { variables: variables.views } : {}),
    });
  }

  /** Metric widgets that graph an alarm (`annotations.alarms`, no `metrics`): the alarm's queries and threshold. */
  private async graphedAlarms(widgets: readonly DashboardWidget[], options: ReadonlyMap<number, WidgetOptions>, defaultRegion: string): Promise<Map<number, GraphedAlarm>> {
    const out = new Map<number, GraphedAlarm>();
    await Promise.all(widgets.map(async (w) => {
      const arn = w.type === 'metric' ? options.get(w.index)?.alarmArns[0] : undefined;
      if (!arn || w.type !== 'metric') return;
      const ref = alarmRefFromArn(arn);
      const region = sameProfile(defaultRegion, ref.region ?? w.region);
      try {
        const found = await this.deps.metrics.describeAlarms(region, [ref.name]);
        const raw = found.metricAlarms.find((a) => a.AlarmName === ref.name);
        if (!raw) {
          out.set(w.index, { queries: [], lines: [], title: ref.name, problems: [`The alarm ${ref.name} this widget graphs does not exist in ${region}.`] });
          return;
        }
        const alarm = alarmFacts(raw);
        const threshold = alarm.threshold;
        const lines: LineView[] = threshold === undefined ? [] : [{ value: threshold, label: `${ref.name} ${comparisonSymbol(alarm.comparison)} ${formatNumber(threshold)}`, kind: 'threshold', yAxis: 'left' }];
        const facts = { name: ref.name, region, state: alarm.state ?? 'INSUFFICIENT_DATA', ...(threshold !== undefined ? { threshold } : {}), ...(alarm.comparison ? { comparison: alarm.comparison } : {}) };
        out.set(w.index, { queries: alarm.queries.map((q) => ({ ...q, region })), lines, title: ref.name, ...(alarm.unit ? { unit: alarm.unit } : {}), problems: [], facts });
      } catch (err) {
        out.set(w.index, { queries: [], lines: [], title: ref.name, problems: [`The alarm ${ref.name} could not be read: ${messageOf(err)}`] });
      }
    }));
    return out;
  }

  /** fetchCharts once per distinct window: the dashboard's, and each widget's own `start`/`end`; incomplete periods dropped unless `liveData`. */
  private async fetchByWindow(specs: readonly ChartSpec[], dashboardWindow: TimeWindow): Promise<Map<string, FetchedChart>> {
    const groups = new Map<string, { window: TimeWindow; specs: ChartSpec[] }>();
    for (const spec of specs) {
      const window = spec.window ?? dashboardWindow;
      const key = `${window.start}-${window.end}`;
      const group = groups.get(key) ?? { window, specs: [] };
      group.specs.push(spec);
      groups.set(key, group);
    }
    const out = new Map<string, FetchedChart>();
    const now = this.now();
    for (const { window, specs: group } of groups.values()) {
      const fetched = await this.fetchCharts(group, window);
      for (const spec of group) {
        const chart = fetched.get(spec.widgetId)!;
        // One period over the whole range (a single value of the range) is never complete: it is drawn as it is.
        out.set(spec.widgetId, spec.liveData === false && !spec.periodIsRange ? completePeriodsOnly(chart, now) : chart);
      }
    }
    return out;
  }

  private async loadAlarm(state: PanelState, source: Extract<ChartSource, { kind: 'alarm' }>, window: TimeWindow): Promise<ChartView> {
    const found = await this.deps.metrics.describeAlarms(source.region, [source.name]).catch((err: unknown) => {
      if (source.snapshot) return undefined;
      throw err;
    });
    const composite = found?.compositeAlarms.find((a) => a.AlarmName === source.name);
    if (composite) {
      const widget: WidgetView = {
        kind: 'placeholder', id: 'chart', title: source.name, pos: FULL_WIDTH, widgetType: 'composite alarm',
        message: `${source.name} is a composite alarm: it has no metric of its own. Its rule: ${composite.AlarmRule ?? '(none)'}`,
      };
      return this.view(state.range, window, { title: this.title(source), subtitle: `${source.region} · composite alarm`, layout: 'single', rows: FULL_WIDTH.height, statSelectable: false, widgets: [widget], notes: [] });
    }
    const raw = found?.metricAlarms.find((a) => a.AlarmName === source.name);
    const alarm = raw ? alarmFacts(raw) : source.snapshot ? snapshotFacts(source.snapshot) : undefined;
    if (!alarm) throw new Error(`No alarm named "${source.name}" in ${source.region}.`);
    if (alarm.queries.length === 0) throw new Error(`${source.name} has no metric to chart (anomaly-detection and other alarm kinds without a metric are not charted yet).`);

    const queries = alarm.queries.map((q) => ({ ...q, region: source.region }));
    const spec: ChartSpec = { widgetId: 'chart', queries };
    const fetched = (await this.fetchCharts([spec], window)).get('chart')!;
    const evaluated = queries.find((q) => q.visible);
    const series = fetched.series.find((s) => s.id === evaluated?.id) ?? fetched.series[0];
    const period = (evaluated && fetched.periods.get(evaluated.id)) ?? alarm.period;

    let bands: TimeBand[] = [];
    let bandsFrom: 'history' | 'data' | undefined;
    const history = this.deps.alarmHistory ? await this.deps.alarmHistory(source.region, source.name).catch(() => undefined) : undefined;
    const transitions = history ? transitionsFromHistory(history) : [];
    if (transitions.length > 0) {
      bands = bandsFromTransitions(transitions, window.start, window.end, alarm.state);
      bandsFrom = 'history';
    } else if (alarm.threshold !== undefined && series) {
      bands = bandsFromData({ timestamps: series.timestamps, values: series.values, threshold: alarm.threshold, comparison: alarm.comparison, period, evaluationPeriods: alarm.evaluationPeriods, datapointsToAlarm: alarm.datapointsToAlarm });
      if (alarm.state === 'ALARM' && bands.length === 0) bands = [{ from: Math.max(window.start, alarm.stateUpdated ?? window.end - period * 1000), to: window.end }];
      bandsFrom = 'data';
    }

    const condition = alarm.threshold === undefined ? '' : `${alarm.subject} ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}`;
    const lines: LineView[] = alarm.threshold === undefined ? [] : [{ value: alarm.threshold, label: `Threshold ${comparisonSymbol(alarm.comparison)} ${formatNumber(alarm.threshold)}`, kind: 'threshold', yAxis: 'left' }];
    const widget: ChartWidgetView = {
      ...this.chartWidget({ id: 'chart', title: condition || source.name, pos: FULL_WIDTH, view: 'timeSeries', stacked: false, yAxis: { left: { label: alarm.unit ? unitLabel(alarm.unit) : undefined } }, lines, unit: alarm.unit }, spec, fetched),
      bands,
      ...(bandsFrom ? { bandsFrom } : {}),
      alarm: { name: source.name, region: source.region, state: alarm.state ?? 'INSUFFICIENT_DATA', ...(alarm.threshold !== undefined ? { threshold: alarm.threshold } : {}), ...(alarm.comparison ? { comparison: alarm.comparison } : {}) },
    };
    const stateLabel = STATE_LABEL[(alarm.state ?? 'INSUFFICIENT_DATA') as keyof typeof STATE_LABEL] ?? alarm.state ?? '';
    return this.view(state.range, window, {
      title: this.title(source),
      subtitle: [source.region, condition, stateLabel, `period ${formatPeriod(widget.period)}`, `last ${RANGE_LABEL[state.range]}`].filter(Boolean).join(' · '),
      layout: 'single',
      rows: FULL_WIDTH.height,
      statSelectable: false,
      widgets: [widget],
      notes: raw || !source.snapshot ? [] : ['The alarm could not be read again; the chart uses the alarm as it was when the chart was opened.'],
    });
  }

  private view(range: RangeKey, window: TimeWindow, rest: Omit<ChartView, 'range' | 'start' | 'end' | 'fetchedAt'>): ChartView {
    return { ...rest, range, start: window.start, end: window.end, fetchedAt: this.now() };
  }

  /**
   * Fetches every chart's queries with as few calls as possible: per region one GetMetricData run
   * (batched by 500), except charts whose expressions use METRICS(), which must not see other charts'
   * queries and go alone.
   */
  private async fetchCharts(specs: readonly ChartSpec[], window: TimeWindow): Promise<Map<string, FetchedChart>> {
    const now = this.now();
    const perRegion = new Map<string, number>();
    for (const spec of specs) for (const q of spec.queries) perRegion.set(q.region, (perRegion.get(q.region) ?? 0) + 1);

    interface Call { region: string; queries: MetricDataQuery[]; widgets: Set<string> }
    const calls = new Map<string, Call>();
    const periods = new Map<string, Map<string, number>>();
    for (const spec of specs) {
      const local = new Set(spec.queries.map((q) => q.id));
      const isolated = spec.queries.some((q) => q.expression !== undefined && /\bMETRICS\s*\(/.test(q.expression));
      const chartPeriods = new Map<string, number>();
      periods.set(spec.widgetId, chartPeriods);
      for (const q of spec.queries) {
        const requested = q.period ?? (spec.periodIsRange ? (window.end - window.start) / 1000 : undefined);
        const period = choosePeriod({ start: window.start, end: window.end, now, queries: perRegion.get(q.region), requested });
        chartPeriods.set(q.id, period);
        const query = toMetricDataQuery({ ...q, id: prefixed(spec.widgetId, q.id) }, period);
        if (query.Expression) query.Expression = renameInExpression(query.Expression, (id) => (local.has(id) ? prefixed(spec.widgetId, id) : undefined));
        const key = isolated ? `${q.region}|${spec.widgetId}` : q.region;
        const call = calls.get(key) ?? { region: q.region, queries: [], widgets: new Set<string>() };
        call.queries.push(query);
        call.widgets.add(spec.widgetId);
        calls.set(key, call);
      }
    }

    const results = new Map<string, { series: MetricSeries[]; errors: string[]; notes: string[] }>();
    for (const spec of specs) results.set(spec.widgetId, { series: [], errors: [], notes: [] });
    await Promise.all([...calls.values()].map(async (call) => {
      try {
        const out = await this.deps.metrics.getMetricData(call.region, call.queries, new Date(window.start), new Date(window.end));
        for (const s of out.series) {
          const cut = s.id.indexOf('_');
          const widgetId = s.id.slice(0, cut);
          const target = results.get(widgetId);
          if (!target) continue;
          const id = s.id.slice(cut + 1);
          target.series.push({ ...s, id });
          if (s.status !== 'Complete') target.notes.push(`${s.label}: ${s.status === 'PartialData' ? 'partial data' : s.status}${s.messages.length ? ` (${s.messages.join('; ')})` : ''}.`);
        }
        for (const widgetId of call.widgets) for (const m of out.messages) results.get(widgetId)!.notes.push(m);
      } catch (err) {
        for (const widgetId of call.widgets) results.get(widgetId)!.errors.push(`${call.region}: ${messageOf(err)}`);
      }
    }));

    const out = new Map<string, FetchedChart>();
    for (const spec of specs) {
      const r = results.get(spec.widgetId)!;
      const regions = new Set(spec.queries.map((q) => q.region));
      const failedAll = r.errors.length > 0 && r.errors.length >= regions.size;
      out.set(spec.widgetId, {
        series: r.series,
        periods: periods.get(spec.widgetId)!,
        ...(failedAll ? { error: r.errors.join('\n') } : {}),
        notes: failedAll ? r.notes : [...r.errors.map((e) => `Failed in ${e}`), ...r.notes],
      });
    }
    return out;
  }

  private chartWidget(
    w: { id: string; title: string; pos: GridPos; view: MetricView; stacked: boolean; yAxis: { left?: AxisSettings; right?: AxisSettings }; lines: LineView[]; unit?: string },
    spec: ChartSpec,
    fetched: FetchedChart,
  ): ChartWidgetView {
    const byId = new Map(spec.queries.map((q) => [q.id, q]));
    const series: SeriesView[] = fetched.series.map((s) => {
      const q = byId.get(s.id);
      const unit = w.unit ?? (q?.metric ? guessUnit(q.metric.namespace, q.metric.metricName) : undefined);
      return {
        id: s.id,
        label: q && q.explicitLabel ? q.label : s.label || q?.label || s.id,
        ...(q?.color ? { color: q.color } : {}),
        yAxis: q?.yAxis ?? 'left',
        ...(unit ? { unit } : {}),
        timestamps: s.timestamps,
        values: s.values,
      };
    });
    const axis = (side: 'left' | 'right', settings: AxisSettings | undefined): AxisView => {
      const units = [...new Set(series.filter((s) => s.yAxis === side).map((s) => s.unit))];
      const unit = units.length === 1 ? units[0] : undefined;
      const label = settings?.label ?? (unit ? unitLabel(unit) : undefined);
      return { ...(settings?.min !== undefined ? { min: settings.min } : {}), ...(settings?.max !== undefined ? { max: settings.max } : {}), ...(label ? { label } : {}), ...(unit && settings?.showUnits !== false ? { unit } : {}) };
    };
    const period = Math.max(0, ...fetched.periods.values());
    return {
      kind: 'chart',
      id: w.id,
      title: w.title,
      pos: w.pos,
      view: w.view,
      stacked: w.stacked,
      series,
      lines: w.lines,
      bands: [],
      axes: { left: axis('left', w.yAxis.left), ...(series.some((s) => s.yAxis === 'right') ? { right: axis('right', w.yAxis.right) } : {}) },
      period,
      ...(fetched.error ? { error: fetched.error } : {}),
      notes: fetched.notes,
    };
  }

  /** The alarms that alarm widgets list, one DescribeAlarms per region. */
  private async alarmItems(widgets: readonly DashboardWidget[], defaultRegion: string): Promise<Map<number, { items: AlarmItemView[]; error?: string }>> {
    const byRegion = new Map<string, Set<string>>();
    for (const w of widgets) if (w.type === 'alarm') for (const a of w.alarms) {
      const region = sameProfile(defaultRegion, a.region);
      byRegion.set(region, (byRegion.get(region) ?? new Set()).add(a.name));
    }
    const found = new Map<string, AlarmItemView>();
    const failed = new Map<string, string>();
    await Promise.all([...byRegion].map(async ([region, names]) => {
      try {
        const out = await this.deps.metrics.describeAlarms(region, [...names]);
        for (const a of [...out.metricAlarms, ...out.compositeAlarms]) {
          const state = a.StateValue === 'ALARM' || a.StateValue === 'OK' || a.StateValue === 'INSUFFICIENT_DATA' ? a.StateValue : 'UNKNOWN';
          found.set(`${region}|${a.AlarmName}`, { name: a.AlarmName ?? '', region, state, reason: a.StateReason ?? '', ...(a.StateUpdatedTimestamp ? { updated: new Date(a.StateUpdatedTimestamp).getTime() } : {}) });
        }
      } catch (err) {
        failed.set(region, messageOf(err));
      }
    }));
    const out = new Map<number, { items: AlarmItemView[]; error?: string }>();
    for (const w of widgets) {
      if (w.type !== 'alarm') continue;
      const errors = new Set<string>();
      const items = w.alarms.map((a): AlarmItemView => {
        const region = sameProfile(defaultRegion, a.region);
        const error = failed.get(region);
        if (error) errors.add(`${region}: ${error}`);
        return found.get(`${region}|${a.name}`) ?? { name: a.name, region, state: 'UNKNOWN', reason: error ? 'Could not be read.' : 'No such alarm.' };
      });
      out.set(w.index, { items, ...(errors.size ? { error: [...errors].join('\n') } : {}) });
    }
    return out;
  }
}

/** A metric widget's alarm: what to fetch and draw, or why it cannot be. */
interface GraphedAlarm {
  readonly queries: ChartQuery[];
  readonly lines: LineView[];
  readonly title: string;
  readonly unit?: string;
  readonly problems: string[];
  readonly facts?: NonNullable<ChartWidgetView['alarm']>;
}

/** The chart without points whose period has not ended at `now` (they would show a partial value as a drop). */
function completePeriodsOnly(chart: FetchedChart, now: number): FetchedChart {
  const series = chart.series.map((s) => {
    const period = (chart.periods.get(s.id) ?? 60) * 1000;
    let keep = s.timestamps.length;
    while (keep > 0 && s.timestamps[keep - 1] + period > now) keep--;
    return keep === s.timestamps.length ? s : { ...s, timestamps: s.timestamps.slice(0, keep), values: s.values.slice(0, keep) };
  });
  return { ...chart, series };
}

const EXPLORER_VIEWS: Record<string, MetricView> = { timeSeries: 'timeSeries', singleValue: 'singleValue', bar: 'bar', pie: 'pie', gauge: 'gauge', table: 'table' };

/** The most common spacing between consecutive points (ms), e.g. a `bin(5m)`'s 300,000; 60,000 when unknown. */
function typicalStep(series: readonly { readonly timestamps: readonly number[] }[]): number {
  const counts = new Map<number, number>();
  for (const s of series) {
    for (let i = 1; i < s.timestamps.length; i++) {
      const d = s.timestamps[i] - s.timestamps[i - 1];
      if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  }
  let best = 60_000;
  let most = 0;
  for (const [d, n] of counts) if (n > most || (n === most && d < best)) [best, most] = [d, n];
  return best;
}

interface AlarmFacts {
  readonly subject: string;
  readonly queries: ChartQuery[];
  readonly period: number;
  readonly state?: string;
  readonly stateUpdated?: number;
  readonly threshold?: number;
  readonly comparison?: string;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  readonly unit?: string;
}

function alarmFacts(a: MetricAlarm): AlarmFacts {
  const common = {
    state: a.StateValue,
    stateUpdated: a.StateUpdatedTimestamp ? new Date(a.StateUpdatedTimestamp).getTime() : undefined,
    threshold: a.ThresholdMetricId ? undefined : a.Threshold,
    comparison: a.ComparisonOperator,
    evaluationPeriods: a.EvaluationPeriods,
    datapointsToAlarm: a.DatapointsToAlarm,
    unit: a.Unit,
  };
  if (a.MetricName) {
    const metric = { namespace: a.Namespace ?? '', metricName: a.MetricName, dimensions: (a.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })) };
    const stat = a.Statistic ?? a.ExtendedStatistic ?? 'Average';
    return {
      ...common,
      unit: a.Unit ?? guessUnit(metric.namespace, metric.metricName),
      subject: a.MetricName,
      period: a.Period ?? 60,
      queries: [{ id: 'm1', region: '', metric, stat, period: a.Period ?? 60, label: `${a.MetricName} ${stat}`, explicitLabel: false, yAxis: 'left', visible: true }],
    };
  }
  const queries: ChartQuery[] = (a.Metrics ?? []).map((m, i) => {
    const stat = m.MetricStat;
    const base = { id: m.Id ?? `q${i + 1}`, region: '', yAxis: 'left' as const, visible: m.ReturnData ?? false, label: m.Label ?? m.Id ?? `q${i + 1}`, explicitLabel: m.Label !== undefined };
    if (stat?.Metric) {
      return { ...base, metric: { namespace: stat.Metric.Namespace ?? '', metricName: stat.Metric.MetricName ?? '', dimensions: (stat.Metric.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })) }, stat: stat.Stat ?? 'Average', period: stat.Period };
    }
    return { ...base, expression: m.Expression ?? '', stat: '', period: m.Period };
  });
  const evaluated = queries.find((q) => q.visible);
  return { ...common, subject: evaluated?.expression ?? evaluated?.label ?? 'expression', period: evaluated?.period ?? queries.find((q) => q.period)?.period ?? 60, queries };
}

function snapshotFacts(s: AlarmSnapshot): AlarmFacts | undefined {
  if (!s.metric) return undefined;
  const metric = { namespace: s.metric.namespace, metricName: s.metric.name, dimensions: s.metric.dimensions };
  return {
    subject: s.metric.name,
    period: s.metric.period,
    state: s.state,
    stateUpdated: s.stateUpdated,
    threshold: s.threshold,
    comparison: s.comparison,
    evaluationPeriods: s.evaluationPeriods,
    datapointsToAlarm: s.datapointsToAlarm,
    unit: s.metric.unit ?? guessUnit(metric.namespace, metric.metricName),
    queries: [{ id: 'm1', region: '', metric, stat: s.metric.statistic, period: s.metric.period, label: `${s.metric.name} ${s.metric.statistic}`, explicitLabel: false, yAxis: 'left', visible: true }],
  };
}
