import type { ScopeId } from '../scope';
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { normalizeStat } from './statistics';

export interface Dimension {
  readonly name: string;
  readonly value: string;
}

export interface MetricRef {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
}

export type YAxisSide = 'left' | 'right';

/** One line (or expression) of a chart, before the period is chosen. */
/** `Where` is a scope id; a dashboard's rows first carry the plain regions its body names (see widgetQueries). */
export interface ChartQuery<Where extends string = ScopeId> {
  /** GetMetricData query id: starts with a lowercase letter; letters, digits, underscore. */
  readonly id: string;
  readonly region: Where;
  readonly metric?: MetricRef;
  readonly expression?: string;
  /** Statistic of a metric row (expressions have their own). */
  readonly stat: string;
  /** Period asked for in seconds; undefined: chosen from the range. */
  readonly period?: number;
  readonly label: string;
  /** True when the label was written in the widget (an expression's own label otherwise comes from CloudWatch). */
  readonly explicitLabel: boolean;
  readonly color?: string;
  readonly yAxis: YAxisSide;
  readonly visible: boolean;
  /** The account a cross-account row reads from (`accountId` in its options). */
  readonly accountId?: string;
}

export interface MetricWidgetDefaults {
  readonly region: string;
  readonly stat?: string;
  readonly period?: number;
}

export interface ExpandedQueries {
  /** Each in the region the dashboard's body names, made a scope where the dashboard is read. */
  readonly queries: ChartQuery<string>[];
  /** Rows that could not be read, said the way a person fixes them. */
  readonly problems: string[];
}

const ID = /^[a-z][a-zA-Z0-9_]*$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function positiveNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}

interface RawRow {
  /** Position in the widget's `metrics` list (automatic ids count all rows). */
  readonly position: number;
  /** Namespace, metric name, dimension names and values, after the shorthand is resolved. */
  readonly parts?: string[];
  readonly expression?: string;
  readonly options: Record<string, unknown>;
}

/**
 * Resolves the dashboard shorthand of one `metrics` row against the previous (resolved) row:
 * `"..."` stands for as many of the previous row's values as make the row as long as the previous
 * one (the values written before it align with the start, those after it with the end); `"."` repeats
 * the previous row's value at the same position.
 */
export function resolveShorthand(row: readonly string[], previous: readonly string[] | undefined): { parts: string[]; problem?: string } {
  let parts = [...row];
  const dots = parts.indexOf('...');
  if (dots >= 0) {
    if (!previous) return { parts: parts.filter((p) => p !== '...'), problem: '"..." in the first row has no previous row to repeat' };
    const before = parts.slice(0, dots);
    const after = parts.slice(dots + 1).filter((p) => p !== '...');
    const fill = previous.slice(before.length, Math.max(before.length, previous.length - after.length));
    parts = [...before, ...fill, ...after];
  }
  let problem: string | undefined;
  parts = parts.map((p, i) => {
    if (p !== '.') return p;
    if (!previous || i >= previous.length) {
      problem = `"." at position ${i + 1} has no value above it to repeat`;
      return p;
    }
    return previous[i];
  });
  return { parts, problem };
}

function readRows(metrics: unknown, problems: string[]): RawRow[] {
  if (!Array.isArray(metrics)) {
    if (metrics !== undefined) problems.push('"metrics" is not an array');
    return [];
  }
  const rows: RawRow[] = [];
  let previous: string[] | undefined;
  metrics.forEach((entry, index) => {
    const rowNo = index + 1;
    if (!Array.isArray(entry) || entry.length === 0) {
      problems.push(`row ${rowNo} is not a list of values`);
      return;
    }
    const last = entry[entry.length - 1];
    const options = isPlainObject(last) ? last : {};
    const values = isPlainObject(last) ? entry.slice(0, -1) : entry;
    if (values.length === 0 && typeof options.expression === 'string') {
      rows.push({ position: index, expression: options.expression, options });
      return;
    }
    const strings = values.map(str);
    if (strings.some((s) => s === undefined)) {
      problems.push(`row ${rowNo} has a value that is neither text nor a number`);
      return;
    }
    const { parts, problem } = resolveShorthand(strings as string[], previous);
    if (problem) {
      problems.push(`row ${rowNo}: ${problem}`);
      return;
    }
    if (parts.length < 2 || parts.length % 2 !== 0) {
      problems.push(`row ${rowNo} needs a namespace, a metric name and dimension name/value pairs (got ${parts.length} values)`);
      return;
    }
    previous = parts;
    rows.push({ position: index, parts, options });
  });
  return rows;
}

function metricOf(parts: readonly string[]): MetricRef {
  const dimensions: Dimension[] = [];
  for (let i = 2; i + 1 < parts.length; i += 2) dimensions.push({ name: parts[i], value: parts[i + 1] });
  return { namespace: parts[0], metricName: parts[1], dimensions };
}

/** Labels for rows without one: the metric name, then what tells rows of the same metric apart. */
type LabelRow = { metric: MetricRef; stat: string; id: string; accountId?: string };

function defaultLabels(rows: readonly LabelRow[]): string[] {
  const tries: ((r: LabelRow) => string)[] = [
    (r) => r.metric.metricName,
    (r) => [r.metric.metricName, ...r.metric.dimensions.map((d) => d.value)].join(' '),
    (r) => [r.metric.metricName, ...r.metric.dimensions.map((d) => d.value), r.stat].join(' '),
    // The same metric read from several accounts (cross-account rows).
    (r) => [r.metric.metricName, ...r.metric.dimensions.map((d) => d.value), r.stat, ...(r.accountId ? [`(${r.accountId})`] : [])].join(' '),
    (r) => [r.metric.metricName, ...r.metric.dimensions.map((d) => d.value), r.stat, `(${r.id})`].join(' '),
  ];
  return rows.map((row) => {
    for (const label of tries) {
      const mine = label(row);
      if (rows.filter((other) => other.metric.metricName === row.metric.metricName && label(other) === mine).length === 1) return mine;
    }
    return tries[tries.length - 1](row);
  });
}

/**
 * A metric widget's `metrics` rows as chart queries: shorthand resolved, options applied (`stat`,
 * `period`, `label`, `region`, `color`, `yAxis`, `id`, `visible`, `expression`), widget defaults
 * (`stat`, `period`, `region`) filled in, ids given to rows without one.
 */
export function widgetQueries(metrics: unknown, defaults: MetricWidgetDefaults): ExpandedQueries {
  const problems: string[] = [];
  const rows = readRows(metrics, problems);
  const taken = new Set<string>();
  for (const row of rows) {
    const id = row.options.id;
    if (typeof id === 'string' && ID.test(id)) {
      if (taken.has(id)) problems.push(`id "${id}" is used twice`);
      taken.add(id);
    } else if (id !== undefined) problems.push(`"${String(id)}" is not a valid id (a lowercase letter, then letters, digits or _)`);
  }
  const freeId = (prefix: string, n: number): string => {
    let k = n;
    while (taken.has(`${prefix}${k}`)) k++;
    taken.add(`${prefix}${k}`);
    return `${prefix}${k}`;
  };

  const drafts = rows.map((row) => {
    const o = row.options;
    const explicitId = typeof o.id === 'string' && ID.test(o.id) ? o.id : undefined;
    const id = explicitId ?? freeId(row.expression !== undefined ? 'e' : 'm', row.position + 1);
    return {
      row,
      id,
      region: typeof o.region === 'string' && o.region ? o.region : defaults.region,
      stat: normalizeStat(o.stat) ?? normalizeStat(defaults.stat) ?? 'Average',
      period: positiveNumber(o.period) ?? positiveNumber(defaults.period),
      label: typeof o.label === 'string' && o.label !== '' ? o.label : undefined,
      color: typeof o.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(o.color) ? o.color : undefined,
      yAxis: (o.yAxis === 'right' ? 'right' : 'left') as YAxisSide,
      visible: o.visible !== false,
      accountId: typeof o.accountId === 'string' && /^\d{12}$/.test(o.accountId) ? o.accountId : undefined,
    };
  });
  for (const d of drafts) if (d.row.options.accountId !== undefined && !d.accountId) problems.push(`"${String(d.row.options.accountId).slice(0, 40)}" is not an account id (12 digits)`);

  const metricDrafts = drafts.filter((d) => d.row.parts).map((d) => ({ metric: metricOf(d.row.parts!), stat: d.stat, id: d.id, accountId: d.accountId }));
  const labelList = defaultLabels(metricDrafts);
  const labels = new Map(metricDrafts.map((d, i) => [d.id, labelList[i]]));

  const queries: ChartQuery<string>[] = drafts.map((d) => {
    const common = { id: d.id, region: d.region, stat: d.stat, period: d.period, color: d.color, yAxis: d.yAxis, visible: d.visible, explicitLabel: d.label !== undefined, ...(d.accountId ? { accountId: d.accountId } : {}) };
    if (d.row.expression !== undefined) return { ...common, expression: d.row.expression, label: d.label ?? d.id };
    return { ...common, metric: metricOf(d.row.parts!), label: d.label ?? labels.get(d.id)! };
  });
  return { queries, problems };
}

/** Chart queries for metrics picked one by one (QuickPick or a command argument). */
export function selectionQueries(metrics: readonly (MetricRef & { region: ScopeId; stat?: string; label?: string })[], statOverride?: string): ChartQuery[] {
  const ids = metrics.map((_, i) => `m${i + 1}`);
  const stats = metrics.map((m) => normalizeStat(statOverride) ?? normalizeStat(m.stat) ?? 'Average');
  const labels = defaultLabels(metrics.map((m, i) => ({ metric: m, stat: stats[i], id: ids[i] })));
  return metrics.map((m, i) => ({
    id: ids[i],
    region: m.region,
    metric: { namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions },
    stat: stats[i],
    label: m.label ?? labels[i],
    explicitLabel: m.label !== undefined,
    yAxis: 'left',
    visible: true,
  }));
}

/** The GetMetricData form of a chart query with its period decided. */
export function toMetricDataQuery(query: ChartQuery<string>, period: number): MetricDataQuery {
  if (query.expression !== undefined) {
    return { Id: query.id, Expression: query.expression, Period: period, ReturnData: query.visible, ...(query.explicitLabel ? { Label: query.label } : {}), ...(query.accountId ? { AccountId: query.accountId } : {}) };
  }
  const metric = query.metric!;
  return {
    Id: query.id,
    MetricStat: {
      Metric: { Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
      Period: period,
      Stat: query.stat,
    },
    Label: query.label,
    ReturnData: query.visible,
    ...(query.accountId ? { AccountId: query.accountId } : {}),
  };
}

/**
 * GetMetricData's limit on an expression's length. A longer one is passed to AWS as written (no ids read or
 * renamed in it), and the service's answer says what is wrong with it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html
 */
export const MAX_EXPRESSION_CHARS = 2048;

const isWordChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';

/**
 * The expression's query-id candidates (words starting with a lower-case letter), outside quoted text, as
 * [start, end) offsets. One pass: a quote runs to its closing quote (a backslash escapes the next
 * character), or to the end when it is never closed.
 */
function identifierSpans(expression: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < expression.length; ) {
    const c = expression[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < expression.length && expression[i] !== c) i += expression[i] === '\\' ? 2 : 1;
      i++;
    } else if (isWordChar(c)) {
      const start = i;
      while (i < expression.length && isWordChar(expression[i])) i++;
      if (c >= 'a' && c <= 'z') spans.push([start, i]);
    } else {
      i++;
    }
  }
  return spans;
}

/** Identifiers in an expression that name other queries (text inside quotes is skipped). */
export function expressionReferences(expression: string): string[] {
  if (expression.length > MAX_EXPRESSION_CHARS) return [];
  return identifierSpans(expression).map(([start, end]) => expression.slice(start, end));
}

/** Renames query ids in an expression (quoted text untouched), for queries of several widgets sharing one call. */
export function renameInExpression(expression: string, rename: (id: string) => string | undefined): string {
  if (expression.length > MAX_EXPRESSION_CHARS) return expression;
  let out = '';
  let copied = 0;
  for (const [start, end] of identifierSpans(expression)) {
    const renamed = rename(expression.slice(start, end));
    if (renamed === undefined) continue;
    out += expression.slice(copied, start) + renamed;
    copied = end;
  }
  return out + expression.slice(copied);
}

/** "CPUUtilization ServiceName=api, ClusterName=prod". */
export function describeMetric(metric: MetricRef): string {
  const dims = metric.dimensions.map((d) => `${d.name}=${d.value}`).join(', ');
  return dims ? `${metric.metricName} ${dims}` : metric.metricName;
}
