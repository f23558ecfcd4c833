import { chartWidgetQueries, type PromQlQuery } from './promql';
import { widgetQueries } from './queries';
import { rangeFromDuration, type RangeKey } from './ranges';

/** CloudWatch dashboards lay widgets out on a grid 24 columns wide. */
export const GRID_COLUMNS = 24;
export const DEFAULT_WIDGET_WIDTH = 6;
export const DEFAULT_WIDGET_HEIGHT = 6;

export interface GridPos {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface AxisSettings {
  readonly min?: number;
  readonly max?: number;
  readonly label?: string;
  readonly showUnits?: boolean;
}

export interface HorizontalAnnotation {
  readonly value: number;
  readonly label: string;
  readonly color?: string;
  readonly yAxis: 'left' | 'right';
  /** A band's other edge: a band annotation is two annotations, shaded between their values. */
  readonly to?: number;
  /** A single line's shading, above or below it. */
  readonly fill?: 'above' | 'below';
}

/** A moment (or, with `to`, a stretch of time) marked on a chart. Epoch milliseconds. */
export interface VerticalAnnotation {
  readonly at: number;
  readonly to?: number;
  readonly label: string;
  readonly color?: string;
  readonly fill?: 'before' | 'after';
}

export type MetricView = 'timeSeries' | 'singleValue' | 'gauge' | 'bar' | 'pie' | 'table';

export interface MetricWidget {
  readonly type: 'metric';
  readonly index: number;
  readonly pos: GridPos;
  readonly title?: string;
  readonly region?: string;
  readonly view: MetricView;
  /** The view as written when it is one Ops Lens does not know: drawn as a time series. */
  readonly requestedView?: string;
  readonly stacked: boolean;
  readonly stat?: string;
  readonly period?: number;
  /** `setPeriodToTimeRange`: one period spanning the whole range (single values, bars, pies). */
  readonly periodIsRange: boolean;
  readonly metrics: unknown;
  readonly yAxis: { readonly left?: AxisSettings; readonly right?: AxisSettings };
  readonly annotations: HorizontalAnnotation[];
  readonly verticalAnnotations: VerticalAnnotation[];
}

export interface TextWidget {
  readonly type: 'text';
  readonly index: number;
  readonly pos: GridPos;
  readonly markdown: string;
  readonly transparent: boolean;
}

export interface AlarmRef {
  readonly arn: string;
  readonly region?: string;
  readonly name: string;
}

export interface AlarmWidget {
  readonly type: 'alarm';
  readonly index: number;
  readonly pos: GridPos;
  readonly title?: string;
  readonly alarms: AlarmRef[];
}

export interface LogWidget {
  readonly type: 'log';
  readonly index: number;
  readonly pos: GridPos;
  readonly title?: string;
  readonly region?: string;
  /** The query without its `SOURCE '…' |` prefix. */
  readonly query: string;
  readonly logGroups: string[];
  readonly view?: string;
}

export interface OtherWidget {
  readonly type: 'other';
  readonly index: number;
  readonly pos: GridPos;
  readonly title?: string;
  readonly widgetType: string;
}

/** A `chart` widget: PromQL queries, drawn from CloudWatch's Prometheus-compatible query API. */
export interface PromQlWidget {
  readonly type: 'chart';
  readonly index: number;
  readonly pos: GridPos;
  readonly title?: string;
  readonly region?: string;
  readonly view: MetricView;
  readonly stacked: boolean;
  readonly period?: number;
  readonly queries: readonly PromQlQuery[];
  readonly problems: readonly string[];
  readonly yAxis: { readonly left?: AxisSettings; readonly right?: AxisSettings };
  readonly annotations: HorizontalAnnotation[];
  readonly verticalAnnotations: VerticalAnnotation[];
}

export type DashboardWidget = MetricWidget | TextWidget | AlarmWidget | LogWidget | PromQlWidget | OtherWidget;

export interface ParsedDashboard {
  readonly widgets: DashboardWidget[];
  /** The dashboard's own time range (`start`), when it is one of the ranges Ops Lens offers. */
  readonly range?: RangeKey;
  /** Grid rows used. */
  readonly rows: number;
  readonly problems: string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function int(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : undefined;
}

function num(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface BoxRequest {
  readonly x?: unknown;
  readonly y?: unknown;
  readonly width?: unknown;
  readonly height?: unknown;
}

/** CloudWatch keeps at most 500 widgets on a dashboard; a body with more is cut there. */
export const MAX_WIDGETS = 500;
/** Rows a widget's `y` may name: 500 widgets of the largest height, stacked. */
export const MAX_GRID_ROWS = MAX_WIDGETS * 1000;
/** Row tests the flowed layout may spend; past it the remaining widgets go below the others. */
const LAYOUT_WORK_BUDGET = 500_000;
const FULL_ROW = 2 ** GRID_COLUMNS - 1;

/** Bits of the columns x…x+width-1. */
function columnMask(x: number, width: number): number {
  return (2 ** width - 1) * 2 ** x;
}

/** Bits where a run of `width` set bits of `free` starts. */
function runStarts(free: number, width: number): number {
  let starts = free;
  for (let run = 1; run < width; ) {
    const step = Math.min(run, width - run);
    starts &= starts >>> step;
    run += step;
  }
  return starts;
}

/**
 * Positions on the 24-column grid the way CloudWatch places them: width 6 and height 6 when missing,
 * widths clamped to the grid; widgets with both `x` and `y` where they say, the others flowed into
 * the first free place, left to right then top to bottom, in the order they are listed.
 *
 * Rows are bit masks of their occupied columns. A flowed widget's first free place starts at row 0 or
 * at the bottom edge of a placed widget (higher up would fit too), so only those rows are tried, from
 * the first row that is not full; a try stops at the first row that leaves no room. The work is
 * bounded: past the budget, the remaining widgets are stacked below the others.
 */
export function layoutWidgets(boxes: readonly BoxRequest[]): GridPos[] {
  const sized = boxes.map((b) => {
    const width = Math.min(GRID_COLUMNS, Math.max(1, int(b.width) ?? DEFAULT_WIDGET_WIDTH));
    const height = Math.min(1000, Math.max(1, int(b.height) ?? DEFAULT_WIDGET_HEIGHT));
    const x = int(b.x);
    const y = int(b.y);
    return { width, height, x: x === undefined ? undefined : Math.min(Math.max(0, x), GRID_COLUMNS - width), y: y === undefined ? undefined : Math.min(Math.max(0, y), MAX_GRID_ROWS) };
  });
  // Every widget ends above the explicit ones' lowest edge plus the flowed ones' heights.
  const lowest = sized.reduce((sum, w) => (w.x !== undefined && w.y !== undefined ? Math.max(sum, w.y + w.height) : sum), 0);
  const rows = new Int32Array(lowest + sized.reduce((sum, w) => sum + (w.x !== undefined && w.y !== undefined ? 0 : w.height), 0) + 1);
  /** Rows where a flowed widget may start, ascending. */
  const starts: number[] = [0];
  let bottom = 0;
  let firstOpenRow = 0;
  let work = 0;
  const addStart = (row: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    if (starts[lo] !== row) starts.splice(lo, 0, row);
  };
  const mark = (p: GridPos) => {
    const mask = columnMask(p.x, p.width);
    for (let r = p.y; r < p.y + p.height; r++) rows[r] |= mask;
    addStart(p.y + p.height);
    bottom = Math.max(bottom, p.y + p.height);
    while (rows[firstOpenRow] === FULL_ROW) firstOpenRow++;
  };
  /** The leftmost allowed column where the widget fits with its top at `y`, or undefined. */
  const fitAt = (y: number, width: number, height: number, allowed: number): number | undefined => {
    // The rows' union only gains columns, at most 24 times: the room left is re-checked only then.
    let union = 0;
    let open = allowed;
    for (let r = y; r < y + height; r++) {
      work++;
      const next = union | rows[r];
      if (next === union) continue;
      union = next;
      open = allowed & runStarts(~union & FULL_ROW, width);
      if (!open) return undefined;
    }
    return 31 - Math.clz32(open & -open);
  };
  const result: (GridPos | undefined)[] = sized.map((s) => (s.x !== undefined && s.y !== undefined ? { x: s.x, y: s.y, width: s.width, height: s.height } : undefined));
  for (const p of result) if (p) mark(p);
  sized.forEach((s, i) => {
    if (result[i]) return;
    const allowed = s.x !== undefined ? columnMask(s.x, 1) : columnMask(0, GRID_COLUMNS - s.width + 1);
    let place: GridPos | undefined;
    let tried = -1;
    for (let k = 0; k < starts.length && !place && work < LAYOUT_WORK_BUDGET; k++) {
      const y = Math.max(starts[k], firstOpenRow);
      if (y <= tried) continue;
      tried = y;
      const x = fitAt(y, s.width, s.height, allowed);
      if (x !== undefined) place = { x, y, width: s.width, height: s.height };
    }
    result[i] = place ?? { x: s.x ?? 0, y: bottom, width: s.width, height: s.height };
    mark(result[i]!);
  });
  return result as GridPos[];
}

/** `arn:aws:cloudwatch:us-east-1:123456789012:alarm:name` → region and name; a bare name stays a name. */
export function alarmRefFromArn(arn: string): AlarmRef {
  const m = /^arn:[^:]+:cloudwatch:([^:]*):[^:]*:alarm:(.+)$/.exec(arn);
  return m ? { arn, region: m[1] || undefined, name: m[2] } : { arn, name: arn };
}

/** A log widget's query: `SOURCE 'group' | SOURCE 'other' | fields …` → log groups and the query. */
export function splitLogQuery(query: string): { logGroups: string[]; query: string } {
  const logGroups: string[] = [];
  let rest = query;
  for (;;) {
    const m = /^\s*SOURCE\s+(?:'([^']*)'|"([^"]*)")\s*(\|\s*)?/i.exec(rest);
    if (!m) break;
    logGroups.push(m[1] ?? m[2]);
    rest = rest.slice(m[0].length);
  }
  return { logGroups, query: rest.replace(/^\s+/, '') };
}

const VIEWS: readonly MetricView[] = ['timeSeries', 'singleValue', 'gauge', 'bar', 'pie', 'table'];

function axis(value: unknown): AxisSettings | undefined {
  if (!isObject(value)) return undefined;
  return { min: num(value.min), max: num(value.max), label: text(value.label), showUnits: typeof value.showUnits === 'boolean' ? value.showUnits : undefined };
}

const HEX_COLOR = /^#[0-9a-f]{3,8}$/i;
/** Annotations a widget may list of each kind; more are dropped. */
const MAX_ANNOTATIONS = 100;

function colorOf(a: Record<string, unknown>): string | undefined {
  return typeof a.color === 'string' && HEX_COLOR.test(a.color) ? a.color : undefined;
}

/** The annotation objects of one entry: one, or the two edges of a band (invisible ones left out). */
function edgesOf(entry: unknown): Record<string, unknown>[] {
  return (Array.isArray(entry) ? entry.slice(0, 2) : [entry]).filter((a): a is Record<string, unknown> => isObject(a) && a.visible !== false);
}

/**
 * `annotations.horizontal`: a line at `value` (shaded `above` or `below` with `fill`), or a band written
 * as an array of two annotations, shaded between their values, labelled by the first.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
function horizontalAnnotations(value: unknown): HorizontalAnnotation[] {
  if (!isObject(value) || !Array.isArray(value.horizontal)) return [];
  const out: HorizontalAnnotation[] = [];
  for (const entry of value.horizontal.slice(0, MAX_ANNOTATIONS)) {
    const edges = edgesOf(entry).map((a) => ({ a, v: num(a.value) })).filter((e): e is { a: Record<string, unknown>; v: number } => e.v !== undefined);
    if (!edges.length) continue;
    const [first, second] = edges;
    const label = text(first.a.label) ?? (second && text(second.a.label)) ?? '';
    const fill = first.a.fill === 'above' || first.a.fill === 'below' ? first.a.fill : undefined;
    out.push({
      value: first.v,
      label,
      color: colorOf(first.a) ?? (second && colorOf(second.a)),
      yAxis: first.a.yAxis === 'right' ? 'right' : 'left',
      ...(Array.isArray(entry) && second ? { to: second.v } : fill ? { fill } : {}),
    });
  }
  return out;
}

function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/** `annotations.vertical`: a moment (ISO 8601 `value`, shaded `before` or `after` with `fill`), or a band of two. */
function verticalAnnotations(value: unknown): VerticalAnnotation[] {
  if (!isObject(value) || !Array.isArray(value.vertical)) return [];
  const out: VerticalAnnotation[] = [];
  for (const entry of value.vertical.slice(0, MAX_ANNOTATIONS)) {
    const edges = edgesOf(entry).map((a) => ({ a, t: timeOf(a.value) })).filter((e): e is { a: Record<string, unknown>; t: number } => e.t !== undefined);
    if (!edges.length) continue;
    const [first, second] = edges;
    const fill = first.a.fill === 'before' || first.a.fill === 'after' ? first.a.fill : undefined;
    out.push({
      at: Array.isArray(entry) && second ? Math.min(first.t, second.t) : first.t,
      label: text(first.a.label) ?? (second && text(second.a.label)) ?? '',
      color: colorOf(first.a) ?? (second && colorOf(second.a)),
      ...(Array.isArray(entry) && second ? { to: Math.max(first.t, second.t) } : fill ? { fill } : {}),
    });
  }
  return out;
}

function metricWidget(index: number, pos: GridPos, p: Record<string, unknown>): MetricWidget {
  const rawView = text(p.view);
  const view = VIEWS.find((v) => v === rawView) ?? 'timeSeries';
  const yAxis = isObject(p.yAxis) ? p.yAxis : {};
  return {
    type: 'metric',
    index,
    pos,
    title: text(p.title),
    region: text(p.region),
    view,
    requestedView: rawView && rawView !== view ? rawView : undefined,
    stacked: p.stacked === true,
    stat: text(p.stat),
    period: num(p.period),
    periodIsRange: p.setPeriodToTimeRange === true,
    metrics: p.metrics,
    yAxis: { left: axis(yAxis.left), right: axis(yAxis.right) },
    annotations: horizontalAnnotations(p.annotations),
    verticalAnnotations: verticalAnnotations(p.annotations),
  };
}

/**
 * A dashboard body (the JSON string GetDashboard returns, or the object) as widgets placed on the
 * grid. Nothing in it is trusted: unknown widget types become placeholders, broken entries problems.
 */
export function parseDashboardBody(body: string | unknown): ParsedDashboard {
  const problems: string[] = [];
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      return { widgets: [], rows: 0, problems: [`The dashboard body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
    }
  }
  if (!isObject(parsed)) return { widgets: [], rows: 0, problems: ['The dashboard body is not a JSON object'] };
  const list = Array.isArray(parsed.widgets) ? parsed.widgets.slice(0, MAX_WIDGETS) : [];
  if (!Array.isArray(parsed.widgets)) problems.push('The dashboard has no "widgets" list');
  else if (parsed.widgets.length > MAX_WIDGETS) problems.push(`The dashboard lists ${parsed.widgets.length} widgets; the first ${MAX_WIDGETS} are shown (CloudWatch allows ${MAX_WIDGETS})`);
  const entries = list.map((w, i) => ({ w: isObject(w) ? w : {}, i }));
  list.forEach((w, i) => {
    if (!isObject(w)) problems.push(`widget ${i + 1} is not an object`);
  });
  const positions = layoutWidgets(entries.map(({ w }) => w));

  const widgets = entries.map(({ w, i }): DashboardWidget => {
    const pos = positions[i];
    const p = isObject(w.properties) ? w.properties : {};
    const type = typeof w.type === 'string' ? w.type : '';
    switch (type) {
      case 'metric':
        return metricWidget(i, pos, p);
      case 'text':
        return { type: 'text', index: i, pos, markdown: typeof p.markdown === 'string' ? p.markdown : '', transparent: p.background === 'transparent' };
      case 'alarm':
        return {
          type: 'alarm',
          index: i,
          pos,
          title: text(p.title),
          alarms: (Array.isArray(p.alarms) ? p.alarms : []).filter((a): a is string => typeof a === 'string' && a !== '').map(alarmRefFromArn),
        };
      case 'chart': {
        const { queries, problems: queryProblems } = chartWidgetQueries(p);
        const m = metricWidget(i, pos, p);
        return { type: 'chart', index: i, pos, title: m.title, region: m.region, view: m.view === 'timeSeries' || m.view === 'bar' ? m.view : 'timeSeries', stacked: m.stacked, period: m.period, queries, problems: queryProblems, yAxis: m.yAxis, annotations: m.annotations, verticalAnnotations: m.verticalAnnotations };
      }
      case 'log': {
        const { logGroups, query } = splitLogQuery(typeof p.query === 'string' ? p.query : '');
        return { type: 'log', index: i, pos, title: text(p.title), region: text(p.region), query, logGroups, view: text(p.view) };
      }
      default:
        return { type: 'other', index: i, pos, title: text(p.title), widgetType: type || 'unknown' };
    }
  });
  const rows = positions.reduce((max, p) => Math.max(max, p.y + p.height), 0);
  return { widgets, range: rangeFromDuration(parsed.start), rows, problems };
}

/** What a widget is called when it has no title. */
export function widgetTitle(widget: DashboardWidget): string {
  if (widget.type !== 'text' && widget.title) return widget.title;
  switch (widget.type) {
    case 'text':
      return '';
    case 'alarm':
      return 'Alarms';
    case 'log':
      return 'Logs Insights';
    case 'other':
      return widget.widgetType;
    case 'metric':
      return metricNamesOf(widget.metrics) || 'Metrics';
    case 'chart':
      return widget.queries.length ? oneLine(widget.queries.map((q) => q.label ?? q.query).join(', ')) : 'PromQL';
  }
}

function metricNamesOf(metrics: unknown): string {
  const names = widgetQueries(metrics, { region: '' }).queries.map((q) => q.metric?.metricName ?? q.label);
  return [...new Set(names)].join(', ');
}

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
