import type { FieldMap, Value } from './values';

export interface LogEvent {
  /** Epoch milliseconds. */
  timestamp: number;
  message: string;
  logStreamName?: string;
  logGroupName?: string;
  ingestionTime?: number;
}

/** Logs Insights discovers at most this many fields in one JSON event. */
const MAX_JSON_FIELDS = 200;
const MAX_JSON_DEPTH = 32;

const LAMBDA_REPORT =
  /^REPORT RequestId: (\S+)\s+Duration: ([\d.]+) ms\s+Billed Duration: ([\d.]+) ms\s+Memory Size: (\d+) MB\s+Max Memory Used: (\d+) MB/;
const LAMBDA_START_END = /^(START|END) RequestId: (\S+)/;
const BYTES_PER_MB = 1_000_000;

/** The fields of one event as Logs Insights sees them: system fields, JSON keys (flattened with dots), Lambda platform fields. */
export function discoverFields(event: LogEvent, ptr: string, accountId?: string): FieldMap {
  const fields: FieldMap = new Map<string, Value>();
  const json = jsonObjectIn(event.message);
  if (json !== undefined) {
    flatten('', json, fields, 0);
  }
  discoverLambdaFields(event.message, fields);
  fields.set('@timestamp', new Date(event.timestamp));
  fields.set('@message', event.message);
  if (event.logStreamName !== undefined) {
    fields.set('@logStream', event.logStreamName);
  }
  if (event.logGroupName !== undefined) {
    fields.set('@log', accountId ? `${accountId}:${event.logGroupName}` : event.logGroupName);
  }
  if (event.ingestionTime !== undefined) {
    fields.set('@ingestionTime', new Date(event.ingestionTime));
  }
  fields.set('@ptr', ptr);
  return fields;
}

/** The JSON object that is the message, or that ends it after a prefix (as Lambda's `timestamp\trequestId\tLEVEL\t{…}`). */
function jsonObjectIn(message: string): object | undefined {
  const trimmed = message.trim();
  if (!trimmed.endsWith('}')) {
    return undefined;
  }
  const open = trimmed.indexOf('{');
  if (open < 0) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(trimmed.slice(open));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function flatten(prefix: string, value: unknown, into: FieldMap, depth: number): void {
  if (into.size >= MAX_JSON_FIELDS || value === null || value === undefined) {
    return;
  }
  if (typeof value === 'object') {
    if (depth >= MAX_JSON_DEPTH) {
      return;
    }
    const entries = Array.isArray(value) ? value.map((v, i): [string, unknown] => [String(i), v]) : Object.entries(value);
    for (const [key, child] of entries) {
      flatten(prefix === '' ? key : `${prefix}.${key}`, child, into, depth + 1);
    }
    return;
  }
  if (typeof value === 'boolean') {
    into.set(prefix, value ? 1 : 0);
  } else if (typeof value === 'number' || typeof value === 'string') {
    into.set(prefix, value);
  }
}

function discoverLambdaFields(message: string, into: FieldMap): void {
  const report = LAMBDA_REPORT.exec(message);
  if (report) {
    into.set('@type', 'REPORT');
    into.set('@requestId', report[1]);
    into.set('@duration', Number(report[2]));
    into.set('@billedDuration', Number(report[3]));
    into.set('@memorySize', Number(report[4]) * BYTES_PER_MB);
    into.set('@maxMemoryUsed', Number(report[5]) * BYTES_PER_MB);
    return;
  }
  const startEnd = LAMBDA_START_END.exec(message);
  if (startEnd) {
    into.set('@type', startEnd[1]);
    into.set('@requestId', startEnd[2]);
  }
}

export interface PtrTarget {
  logGroupName: string;
  logStreamName: string;
  timestamp: number;
  index: number;
}

/** An opaque `@ptr` that {@link decodePtr} turns back into the event's coordinates. */
export function encodePtr(event: LogEvent, index: number): string {
  const payload = JSON.stringify([event.logGroupName ?? '', event.logStreamName ?? '', event.timestamp, index]);
  return Buffer.from(payload, 'utf8').toString('base64');
}

export function decodePtr(ptr: string): PtrTarget | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(ptr, 'base64').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 4 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'number' &&
      typeof parsed[3] === 'number'
    ) {
      return { logGroupName: parsed[0], logStreamName: parsed[1], timestamp: parsed[2], index: parsed[3] };
    }
  } catch {
    // not one of ours
  }
  return undefined;
}
