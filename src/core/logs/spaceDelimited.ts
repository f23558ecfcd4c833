import { evaluate, parseCondition, PatternSyntaxError, type Condition } from './expression';

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const MAX_FIELDS = 100;

interface Slot {
  readonly name?: string;
  readonly condition?: Condition;
  readonly ellipsis?: boolean;
}

function readName(text: string, at: number): { field: string; end: number } | undefined {
  IDENT.lastIndex = at;
  const m = IDENT.exec(text);
  return m ? { field: m[0], end: at + m[0].length } : undefined;
}

/** Splits a `[a, b = 1 || b = 2, ...]` body on the commas outside quotes, regexes and parentheses. */
function splitSlots(body: string): string[] {
  const slots: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === '%') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      slots.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  slots.push(body.slice(start).trim());
  return slots;
}

/** The fields of a space-delimited event: runs of non-spaces; text in `"…"` or `[…]` is one field (its delimiters dropped). */
export function splitFields(message: string, max = 10_000): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < message.length && fields.length < max) {
    const c = message[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const close = c === '"' ? '"' : c === '[' ? ']' : undefined;
    if (close) {
      const end = message.indexOf(close, i + 1);
      if (end >= 0) {
        fields.push(message.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    let end = i;
    while (end < message.length && !/\s/.test(message[end] ?? '')) end++;
    fields.push(message.slice(i, end));
    i = end;
  }
  return fields;
}

/** A compiled `[…]` pattern; `approximate` when it has ellipses between named fields (matched loosely here). */
export function compileSpaceDelimited(text: string): { match: (message: string) => boolean; approximate: boolean } {
  const body = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const parts = splitSlots(body);
  if (parts.length > MAX_FIELDS) throw new PatternSyntaxError(`more than ${MAX_FIELDS} fields`);
  const slots: Slot[] = parts.map((part, i) => {
    if (part === '...') return { ellipsis: true };
    const name = readName(part, 0);
    if (!name) throw new PatternSyntaxError(`field ${i + 1}: a name expected`);
    const rest = part.slice(name.end).trim();
    return { name: name.field, condition: rest ? parseCondition(part, readName) : undefined };
  });
  const first = slots.findIndex((s) => s.ellipsis);
  const last = slots.length - 1 - [...slots].reverse().findIndex((s) => s.ellipsis);
  const head = first < 0 ? slots : slots.slice(0, first);
  const tail = first < 0 ? [] : slots.slice(last + 1);
  const approximate = first >= 0 && slots.slice(first, last + 1).some((s) => !s.ellipsis);
  return {
    approximate,
    match(message) {
      const fields = splitFields(message);
      if (first < 0 ? fields.length !== slots.length : fields.length < head.length + tail.length) return false;
      const values = new Map<string, string>();
      head.forEach((s, i) => s.name && values.set(s.name, fields[i] ?? ''));
      tail.forEach((s, i) => s.name && values.set(s.name, fields[fields.length - tail.length + i] ?? ''));
      const read = (name: string): string | undefined => values.get(name);
      return [...head, ...tail].every((s) => !s.condition || evaluate(s.condition, read));
    },
  };
}
