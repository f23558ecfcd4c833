import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import type { Services } from '../services';
import { checkQuery } from '../core/insights';
import { prepareQueryText } from '../core/insights/markdownBlocks';
import { RANGES, rangeLabel, windowFor } from '../core/time/ranges';
import { showError } from '../platform/errors';
import { runInsightsQuery } from './execution';
import type { QueryHistory } from './history';
import { QueryDiagnostics, positionFromMessage } from './queryErrors';
import type { ResultsDocuments } from './resultsDocuments';
import type { SavedQuery } from './savedQueries';

export interface RunOptions {
  readonly range?: string;
  readonly logGroups?: readonly string[];
  readonly region?: string;
}

export interface InsightsContext {
  readonly services: Services;
  readonly results: ResultsDocuments;
  readonly history: QueryHistory;
  readonly diagnostics: QueryDiagnostics;
  readonly workspaceState: vscode.Memento;
}

function rememberedKey(query: SavedQuery): string {
  return `opsLens.insights.logGroups:${query.source}:${query.name}`;
}

async function chooseLogGroups(ctx: InsightsContext, query: SavedQuery, region: string): Promise<string[] | undefined> {
  if (query.logGroups?.length) return [...query.logGroups];
  const defaults = vscode.workspace.getConfiguration('opsLens').get<string[]>('insights.defaultLogGroups', []);
  if (Array.isArray(defaults) && defaults.length) return defaults.filter((g) => typeof g === 'string' && g.trim());
  const remembered = ctx.workspaceState.get<string[]>(rememberedKey(query), []);
  const names: string[] = [];
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Listing log groups…' }, async () => {
      for await (const page of ctx.services.logs.logGroupPages(region)) {
        names.push(...page.map((g) => g.logGroupName ?? '').filter(Boolean));
        if (names.length >= 5000) break;
      }
    });
  } catch (err) {
    await showError(err, 'Could not list log groups');
    return undefined;
  }
  if (names.length === 0) {
    void vscode.window.showErrorMessage(`No log groups in ${region}. Add "# logGroups: …" to the query, or set opsLens.insights.defaultLogGroups.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(names.map((label) => ({ label, picked: remembered.includes(label) })), { title: `Log groups for "${query.name}"`, canPickMany: true, placeHolder: `Which log groups of ${region} to query` });
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.map((p) => p.label);
  await ctx.workspaceState.update(rememberedKey(query), chosen);
  return chosen;
}

export async function pickRange(current: string): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(RANGES.map((r) => ({ label: r, description: rangeLabel(r), picked: r === current })), { title: 'Time range' });
  return picked?.label;
}

/** Runs a saved query: checks it locally, asks what it lacks, polls with progress and cancel, opens the results. */
export async function runSavedQuery(ctx: InsightsContext, query: SavedQuery, options: RunOptions = {}): Promise<vscode.Uri | undefined> {
  const prepared = prepareQueryText(query.text);
  ctx.diagnostics.clear(query.uri);
  const syntax = checkQuery(prepared.text);
  if (syntax) {
    ctx.diagnostics.mark(query, { message: syntax.message, line: syntax.line, column: syntax.column, length: syntax.length }, prepared.lineOffset);
    void vscode.window.showErrorMessage(`"${query.name}" was not sent: ${syntax.message}.`);
    return undefined;
  }
  const { regions } = await ctx.services.session.regions();
  const region = options.region ?? query.region ?? regions[0];
  const logGroups = options.logGroups?.length ? [...options.logGroups] : await chooseLogGroups(ctx, query, region);
  if (!logGroups) return undefined;
  const range = options.range ?? query.range ?? vscode.workspace.getConfiguration('opsLens').get<string>('insights.defaultRange', '1h');
  const window = windowFor(range);
  if (!window) {
    void vscode.window.showErrorMessage(`"${range}" is not a time range; use 15m, 1h, 3h, 12h, 24h, 3d or 7d.`);
    return undefined;
  }

  let outcome;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Logs Insights: ${query.name}`, cancellable: true }, (progress, token) =>
      runInsightsQuery(ctx.services.logs, { region, queryString: prepared.text, logGroupNames: logGroups, start: window.start, end: window.end }, {
        cancelled: () => token.isCancellationRequested,
        onProgress: (p) => progress.report({ message: `${p.status}${p.recordsMatched !== undefined ? ` · ${p.recordsMatched.toLocaleString('en-US')} records matched` : ''}${p.retrying ? ` · ${p.retrying}, polling again shortly` : ''}` }),
      }));
  } catch (err) {
    if (err instanceof AwsUserError && err.code === 'MalformedQueryException') {
      const original = err.original as { message?: string; queryCompileError?: { location?: { startCharOffset?: number; endCharOffset?: number } } } | undefined;
      const position = positionFromMessage(original?.message ?? err.message);
      if (position) ctx.diagnostics.mark(query, { message: original?.message ?? err.message, ...position }, prepared.lineOffset);
      void vscode.window.showErrorMessage(`Logs Insights rejected "${query.name}": ${original?.message ?? err.message}`);
      return undefined;
    }
    await showError(err, `Could not run "${query.name}"`);
    return undefined;
  }

  const rows = (outcome.response.results ?? []).map((row) => row.map((f) => ({ field: f.field ?? '', value: f.value ?? '' })));
  const uri = ctx.results.add({
    queryName: query.name,
    query: prepared.text,
    logGroups,
    region,
    range: { ...window, label: rangeLabel(range) },
    status: outcome.status,
    statistics: outcome.response.statistics,
    rows,
    rerun: { query, options: { range, logGroups, region } },
  });
  await ctx.history.add({ name: query.name, text: query.text, logGroups, range, region, at: new Date().toISOString(), status: outcome.status, recordsMatched: outcome.response.statistics?.recordsMatched, source: query.source, uri: query.uri?.toString(), startLine: query.startLine });
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  if (outcome.status === 'Cancelled') void vscode.window.showInformationMessage(`"${query.name}" was cancelled; partial results are shown.`);
  else if (outcome.status !== 'Complete') void vscode.window.showWarningMessage(`"${query.name}" ended as ${outcome.status}.`);
  return uri;
}
