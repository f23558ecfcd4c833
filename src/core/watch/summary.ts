import type { AlarmState } from '../alarms/model';
import { scopeParts, type ScopeId } from '../scope';
import { formatClock, type TimeZone } from '../time/zone';

const clock = (date: Date, zone: TimeZone, seconds = true) => formatClock(date.getTime(), zone, { seconds });
import { isStale } from './schedule';
import { unreadFix, unreadWhy, type ReadFailure } from './unread';

/** One scope as the alarm watch last read it. */
export interface WatchedScope {
  readonly region: ScopeId;
  readonly alarms: readonly { readonly name: string; readonly state: AlarmState }[];
  /** The latest read failed; with `loadedAt` the alarms are the last good ones, without it nothing was ever read. */
  readonly error?: ReadFailure;
  readonly loadedAt?: Date;
}

export interface UnreadScope {
  readonly scope: ScopeId;
  readonly why: string;
  readonly fix: string;
  /** The error's whole message. */
  readonly message: string;
}

export type Severity = 'error' | 'warning';

/** What the status bar, the badge and the tooltip say about the alarms: never a count for a scope that was not read. */
export interface WatchSummary {
  /** Alarms in ALARM in the scopes that were read. */
  readonly firing: number;
  readonly firingNames: readonly { readonly name: string; readonly scope: ScopeId }[];
  /** Scopes never read since they were selected: their alarms are unknown, not 0. */
  readonly unread: readonly UnreadScope[];
  /** Scopes whose latest read failed, shown with the alarms of an earlier read. */
  readonly failing: readonly UnreadScope[];
  /** The oldest read of the scopes shown; undefined when nothing was read. */
  readonly readAt?: Date;
  /** The data shown is older than one interval. */
  readonly stale: boolean;
  /** The short text: `4`, `not read`, `4 · 1 region not read`, or per profile `prod 3 in alarm · staging not read`; ` · as of HH:MM` when stale. */
  readonly text: string;
  readonly severity?: Severity;
  /** The zone its times are written in (opsLens.timeZone). */
  readonly zone: TimeZone;
}

function unreadOf(scope: WatchedScope): UnreadScope {
  const error = scope.error!;
  return { scope: scope.region, why: unreadWhy(error), fix: unreadFix(error, scopeParts(scope.region).profile), message: error.message };
}

function regions(n: number): string {
  return `${n} region${n === 1 ? '' : 's'}`;
}

function perProfileText(scopes: readonly WatchedScope[]): string | undefined {
  const byProfile = new Map<string, { firing: number; unread: number; read: number }>();
  for (const scope of scopes) {
    const { profile } = scopeParts(scope.region);
    if (profile === undefined) return undefined;
    const entry = byProfile.get(profile) ?? { firing: 0, unread: 0, read: 0 };
    if (scope.error && !scope.loadedAt) entry.unread++;
    else {
      entry.read++;
      entry.firing += scope.alarms.filter((a) => a.state === 'ALARM').length;
    }
    byProfile.set(profile, entry);
  }
  return [...byProfile].map(([profile, { firing, unread, read }]) => {
    if (read === 0) return `${profile} not read`;
    const count = firing > 0 ? `${profile} ${firing} in alarm` : `${profile} 0`;
    return unread ? `${count}, ${regions(unread)} not read` : count;
  }).join(' · ');
}

/**
 * Sums up the watched scopes at `now`, against the interval in force (`intervalSeconds`, 0 = reads only
 * on demand, never stale by age). Severity: error while alarms fire or a scope is unread, warning while
 * the data is stale or a scope's latest read failed.
 */
export function summarizeWatch(scopes: readonly WatchedScope[], now: Date, intervalSeconds: number, zone: TimeZone = 'local'): WatchSummary {
  const read = scopes.filter((s) => !(s.error && !s.loadedAt));
  const unread = scopes.filter((s) => s.error && !s.loadedAt).map(unreadOf);
  const failing = read.filter((s) => s.error).map(unreadOf);
  const firingNames = read.flatMap((s) => s.alarms.filter((a) => a.state === 'ALARM').map((a) => ({ name: a.name, scope: s.region })));
  const firing = firingNames.length;
  const readTimes = read.map((s) => s.loadedAt).filter((d): d is Date => d !== undefined);
  const readAt = readTimes.length ? new Date(Math.min(...readTimes.map((d) => d.getTime()))) : undefined;
  const stale = readAt !== undefined && isStale(readAt, now, intervalSeconds);
  let text = perProfileText(scopes) ?? (read.length === 0 ? 'not read' : unread.length ? `${firing} · ${regions(unread.length)} not read` : String(firing));
  if (stale && readAt) text += ` · as of ${clock(readAt, zone, false)}`;
  const severity: Severity | undefined = firing > 0 || unread.length > 0 ? 'error' : stale || failing.length > 0 ? 'warning' : undefined;
  return { firing, firingNames, unread, failing, readAt, stale, text, severity, zone };
}

/** The activity-bar badge: alarms in ALARM plus scopes not read (a badge of 0 would say all is clear). */
export function watchBadge(summary: WatchSummary): { value: number; tooltip: string } | undefined {
  const value = summary.firing + summary.unread.length;
  if (value === 0) return undefined;
  const parts = [`${summary.firing} alarm${summary.firing === 1 ? '' : 's'} in ALARM`];
  if (summary.unread.length) parts.push(`${regions(summary.unread.length)} not read (${[...new Set(summary.unread.map((u) => u.why))].join(', ')})`);
  if (summary.stale && summary.readAt) parts.push(`as of ${clock(summary.readAt, summary.zone)}`);
  return { value, tooltip: parts.join(' · ') };
}

/** The tooltip's lines about the alarms: what fires, what could not be read and why, and when it was read. */
export function watchTooltipLines(summary: WatchSummary, label: (scope: ScopeId) => string, reads: string): string[] {
  const lines: string[] = [];
  const when = summary.readAt ? ` (read ${clock(summary.readAt, summary.zone)}${summary.stale ? ', older than one interval' : ''})` : '';
  lines.push(summary.firing ? `${summary.firing} alarm${summary.firing === 1 ? '' : 's'} in ALARM${when}:` : `No alarm in ALARM${when}.`);
  for (const a of summary.firingNames.slice(0, 10)) lines.push(`• ${a.name} (${label(a.scope)})`);
  if (summary.firingNames.length > 10) lines.push(`• … and ${summary.firingNames.length - 10} more`);
  for (const u of summary.unread) lines.push(`Not read: ${label(u.scope)} — ${u.why}; ${u.fix}. ${u.message}`);
  for (const u of summary.failing) lines.push(`Stale: ${label(u.scope)} — ${u.why}; ${u.fix}. ${u.message}`);
  lines.push(reads);
  return lines;
}

/** How often the watch reads, in words. */
export function readsText(intervalSeconds: number, backgroundSeconds: number): string {
  if (intervalSeconds === 0) return 'Alarms are read only on Refresh (opsLens.refreshIntervalSeconds is 0).';
  const background = backgroundSeconds > 0 ? `every ${backgroundSeconds} s while it is not` : 'not while it is not (opsLens.alarms.backgroundRefreshSeconds is 0)';
  return `Alarms are read every ${intervalSeconds} s while VS Code is focused, ${background}.`;
}
