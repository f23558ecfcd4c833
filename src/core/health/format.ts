import { formatClock, type TimeZone } from '../time/zone';
import type { Component } from './components';
import type { Evaluation } from './evaluate';
import { STATE_LABEL, type FailureCode, type HealthState } from './model';

export const FAILURE_LABEL: Record<FailureCode, string> = {
  timeout: 'timeout',
  refused: 'refused',
  notFound: 'host not found',
  reset: 'connection reset',
  tls: 'TLS error',
  redirectLoop: 'redirect loop',
  tooManyRedirects: 'too many redirects',
  badRedirect: 'bad redirect',
  invalidRequest: 'invalid request',
  aborted: 'canceled',
  network: 'network error',
};

/** "45 ms", "1.2 s", "12 s" */
export function formatLatency(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 1000)} s`;
}

/** "503 · 120 ms", "timeout · 5.0 s": what the tree shows next to an endpoint's name. */
export function describeResult(evaluation: Evaluation): string {
  const what = evaluation.httpStatus !== undefined ? `${evaluation.httpStatus}${evaluation.statusExplained && evaluation.bodyStatus ? ` ${evaluation.bodyStatus}` : ''}` : FAILURE_LABEL[evaluation.failure ?? 'network'];
  return `${what} · ${formatLatency(evaluation.latencyMs)}`;
}


export interface HistoryEntry {
  readonly at: Date;
  readonly state: HealthState;
  readonly httpStatus?: number;
  readonly failure?: FailureCode;
  readonly latencyMs: number;
}

export function historyEntry(at: Date, evaluation: Evaluation): HistoryEntry {
  return { at, state: evaluation.state, httpStatus: evaluation.httpStatus, failure: evaluation.failure, latencyMs: evaluation.latencyMs };
}

/** One row of the last-results table: time, state, status, latency. */
export function historyRow(entry: HistoryEntry, zone: TimeZone): [string, string, string, string] {
  return [formatClock(entry.at.getTime(), zone, { bare: true }), STATE_LABEL[entry.state], entry.httpStatus !== undefined ? String(entry.httpStatus) : FAILURE_LABEL[entry.failure ?? 'network'], formatLatency(entry.latencyMs)];
}

/** "1 down", "2 down, 1 degraded" */
export function countsText(counts: Readonly<Record<HealthState, number>>): string {
  const parts: string[] = [];
  if (counts.down) parts.push(`${counts.down} down`);
  if (counts.degraded) parts.push(`${counts.degraded} degraded`);
  return parts.join(', ');
}

/** "operational · 250 ms · waiting 10, active 2, completed 1500, failed 12, delayed 0": a component's one-line description. */
export function componentSummary(component: Component, max = 6): string {
  const values = component.details.map((d) => `${d.key.split('.').pop()} ${d.value}`);
  const shown = values.slice(0, max).join(', ') + (values.length > max ? ', …' : '');
  const latency = component.latencyMs !== undefined ? formatLatency(component.latencyMs) : undefined;
  return [component.status, component.observed, latency, shown].filter(Boolean).join(' · ');
}
