import * as vscode from 'vscode';
import { formatResultsDocument } from '../core/insights/results';
import { capDocument } from '../core/text/limits';
import { tabTitle } from '../core/text/tabTitle';
import { readTimeZone } from '../platform/timeZone';
import { onDidCloseForGood } from '../platform/documentLanguage';
import { scopeParts, type ScopeId } from '../core/scope';

export const RESULTS_SCHEME = 'ops-lens-insights';

export interface ResultsData {
  readonly queryName: string;
  readonly query: string;
  readonly logGroups: string[];
  readonly region: ScopeId;
  readonly range: { start: Date; end: Date; label: string };
  readonly status: string;
  readonly statistics?: { recordsMatched?: number; recordsScanned?: number; bytesScanned?: number };
  readonly rows: { field: string; value: string }[][];
  /** What to run again from the document (history, range change). */
  readonly rerun: unknown;
}

/** Read-only results documents. Their rows live here only while the document is open. */
export class ResultsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly results = new Map<string, ResultsData>();
  private readonly texts = new Map<string, string>();
  private counter = 0;
  private readonly subscription = onDidCloseForGood(RESULTS_SCHEME, (uri) => {
    this.results.delete(uri.toString());
    this.texts.delete(uri.toString());
  });

  /** `account`: a scope's marking as the header names it (`PRODUCTION account prod-main`), if marked. */
  constructor(private readonly account: (scope: ScopeId) => string | undefined = () => undefined) {}

  add(data: ResultsData): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: RESULTS_SCHEME, path: `/${++this.counter}/${tabTitle(data.queryName)}` });
    this.results.set(uri.toString(), data);
    return uri;
  }

  get(uri: vscode.Uri): ResultsData | undefined {
    return this.results.get(uri.toString());
  }

  get size(): number {
    return this.results.size;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.toString();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const data = this.results.get(key);
    if (!data) return 'These results were closed and are no longer kept. Run the query again (Ops Lens: Show Query History).\n';
    const text = capDocument(formatResultsDocument({ queryName: data.queryName, query: data.query, logGroups: data.logGroups, ...where(data.region), account: data.region.includes(',') ? undefined : this.account(data.region), range: data.range, status: data.status, statistics: data.statistics, rows: data.rows, zone: readTimeZone() }).text);
    this.texts.set(key, text);
    return text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.results.clear();
    this.texts.clear();
  }
}

/** `staging · us-east-1` → its profile and region; a list of several (`a, b`) is shown as it is. */
function where(region: ScopeId): { profile?: string; region?: string } {
  if (!region || region.includes(',')) return region ? { region } : {};
  const scope = scopeParts(region);
  return scope.profile ? { profile: scope.profile, region: scope.region } : { region };
}
