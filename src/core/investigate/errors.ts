// Error events of a log group: which are errors, counts per minute, and the most frequent messages.

/**
 * What FilterLogEvents is asked for: any of these terms (filter pattern terms are case-sensitive, so the
 * usual spellings are listed). The same words decide locally (ERROR_WORDS): CloudWatch filters first,
 * and an endpoint that ignores the pattern still yields only error events.
 */
export const ERROR_FILTER_PATTERN = '?ERROR ?Error ?error ?Exception ?exception ?FATAL ?Fatal ?fatal ?CRITICAL ?Critical ?Traceback ?panic ?Failed ?FAILED ?failed ?Fail';
export const ERROR_WORDS = /error|exception|fatal|critical|traceback|panic|fail/i;
/**
 * The Logs Insights filter that finds the same events (for the notes' queries): the error words, less
 * lines that state a lower level in a JSON field or as a tab-separated Lambda runtime level.
 */
export const ERROR_QUERY_FILTER = [
  '@message like /(?i)(error|exception|fatal|critical|traceback|panic|fail)/',
  '@message not like /(?i)"(level|severity|levelname)"\\s*:\\s*"(trace|debug|info|notice|warn|warning)"/',
  '@message not like /\\t(TRACE|DEBUG|INFO|WARN)\\t/',
].join('\n  and ');

const LEVELS = /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|ALERT|EMERG(?:ENCY)?|SEVERE|PANIC)$/i;
const NOT_ERROR_LEVELS = /^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING)$/i;
/** `"level":"warn"`, `"severity": "INFO"`, `"levelname":"ERROR"` in a JSON line. */
const JSON_LEVEL = /"(?:level|severity|levelname|log\.level|lvl)"\s*:\s*"(\w{1,12})"/i;

/**
 * The level a line states, when it states one: a JSON `level` field, or the first level word among the
 * line's first tokens (after a timestamp and request id, as Lambda runtimes and most frameworks write it).
 */
export function statedLevel(message: string): string | undefined {
  const head = message.slice(0, 600);
  const json = JSON_LEVEL.exec(head);
  if (json && LEVELS.test(json[1])) return json[1].toUpperCase();
  for (const token of head.split(/[\s|]+/, 6)) {
    const word = token.replace(/^[[(<]+|[\]):>,]+$/g, '');
    if (LEVELS.test(word)) return word.toUpperCase();
  }
  return undefined;
}

/** An error event: its stated level is not below error, and it names an error (an unlevelled stack trace counts). */
export function isErrorMessage(message: string): boolean {
  const level = statedLevel(message);
  if (level && NOT_ERROR_LEVELS.test(level)) return false;
  return ERROR_WORDS.test(message.slice(0, 8192));
}

export interface ErrorEvent {
  readonly timestamp: number;
  readonly message: string;
}

export interface ErrorGroup {
  /** The message with its variable parts (numbers, ids, times) replaced: what is counted. */
  readonly signature: string;
  /** The first event's first line, as a person reads it. */
  readonly example: string;
  readonly count: number;
  readonly first: number;
  readonly last: number;
  readonly events: readonly ErrorEvent[];
}

export interface ErrorSummary {
  /** Start of each minute (epoch ms) in the window, and the error events in it. */
  readonly perMinute: readonly { readonly minute: number; readonly count: number }[];
  readonly total: number;
  readonly top: readonly ErrorGroup[];
}

const MAX_LINE = 300;
export const TOP_MESSAGES = 10;
/** Events kept per message, for the results document it opens. */
export const EVENTS_PER_MESSAGE = 500;

/** The first meaningful line, without a leading timestamp and request id; a JSON document by its message (bounded). */
export function firstLine(message: string): string {
  const line = message.slice(0, 4096).split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
  const text = line
    .trim()
    .replace(/^\[?\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\]?\s+/, '')
    .replace(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s+/i, '');
  return (jsonMessage(text) ?? text).replace(/\s+/g, ' ').slice(0, MAX_LINE);
}

/**
 * A line ending in a JSON document, read by what it says: Lambda's `errorType: errorMessage`, or the
 * `message`/`msg` of a structured log line, after the text before the document (a level, "Invoke Error").
 */
function jsonMessage(text: string): string | undefined {
  const open = text.indexOf('{');
  if (open < 0 || !text.endsWith('}')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text.slice(open));
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const d = doc as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const level = str(d.level) ?? str(d.severity) ?? str(d.levelname);
  const said = d.errorType !== undefined && str(d.errorMessage) ? `${str(d.errorType) ?? ''}: ${str(d.errorMessage)}` : str(d.errorMessage) ?? str(d.message) ?? str(d.msg) ?? str(d.error);
  if (!said) return undefined;
  const before = text.slice(0, open).trim();
  return [before || (level ? level.toUpperCase() : ''), said].filter(Boolean).join(' ');
}

/** A message's shape: digits, hex ids, UUIDs and quoted values replaced, so repeats of one error count together. */
export function errorSignature(message: string): string {
  return firstLine(message)
    .replace(/\b\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b[0-9a-f]{12,}\b/gi, '<id>')
    .replace(/"[^"]{0,200}"/g, '"…"')
    .replace(/\d+(?:\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ');
}

/** Counts per minute over [start, end) and the most frequent messages; events outside the window are left out. */
export function summarizeErrors(events: readonly ErrorEvent[], start: number, end: number): ErrorSummary {
  const firstMinute = Math.floor(start / 60_000) * 60_000;
  const minutes = Math.max(1, Math.ceil((end - firstMinute) / 60_000));
  const counts = new Array<number>(Math.min(minutes, 60 * 48)).fill(0);
  const groups = new Map<string, { example: string; count: number; first: number; last: number; events: ErrorEvent[] }>();
  let total = 0;
  for (const e of events) {
    if (e.timestamp < start || e.timestamp >= end || !isErrorMessage(e.message)) continue;
    total++;
    const i = Math.floor((e.timestamp - firstMinute) / 60_000);
    if (i >= 0 && i < counts.length) counts[i]++;
    const signature = errorSignature(e.message);
    const g = groups.get(signature) ?? { example: firstLine(e.message), count: 0, first: e.timestamp, last: e.timestamp, events: [] };
    g.count++;
    g.first = Math.min(g.first, e.timestamp);
    g.last = Math.max(g.last, e.timestamp);
    if (g.events.length < EVENTS_PER_MESSAGE) g.events.push(e);
    groups.set(signature, g);
  }
  const top = [...groups.entries()]
    .map(([signature, g]) => ({ signature, ...g, events: g.events.sort((a, b) => a.timestamp - b.timestamp) }))
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, TOP_MESSAGES);
  return { perMinute: counts.map((count, i) => ({ minute: firstMinute + i * 60_000, count })), total, top };
}
