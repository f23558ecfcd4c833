import { alarmRefFromArn } from './dashboard';
import type { Dimension } from './queries';
import { normalizeStat } from './statistics';

/** One metric to chart, as commands accept it and panels remember it. */
export interface MetricSelection {
  readonly region: string;
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

function selectionFrom(value: unknown, defaultRegion: string): MetricSelection | undefined {
  if (!isObject(value)) return undefined;
  const namespace = value.namespace ?? value.Namespace;
  const metricName = value.metricName ?? value.MetricName ?? value.name;
  if (typeof namespace !== 'string' || !namespace || typeof metricName !== 'string' || !metricName) return undefined;
  const dimensions = dimensionsFrom(value.dimensions ?? value.Dimensions);
  if (!dimensions) return undefined;
  const region = typeof value.region === 'string' && value.region ? value.region : defaultRegion;
  const stat = normalizeStat(value.stat ?? value.statistic);
  return { region, namespace, metricName, dimensions, ...(stat ? { stat } : {}), ...(typeof value.label === 'string' && value.label ? { label: value.label } : {}) };
}

/**
 * `opsLens.metrics.openChart` arguments: `{ region?, namespace, metricName, dimensions?, stat? }` or an
 * array of them. Undefined when the argument is not one (then the command asks).
 */
export function metricSelectionsFromArgument(arg: unknown, defaultRegion: string): MetricSelection[] | undefined {
  const list = Array.isArray(arg) ? arg : [arg];
  if (list.length === 0) return undefined;
  const selections = list.map((item) => selectionFrom(item, defaultRegion));
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
