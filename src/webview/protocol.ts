import type { TimeZone } from '../core/time/zone';
// The one definition of what the chart panel's host and page say to each other. Imported by both
// src/webview/panel.ts (extension host) and src/webview/page/main.ts (the webview, bundled separately).
// The page imports only types from here, so the checks below (host side) stay out of its bundle.
import type { AccountBadge } from '../core/accounts/markings';
import { parseScopeId, type ScopeId } from '../core/scope';
import { seriesChartFromArgument, type AlarmSnapshot, type MetricSelection, type SeriesChartInput } from '../core/metrics/arguments';
import type { GridPos, MetricView } from '../core/metrics/dashboard';
import type { MdBlock, MdInline } from '../core/metrics/markdown';
import type { RangeKey } from '../core/metrics/ranges';

export type { RangeKey, MetricSelection, AlarmSnapshot, SeriesChartInput, GridPos, MdBlock, MdInline };

export const CHART_VIEW_TYPE = 'opsLens.chart';

/** What a panel shows; saved with the webview's state so a reload restores it. */
export type ChartSource =
  | { readonly kind: 'metrics'; readonly metrics: readonly MetricSelection[]; readonly title?: string }
  | { readonly kind: 'dashboard'; readonly region: ScopeId; readonly name: string }
  | { readonly kind: 'alarm'; readonly region: ScopeId; readonly name: string; readonly snapshot?: AlarmSnapshot }
  /**
   * Series handed over whole (Logs Insights results): nothing is fetched, range, statistic and refresh do
   * not apply, and the saved state carries the series (bounded: see `seriesChartFromArgument`).
   */
  | ({ readonly kind: 'insights' } & SeriesChartInput);

/** Whether a source is fetched from CloudWatch (range, statistic, refresh and auto refresh apply). */
export function isFetchedSource(source: ChartSource): boolean {
  return source.kind !== 'insights';
}

export interface PanelState {
  readonly version: 1;
  readonly source: ChartSource;
  readonly range: RangeKey;
  /** The range is the source's own (a dashboard's `start`) until one is picked. */
  readonly rangeFromSource?: boolean;
  /** Statistic applied to every metric; undefined: as each metric or widget defines it. */
  readonly stat?: string;
  readonly autoRefresh: boolean;
  /** Values picked for a dashboard's variables, by variable id. */
  readonly variables?: Readonly<Record<string, string>>;
}

/** A dashboard variable as the toolbar offers it. */
export interface VariableView {
  readonly id: string;
  readonly label: string;
  readonly inputType: 'input' | 'select' | 'radio';
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The value in use; absent when none could be chosen. */
  readonly value?: string;
}

export interface SeriesView {
  readonly id: string;
  readonly label: string;
  readonly color?: string;
  readonly yAxis: 'left' | 'right';
  readonly unit?: string;
  /** Epoch milliseconds, ascending. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

export interface LineView {
  readonly value: number;
  readonly label: string;
  readonly color?: string;
  readonly kind: 'threshold' | 'annotation';
  readonly yAxis: 'left' | 'right';
  /** A band annotation's other edge: shaded between `value` and `to`. */
  readonly to?: number;
  /** A single annotation's shading. */
  readonly fill?: 'above' | 'below';
}

/** A vertical annotation: a moment, or with `to` a stretch of time (epoch milliseconds). */
export interface TimeMarkView {
  readonly at: number;
  readonly to?: number;
  readonly label: string;
  readonly color?: string;
  readonly fill?: 'before' | 'after';
}

export interface BandView {
  /** Epoch milliseconds. */
  readonly from: number;
  readonly to: number;
}

export interface AxisView {
  readonly min?: number;
  readonly max?: number;
  readonly label?: string;
  readonly unit?: string;
}

interface WidgetBase {
  /** Unique within the view; the page echoes it in exports and draw reports. */
  readonly id: string;
  readonly title: string;
  /** Position on the 24-column grid. */
  readonly pos: GridPos;
}

export interface ChartWidgetView extends WidgetBase {
  readonly kind: 'chart';
  readonly view: MetricView;
  readonly stacked: boolean;
  readonly series: readonly SeriesView[];
  readonly lines: readonly LineView[];
  /** ALARM stretches shaded behind the lines. */
  readonly bands: readonly BandView[];
  readonly bandsFrom?: 'history' | 'data';
  /** An anomaly-detection band: shaded between two of the series (by id), its edges drawn faint. */
  readonly expectedBand?: { readonly label: string; readonly upperId: string; readonly lowerId: string };
  /** Vertical annotations. */
  readonly marks?: readonly TimeMarkView[];
  /** Set when the series come from a PromQL query rather than GetMetricData. */
  readonly queryLanguage?: 'PromQL';
  readonly axes: { readonly left: AxisView; readonly right?: AxisView };
  /** Period of the data, seconds (the largest when queries differ). */
  readonly period: number;
  /** Set on a chart opened from an alarm. */
  readonly alarm?: { readonly name: string; readonly region: ScopeId; readonly state: string; readonly threshold?: number; readonly comparison?: string };
  /** Whole-chart failure: message shown with a retry button instead of the chart. */
  readonly error?: string;
  /** Partial trouble (a row that could not be read, a series with partial data). */
  readonly notes: readonly string[];
}

export interface TextWidgetView extends WidgetBase {
  readonly kind: 'text';
  readonly blocks: readonly MdBlock[];
  readonly transparent: boolean;
}

export interface AlarmItemView {
  readonly name: string;
  readonly region?: ScopeId;
  readonly state: 'ALARM' | 'OK' | 'INSUFFICIENT_DATA' | 'UNKNOWN';
  readonly reason: string;
  /** Epoch milliseconds. */
  readonly updated?: number;
}

export interface AlarmsWidgetView extends WidgetBase {
  readonly kind: 'alarms';
  readonly alarms: readonly AlarmItemView[];
  readonly error?: string;
}

export interface LogWidgetView extends WidgetBase {
  readonly kind: 'log';
  readonly region: ScopeId;
  readonly query: string;
  readonly logGroups: readonly string[];
}

export interface PlaceholderWidgetView extends WidgetBase {
  readonly kind: 'placeholder';
  /** The widget's `type` as the dashboard wrote it. */
  readonly widgetType: string;
  readonly message: string;
  /** A button that asks the host to do what the message offers (invoke the dashboard's custom widget functions). */
  readonly action?: { readonly kind: 'allowCustomWidgets' | 'allowLogAlarmQuery'; readonly label: string };
}

export type WidgetView = ChartWidgetView | TextWidgetView | AlarmsWidgetView | LogWidgetView | PlaceholderWidgetView;

export type { AccountBadge };

export interface ChartView {
  readonly title: string;
  readonly subtitle: string;
  readonly layout: 'single' | 'dashboard';
  /** Grid rows a dashboard uses. */
  readonly rows: number;
  /** The range shown (a dashboard may bring its own; the host then keeps it in the panel's state). */
  readonly range: RangeKey;
  /** Epoch milliseconds of the range shown. */
  readonly start: number;
  readonly end: number;
  readonly fetchedAt: number;
  /** Whether the statistic picker applies (not to an alarm's metric). */
  readonly statSelectable: boolean;
  readonly widgets: readonly WidgetView[];
  /** Trouble with the whole view that did not stop it (a region that failed, dashboard problems). */
  readonly notes: readonly string[];
  /** A dashboard's variables, for the toolbar's pickers. */
  readonly variables?: readonly VariableView[];
  /** The marked account the data comes from (opsLens.aws.accounts): shown as a badge above the title. */
  readonly account?: AccountBadge;
  /** Seconds between automatic refreshes, for the auto-refresh checkbox's label. */
  readonly refreshSeconds?: number;
}


export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** Host → page. */
export type HostMessage =
  | { readonly type: 'loading'; readonly state: PanelState }
  | { readonly type: 'render'; readonly state: PanelState; readonly view: ChartView }
  /** The state changed without new data (auto refresh switched): toolbar and saved state only. */
  | { readonly type: 'state'; readonly state: PanelState }
  | { readonly type: 'error'; readonly state: PanelState; readonly message: string; readonly canRetry: boolean }
  | { readonly type: 'theme'; readonly kind: ThemeKind }
  /** opsLens.timeZone changed: times are written again in this zone. */
  | { readonly type: 'timeZone'; readonly zone: TimeZone }
  | { readonly type: 'exported'; readonly format: 'png' | 'csv'; readonly ok: boolean; readonly message: string };

/** Page → host. */
export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  | { readonly type: 'setRange'; readonly range: RangeKey }
  | { readonly type: 'setStat'; readonly stat: string | null }
  | { readonly type: 'setAutoRefresh'; readonly enabled: boolean }
  | { readonly type: 'setVariable'; readonly id: string; readonly value: string }
  /** CSV of one widget's series, or of every chart when widgetId is missing. */
  | { readonly type: 'exportCsv'; readonly widgetId?: string }
  | { readonly type: 'exportPng'; readonly widgetId: string; readonly dataUrl: string }
  | { readonly type: 'runLogQuery'; readonly widgetId: string }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'allowCustomWidgets' }
  /** Run a log alarm's Logs Insights query to chart it (it costs money: the host asks first). */
  | { readonly type: 'allowLogAlarmQuery' }
  | { readonly type: 'drawn'; readonly widgetId: string; readonly series: number; readonly points: number; readonly ms: number }
  | { readonly type: 'error'; readonly message: string };

/** What the page keeps with vscode.setState (and the serializer receives after a reload). */
export interface SavedPageState {
  readonly panel: PanelState;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RANGE_KEYS = ['1h', '3h', '12h', '24h', '3d', '7d'];
const MAX_VARIABLE_TEXT = 256;
const MAX_VARIABLES = 20;

/** Picked variable values when they are a small record of short strings. */
function variablesOf(raw: unknown): Record<string, string> | undefined {
  if (!isObject(raw)) return undefined;
  const entries = Object.entries(raw);
  if (entries.length > MAX_VARIABLES || !entries.every(([k, v]) => k.length <= MAX_VARIABLE_TEXT && typeof v === 'string' && v.length <= MAX_VARIABLE_TEXT)) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}

/** The page's message when it is well formed (the host trusts nothing it did not check). */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  const str = (v: unknown) => typeof v === 'string';
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  switch (raw.type) {
    case 'ready':
    case 'refresh':
    case 'allowCustomWidgets':
    case 'allowLogAlarmQuery':
      return { type: raw.type };
    case 'setRange':
      return RANGE_KEYS.includes(raw.range as string) ? { type: 'setRange', range: raw.range as RangeKey } : undefined;
    case 'setStat':
      return raw.stat === null || (str(raw.stat) && (raw.stat as string).length <= 40) ? { type: 'setStat', stat: raw.stat as string | null } : undefined;
    case 'setAutoRefresh':
      return typeof raw.enabled === 'boolean' ? { type: 'setAutoRefresh', enabled: raw.enabled } : undefined;
    case 'setVariable':
      return str(raw.id) && str(raw.value) && (raw.id as string).length <= MAX_VARIABLE_TEXT && (raw.value as string).length <= MAX_VARIABLE_TEXT
        ? { type: 'setVariable', id: raw.id as string, value: raw.value as string }
        : undefined;
    case 'exportCsv':
      return raw.widgetId === undefined || str(raw.widgetId) ? { type: 'exportCsv', ...(str(raw.widgetId) ? { widgetId: raw.widgetId as string } : {}) } : undefined;
    case 'exportPng':
      return str(raw.widgetId) && str(raw.dataUrl) ? { type: 'exportPng', widgetId: raw.widgetId as string, dataUrl: raw.dataUrl as string } : undefined;
    case 'runLogQuery':
      return str(raw.widgetId) ? { type: 'runLogQuery', widgetId: raw.widgetId as string } : undefined;
    case 'openLink':
      return str(raw.href) ? { type: 'openLink', href: raw.href as string } : undefined;
    case 'drawn':
      return str(raw.widgetId) && num(raw.series) && num(raw.points) && num(raw.ms)
        ? { type: 'drawn', widgetId: raw.widgetId as string, series: raw.series as number, points: raw.points as number, ms: raw.ms as number }
        : undefined;
    case 'error':
      return str(raw.message) ? { type: 'error', message: (raw.message as string).slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}

/** A saved metric with its region parsed as a scope; undefined when it is not one. */
function savedSelection(m: unknown): MetricSelection | undefined {
  if (!isObject(m) || typeof m.namespace !== 'string' || typeof m.metricName !== 'string') return undefined;
  if (!Array.isArray(m.dimensions) || !m.dimensions.every((d) => isObject(d) && typeof d.name === 'string' && typeof d.value === 'string')) return undefined;
  const region = parseScopeId(m.region);
  return region ? ({ ...m, region } as unknown as MetricSelection) : undefined;
}

/** The saved dashboard, alarm or metrics with their regions parsed as scopes; undefined when one is not. */
function savedSource(s: Record<string, unknown>): ChartSource | undefined {
  if (s.kind === 'metrics') {
    const metrics = Array.isArray(s.metrics) ? s.metrics.map(savedSelection) : [];
    return metrics.length > 0 && metrics.every((m) => m !== undefined) ? ({ ...s, metrics } as unknown as ChartSource) : undefined;
  }
  const region = parseScopeId(s.region);
  return (s.kind === 'dashboard' || s.kind === 'alarm') && region && typeof s.name === 'string' ? ({ ...s, region } as unknown as ChartSource) : undefined;
}

/** A saved state when it is one this version wrote. */
export function parseSavedState(raw: unknown): PanelState | undefined {
  const panel = isObject(raw) && isObject(raw.panel) ? raw.panel : undefined;
  if (!panel || panel.version !== 1 || !isObject(panel.source) || !RANGE_KEYS.includes(panel.range as string)) return undefined;
  const s = panel.source;
  if (s.kind === 'insights') {
    const chart = seriesChartFromArgument(s);
    return chart ? ({ ...panel, source: { kind: 'insights', ...chart } } as unknown as PanelState) : undefined;
  }
  const source = savedSource(s);
  if (!source) return undefined;
  const { variables, ...rest } = panel;
  const picked = variablesOf(variables);
  return { ...rest, source, ...(picked ? { variables: picked } : {}) } as unknown as PanelState;
}
