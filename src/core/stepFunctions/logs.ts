import { formatDateTime, zoneName, type TimeZone } from '../time/zone';

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*` → NAME. */
export function logGroupNameFromArn(arn: string): string {
  const marker = ':log-group:';
  const at = arn.indexOf(marker);
  if (at < 0) return arn;
  return arn.slice(at + marker.length).replace(/:\*$/, '');
}

export interface ExecutionLogInput {
  readonly executionName: string;
  readonly logGroupName: string;
  readonly level: string;
  readonly events: readonly { timestamp?: number; message?: string }[];
  readonly truncated: boolean;
}

/** One line per event: time, then the message (JSON messages compacted to one line). */
export function formatExecutionLogs(input: ExecutionLogInput, zone: TimeZone = 'utc'): string {
  const header = [`Execution ${input.executionName} — log group ${input.logGroupName} (level ${input.level})`, `${input.events.length} events${input.truncated ? ' (first 5,000 shown)' : ''}, times in ${zoneName(input.events[0]?.timestamp ?? Date.now(), zone)}`, ''];
  if (input.events.length === 0) header.push('No log events mention this execution yet. Events can take a minute to arrive; refresh the document to look again.');
  const lines = input.events.map((e) => {
    const time = e.timestamp !== undefined ? formatDateTime(e.timestamp, zone, { millis: true, bare: true }) : '—';
    const message = (e.message ?? '').replace(/\r?\n$/, '');
    let shown = message;
    try {
      const parsed = JSON.parse(message) as { type?: string; details?: { name?: string; error?: string; cause?: string } };
      shown = [parsed.type, parsed.details?.name, parsed.details?.error, parsed.details?.cause].filter(Boolean).join('  ') || message;
      if (shown !== message) shown = `${shown}\n${''.padEnd(25)}${message}`;
    } catch {
      // plain text line
    }
    return `${time}  ${shown}`;
  });
  return [...header, ...lines, ''].join('\n');
}
