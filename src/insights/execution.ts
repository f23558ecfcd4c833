import type { ScopeId } from '../core/scope';
import { isTransient } from '../aws/errors';
import { INSIGHTS_POLL_RETRY } from '../aws/retry';
import type { GetQueryResultsResponse, LogsApi } from '../aws/services/logs';

export type QueryLanguage = 'CWLI' | 'SQL' | 'PPL';

export interface QueryRequest {
  readonly region: ScopeId;
  readonly queryString: string;
  /** Log group names or ARNs; empty when the query names its own (SOURCE, SQL's FROM). */
  readonly logGroupNames: readonly string[];
  readonly queryLanguage?: QueryLanguage;
  readonly start: Date;
  readonly end: Date;
}

export interface QueryProgress {
  readonly status: string;
  readonly recordsMatched?: number;
  readonly recordsScanned?: number;
  /** GetQueryResults failed for a passing reason (throttled, 5xx): the query runs on, polled again later. */
  readonly retrying?: string;
}

export interface QueryOutcome {
  readonly queryId: string;
  readonly status: string;
  readonly response: GetQueryResultsResponse;
}

const FINISHED = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);

/**
 * StartQuery, then GetQueryResults with growing delays until the query finishes. When `cancelled()`
 * turns true, StopQuery is sent and the outcome says Cancelled. No `vscode` import: tested in node.
 */
export async function runInsightsQuery(logs: LogsApi, request: QueryRequest, hooks: { onProgress?: (p: QueryProgress) => void; cancelled?: () => boolean; delays?: readonly number[]; failureDelays?: readonly number[] } = {}): Promise<QueryOutcome> {
  const groups = [...request.logGroupNames];
  // ARNs (other accounts' log groups) go in logGroupIdentifiers, which also takes plain names.
  const byArn = groups.some((g) => g.startsWith('arn:'));
  const queryId = await logs.startQuery(request.region, {
    queryString: request.queryString,
    ...(request.queryLanguage && request.queryLanguage !== 'CWLI' ? { queryLanguage: request.queryLanguage } : {}),
    ...(groups.length === 0 ? {} : byArn ? { logGroupIdentifiers: groups } : { logGroupNames: groups }),
    startTime: Math.floor(request.start.getTime() / 1000),
    endTime: Math.ceil(request.end.getTime() / 1000),
  });
  const delays = hooks.delays ?? [250, 500, 750, 1000, 1500, 2000];
  const failureDelays = hooks.failureDelays ?? INSIGHTS_POLL_RETRY.delaysMs;
  let failures = 0;
  let lastStatus = 'Running';
  for (let attempt = 0; ; attempt++) {
    if (hooks.cancelled?.()) return cancel(logs, request.region, queryId);
    const delay = failures ? failureDelays[Math.min(failures - 1, failureDelays.length - 1)] : delays[Math.min(attempt, delays.length - 1)];
    await sleep(delay, hooks.cancelled);
    if (hooks.cancelled?.()) return cancel(logs, request.region, queryId);
    let response: GetQueryResultsResponse;
    try {
      response = await logs.queryResults(request.region, queryId);
      failures = 0;
    } catch (err) {
      // The query runs on in CloudWatch Logs whatever happened to one poll; only a lasting failure ends the run.
      if (!isTransient(err) || ++failures > INSIGHTS_POLL_RETRY.maxConsecutiveFailures) throw err;
      hooks.onProgress?.({ status: lastStatus, retrying: (err as { code?: string }).code ?? (err as Error).name });
      continue;
    }
    const status = response.status ?? 'Unknown';
    lastStatus = status;
    hooks.onProgress?.({ status, recordsMatched: response.statistics?.recordsMatched, recordsScanned: response.statistics?.recordsScanned });
    if (FINISHED.has(status)) return { queryId, status, response };
  }
}

async function cancel(logs: LogsApi, region: ScopeId, queryId: string): Promise<QueryOutcome> {
  try {
    await logs.stopQuery(region, queryId);
  } catch {
    // It may have finished in the meantime; the results below say so.
  }
  const response = await logs.queryResults(region, queryId).catch(() => ({ status: 'Cancelled' }) as GetQueryResultsResponse);
  return { queryId, status: 'Cancelled', response };
}

function sleep(ms: number, cancelled?: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const tick = () => (Date.now() - started >= ms || cancelled?.() ? resolve() : setTimeout(tick, Math.min(50, ms)));
    tick();
  });
}
