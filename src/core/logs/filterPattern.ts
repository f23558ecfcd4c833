import { PatternSyntaxError } from './expression';
import { compileJsonPattern } from './jsonPattern';
import { compileSpaceDelimited } from './spaceDelimited';
import { filterRegex } from './wildcard';

/** CloudWatch Logs accepts filter patterns up to this length. */
export const MAX_FILTER_PATTERN_LENGTH = 1024;
/** Events are matched on their first 256 KB (the largest event CloudWatch Logs stores is 256 KB). */
const MAX_MESSAGE_CHARS = 256 * 1024;

export type FilterPatternKind = 'all' | 'terms' | 'regex' | 'json' | 'spaceDelimited';

export interface CompiledFilterPattern {
  readonly kind: FilterPatternKind;
  /** Whether an event's message matches; true for every event when the pattern is not understood. */
  matches(message: string): boolean;
  /** Why the pattern is not (fully) understood here; CloudWatch Logs still decides when it runs. */
  readonly warning?: string;
}

/**
 * A filter pattern as CloudWatch Logs defines it for metric filters, subscription filters, FilterLogEvents and
 * Live Tail: terms (all must appear), `"quoted phrases"`, `?term` alternatives (one must appear), `-term`
 * exclusions, `%regex%`, JSON patterns `{ $.level = "ERROR" && $.latency > 500 }` and space-delimited
 * patterns `[ip, user, ..., status = 5*, bytes > 1000]`. A pattern not understood here matches every event
 * and says why: the service is the judge.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html
 */
export function compileFilterPattern(pattern: string): CompiledFilterPattern {
  const text = pattern.trim();
  if (text === '' || text === '""' || /^"\s+"$/.test(text)) return { kind: 'all', matches: () => true };
  const notUnderstood = (kind: FilterPatternKind, reason: string): CompiledFilterPattern => ({ kind, matches: () => true, warning: `${reason} — not known to Ops Lens; CloudWatch Logs decides when the pattern runs` });
  if (text.length > MAX_FILTER_PATTERN_LENGTH) return notUnderstood('terms', `longer than ${MAX_FILTER_PATTERN_LENGTH} characters`);
  const capped = (match: (message: string) => boolean) => (message: string) => match(message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message);
  try {
    if (text.startsWith('{')) {
      if (!text.endsWith('}')) return notUnderstood('json', 'a JSON pattern without its closing "}"');
      return { kind: 'json', matches: capped(compileJsonPattern(text)) };
    }
    if (text.startsWith('[')) {
      if (!text.endsWith(']')) return notUnderstood('spaceDelimited', 'a space-delimited pattern without its closing "]"');
      const compiled = compileSpaceDelimited(text);
      return { kind: 'spaceDelimited', matches: capped(compiled.match), warning: compiled.approximate ? 'fields between two "..." are matched loosely by Ops Lens; CloudWatch Logs decides when the pattern runs' : undefined };
    }
    if (text.length > 2 && text.startsWith('%') && text.endsWith('%')) {
      const regex = filterRegex(text.slice(1, -1));
      if (!regex) return notUnderstood('regex', 'a regular expression Ops Lens cannot read');
      return { kind: 'regex', matches: capped((m) => regex.test(m)) };
    }
    return { kind: 'terms', matches: capped(compileTerms(text)) };
  } catch (err) {
    if (err instanceof PatternSyntaxError) return notUnderstood(text.startsWith('{') ? 'json' : text.startsWith('[') ? 'spaceDelimited' : 'terms', err.message);
    throw err;
  }
}

/** `ERROR ARGUMENTS`, `"INTERNAL SERVER ERROR"`, `?ERROR ?WARN`, `ERROR -ARGUMENTS`. */
function compileTerms(text: string): (message: string) => boolean {
  const required: string[] = [];
  const anyOf: string[] = [];
  const excluded: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i] ?? '')) {
      i++;
      continue;
    }
    let prefix = '';
    if ((text[i] === '?' || text[i] === '-') && i + 1 < text.length && !/\s/.test(text[i + 1] ?? '')) prefix = text[i++] ?? '';
    let term: string;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw new PatternSyntaxError('a quoted phrase is not closed');
      term = text.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      while (i < text.length && !/\s/.test(text[i] ?? '')) i++;
      term = text.slice(start, i);
    }
    if (term === '') continue;
    (prefix === '?' ? anyOf : prefix === '-' ? excluded : required).push(term);
  }
  // Approximation: terms are matched as case-sensitive substrings.
  return (message) =>
    required.every((t) => message.includes(t)) &&
    (anyOf.length === 0 || anyOf.some((t) => message.includes(t))) &&
    !excluded.some((t) => message.includes(t));
}
