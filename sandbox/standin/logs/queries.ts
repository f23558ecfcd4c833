import type { QueryExecution, QueryStatistics } from './insightsEngine';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

/** A Logs Insights query started through the stand-in. */
export interface InsightsQuery {
  readonly queryId: string;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** Epoch ms when StartQuery was answered. */
  readonly createTime: number;
  /** The results, computed in the background from the moment the query starts. */
  readonly outcome: Promise<QueryExecution | Error>;
  settled?: QueryExecution | Error;
  cancelledAt?: number;
}

/**
 * The lifecycle a query goes through, timed so that clients see progress: Scheduled for the first fifth
 * of the delay, Running until the delay has passed (and the results are computed), then Complete — or
 * Failed, or Cancelled once stopped.
 */
export class QueryClock {
  constructor(private readonly delayMs: number) {}

  status(query: InsightsQuery, now: number): QueryStatus {
    if (query.cancelledAt !== undefined) return 'Cancelled';
    const elapsed = now - query.createTime;
    if (elapsed < this.delayMs * 0.2) return 'Scheduled';
    if (elapsed < this.delayMs || query.settled === undefined) return 'Running';
    return query.settled instanceof Error ? 'Failed' : 'Complete';
  }

  /** True once the query should have finished, so a caller may wait for its results. */
  due(query: InsightsQuery, now: number): boolean {
    return now - query.createTime >= this.delayMs;
  }

  /** Statistics so far: the final ones scaled by the share of the running time that has passed. */
  partialStatistics(query: InsightsQuery, now: number): QueryStatistics {
    const final = query.settled instanceof Error || query.settled === undefined ? undefined : query.settled.statistics;
    if (!final) return { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };
    const until = query.cancelledAt ?? now;
    const runStart = this.delayMs * 0.2;
    const share = this.delayMs <= runStart ? 1 : Math.min(1, Math.max(0, (until - query.createTime - runStart) / (this.delayMs - runStart)));
    return {
      recordsMatched: Math.floor(final.recordsMatched * share),
      recordsScanned: Math.floor(final.recordsScanned * share),
      bytesScanned: Math.floor(final.bytesScanned * share),
    };
  }
}

/** Queries of one region, newest last. */
export class QueryStore {
  private readonly queries = new Map<string, InsightsQuery>();

  add(query: InsightsQuery): void {
    this.queries.set(query.queryId, query);
    void query.outcome.then((result) => {
      query.settled = result;
    });
  }

  get(queryId: string): InsightsQuery | undefined {
    return this.queries.get(queryId);
  }

  list(): InsightsQuery[] {
    return [...this.queries.values()];
  }
}
