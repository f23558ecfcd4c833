import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import type { Services } from '../services';
import { acceptedDespiteFindings, analyzeQuery, type QueryAnalysis } from '../core/insights';
import { prepareQueryText } from '../core/insights/markdownBlocks';
import { parseTimeRange, RANGE_FORMS, RANGES, rangeLabel, windowFor } from '../core/time/ranges';
import { showError } from '../platform/errors';
import { scopesFor, type ScopeId } from '../core/scope';
import { regionForQuery } from './accountPick';
import { runInsightsQuery } from './execution';
import type { QueryHistory } from './history';
import { QueryDiagnostics, positionFromMessage, positionOfOffset } from './queryErrors';
import type { ResultsDocuments } from './resultsDocuments';
import type { SavedQuery } from './savedQueries';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { readSetting } from '../platform/trust';
import { RESULTS_LANGUAGE, showDocumentAs } from '../platform/documentLanguage';
import { showPick, withNotificationProgress, withWindowProgress } from '../platform/textSinks';

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

async function chooseLogGroups(ctx: InsightsContext, query: SavedQuery, region: ScopeId): Promise<string[] | undefined> {
  if (query.logGroups?.length) return [...query.logGroups];
  const defaults = readSetting<unknown>('insights.defaultLogGroups', []);
  if (Array.isArray(defaults) && defaults.length) return defaults.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
  const remembered = ctx.workspaceState.get<string[]>(rememberedKey(query), []);
  const names: string[] = [];
  try {
    await withWindowProgress('Listing log groups…', async () => {
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
    void notifyError(`No log groups in ${region}. Add "# logGroups: …" to the query, or set opsLens.insights.defaultLogGroups.`);
    return undefined;
  }
  const picked = await showPick(names.map((label) => ({ label, picked: remembered.includes(label) })), { title: `Log groups for "${query.name}"`, canPickMany: true, placeHolder: `Which log groups of ${region} to query` });
  if (!picked || picked.length === 0) return undefined;
  const chosen = picked.map((p) => p.label);
  await ctx.workspaceState.update(rememberedKey(query), chosen);
  return chosen;
}

const CUSTOM = 'Custom…';

/** A range from the usual ones, or — through "Custom…" — any duration or absolute window typed in. */
export async function pickRange(current: string): Promise<string | undefined> {
  const items = [...RANGES.map((r) => ({ label: r, description: rangeLabel(r), picked: r === current })), { label: CUSTOM, description: 'a duration (30m, 2h, 14d) or a window (2026-11-22T15:00Z..2026-11-22T16:30Z)', picked: false }];
  const picked = await showPick(items, { title: 'Time range' });
  if (picked?.label !== CUSTOM) return picked?.label;
  const typed = await vscode.window.showInputBox({
    title: 'Time range',
    prompt: 'A duration such as 30m, 2h or 14d, or a window start..end such as 2026-11-22T15:00Z..2026-11-22T16:30Z (UTC or with an offset)',
    value: (RANGES as readonly string[]).includes(current) ? '' : current,
    validateInput: (v) => (parseTimeRange(v) ? undefined : `Not a time range: use ${RANGE_FORMS}.`),
  });
  return typed?.trim() || undefined;
}

const NAMES_OWN_LOG_GROUPS = /^\s*SOURCE\b/i;

/** Says in the output channel which flagged constructs Logs Insights accepted, so the local check can learn. */
function logAccepted(ctx: InsightsContext, query: SavedQuery, analysis: QueryAnalysis | undefined): void {
  const line = acceptedDespiteFindings(query.name, analysis?.findings ?? []);
  if (line) ctx.services.log.info(line);
}

/**
 * Runs a saved query: marks what the local check finds (it never stops the run), asks for what the query
 * lacks, polls with progress and cancel, opens the results. Logs Insights has the last word.
 */
export async function runSavedQuery(ctx: InsightsContext, query: SavedQuery, options: RunOptions = {}): Promise<vscode.Uri | undefined> {
  const prepared = prepareQueryText(query.text);
  ctx.diagnostics.clear(query.uri);
  const language = query.language ?? 'CWLI';
  const analysis = language === 'CWLI' ? analyzeQuery(prepared.text) : undefined;
  // .insights documents show these as they are typed (language.ts); runbook blocks show them from here.
  for (const f of query.source === 'file' ? [] : analysis?.findings ?? []) {
    ctx.diagnostics.mark(query, { message: f.message, line: f.line, column: f.column, length: f.length, severity: f.severity, source: 'Ops Lens' }, prepared.lineOffset);
  }
  const { regions } = await ctx.services.session.regions();
  const given = options.region ?? query.region;
  const region = await regionForQuery(given ? scopesFor(given, regions) : regions, `Run "${query.name}" in which account?`);
  if (!region) return undefined;
  // SOURCE and SQL's FROM name the log groups; StartQuery then takes none.
  const namesOwnLogGroups = language === 'SQL' || (language === 'CWLI' && NAMES_OWN_LOG_GROUPS.test(prepared.text));
  const logGroups = namesOwnLogGroups ? [] : options.logGroups?.length ? [...options.logGroups] : await chooseLogGroups(ctx, query, region);
  if (!logGroups) return undefined;
  const range = options.range ?? query.range ?? readSetting<string>('insights.defaultRange', '1h');
  const window = windowFor(range);
  if (!window) {
    void notifyError(`"${quoted(range, 40)}" is not a time range; use ${RANGE_FORMS}.`);
    return undefined;
  }

  let outcome;
  try {
    outcome = await withNotificationProgress(`Logs Insights: ${query.name}`, (progress, token) =>
      runInsightsQuery(ctx.services.logs, { region, queryString: prepared.text, queryLanguage: language, logGroupNames: logGroups, start: window.start, end: window.end }, {
        cancelled: () => token.isCancellationRequested,
        onProgress: (p) => progress.report({ message: `${p.status}${p.recordsMatched !== undefined ? ` · ${p.recordsMatched.toLocaleString('en-US')} records matched` : ''}${p.retrying ? ` · ${p.retrying}, polling again shortly` : ''}` }),
      }), { cancellable: true });
  } catch (err) {
    if (err instanceof AwsUserError && err.code === 'MalformedQueryException') {
      const original = err.original as { message?: string; queryCompileError?: { location?: { startCharOffset?: number; endCharOffset?: number } } } | undefined;
      const location = original?.queryCompileError?.location;
      const position = location?.startCharOffset !== undefined ? positionOfOffset(prepared.text, location.startCharOffset) : positionFromMessage(original?.message ?? err.message);
      const length = location?.startCharOffset !== undefined && location.endCharOffset !== undefined ? Math.max(1, location.endCharOffset - location.startCharOffset) : undefined;
      if (position) ctx.diagnostics.mark(query, { message: original?.message ?? err.message, ...position, length }, prepared.lineOffset);
      void notifyError(`Logs Insights rejected "${quoted(query.name, 120)}": ${quoted(original?.message ?? err.message)}`);
      return undefined;
    }
    await showError(err, `Could not run "${query.name}"`);
    return undefined;
  }

  if (outcome.status === 'Complete') logAccepted(ctx, query, analysis);
  const rows = (outcome.response.results ?? []).map((row) => row.map((f) => ({ field: f.field ?? '', value: f.value ?? '' })));
  const uri = ctx.results.add({
    queryName: query.name,
    query: prepared.text,
    logGroups,
    region,
    range: { ...window, label: parseTimeRange(range)?.kind === 'absolute' ? '' : rangeLabel(range) },
    status: outcome.status,
    statistics: outcome.response.statistics,
    rows,
    rerun: { query, options: { range, logGroups, region } },
  });
  await ctx.history.add({ name: query.name, text: query.text, logGroups, range, region, at: new Date().toISOString(), status: outcome.status, recordsMatched: outcome.response.statistics?.recordsMatched, source: query.source, language: query.language, uri: query.uri?.toString(), startLine: query.startLine });
  await showDocumentAs(uri, RESULTS_LANGUAGE);
  if (outcome.status === 'Cancelled') void notifyInfo(`"${quoted(query.name, 120)}" was cancelled; partial results are shown.`);
  else if (outcome.status !== 'Complete') void notifyWarning(`"${quoted(query.name, 120)}" ended as ${outcome.status}.`);
  return uri;
}
