import { hex, uuid, type Random } from '../random';
import type { LogEventSpec } from './types';

/** `2026/11/22/[$LATEST]0f3c…`: one stream per Lambda execution environment. */
export function lambdaStreamName(start: number, random: Random): string {
  const d = new Date(start);
  const day = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
  return `${day}/[$LATEST]${hex(random, 32)}`;
}

export interface Invocation {
  requestId: string;
  /** Adds a raw line `offsetMs` after the start. */
  add(offsetMs: number, message: string): void;
  /** A Node.js console line: `<iso>\t<requestId>\t<LEVEL>\t<text>`. */
  node(offsetMs: number, level: 'INFO' | 'WARN' | 'ERROR', text: string): void;
  /** A Python logging line: `[LEVEL]\t<iso>\t<requestId>\t<text>`. */
  python(offsetMs: number, level: 'INFO' | 'WARNING' | 'ERROR', text: string): void;
}

/**
 * Writes one Lambda invocation: START, whatever `body` logs, END and REPORT.
 * Returns the events; `durationMs` is the invocation's duration.
 */
export function invocation(
  random: Random,
  start: number,
  durationMs: number,
  memory: { size: number; used: number; initMs?: number },
  body: (inv: Invocation) => void,
): LogEventSpec[] {
  const requestId = uuid(random);
  const events: LogEventSpec[] = [{ timestamp: start, message: `START RequestId: ${requestId} Version: $LATEST` }];
  const iso = (ms: number) => new Date(ms).toISOString();
  const inv: Invocation = {
    requestId,
    add: (offsetMs, message) => events.push({ timestamp: start + offsetMs, message }),
    node: (offsetMs, level, text) => inv.add(offsetMs, `${iso(start + offsetMs)}\t${requestId}\t${level}\t${text}`),
    python: (offsetMs, level, text) => inv.add(offsetMs, `[${level}]\t${iso(start + offsetMs)}\t${requestId}\t${text}`),
  };
  body(inv);
  const end = start + Math.ceil(durationMs);
  events.push({ timestamp: end, message: `END RequestId: ${requestId}` });
  const init = memory.initMs ? `\tInit Duration: ${memory.initMs.toFixed(2)} ms` : '';
  events.push({
    timestamp: end,
    message:
      `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\t` +
      `Memory Size: ${memory.size} MB\tMax Memory Used: ${memory.used} MB${init}`,
  });
  return events;
}
