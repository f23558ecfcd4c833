import * as vscode from 'vscode';
import { accountBadge, type AccountMarking } from '../core/accounts/markings';
import type { ScopeId } from '../core/scope';
import { exportFileName, seriesToCsv, type CsvSeries } from '../core/metrics/csv';
import { safeHref } from '../core/metrics/markdown';
import { DEFAULT_RANGE } from '../core/metrics/ranges';
import { Disposable } from '../platform/disposable';
import { describeError } from '../platform/errors';
import { ActivePanels } from './activePanel';
import { chartHtml, chartResourceRoots, newNonce } from './html';
import { panelIcon } from './panelIcons';
import {
  CHART_VIEW_TYPE, isFetchedSource, parsePageMessage, parseSavedState,
  type ChartSource, type ChartView, type HostMessage, type LogWidgetView, type PageMessage, type PanelState, type ThemeKind,
} from './protocol';
import { notifyError, notifyInfo } from '../platform/notify';
import { onTimeZoneChange } from '../platform/timeZone';
import { quoted } from '../core/text/notification';

/** Fetches what a panel shows (the page only draws). */
export interface ChartDataLoader {
  load(state: PanelState): Promise<ChartView>;
  title(source: ChartSource): string;
}

export interface DrawReport {
  readonly panelTitle: string;
  readonly widgetId: string;
  readonly series: number;
  readonly points: number;
  readonly ms: number;
}

export interface ChartPanelOptions {
  readonly extensionUri: vscode.Uri;
  readonly loader: ChartDataLoader;
  readonly log: vscode.LogOutputChannel;
  /** Seconds between automatic refreshes while a panel is visible (default 60). */
  readonly refreshSeconds?: () => number;
  /** The marking of a scope's account, for the badge by the title. */
  readonly marking?: (scope: ScopeId) => AccountMarking | undefined;
  /** Asks the person whether a dashboard's custom widget functions may be invoked; true when allowed. */
  readonly allowCustomWidgets?: (source: ChartSource) => Promise<boolean>;
  /** Asks whether to run a log alarm's query to chart it; true when it may run (then the chart reloads). */
  readonly allowLogAlarmQuery?: (source: ChartSource) => Promise<boolean>;
}

/** The one account a source reads from, when it reads from one. */
function sourceScope(source: ChartSource): ScopeId | undefined {
  if (source.kind === 'dashboard' || source.kind === 'alarm') return source.region;
  if (source.kind !== 'metrics') return undefined;
  const regions = new Set(source.metrics.map((m) => m.region));
  return regions.size === 1 ? [...regions][0] : undefined;
}

/** Set while the chart in front is fetched from CloudWatch (Refresh applies; not to handed-over results). */
const CHART_FETCHED_KEY = 'opsLens.chart.fetched';

const LOG_QUERY_COMMAND = 'opsLens.insights.runQuery';
const SAVED_QUERY_COMMAND = 'opsLens.insights.runSavedQuery';

function sourceKey(source: ChartSource): string {
  switch (source.kind) {
    case 'metrics':
      return `metrics|${JSON.stringify(source.metrics.map((m) => [m.region, m.namespace, m.metricName, m.dimensions, m.stat ?? '']))}`;
    case 'dashboard':
    case 'alarm':
      return `${source.kind}|${source.region}|${source.name}`;
    case 'insights':
      return `insights|${source.title}|${seriesFingerprint(source.series)}`;
  }
}

/** A cheap fingerprint of handed-over series (FNV-1a over names and points): the same results, the same panel. */
function seriesFingerprint(series: Extract<ChartSource, { kind: 'insights' }>['series']): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n & 0xffffffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const s of series) {
    for (let i = 0; i < s.name.length; i++) mix(s.name.charCodeAt(i));
    mix(s.points.length);
    for (const [t, v] of s.points) {
      mix(Math.floor(t / 1000));
      mix(Math.round(v * 1000));
    }
  }
  return `${series.length}.${h.toString(16)}`;
}

function themeKind(kind: vscode.ColorThemeKind): ThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

/**
 * Every panel of view type `opsLens.chart`: metric charts, alarm charts and dashboards. Opens them,
 * brings back the ones VS Code restores after a reload (serializer), and reveals an open panel
 * instead of opening the same chart twice.
 */
export class ChartPanel extends Disposable {
  static readonly viewType = CHART_VIEW_TYPE;
  private readonly open = new Map<string, OpenChart>();
  private readonly front = new ActivePanels<OpenChart>();
  private readonly drawn = new vscode.EventEmitter<DrawReport>();
  /** Each chart the page drew, with its draw time. */
  readonly onDidDraw = this.drawn.event;

  constructor(private readonly options: ChartPanelOptions) {
    super();
    this.register(this.drawn);
    this.register({ dispose: () => [...this.open.values()].forEach((c) => c.panel.dispose()) });
  }

  /** Takes over a panel VS Code restores after a reload (the serializer is registered at activation). */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const state = parseSavedState(saved);
    if (!state) {
      panel.dispose();
      return;
    }
    this.adopt(panel, state);
  }

  /** Reloads the chart in front (its title bar's Refresh). */
  async refreshActive(): Promise<void> {
    await this.front.active?.refresh();
  }

  /** Exports every chart of the panel in front as CSV (its title bar's Export). */
  async exportActive(): Promise<void> {
    await this.front.active?.exportAll();
  }

  /** Panels open now. */
  get count(): number {
    return this.open.size;
  }

  /** Opens (or reveals and refreshes) the panel showing `source`. */
  show(source: ChartSource, initial: { range?: PanelState['range']; stat?: string; autoRefresh?: boolean } = {}): vscode.WebviewPanel {
    const existing = this.open.get(sourceKey(source));
    if (existing) {
      existing.panel.reveal();
      existing.update({ source, ...(initial.range ? { range: initial.range } : {}) });
      return existing.panel;
    }
    const state: PanelState = {
      version: 1,
      source,
      range: initial.range ?? DEFAULT_RANGE,
      // A dashboard opens on its own time range (its `start`) unless one is asked for.
      ...(source.kind === 'dashboard' && !initial.range ? { rangeFromSource: true } : {}),
      ...(initial.stat ? { stat: initial.stat } : {}),
      autoRefresh: isFetchedSource(source) && (initial.autoRefresh ?? false),
    };
    const panel = vscode.window.createWebviewPanel(CHART_VIEW_TYPE, this.options.loader.title(source), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      localResourceRoots: chartResourceRoots(this.options.extensionUri),
    });
    this.adopt(panel, state);
    return panel;
  }

  private adopt(panel: vscode.WebviewPanel, state: PanelState): void {
    const key = sourceKey(state.source);
    const chart = new OpenChart(panel, state, this.options, (report) => this.drawn.fire(report));
    this.open.get(key)?.panel.dispose();
    this.open.set(key, chart);
    const tracked = this.front.track(panel, chart, () => ({ [CHART_FETCHED_KEY]: isFetchedSource(chart.source) }));
    panel.onDidDispose(() => {
      if (this.open.get(key) === chart) this.open.delete(key);
      tracked.dispose();
      chart.dispose();
    });
  }
}

/** One panel: its state, its last view, its timer, its messages. */
class OpenChart extends Disposable {
  private view: ChartView | undefined;
  private loadSeq = 0;
  private timer: NodeJS.Timeout | undefined;
  private pageReady = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private state: PanelState,
    private readonly options: ChartPanelOptions,
    private readonly onDrawn: (report: DrawReport) => void,
  ) {
    super();
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: chartResourceRoots(options.extensionUri) };
    panel.title = options.loader.title(state.source);
    panel.iconPath = panelIcon(options.extensionUri, 'chart');
    webview.html = chartHtml(webview, options.extensionUri, newNonce(), panel.title);
    this.register(webview.onDidReceiveMessage((raw: unknown) => {
      const message = parsePageMessage(raw);
      if (message) void this.handle(message);
    }));
    this.register(panel.onDidChangeViewState(() => this.schedule()));
    this.register(vscode.window.onDidChangeActiveColorTheme((theme) => this.post({ type: 'theme', kind: themeKind(theme.kind) })));
    this.register(onTimeZoneChange((zone) => this.post({ type: 'timeZone', zone })));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  get source(): ChartSource {
    return this.state.source;
  }

  refresh(): Promise<void> {
    return this.load();
  }

  exportAll(): Promise<void> {
    return this.exportCsv(undefined);
  }

  private refreshSeconds(): number {
    return Math.max(10, this.options.refreshSeconds?.() || 60);
  }

  /** Changes what the panel shows (a command asked for the same chart again) and reloads. */
  update(change: Partial<Pick<PanelState, 'source' | 'range' | 'stat' | 'autoRefresh'>>): void {
    const { rangeFromSource, ...rest } = this.state;
    this.state = { ...rest, ...(rangeFromSource && !change.range ? { rangeFromSource } : {}), ...change };
    if (this.pageReady) void this.load();
  }

  /** Sends to the page; a panel closed meanwhile (its webview disposed) gets nothing. */
  private post(message: HostMessage): void {
    if (this.isDisposed) return;
    try {
      void Promise.resolve(this.panel.webview.postMessage(message)).catch(() => undefined);
    } catch {
      // closed between the check and the call
    }
  }

  private async handle(message: PageMessage): Promise<void> {
    const log = this.options.log;
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        // A page that comes back (hidden and shown again) gets the last view without a new fetch.
        if (this.view) this.post({ type: 'render', state: this.state, view: this.view });
        else await this.load();
        this.schedule();
        return;
      case 'refresh':
        await this.load();
        return;
      case 'setRange': {
        const { rangeFromSource: _own, ...rest } = this.state;
        this.state = { ...rest, range: message.range };
        await this.load();
        return;
      }
      case 'setStat': {
        const { stat: _old, ...rest } = this.state;
        this.state = message.stat ? { ...rest, stat: message.stat } : rest;
        await this.load();
        return;
      }
      case 'setVariable':
        this.state = { ...this.state, variables: { ...this.state.variables, [message.id]: message.value } };
        await this.load();
        return;
      case 'setAutoRefresh':
        this.state = { ...this.state, autoRefresh: message.enabled };
        this.post({ type: 'state', state: this.state });
        this.schedule();
        return;
      case 'exportCsv':
        await this.exportCsv(message.widgetId);
        return;
      case 'exportPng':
        await this.exportPng(message.widgetId, message.dataUrl);
        return;
      case 'runLogQuery':
        await this.runLogQuery(message.widgetId);
        return;
      case 'openLink': {
        const href = safeHref(message.href);
        if (href) await vscode.env.openExternal(vscode.Uri.parse(href, true));
        return;
      }
      case 'allowCustomWidgets':
        if (this.options.allowCustomWidgets && (await this.options.allowCustomWidgets(this.state.source))) await this.load();
        return;
      case 'allowLogAlarmQuery':
        if (this.options.allowLogAlarmQuery && (await this.options.allowLogAlarmQuery(this.state.source))) await this.load();
        return;
      case 'drawn':
        log.info(`chart drawn: ${this.panel.title} ${message.widgetId}: ${message.series} series, ${message.points} points in ${message.ms.toFixed(1)} ms`);
        this.onDrawn({ panelTitle: this.panel.title, widgetId: message.widgetId, series: message.series, points: message.points, ms: message.ms });
        return;
      case 'error':
        log.warn(`chart page: ${message.message}`);
        return;
    }
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    const state = this.state;
    this.post({ type: 'loading', state });
    const started = performance.now();
    try {
      const loaded = await this.options.loader.load(state);
      if (seq !== this.loadSeq || this.isDisposed) return;
      const scope = sourceScope(state.source);
      const marking = scope !== undefined ? this.options.marking?.(scope) : undefined;
      const view = { ...loaded, refreshSeconds: this.refreshSeconds(), ...(marking ? { account: accountBadge(marking) } : {}) };
      this.view = view;
      // The view may show another range than asked (a dashboard's own): the toolbar and saved state follow it.
      if (view.range !== this.state.range) this.state = { ...this.state, range: view.range };
      this.post({ type: 'render', state: this.state, view });
      this.options.log.info(`chart loaded: ${this.panel.title} (${view.widgets.length} widget${view.widgets.length === 1 ? '' : 's'}) in ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      if (seq !== this.loadSeq || this.isDisposed) return;
      this.options.log.warn(`chart failed: ${this.panel.title}: ${describeError(err)}`);
      this.post({ type: 'error', state, message: describeError(err), canRetry: true });
    } finally {
      if (seq === this.loadSeq) this.schedule();
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.isDisposed) return;
    if (!this.state.autoRefresh || !isFetchedSource(this.state.source) || !this.panel.visible || !this.pageReady) return;
    this.timer = setTimeout(() => void this.load(), this.refreshSeconds() * 1000);
  }

  private csvSeries(widgetId: string | undefined): { series: CsvSeries[]; title: string } {
    const charts = (this.view?.widgets ?? []).filter((w) => w.kind === 'chart' && (!widgetId || w.id === widgetId));
    const many = charts.length > 1;
    const series = charts.flatMap((w) => (w.kind === 'chart' ? w.series.map((s) => ({ label: many && w.title ? `${w.title}: ${s.label}` : s.label, timestamps: s.timestamps, values: s.values })) : []));
    const title = widgetId && charts[0] ? charts[0].title || this.panel.title : this.panel.title;
    return { series, title };
  }

  private async saveFile(name: string, filters: Record<string, string[]>, data: Uint8Array, format: 'png' | 'csv'): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters, saveLabel: 'Export' });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, data);
      this.post({ type: 'exported', format, ok: true, message: `Saved ${target.fsPath || target.toString()}` });
    } catch (err) {
      this.post({ type: 'exported', format, ok: false, message: describeError(err) });
      void notifyError(`Could not save the export: ${quoted(describeError(err))}`);
    }
  }

  private async exportCsv(widgetId: string | undefined): Promise<void> {
    const { series, title } = this.csvSeries(widgetId);
    if (series.length === 0) {
      void notifyInfo('There is no chart data to export yet.');
      return;
    }
    await this.saveFile(exportFileName(title, 'csv'), { CSV: ['csv'] }, new TextEncoder().encode(seriesToCsv(series)), 'csv');
  }

  private async exportPng(widgetId: string, dataUrl: string): Promise<void> {
    const prefix = 'data:image/png;base64,';
    if (!dataUrl.startsWith(prefix)) return;
    const bytes = Buffer.from(dataUrl.slice(prefix.length), 'base64');
    if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0x89504e47) return;
    const widget = this.view?.widgets.find((w) => w.id === widgetId);
    await this.saveFile(exportFileName(widget?.title || this.panel.title, 'png'), { 'PNG image': ['png'] }, bytes, 'png');
  }

  private async runLogQuery(widgetId: string): Promise<void> {
    const widget = this.view?.widgets.find((w): w is LogWidgetView => w.kind === 'log' && w.id === widgetId);
    if (!widget) return;
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes(LOG_QUERY_COMMAND)) {
      await vscode.commands.executeCommand(LOG_QUERY_COMMAND, { query: widget.query, logGroups: widget.logGroups, region: widget.region, title: widget.title });
      return;
    }
    if (commands.includes(SAVED_QUERY_COMMAND)) {
      await vscode.commands.executeCommand(SAVED_QUERY_COMMAND, widget.title);
      return;
    }
    const copy = 'Copy Query';
    const picked = await notifyInfo('Logs Insights is coming to Ops Lens. Until then, copy the query and run it in the CloudWatch console.', copy);
    if (picked === copy) {
      const source = widget.logGroups.map((g) => `SOURCE '${g}' | `).join('');
      await vscode.env.clipboard.writeText(`${source}${widget.query}`);
    }
  }
}
