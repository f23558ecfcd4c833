import * as vscode from 'vscode';
import { accountHeader } from '../session/accountLabels';
import type { Services } from '../services';
import { rangeLabel } from '../core/time/ranges';
import { SHOW_SERIES_COMMAND } from '../metrics/activation';
import { explainNoQuery, queryFromEditor } from './editorQuery';
import { exportResults } from './export';
import { QueryHistory } from './history';
import { pickSavedQuery } from './pickQuery';
import { QueryDiagnostics } from './queryErrors';
import { ResultsDocuments, RESULTS_SCHEME } from './resultsDocuments';
import { pickRange, runSavedQuery, type InsightsContext, type RunOptions } from './run';
import { saveQueryDefinition } from './saveQuery';
import type { SavedQuery } from './savedQueries';
import { ResultsCharts, ResultsCodeLens, SHOW_CHART_COMMAND } from './resultsCodeLens';
import { registerSourceLinks } from './sourceLinks';
import { showEvents } from './showEvents';
import { notifyInfo } from '../platform/notify';
import { formatDateTime } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { showPick } from '../platform/textSinks';

export interface InsightsFeature {
  readonly context: InsightsContext;
  readonly results: ResultsDocuments;
  /** Handlers of the commands activation.ts registers, by command id. */
  readonly commands: Readonly<Record<string, (...args: never[]) => unknown>>;
}

/** Everything behind the Logs Insights commands; loaded on the first command (see activation.ts). */
export function createInsightsFeature(context: vscode.ExtensionContext, services: Services): InsightsFeature {
  const results = new ResultsDocuments(accountHeader(services.accounts));
  const diagnostics = new QueryDiagnostics();
  const ctx: InsightsContext = { services, results, history: new QueryHistory(context.globalState), diagnostics, workspaceState: context.workspaceState };

  const editorQuery = async (arg: unknown): Promise<SavedQuery | undefined> => {
    const a = (arg && typeof arg === 'object' ? arg : {}) as { uri?: string; line?: number };
    const document = a.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(a.uri)) : vscode.window.activeTextEditor?.document;
    const editor = vscode.window.activeTextEditor;
    const selection = editor && document && editor.document.uri.toString() === document.uri.toString() && a.line === undefined ? editor.selection : undefined;
    const query = document ? queryFromEditor(document, selection, a.line) : undefined;
    if (!query) explainNoQuery(document);
    return query;
  };

  const rerun = async (uri: vscode.Uri | undefined, change: 'range' | 'same') => {
    const data = uri ? results.get(uri) : undefined;
    if (!data) return;
    const { query, options } = data.rerun as { query: SavedQuery; options: RunOptions };
    const range = change === 'range' ? await pickRange(options.range ?? '1h') : options.range;
    if (!range) return;
    await runSavedQuery(ctx, query, { ...options, range });
  };

  const charts = new ResultsCharts(results);
  /** A results document's URI (`Uri`, string, `{ uri }`), else the active editor's; or a ready chart (`{ title, series }`). */
  const showChart = async (arg?: unknown): Promise<void> => {
    if (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) && Array.isArray((arg as { series?: unknown }).series)) {
      await vscode.commands.executeCommand(SHOW_SERIES_COMMAND, arg);
      return;
    }
    const given = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : arg && typeof arg === 'object' && typeof (arg as { uri?: unknown }).uri === 'string' ? vscode.Uri.parse((arg as { uri: string }).uri) : undefined;
    const uri = given ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== RESULTS_SCHEME || !results.get(uri)) {
      void notifyInfo('Open Logs Insights results first (Ops Lens: Run Saved Logs Insights Query…), then show them as a chart.');
      return;
    }
    const chart = charts.get(uri);
    if (!chart) {
      void notifyInfo('These results have nothing to chart: they need a time column (bin() or @timestamp) and numeric columns, e.g. "stats count() by bin(5m)".');
      return;
    }
    await vscode.commands.executeCommand(SHOW_SERIES_COMMAND, chart);
  };

  // The chart action shows only on results that plot (a time column and numbers).
  const updateChartable = (editor = vscode.window.activeTextEditor) => {
    const uri = editor?.document.uri;
    void vscode.commands.executeCommand('setContext', 'opsLens.insights.chartable', uri?.scheme === RESULTS_SCHEME && charts.get(uri) !== undefined);
  };
  updateChartable();

  context.subscriptions.push(
    results, diagnostics,
    vscode.window.onDidChangeActiveTextEditor((editor) => updateChartable(editor)),
    vscode.languages.registerCodeLensProvider({ scheme: RESULTS_SCHEME }, new ResultsCodeLens(results, charts)),
    ...registerSourceLinks(results),
  );
  const commands: Record<string, (...args: never[]) => unknown> = {
    'opsLens.insights.runSavedQuery': async (name?: unknown, options?: RunOptions) => {
      const query = await pickSavedQuery(services, typeof name === 'string' ? name : undefined);
      return query ? runSavedQuery(ctx, query, options) : undefined;
    },
    'opsLens.insights.runQuery': async (arg?: unknown, options?: RunOptions) => {
      // A query given as `{ query, logGroups?, region?, title? }` (a dashboard's log widget) runs as given.
      const given = arg && typeof arg === 'object' && typeof (arg as { query?: unknown }).query === 'string' ? (arg as { query: string; logGroups?: string[]; region?: string; title?: string }) : undefined;
      const query: SavedQuery | undefined = given
        ? { source: 'aws', name: given.title || 'Dashboard log widget', text: given.query, logGroups: given.logGroups, region: given.region }
        : await editorQuery(arg);
      return query ? runSavedQuery(ctx, query, given ? { logGroups: given.logGroups, region: given.region, ...options } : options) : undefined;
    },
    'opsLens.insights.saveQuery': async (arg?: unknown) => {
      const query = await editorQuery(arg);
      if (query) return saveQueryDefinition(services, query, (arg && typeof arg === 'object' ? arg : {}) as { name?: string; logGroups?: string[] });
    },
    [SHOW_CHART_COMMAND]: showChart,
    'opsLens.insights.exportResults': (arg?: unknown) => exportResults(results, arg),
    'opsLens.insights.showEvents': (arg?: unknown) => showEvents(results, arg),
    'opsLens.insights.rerun': (uri?: vscode.Uri) => rerun(uri ?? vscode.window.activeTextEditor?.document.uri, 'same'),
    'opsLens.insights.changeRange': (uri?: vscode.Uri) => rerun(uri ?? vscode.window.activeTextEditor?.document.uri, 'range'),
    'opsLens.insights.showHistory': async () => {
      const entries = ctx.history.list();
      if (!entries.length) {
        void notifyInfo('No queries run yet. Run one with "Ops Lens: Run Saved Logs Insights Query…".');
        return;
      }
      const picked = await showPick(entries.map((e) => ({
        label: e.name,
        description: `${formatDateTime(Date.parse(e.at), readTimeZone(), { seconds: false })} · ${e.status}${e.recordsMatched !== undefined ? ` · ${e.recordsMatched} matched` : ''}`,
        detail: `${e.logGroups.join(', ')} · ${rangeLabel(e.range)} · ${e.region}`,
        entry: e,
      })), { title: 'Recent Logs Insights runs', matchOnDetail: true, placeHolder: 'Pick one to run it again' });
      if (!picked) return;
      const e = picked.entry;
      return runSavedQuery(ctx, { source: e.source, language: e.language, name: e.name, text: e.text, logGroups: e.logGroups, range: e.range, region: e.region, uri: e.uri ? vscode.Uri.parse(e.uri) : undefined, startLine: e.startLine }, { range: e.range, logGroups: e.logGroups, region: e.region });
    },
  };
  return { context: ctx, results, commands };
}
