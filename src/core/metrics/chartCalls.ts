import type { ScopeId } from '../scope';
// How the charts of one panel become GetMetricData calls, and how the answers go back to each chart.
// Several charts share a call, so each query id is prefixed with its chart's id (`w3_m1`): GetMetricData
// ids are unique per call.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { BatchedResult, MetricSeries } from './batching';
import { choosePeriod } from './period';
import { renameInExpression, toMetricDataQuery, type ChartQuery } from './queries';
import type { TimeWindow } from './ranges';

/** One chart to fetch: its queries and how its period is decided. */
export interface ChartSpec {
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

export interface FetchedChart {
  readonly series: MetricSeries[];
  /** Local query id → period used. */
  readonly periods: Map<string, number>;
  readonly error?: string;
  readonly notes: string[];
}

export interface MetricDataCall {
  readonly region: ScopeId;
  readonly queries: MetricDataQuery[];
  /** The charts whose queries this call carries. */
  readonly widgets: Set<string>;
}

export interface CallPlan {
  readonly calls: MetricDataCall[];
  /** Chart id → (local query id → period). */
  readonly periods: Map<string, Map<string, number>>;
}

/** What one call brought back, or why it failed. */
export type CallOutcome = { readonly call: MetricDataCall } & ({ readonly data: BatchedResult } | { readonly error: string });

function prefixed(widgetId: string, id: string): string {
  return `${widgetId}_${id}`;
}

/**
 * As few calls as possible: per region one GetMetricData run (batched by 500 later), except charts whose
 * expressions use METRICS(), which must not see other charts' queries and go alone. Each query's period
 * is chosen from the window and the number of queries in its region.
 */
export function planMetricDataCalls(specs: readonly ChartSpec[], window: TimeWindow, now: number): CallPlan {
  const perRegion = new Map<string, number>();
  for (const spec of specs) for (const q of spec.queries) perRegion.set(q.region, (perRegion.get(q.region) ?? 0) + 1);

  const calls = new Map<string, { region: ScopeId; queries: MetricDataQuery[]; widgets: Set<string> }>();
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
  return { calls: [...calls.values()], periods };
}

/**
 * Each chart's series (ids back to local), notes and errors from the calls' outcomes. A chart fails
 * only when every region it asks fails; otherwise each failed region becomes a note.
 */
export function chartsFromOutcomes(specs: readonly ChartSpec[], periods: CallPlan['periods'], outcomes: readonly CallOutcome[]): Map<string, FetchedChart> {
  const results = new Map<string, { series: MetricSeries[]; errors: string[]; notes: string[] }>();
  for (const spec of specs) results.set(spec.widgetId, { series: [], errors: [], notes: [] });
  for (const outcome of outcomes) {
    const { call } = outcome;
    if ('error' in outcome) {
      for (const widgetId of call.widgets) results.get(widgetId)!.errors.push(`${call.region}: ${outcome.error}`);
      continue;
    }
    for (const s of outcome.data.series) {
      const cut = s.id.indexOf('_');
      const target = results.get(s.id.slice(0, cut));
      if (!target) continue;
      target.series.push({ ...s, id: s.id.slice(cut + 1) });
      if (s.status !== 'Complete') target.notes.push(`${s.label}: ${s.status === 'PartialData' ? 'partial data' : s.status}${s.messages.length ? ` (${s.messages.join('; ')})` : ''}.`);
    }
    for (const widgetId of call.widgets) for (const m of outcome.data.messages) results.get(widgetId)!.notes.push(m);
  }

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

/** The charts grouped by the window they are fetched over: their own `start`/`end`, else the dashboard's. */
export function groupByWindow(specs: readonly ChartSpec[], dashboardWindow: TimeWindow): { window: TimeWindow; specs: ChartSpec[] }[] {
  const groups = new Map<string, { window: TimeWindow; specs: ChartSpec[] }>();
  for (const spec of specs) {
    const window = spec.window ?? dashboardWindow;
    const key = `${window.start}-${window.end}`;
    const group = groups.get(key) ?? { window, specs: [] };
    group.specs.push(spec);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The chart without points whose period has not ended at `now` (they would show a partial value as a drop). */
export function completePeriodsOnly(chart: FetchedChart, now: number): FetchedChart {
  const series = chart.series.map((s) => {
    const period = (chart.periods.get(s.id) ?? 60) * 1000;
    let keep = s.timestamps.length;
    while (keep > 0 && s.timestamps[keep - 1] + period > now) keep--;
    return keep === s.timestamps.length ? s : { ...s, timestamps: s.timestamps.slice(0, keep), values: s.values.slice(0, keep) };
  });
  return { ...chart, series };
}
