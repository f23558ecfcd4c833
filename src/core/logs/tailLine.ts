import { prettyJsonLines } from '../insights/results/prettyJson';
import { sanitizeText } from '../insights/results/sanitize';
import { formatClock, type TimeZone } from '../time/zone';

/** A Live Tail event as the document shows it. */
export interface TailEvent {
  readonly timestamp: number;
  readonly logGroup: string;
  readonly logStream: string;
  readonly message: string;
}

export type Level = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE' | 'FATAL';

/** Longest message shown whole; longer ones are cut (the event stays intact in AWS). */
export const MAX_MESSAGE_CHARS = 32 * 1024;
/** Most document lines one event takes (pretty JSON included); a message of newline runs cannot fill the document. */
export const MAX_EVENT_LINES = 2000;
const LEVEL_WORDS: Readonly<Record<string, Level>> = {
  error: 'ERROR', err: 'ERROR', severe: 'ERROR', critical: 'FATAL', crit: 'FATAL', fatal: 'FATAL', panic: 'FATAL', emerg: 'FATAL', alert: 'FATAL',
  warn: 'WARN', warning: 'WARN', info: 'INFO', information: 'INFO', notice: 'INFO', debug: 'DEBUG', trace: 'TRACE', verbose: 'TRACE',
};
/** `"level":"error"`, `"severity": "WARN"`, `"levelname":"INFO"`, `"@l":"Error"` in a JSON message. */
const JSON_LEVEL = /"(?:level|severity|levelname|log_level|loglevel|lvl|@l|LogLevel|Level|Severity)"\s*:\s*"([A-Za-z]{3,11})"/;
/** A level word standing alone near the start: `ERROR`, `[WARN]`, `level=info`, Lambda's `\tERROR\t`. */
const TEXT_LEVEL = /(?:^|[\s[(|:=])(ERROR|ERR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|PANIC|error|warn|warning|info|debug|trace|fatal|critical)(?=[\s\]):|,]|$)/;

/** The level an event's message states, from a JSON field or a level word in its first 200 characters. */
export function levelOf(message: string): Level | undefined {
  const json = JSON_LEVEL.exec(message.slice(0, 2000));
  if (json) return LEVEL_WORDS[(json[1] ?? '').toLowerCase()];
  const text = TEXT_LEVEL.exec(message.slice(0, 200));
  return text ? LEVEL_WORDS[(text[1] ?? '').toLowerCase()] : undefined;
}

/** The text without the newlines it ends with (a backwards walk: a regex anchored at the end would rescan every run). */
function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** The text's first `max` lines, and a last one saying how many more were cut (counted, not split out). */
function firstLines(text: string, max: number): string[] {
  let end = -1;
  for (let n = 0; n < max; n++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text.split('\n');
  }
  let more = 0;
  for (let i = text.indexOf('\n', end); i >= 0; i = text.indexOf('\n', i + 1)) more++;
  return [...text.slice(0, end).split('\n'), `… (${more} more line${more === 1 ? '' : 's'} cut)`];
}

/** Outside text (a group or stream name, an error) on one document line: no control, escape or bidi characters, no breaks. */
export function tailField(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ');
}

function shortGroup(name: string): string {
  const arn = /:log-group:([^:]+)/.exec(name);
  const full = arn?.[1] ?? name;
  return full.split('/').filter(Boolean).pop() ?? full;
}

/** The end of a stream name, enough to tell streams apart: `…a3f9` (short names stay whole). */
export function shortStream(name: string): string {
  const clean = tailField(name);
  const last = clean.slice(Math.max(clean.lastIndexOf(']'), clean.lastIndexOf('/')) + 1) || clean;
  return last.length <= 6 ? last : `…${last.slice(-4)}`;
}

/** A runtime's own time and level before the message (Lambda's `2026-…Z  <request id>  ERROR  `), which the line's columns already show. */
const RUNTIME_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z\s+/;
const RUNTIME_LEVEL = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s+|[0-9a-f]{4,12}\s+)?\[?([A-Z]{3,8})\]?\s+/;

function withoutRepeatedPrefix(message: string, level: Level | undefined): string {
  const timeless = message.replace(RUNTIME_TIME, '');
  const prefix = RUNTIME_LEVEL.exec(timeless);
  if (level && prefix && LEVEL_WORDS[(prefix[2] ?? '').toLowerCase()] === level) return `${prefix[1] ?? ''}${timeless.slice(prefix[0].length)}`;
  return timeless;
}

export interface TailFormat {
  readonly prettyJson: boolean;
  /** Several log groups in one tail: each line also names its group. */
  readonly showGroup: boolean;
  /** The zone of the time column (opsLens.timeZone; the header names it). UTC when not given. */
  readonly zone?: TimeZone;
}

/**
 * One event as document text: `02:40:01.123 ERROR message  · …a3f9`, the message first so it stays on
 * screen, the stream shortened at the end (with several groups, the group's last name before it). The
 * message has terminal escapes and control characters removed; with `prettyJson`, a JSON message (after
 * any runtime prefix) follows on indented lines.
 */
export function formatTailEvent(event: TailEvent, options: TailFormat): string {
  // Tabs (the separators of Lambda's runtimes) as two spaces, so columns are the same for every reader.
  let message = withoutTrailingNewlines(sanitizeText(event.message.length > MAX_MESSAGE_CHARS ? `${event.message.slice(0, MAX_MESSAGE_CHARS)}… (cut)` : event.message)).replace(/\t/g, '  ');
  const level = levelOf(message);
  message = withoutRepeatedPrefix(message, level);
  if (options.prettyJson) {
    const start = message.indexOf('{');
    const pretty = start >= 0 ? prettyJsonLines(message.slice(start), '  ', '    ') : undefined;
    if (pretty) message = `${message.slice(0, start).trimEnd()}\n${pretty.join('\n')}`;
  }
  const time = formatClock(event.timestamp, options.zone ?? 'utc', { millis: true, bare: true });
  const stream = shortStream(event.logStream);
  const source = options.showGroup ? `${tailField(shortGroup(event.logGroup))} ${stream}` : stream;
  const lines = firstLines(message, MAX_EVENT_LINES);
  return [`${time} ${(level ?? '-').padEnd(5)} ${lines[0] ?? ''}  · ${source}`, ...lines.slice(1).map((l) => (l.startsWith('    ') ? l : `    ${l}`))].join('\n');
}
