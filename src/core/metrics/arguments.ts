import { parseScopeId, type ScopeId } from '../scope';
import { alarmRefFromArn } from './dashboard';
import type { Dimension } from './queries';
import { normalizeStat } from './statistics';

/** One metric to chart, as commands accept it and panels remember it. */
export interface MetricSelection {
  readonly region: ScopeId;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
  readonly stat?: string;
  readonly label?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Name: v }`, `[{ name, value }]` or `[{ Name, Value }]` → dimensions. */
export function dimensionsFrom(value: unknown): Dimension[] | undefined {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    const dims = value.map((d) => {
      if (!isObject(d)) return undefined;
      const name = d.name ?? d.Name;
      const v = d.value ?? d.Value;
      return typeof name === 'string' && (typeof v === 'string' || typeof v === 'number') ? { name, value: String(v) } : undefined;
    });
    return dims.every((d) => d !== undefined) ? (dims as Dimension[]) : undefined;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (!entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) return undefined;
    return entries.map(([name, v]) => ({ name, value: String(v) }));
  }
  return undefined;
}

function selectionFrom(value: unknown, defaultRegion: ScopeId, profiles: readonly string[]): MetricSelection | undefined {
  if (!isObject(value)) return undefined;
  const namespace = value.namespace ?? value.Namespace;
  const metricName = value.metricName ?? value.MetricName ?? value.name;
  if (typeof namespace !== 'string' || !namespace || typeof metricName !== 'string' || !metricName) return undefined;
  const dimensions = dimensionsFrom(value.dimensions ?? value.Dimensions);
  if (!dimensions) return undefined;
  const region = value.region === undefined || value.region === '' ? defaultRegion : parseScopeId(value.region, profiles);
  if (!region) return undefined;
  const stat = normalizeStat(value.stat ?? value.statistic);
  return { region, namespace, metricName, dimensions, ...(stat ? { stat } : {}), ...(typeof value.label === 'string' && value.label ? { label: value.label } : {}) };
}

/**
 * `opsLens.metrics.openChart` arguments: `{ region?, namespace, metricName, dimensions?, stat? }` or an
 * array of them; a `region` is a region or `profile · region` of one of `profiles`. Undefined when the
 * argument is not one (then the command asks).
 */
export function metricSelectionsFromArgument(arg: unknown, defaultRegion: ScopeId, profiles: readonly string[] = []): MetricSelection[] | undefined {
  const list = Array.isArray(arg) ? arg : [arg];
  if (list.length === 0) return undefined;
  const selections = list.map((item) => selectionFrom(item, defaultRegion, profiles));
  return selections.every((s) => s !== undefined) ? (selections as MetricSelection[]) : undefined;
}

export interface DashboardTarget {
  readonly name: string;
  readonly region?: string;
}

/** `opsLens.metrics.openDashboard` arguments: a name, or `{ name, region? }`. */
export function dashboardFromArgument(arg: unknown): DashboardTarget | undefined {
  if (typeof arg === 'string' && arg.trim()) return { name: arg.trim() };
  if (isObject(arg)) {
    const name = arg.name ?? arg.dashboardName ?? arg.DashboardName;
    if (typeof name === 'string' && name.trim()) return { name: name.trim(), ...(typeof arg.region === 'string' && arg.region ? { region: arg.region } : {}) };
  }
  return undefined;
}

/** What a chart needs of an alarm when DescribeAlarms cannot be asked again (an `Alarm` passed in). */
export interface AlarmSnapshot {
  readonly state?: string;
  readonly stateUpdated?: number;
  readonly metric?: { readonly namespace: string; readonly name: string; readonly dimensions: readonly Dimension[]; readonly statistic: string; readonly period: number; readonly unit?: string };
  readonly threshold?: number;
  readonly comparison?: string;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
}

export interface AlarmTarget {
  readonly name: string;
  readonly region?: string;
  readonly snapshot?: AlarmSnapshot;
}

function snapshotOf(alarm: Record<string, unknown>): AlarmSnapshot | undefined {
  const metric = isObject(alarm.metric) ? alarm.metric : undefined;
  const dims = metric ? dimensionsFrom(metric.dimensions) : undefined;
  const updated = alarm.stateUpdated instanceof Date ? alarm.stateUpdated.getTime() : typeof alarm.stateUpdated === 'string' ? Date.parse(alarm.stateUpdated) : undefined;
  const snapshot: AlarmSnapshot = {
    state: typeof alarm.state === 'string' ? alarm.state : undefined,
    stateUpdated: updated !== undefined && Number.isFinite(updated) ? updated : undefined,
    metric: metric && typeof metric.namespace === 'string' && typeof metric.name === 'string' && dims
      ? { namespace: metric.namespace, name: metric.name, dimensions: dims, statistic: typeof metric.statistic === 'string' && metric.statistic ? metric.statistic : 'Average', period: typeof metric.period === 'number' ? metric.period : 60, unit: typeof metric.unit === 'string' ? metric.unit : undefined }
      : undefined,
    threshold: typeof alarm.threshold === 'number' ? alarm.threshold : undefined,
    comparison: typeof alarm.comparison === 'string' ? alarm.comparison : undefined,
    evaluationPeriods: typeof alarm.evaluationPeriods === 'number' ? alarm.evaluationPeriods : undefined,
    datapointsToAlarm: typeof alarm.datapointsToAlarm === 'number' ? alarm.datapointsToAlarm : undefined,
  };
  return snapshot.metric ? JSON.parse(JSON.stringify(snapshot)) as AlarmSnapshot : undefined;
}

/**
 * `opsLens.alarms.showChart` arguments: a tree node (`.alarm`), an `Alarm`, `{ region, name }`, an alarm
 * name or ARN. Undefined when there is nothing to go on (then the command asks).
 */
export function alarmFromArgument(arg: unknown): AlarmTarget | undefined {
  if (typeof arg === 'string' && arg.trim()) {
    const ref = alarmRefFromArn(arg.trim());
    return ref.region ? { name: ref.name, region: ref.region } : { name: ref.name };
  }
  if (!isObject(arg)) return undefined;
  const alarm = isObject(arg.alarm) ? arg.alarm : arg;
  const name = alarm.name ?? alarm.AlarmName;
  if (typeof name !== 'string' || !name) return undefined;
  const region = typeof alarm.region === 'string' && alarm.region ? alarm.region : typeof arg.region === 'string' && arg.region ? arg.region : undefined;
  const snapshot = snapshotOf(alarm);
  return { name, ...(region ? { region } : {}), ...(snapshot ? { snapshot } : {}) };
}

/** A chart of series the caller already has (Logs Insights results): nothing to fetch. */
export interface SeriesChartInput {
  readonly title: string;
  readonly series: readonly { readonly name: string; readonly points: readonly (readonly [number, number])[] }[];
  /** A CloudWatch unit name (`Count`, `Milliseconds`, …) the values are in. */
  readonly unit?: string;
  /** Epoch milliseconds of the window the data covers (a query's range); else the data's own span. */
  readonly start?: number;
  readonly end?: number;
  /** Series and points left out to keep the chart (and the panel's saved state) bounded. */
  readonly omitted?: { readonly series: number; readonly points: number };
}

/** At most this many series are charted (and kept in a panel's saved state)… */
export const MAX_CHART_SERIES = 50;
/** …each with at most this many points (the newest). */
export const MAX_SERIES_POINTS = 10_000;
const MAX_TITLE_LENGTH = 200;
const MAX_NAME_LENGTH = 300;

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * `{ title, series: [{ name, points: [[epochMs, value], …] }], unit?, start?, end? }` as a chart to draw,
 * bounded to {@link MAX_CHART_SERIES} series of {@link MAX_SERIES_POINTS} points (the first series, the
 * newest points; what is left out is counted in `omitted`). Points that are not two finite numbers are
 * skipped; points come out oldest first. Undefined when the argument is not such a chart or has no point.
 */
export function seriesChartFromArgument(arg: unknown): SeriesChartInput | undefined {
  if (!isObject(arg) || typeof arg.title !== 'string' || !Array.isArray(arg.series)) return undefined;
  let omittedSeries = isObject(arg.omitted) && finite(arg.omitted.series) ? Math.max(0, Math.floor(arg.omitted.series)) : 0;
  let omittedPoints = isObject(arg.omitted) && finite(arg.omitted.points) ? Math.max(0, Math.floor(arg.omitted.points)) : 0;
  const series: { name: string; points: [number, number][] }[] = [];
  for (const s of arg.series) {
    if (!isObject(s) || typeof s.name !== 'string' || !Array.isArray(s.points)) return undefined;
    if (series.length >= MAX_CHART_SERIES) {
      omittedSeries++;
      continue;
    }
    let points: [number, number][] = [];
    let sorted = true;
    for (const p of s.points) {
      if (!Array.isArray(p) || p.length < 2 || !finite(p[0]) || !finite(p[1])) continue;
      if (points.length && p[0] < points[points.length - 1][0]) sorted = false;
      points.push([p[0], p[1]]);
    }
    if (!sorted) points.sort((a, b) => a[0] - b[0]);
    if (points.length > MAX_SERIES_POINTS) {
      omittedPoints += points.length - MAX_SERIES_POINTS;
      points = points.slice(points.length - MAX_SERIES_POINTS);
    }
    series.push({ name: s.name.slice(0, MAX_NAME_LENGTH), points });
  }
  if (!series.some((s) => s.points.length > 0)) return undefined;
  const unit = typeof arg.unit === 'string' && arg.unit && arg.unit.length <= 40 ? arg.unit : undefined;
  const window = finite(arg.start) && finite(arg.end) && arg.end > arg.start ? { start: arg.start, end: arg.end } : {};
  return {
    title: arg.title.slice(0, MAX_TITLE_LENGTH),
    series,
    ...(unit ? { unit } : {}),
    ...window,
    ...(omittedSeries || omittedPoints ? { omitted: { series: omittedSeries, points: omittedPoints } } : {}),
  };
}
