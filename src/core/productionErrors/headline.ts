// The error an event reports, as one short line: `ChargeError: card declined`. Every pattern is anchored or starts
// with a literal, and only the first lines of a message are read, so a hostile event costs a bounded scan.

const MAX_LINES = 200;
const MAX_LINE = 1000;
const MAX_TITLE = 120;

// Lambda's error documents (also escaped inside another JSON string).
const LAMBDA_TYPE = /"errorType\\?"\s{0,8}:\s{0,8}\\?"([^"\\]{1,200})/;
const LAMBDA_MESSAGE = /"errorMessage\\?"\s{0,8}:\s{0,8}\\?"((?:[^"\\]|\\[^"\\]){0,300})/;
// `ChargeError: card declined`, `java.lang.IllegalStateException: x`, `Caused by: …`, Python's last line.
const EXCEPTION_LINE = /^\s{0,40}(?:\[[A-Z]{3,8}\]\s{1,8})?(?:Caused by: |Uncaught |Unhandled exception\. |PHP Fatal error: {1,2}Uncaught |Exception in thread "[^"]{0,200}" )?((?:[A-Za-z_$][\w$]{0,100}[.\\:]{1,2}){0,30}[A-Za-z_$][\w$]{0,100}(?:Error|Exception|Fault|Failure|Panic|Exit|Interrupt))(?::\s?(.*))?$/;
const PANIC = /^panic: (.+)$/;
// `[time] production.ERROR: message {context}` (Monolog), `ERROR message`, `level=error msg=…`.
const LEVEL = /\b(?:ERROR|FATAL|CRITICAL|CRIT|EMERGENCY|ALERT)\b(?: -- [^:\n]{0,100})?:?\s{1,8}(.+)$/;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1)}…` : t;
}

function unescapeJson(text: string): string {
  return text.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? ' ' : c === 't' ? ' ' : c));
}

/** `com.acme.ChargeService$ChargeDeclinedException` → `ChargeDeclinedException`; `PIL.UnidentifiedImageError` → `UnidentifiedImageError`. */
function shortType(type: string): string {
  return type.slice(Math.max(type.lastIndexOf('.'), type.lastIndexOf('\\'), type.lastIndexOf('$'), type.lastIndexOf(':')) + 1) || type;
}

function titled(type: string, message: string | undefined): string {
  type = shortType(type);
  const first = (message ?? '').split('\n')[0].trim();
  return clip(first ? `${type}: ${first}` : type);
}

/** The error type and the first line of its message; for a Python traceback, the exception its last line names. */
export function errorHeadline(message: string): string {
  const type = LAMBDA_TYPE.exec(message);
  if (type) {
    const m = LAMBDA_MESSAGE.exec(message);
    return titled(type[1], m ? unescapeJson(m[1]) : undefined);
  }
  const lines = message.split('\n', MAX_LINES).map((l) => l.slice(0, MAX_LINE));
  const lastWins = message.includes('Traceback (most recent call last)');
  let found: string | undefined;
  for (const line of lines) {
    const panic = PANIC.exec(line);
    const m = panic ? undefined : EXCEPTION_LINE.exec(line);
    const title = panic ? titled('panic', panic[1]) : m ? titled(m[1], m[2]) : undefined;
    if (!title) continue;
    found = title;
    if (!lastWins) break;
  }
  if (found) return found;
  const level = LEVEL.exec(lines[0] ?? '');
  const text = level ? level[1] : (lines[0] ?? '');
  // A JSON context after the message (Monolog, structured loggers) says nothing a title needs.
  const brace = text.indexOf(' {');
  return clip(brace > 0 ? text.slice(0, brace) : text) || 'Error';
}
