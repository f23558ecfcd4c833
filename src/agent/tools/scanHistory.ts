import type { ScopeId } from '../../core/scope';
// Bytes scanned by past runs of a query, kept per query text (normalised), log groups and region, for
// the estimate the confirmation shows. Only a hash of each key is kept: no query text is stored.
import { createHash } from 'node:crypto';
import { formatBytes, formatScanCost } from '../../core/insights/cost';
import { durationText } from '../../core/investigate/window';

/** One run: bytes scanned over a window of this length. */
export interface ScanSample {
  readonly bytes: number;
  readonly windowMs: number;
}

export interface ScanEntry {
  readonly samples: readonly ScanSample[];
  /** Epoch ms of the last run (the least recent entries are dropped first). */
  readonly last: number;
}

/** Where the history lives: the extension's global state in VS Code, nowhere (memory only) over MCP. */
export interface ScanStorage {
  get(): unknown;
  set(entries: Record<string, ScanEntry>): void | PromiseLike<void>;
}

export const MAX_QUERIES_REMEMBERED = 200;
export const SAMPLES_PER_QUERY = 10;

/** Comment lines dropped, whitespace collapsed, case folded: the same query written differently is one key. */
export function normalizedQuery(queryString: string): string {
  return queryString.split(/\r?\n/).filter((line) => !line.trim().startsWith('#')).join(' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function scanKey(region: ScopeId, queryString: string, logGroups: readonly string[]): string {
  const groups = [...new Set(logGroups)].sort();
  return createHash('sha256').update(JSON.stringify([region, normalizedQuery(queryString), groups])).digest('hex').slice(0, 32);
}

function validSample(s: unknown): s is ScanSample {
  const v = s as ScanSample;
  return typeof v?.bytes === 'number' && Number.isFinite(v.bytes) && v.bytes >= 0 && typeof v.windowMs === 'number' && Number.isFinite(v.windowMs) && v.windowMs > 0;
}

export class QueryScanHistory {
  private readonly entries = new Map<string, ScanEntry>();

  constructor(private readonly storage?: ScanStorage) {
    const stored = storage?.get();
    if (!stored || typeof stored !== 'object') return;
    for (const [key, entry] of Object.entries(stored as Record<string, Partial<ScanEntry>>).slice(0, MAX_QUERIES_REMEMBERED)) {
      const samples = Array.isArray(entry?.samples) ? entry.samples.filter(validSample).slice(-SAMPLES_PER_QUERY) : [];
      if (samples.length) this.entries.set(key, { samples, last: typeof entry.last === 'number' ? entry.last : 0 });
    }
  }

  get(key: string): ScanEntry | undefined {
    return this.entries.get(key);
  }

  async record(key: string, sample: ScanSample, now = Date.now()): Promise<void> {
    if (!validSample(sample)) return;
    const samples = [...(this.entries.get(key)?.samples ?? []), sample].slice(-SAMPLES_PER_QUERY);
    this.entries.delete(key);
    this.entries.set(key, { samples, last: now });
    while (this.entries.size > MAX_QUERIES_REMEMBERED) this.entries.delete([...this.entries.entries()].sort((a, b) => a[1].last - b[1].last)[0][0]);
    await this.storage?.set(Object.fromEntries(this.entries));
  }
}

/**
 * "Past runs of this query scanned about 1.2 MB (3 runs, over 1 h on average; ≈ $0.0000 each)", scaled to
 * this run's window when it is of another length.
 */
export function scanEstimateText(entry: ScanEntry | undefined, windowMs: number): string {
  if (!entry || entry.samples.length === 0) return 'No past runs of this query to estimate from.';
  const runs = entry.samples.length;
  const bytes = entry.samples.reduce((n, s) => n + s.bytes, 0) / runs;
  const pastWindow = entry.samples.reduce((n, s) => n + s.windowMs, 0) / runs;
  const past = `Past runs of this query scanned about ${formatBytes(bytes)} (${runs === SAMPLES_PER_QUERY ? `the last ${runs} runs` : `${runs} run${runs === 1 ? '' : 's'}`}, over ${durationText(pastWindow)} on average; ${formatScanCost(bytes)} each).`;
  if (Math.abs(windowMs - pastWindow) <= pastWindow * 0.1) return past;
  const scaled = (bytes / pastWindow) * windowMs;
  return `${past} Over this range, at the same rate: about ${formatBytes(scaled)} (${formatScanCost(scaled)}).`;
}
