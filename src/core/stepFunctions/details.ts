import { fence, prettyJson } from '../text/markdown';
import { formatDate, type TimeZone } from '../time/zone';
import { formatDuration } from '../time/relative';
import { STATUS_LABEL, arnName, type ExecutionStatus } from './model';
import type { Timeline } from './timeline';

export interface ExecutionInfo {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate?: Date;
  readonly stopDate?: Date;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  readonly redriveCount?: number;
  readonly redriveStatus?: string;
}

function offset(from: Date | undefined, at: Date | undefined): string {
  if (!from || !at) return ''.padEnd(10);
  return `+${formatDuration(at.getTime() - from.getTime())}`.padEnd(10);
}

/** The timeline as aligned text lines: each state with its duration, retries and failures. */
export function formatTimeline(timeline: Timeline, now = new Date()): string[] {
  const lines: string[] = [];
  const width = Math.max(10, ...timeline.entries.map((e) => (e.kind === 'state' ? e.name.length + e.type.length + 3 : 0)));
  for (const entry of timeline.entries) {
    const at = offset(timeline.startedAt, entry.kind === 'state' ? entry.enteredAt : entry.at);
    if (entry.kind === 'execution') {
      const detail = entry.error || entry.cause ? `: ${[entry.error, entry.cause && prettyJson(entry.cause).json ? '(cause below)' : entry.cause].filter(Boolean).join(' — ')}` : '';
      lines.push(`${at}${entry.event === 'started' ? '▶' : entry.event === 'succeeded' ? '✔' : entry.event === 'redriven' ? '↻' : '✖'} Execution ${entry.event}${detail}`);
      continue;
    }
    const label = `${entry.name} (${entry.type})`.padEnd(width);
    const took = entry.exitedAt && entry.enteredAt ? formatDuration(entry.exitedAt.getTime() - entry.enteredAt.getTime()) : entry.enteredAt ? `running ${formatDuration(now.getTime() - entry.enteredAt.getTime())}` : '';
    const outcome = entry.type === 'Fail' ? 'failed' : entry.endedWith ?? (entry.exitedAt ? (entry.failures.length ? 'caught' : 'done') : 'in progress');
    const retries = entry.attempts > 1 ? `, ${entry.attempts - 1} ${entry.attempts === 2 ? 'retry' : 'retries'}` : '';
    lines.push(`${at}${entry.exitedAt || entry.type === 'Fail' ? '●' : '◌'} ${label}  ${took.padEnd(14)} ${outcome}${retries}`);
    entry.failures.forEach((f, i) => lines.push(`${''.padEnd(12)}✖ attempt ${i + 1} failed: ${f.error || 'error'}${f.cause ? ` — ${f.cause.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`));
  }
  return lines;
}

/** The execution details document: status, times, failure, input/output and the timeline. */
export function formatExecutionDetails(info: ExecutionInfo, timeline: Timeline, now = new Date(), zone: TimeZone = 'utc'): string {
  const out: string[] = [];
  const end = info.stopDate ?? (info.status === 'RUNNING' ? now : undefined);
  out.push(`# ${info.name}`, '');
  out.push(`Status:        ${STATUS_LABEL[info.status]} (${info.status})`);
  out.push(`State machine: ${arnName(info.stateMachineArn)}`);
  out.push(`Started:       ${formatDate(info.startDate, zone, { millis: true })}`);
  out.push(`Stopped:       ${info.stopDate ? formatDate(info.stopDate, zone, { millis: true }) : info.status === 'RUNNING' ? 'still running' : '—'}`);
  if (info.startDate && end) out.push(`Duration:      ${formatDuration(end.getTime() - info.startDate.getTime())}${info.status === 'RUNNING' ? ' so far' : ''}`);
  if (info.redriveCount) out.push(`Redriven:      ${info.redriveCount} time${info.redriveCount === 1 ? '' : 's'}${info.redriveStatus ? ` (${info.redriveStatus})` : ''}`);
  out.push(`ARN:           ${info.executionArn}`, '');

  const error = info.error || timeline.failure?.error;
  const cause = info.cause || timeline.failure?.cause;
  if (error || cause || info.status === 'FAILED' || info.status === 'TIMED_OUT') {
    out.push('## Failure', '');
    out.push(`State: ${timeline.failure?.state ?? 'unknown'}`);
    out.push(`Error: ${error || '—'}`, '');
    if (cause) {
      const pretty = prettyJson(cause);
      out.push('Cause:', fence(pretty.text, pretty.json ? 'json' : ''), '');
    }
  }
  out.push('## Input', '', fence(info.input !== undefined ? prettyJson(info.input).text : '(not available)', 'json'), '');
  if (info.status === 'SUCCEEDED' || info.output) out.push('## Output', '', fence(info.output !== undefined ? prettyJson(info.output).text : '(none)', 'json'), '');
  out.push('## Timeline', '');
  const lines = formatTimeline(timeline, now);
  out.push(fence(lines.length ? lines.join('\n') : '(no events)'), '');
  return out.join('\n');
}
