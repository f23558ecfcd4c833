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
  /^REPORT RequestId: (\S+)\s+Duration: ([\d.]+) ms\s+Billed Duration: ([\d.]+) ms\s+Memory Size: (\d+) MB\s+Max Memory Used: (\d+) MB(?:\s+Init Duration: ([\d.]+) ms)?/;
const LAMBDA_START_END = /^(START|END) RequestId: (\S+)/;
const BYTES_PER_MB = 1_000_000;

/**
 * The fields of one event as Logs Insights sees them: system fields, JSON keys (flattened with dots and
 * array indexes), Lambda platform fields, and the fields of VPC flow logs and Route 53 query logs.
 */
export function discoverFields(event: LogEvent, ptr: string, accountId?: string): FieldMap {
  const fields: FieldMap = new Map<string, Value>();
  const json = jsonObjectIn(event.message);
  if (json !== undefined) {
    flatten('', json, fields, 0);
  }
  discoverLambdaFields(event.message, fields);
  if (json === undefined) {
    discoverSpaceSeparated(event.message, fields);
  }
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
      // A JSON key that starts with @ is shown with one more, so it cannot pass for a generated field.
      const name = prefix === '' ? (key.startsWith('@') ? `@${key}` : key) : `${prefix}.${key}`;
      flatten(name, child, into, depth + 1);
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
    if (report[6] !== undefined) {
      into.set('@initDuration', Number(report[6]));
    }
    return;
  }
  const startEnd = LAMBDA_START_END.exec(message);
  if (startEnd) {
    into.set('@type', startEnd[1]);
    into.set('@requestId', startEnd[2]);
  }
}

/**
 * VPC flow logs in the default format (version 2) and Route 53 public DNS query logs, with the field
 * names AWS documents for them (CWL_AnalyzeLogData-discoverable-fields).
 */
const VPC_FLOW = /^2 (\d{12}|unknown) (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) (\S+) (\d+) (\d+) (ACCEPT|REJECT|-) (OK|NODATA|SKIPDATA)$/;
const VPC_FIELDS = ['accountId', 'interfaceId', 'srcAddr', 'dstAddr', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'startTime', 'endTime', 'action', 'logStatus'];
const ROUTE53 = /^(1\.0) (\d{4}-\d\d-\d\dT\S+Z) (\S+) (\S+) (\S+) (\S+) (TCP|UDP) (\S+) (\S+)(?: (\S+))?$/;
const ROUTE53_FIELDS = ['version', 'queryTimestamp', 'hostZoneId', 'queryName', 'queryType', 'responseCode', 'protocol', 'edgeLocation', 'resolverIp', 'ednsClientSubnet'];

function discoverSpaceSeparated(message: string, into: FieldMap): void {
  const trimmed = message.trim();
  const vpc = VPC_FLOW.exec(trimmed);
  if (vpc) {
    into.set('version', 2);
    VPC_FIELDS.forEach((name, i) => setDiscovered(into, name, vpc[i + 1]));
    return;
  }
  const dns = ROUTE53.exec(trimmed);
  if (dns) {
    ROUTE53_FIELDS.forEach((name, i) => setDiscovered(into, name, dns[i + 1]));
  }
}

function setDiscovered(into: FieldMap, name: string, text: string | undefined): void {
  if (text === undefined || text === '-') {
    return;
  }
  into.set(name, /^\d+$/.test(text) && text.length < 16 ? Number(text) : text);
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
