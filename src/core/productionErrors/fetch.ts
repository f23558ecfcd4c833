import type { ScopeId } from '../scope';
import type { ErrorEvent } from './aggregate';
import { QUERY_LIMIT } from './query';

/** One query over a window: its rows (field → value) and statistics. Times in epoch seconds, both ends included. */
export type RunWindow = (startSec: number, endSec: number) => Promise<WindowResult>;

export interface WindowResult {
  readonly rows: readonly Readonly<Record<string, string>>[];
  /** Records the query matched in the window, all of them, not only those returned. */
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
}

export interface FetchedErrors {
  readonly events: ErrorEvent[];
  readonly queries: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
  /** False when a single second held more events than one query returns, or a cap was reached: counts are a lower bound. */
  readonly complete: boolean;
  /** The reading stopped because the bytes scanned reached `maxBytes`. */
  readonly budgetReached: boolean;
}

export interface FetchLimits {
  readonly maxQueries?: number;
  readonly limit?: number;
  /** No further query starts once this many bytes are scanned (Logs Insights charges per GB scanned). */
  readonly maxBytes?: number;
}

/** `2026-11-22 15:00:00.123` (UTC, as Logs Insights writes `@timestamp`) → epoch ms. */
export function insightsTime(value: string): number {
  const ms = Date.parse(`${value.trim().replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}`);
  return Number.isFinite(ms) ? ms : 0;
}

/** `123456789012:/aws/lambda/x` (`@log`) → `/aws/lambda/x`. */
export function logGroupOf(value: string | undefined): string {
  return (value ?? '').replace(/^\d{12}:/, '');
}

function toEvent(row: Readonly<Record<string, string>>): ErrorEvent {
  return { timestamp: insightsTime(row['@timestamp'] ?? ''), message: row['@message'] ?? '', logGroup: logGroupOf(row['@log']) };
}

/**
 * Every error event of [startSec, endSec], however many: the query returns the newest events first, at most
 * QUERY_LIMIT; when it matched more, the events of its oldest second are dropped and the window up to and
 * including that second is asked again. Each event is read once; N events take about N / QUERY_LIMIT queries.
 */
export async function fetchErrorEvents(run: RunWindow, startSec: number, endSec: number, opts: FetchLimits = {}): Promise<FetchedErrors> {
  const limit = opts.limit ?? QUERY_LIMIT;
  const maxQueries = opts.maxQueries ?? 50;
  const events: ErrorEvent[] = [];
  let queries = 0;
  let recordsScanned = 0;
  let bytesScanned = 0;
  let complete = true;
  let budgetReached = false;
  let end = endSec;
  while (end >= startSec) {
    if (queries >= maxQueries) {
      complete = false;
      break;
    }
    if (opts.maxBytes !== undefined && bytesScanned >= opts.maxBytes) {
      complete = false;
      budgetReached = true;
      break;
    }
    const result = await run(startSec, end);
    queries++;
    recordsScanned += result.recordsScanned;
    bytesScanned += result.bytesScanned;
    const batch = result.rows.map(toEvent);
    if (batch.length === 0) break;
    if (result.recordsMatched <= batch.length && batch.length < limit) {
      events.push(...batch);
      break;
    }
    let oldest = Infinity;
    for (const e of batch) oldest = Math.min(oldest, e.timestamp);
    const oldestSec = Math.floor(oldest / 1000);
    const newer = batch.filter((e) => Math.floor(e.timestamp / 1000) > oldestSec);
    events.push(...newer);
    if (newer.length === 0) {
      // One second holds more events than a query returns: keep what it gave and go on before it.
      events.push(...batch);
      complete = false;
      end = oldestSec - 1;
    } else end = oldestSec;
  }
  return { events, queries, recordsScanned, bytesScanned, complete, budgetReached };
}

/** A query takes at most 50 log groups. */
export const MAX_GROUPS_PER_QUERY = 50;

/** A region (or `profile · region`) whose log groups could not be read. */
export interface RegionFailure {
  readonly region: ScopeId;
  readonly message: string;
}

export interface AcrossOptions {
  readonly maxQueries?: number;
  /** Shared by every region and batch of groups: see FetchLimits. */
  readonly maxBytes?: number;
  /** What each of a region's events is labelled with in front of its log group (its profile). */
  readonly labelOf?: (region: ScopeId) => string | undefined;
  /** A region that fails is reported in `failures` and the others are read; it throws only when every region fails. */
  readonly keepGoing?: boolean;
}

/**
 * Every error event of [startSec, endSec] in the log groups of each region (see logGroupsByRegion), one
 * fetchErrorEvents per region and 50 groups; `runFor` gives the window runner of a region's groups.
 */
export async function fetchErrorsAcross(byRegion: ReadonlyMap<ScopeId, readonly string[]>, runFor: (region: ScopeId, groups: readonly string[]) => RunWindow, startSec: number, endSec: number, opts: AcrossOptions = {}): Promise<FetchedErrors & { failures: RegionFailure[] }> {
  const events: ErrorEvent[] = [];
  const failures: RegionFailure[] = [];
  let firstError: unknown;
  let queries = 0;
  let recordsScanned = 0;
  let bytesScanned = 0;
  let complete = true;
  let budgetReached = false;
  for (const [region, groups] of byRegion) {
    const label = opts.labelOf?.(region);
    try {
      for (let i = 0; i < groups.length && !budgetReached; i += MAX_GROUPS_PER_QUERY) {
        const maxBytes = opts.maxBytes === undefined ? undefined : opts.maxBytes - bytesScanned;
        const fetched = await fetchErrorEvents(runFor(region, groups.slice(i, i + MAX_GROUPS_PER_QUERY)), startSec, endSec, { maxQueries: opts.maxQueries, maxBytes });
        events.push(...(label ? fetched.events.map((e) => ({ ...e, logGroup: `${label} · ${e.logGroup}` })) : fetched.events));
        queries += fetched.queries;
        recordsScanned += fetched.recordsScanned;
        bytesScanned += fetched.bytesScanned;
        complete &&= fetched.complete;
        budgetReached ||= fetched.budgetReached;
      }
    } catch (err) {
      if (!opts.keepGoing) throw err;
      firstError ??= err;
      failures.push({ region, message: err instanceof Error ? err.message : String(err) });
    }
  }
  if (failures.length > 0 && failures.length === byRegion.size) throw firstError;
  return { events, queries, recordsScanned, bytesScanned, complete, budgetReached, failures };
}
