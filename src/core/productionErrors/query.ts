import { SOURCE_EXTENSIONS } from '../sourceLinks';

/** Words an error event carries in the runtimes Ops Lens reads traces of (matched case-insensitively). */
const ERROR_WORDS = ['error', 'exception', 'traceback', 'panic', 'fatal', 'critical', 'uncaught', 'unhandled', 'failed', 'failure'];

const EXTENSIONS = [...SOURCE_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');

/**
 * A source reference with its line, in every shape `findStackFrames` reads: `x.ts:42`, `x.py", line 57`
 * (also escaped inside JSON), `X.java:23)`, `x.cs:line 12`, `x.php(23)`, `x.php on line 12`, Lambda's and
 * Powertools' documents (`"x.go","line":31`, `["x.py", 55,`), Swift's `x.swift, line 13`, Dart's terse
 * `x.dart 12:5` and Erlang's `"x.erl"},{line,40` / `"x.ex", line: 12`. Written in the subset of regex syntax that
 * Logs Insights (Java) and JavaScript read alike.
 */
export const FRAME_PATTERN = String.raw`\.(?:${EXTENSIONS})(?::\d|:line \d|\(\d|\\?", line \d| on line \d|\\?",\s*\\?"line\\?":\s*\d|\\?",\s*\d|, line \d| \d{1,7}:\d|\\?["']\}?, ?\{?line(?:,|: )\d)`;
export const ERROR_PATTERN = `(?:${ERROR_WORDS.join('|')})`;

const FRAME_RE = new RegExp(FRAME_PATTERN);
const ERROR_RE = new RegExp(ERROR_PATTERN, 'i');

/** Events the query selects: an error word and a source reference with a line. */
export function isErrorEvent(message: string): boolean {
  return ERROR_RE.test(message) && FRAME_RE.test(message);
}

export const QUERY_LIMIT = 10_000;

/** The part a user's `opsLens.productionErrors.filter` adds: a `filter` command, given with or without its keyword. */
function userFilter(filter: string): string | undefined {
  const text = filter.replace(/\s+/g, ' ').trim().replace(/^\|\s*/, '').replace(/^filter\s+/i, '');
  return text ? `| filter ${text}` : undefined;
}

/** The Logs Insights query for the error events with stack frames of a window, newest first. */
export function errorEventsQuery(filter = ''): string {
  return [
    'fields @timestamp, @message, @log',
    `| filter @message like /(?i)${ERROR_PATTERN}/`,
    `| filter @message like /${FRAME_PATTERN.replace(/\//g, '\\/')}/`,
    userFilter(filter),
    '| sort @timestamp desc',
    `| limit ${QUERY_LIMIT}`,
  ].filter(Boolean).join('\n');
}
