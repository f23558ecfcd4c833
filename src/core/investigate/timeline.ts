import { ERROR_QUERY_FILTER } from './errors';
import type { PartsSnapshot } from './model';

export interface TimelineEntry {
  readonly at: number;
  readonly what: string;
  readonly kind: 'alarm' | 'child' | 'errors' | 'execution' | 'health' | 'change';
}

const FAILED_EXECUTION = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** What happened when, inside the window, from every part that arrived: one list, oldest first. */
export function assembleTimeline(parts: PartsSnapshot): TimelineEntry[] {
  const alarm = parts.data('alarm')[0];
  if (!alarm) return [];
  const { start, end } = alarm.window;
  const inside = (t: number) => t >= start && t <= end;
  const out: TimelineEntry[] = [];
  for (const t of alarm.transitions) {
    if (inside(t.time)) out.push({ at: t.time, kind: 'alarm', what: `${alarm.name}: ${t.from ?? '?'} → ${t.to}` });
  }
  for (const children of parts.data('children')) {
    for (const child of children.children) {
      child.stretches.forEach((s, i) => {
        if (i > 0 && inside(s.from)) out.push({ at: s.from, kind: 'child', what: `${child.name}: ${child.stretches[i - 1].state} → ${s.state}` });
      });
    }
  }
  for (const logs of parts.data('logs')) {
    if (logs.total === 0) continue;
    const firstMinute = logs.perMinute.find((m) => m.count > 0);
    const peak = logs.perMinute.reduce((best, m) => (m.count > best.count ? m : best), logs.perMinute[0]);
    if (firstMinute) out.push({ at: firstMinute.minute, kind: 'errors', what: `${logs.logGroup}: first error events (${firstMinute.count} in that minute)` });
    if (peak && firstMinute && peak.minute !== firstMinute.minute) out.push({ at: peak.minute, kind: 'errors', what: `${logs.logGroup}: most error events in one minute (${peak.count})` });
  }
  for (const machine of parts.data('executions')) {
    for (const e of machine.executions) {
      if (FAILED_EXECUTION.has(e.status) && e.stop !== undefined && inside(e.stop)) out.push({ at: e.stop, kind: 'execution', what: `${machine.stateMachine}: execution ${e.name} ${e.status}` });
    }
  }
  for (const health of parts.data('health')) {
    for (const c of health.changes) if (inside(c.at)) out.push({ at: c.at, kind: 'health', what: `${c.endpoint}: ${c.from} → ${c.to}${c.detail ? ` (${c.detail})` : ''}` });
  }
  for (const changes of parts.data('changes')) {
    for (const c of changes.changes) if (inside(c.at)) out.push({ at: c.at, kind: 'change', what: `${c.what}: ${c.resource} by ${c.who}` });
  }
  for (const repo of parts.data('commits')) {
    for (const c of repo.commits) if (inside(c.at)) out.push({ at: c.at, kind: 'change', what: `commit ${c.hash.slice(0, 8)} ${c.subject} (${c.author})` });
  }
  return out.sort((a, b) => a.at - b.at || a.what.localeCompare(b.what));
}

/** Minutes, rounded outwards: `2026-11-22T15:00:00Z`. */
function isoMinute(ms: number, up: boolean): string {
  const m = (up ? Math.ceil(ms / 60_000) : Math.floor(ms / 60_000)) * 60_000;
  return new Date(m).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A Logs Insights query of one group's error events in the window, with the metadata that makes it runnable as it is. */
export function errorQuery(options: { logGroup: string; region: string; start: number; end: number; title: string }): string {
  return [
    `# name: ${options.title.replace(/[\r\n]/g, ' ').slice(0, 200)}`,
    `# logGroups: ${options.logGroup}`,
    `# region: ${options.region}`,
    `# range: ${isoMinute(options.start, false)}..${isoMinute(options.end, true)}`,
    'fields @timestamp, @logStream, @message',
    `| filter ${ERROR_QUERY_FILTER}`,
    '| sort @timestamp asc',
    '| limit 1000',
  ].join('\n');
}
