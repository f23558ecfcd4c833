import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { MAX_QUERIES_PER_CALL } from './period';
import { expressionReferences } from './queries';

/** One series as GetMetricData returned it, every page merged, oldest point first. */
export interface MetricSeries {
  readonly id: string;
  readonly label: string;
  /** Epoch milliseconds, ascending. */
  readonly timestamps: number[];
  readonly values: number[];
  /** `Complete`, `PartialData`, `InternalError`, `Forbidden`. */
  readonly status: string;
  readonly messages: string[];
}

export interface MetricDataPage {
  readonly results: readonly MetricDataResult[];
  readonly nextToken?: string;
  readonly messages?: readonly { Code?: string; Value?: string }[];
}

/** One GetMetricData call: this batch of queries, this continuation token. */
export type FetchMetricDataPage = (queries: MetricDataQuery[], nextToken: string | undefined) => Promise<MetricDataPage>;

export interface BatchedResult {
  readonly series: MetricSeries[];
  readonly messages: string[];
  /** GetMetricData calls made (batches × pages). */
  readonly calls: number;
}

/**
 * Queries that must share a call: an expression and every query it names (transitively). Groups keep
 * the order of their first query.
 */
export function dependencyGroups(queries: readonly MetricDataQuery[]): MetricDataQuery[][] {
  const index = new Map<string, number>();
  queries.forEach((q, i) => q.Id && index.set(q.Id, i));
  const parent = queries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  queries.forEach((q, i) => {
    if (!q.Expression) return;
    for (const name of expressionReferences(q.Expression)) {
      const j = index.get(name);
      if (j !== undefined) parent[find(j)] = find(i);
    }
  });
  const groups = new Map<number, MetricDataQuery[]>();
  queries.forEach((q, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(q);
    groups.set(root, group);
  });
  return [...groups.values()];
}

/**
 * Packs dependency groups into calls of at most `max` queries, in order, never splitting a group
 * (a group larger than `max` goes alone; CloudWatch will say what is wrong with it).
 */
export function batchQueries(queries: readonly MetricDataQuery[], max = MAX_QUERIES_PER_CALL): MetricDataQuery[][] {
  const batches: MetricDataQuery[][] = [];
  let current: MetricDataQuery[] = [];
  for (const group of dependencyGroups(queries)) {
    if (current.length > 0 && current.length + group.length > max) {
      batches.push(current);
      current = [];
    }
    current.push(...group);
    if (current.length >= max) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function time(value: Date | string | number | undefined): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return value ? Date.parse(value) : NaN;
}

/** Collects one series over pages; cheap when points arrive in order (ScanBy TimestampAscending). */
class SeriesBuilder {
  private readonly times: number[] = [];
  private readonly values: number[] = [];
  private ordered = true;
  status = 'Complete';
  readonly messages: string[] = [];

  constructor(readonly id: string, readonly label: string) {}

  add(result: MetricDataResult): void {
    const ts = result.Timestamps ?? [];
    const vs = result.Values ?? [];
    const n = Math.min(ts.length, vs.length);
    for (let i = 0; i < n; i++) {
      const t = time(ts[i]);
      const v = vs[i];
      if (!Number.isFinite(t) || typeof v !== 'number') continue;
      const last = this.times.length ? this.times[this.times.length - 1] : -Infinity;
      if (t <= last) this.ordered = false;
      this.times.push(t);
      this.values.push(v);
    }
    if (result.StatusCode && result.StatusCode !== 'Complete') this.status = result.StatusCode;
    else if (this.status === 'PartialData' && result.StatusCode === 'Complete') this.status = 'Complete';
    for (const m of result.Messages ?? []) if (m.Value) this.messages.push(m.Value);
  }

  build(): MetricSeries {
    if (this.ordered) return { id: this.id, label: this.label, timestamps: this.times, values: this.values, status: this.status, messages: this.messages };
    // Pages out of order or overlapping: sort by time, the later page winning for a repeated time.
    const byTime = new Map<number, number>();
    this.times.forEach((t, i) => byTime.set(t, this.values[i]));
    const timestamps = [...byTime.keys()].sort((a, b) => a - b);
    return { id: this.id, label: this.label, timestamps, values: timestamps.map((t) => byTime.get(t)!), status: this.status, messages: this.messages };
  }
}

/**
 * Runs GetMetricData for any number of queries: at most `maxPerCall` queries per call (expressions
 * stay with the queries they name), every page followed through NextToken, the pages of each series
 * merged by id (and label: one SEARCH expression returns several series under its id). Series come
 * back in the order of the queries.
 */
export async function fetchBatched(queries: readonly MetricDataQuery[], fetchPage: FetchMetricDataPage, options: { maxPerCall?: number; concurrency?: number } = {}): Promise<BatchedResult> {
  const batches = batchQueries(queries, options.maxPerCall ?? MAX_QUERIES_PER_CALL);
  const builders = new Map<string, SeriesBuilder>();
  const messages: string[] = [];
  let calls = 0;

  const runBatch = async (batch: MetricDataQuery[]): Promise<void> => {
    let token: string | undefined;
    const seenTokens = new Set<string>();
    do {
      const page = await fetchPage(batch, token);
      calls++;
      for (const result of page.results) {
        const id = result.Id ?? '';
        const label = result.Label ?? id;
        const key = `${id}\u0000${label}`;
        let builder = builders.get(key);
        if (!builder) builders.set(key, (builder = new SeriesBuilder(id, label)));
        builder.add(result);
      }
      for (const m of page.messages ?? []) if (m.Value) messages.push(m.Code ? `${m.Code}: ${m.Value}` : m.Value);
      token = page.nextToken;
      if (token && seenTokens.has(token)) break;
      if (token) seenTokens.add(token);
    } while (token);
  };

  const concurrency = Math.max(1, options.concurrency ?? 3);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, async () => {
    while (next < batches.length) await runBatch(batches[next++]);
  }));

  const order = new Map(queries.map((q, i) => [q.Id ?? '', i]));
  const series = [...builders.values()].map((b) => b.build());
  series.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return { series, messages, calls };
}
