import { filterRegex, wildcardMatch } from './wildcard';

/**
 * The conditions of JSON (`{ $.level = "ERROR" && $.latency > 500 }`) and space-delimited
 * (`[ip, status = 5*, bytes > 1000]`) filter patterns: comparisons joined by `&&` and `||` (`&&` binds
 * tighter), with parentheses.
 */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'compare'; field: string; op: CompareOp; value: Literal }
  | { kind: 'test'; field: string; test: 'IS NULL' | 'IS TRUE' | 'IS FALSE' | 'NOT EXISTS' | 'EXISTS' };

export type CompareOp = '=' | '!=' | '>' | '<' | '>=' | '<=';
export type Literal = { kind: 'string'; text: string } | { kind: 'number'; value: number; text: string } | { kind: 'regex'; regex: RegExp };

/** What a field holds: the JSON value at a selector, or a space-delimited field's text; undefined when absent. */
export type FieldValue = string | number | boolean | null | object | undefined;

export class PatternSyntaxError extends Error {
  override readonly name = 'PatternSyntaxError';

  /** Recognised by name, in whichever bundle's copy of this module raised it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'PatternSyntaxError';
  }
}

const OPS: readonly CompareOp[] = ['>=', '<=', '!=', '=', '>', '<'];
const MAX_DEPTH = 32;

/** Parses conditions from `text`; `field` reads one field reference (a `$.…` selector or a name) at a position. */
export function parseCondition(text: string, readField: (text: string, at: number) => { field: string; end: number } | undefined): Condition {
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
  };
  const expr = (depth: number): Condition => {
    if (depth > MAX_DEPTH) throw new PatternSyntaxError('parentheses nested too deeply');
    let left = term(depth);
    skip();
    while (text.startsWith('||', pos)) {
      pos += 2;
      left = { kind: 'or', left, right: term(depth) };
      skip();
    }
    return left;
  };
  const term = (depth: number): Condition => {
    let left = factor(depth);
    skip();
    while (text.startsWith('&&', pos)) {
      pos += 2;
      left = { kind: 'and', left, right: factor(depth) };
      skip();
    }
    return left;
  };
  const factor = (depth: number): Condition => {
    skip();
    if (text[pos] === '(') {
      pos++;
      const inner = expr(depth + 1);
      skip();
      if (text[pos] !== ')') throw new PatternSyntaxError(`")" expected at ${pos + 1}`);
      pos++;
      return inner;
    }
    const ref = readField(text, pos);
    if (!ref) throw new PatternSyntaxError(`a field expected at ${pos + 1}`);
    pos = ref.end;
    skip();
    const rest = text.slice(pos, pos + 12).toUpperCase();
    for (const test of ['IS NULL', 'IS TRUE', 'IS FALSE', 'NOT EXISTS', 'EXISTS'] as const) {
      if (rest.startsWith(test)) {
        pos += test.length;
        return { kind: 'test', field: ref.field, test };
      }
    }
    const op = OPS.find((o) => text.startsWith(o, pos));
    if (!op) throw new PatternSyntaxError(`a comparison (=, !=, <, >, <=, >=, IS NULL, NOT EXISTS) expected at ${pos + 1}`);
    pos += op.length;
    skip();
    return { kind: 'compare', field: ref.field, op, value: literal() };
  };
  const literal = (): Literal => {
    if (text[pos] === '"') {
      const end = text.indexOf('"', pos + 1);
      if (end < 0) throw new PatternSyntaxError('a quoted value is not closed');
      const value = text.slice(pos + 1, end);
      pos = end + 1;
      return { kind: 'string', text: value };
    }
    if (text[pos] === '%') {
      const end = text.indexOf('%', pos + 1);
      const regex = end < 0 ? undefined : filterRegex(text.slice(pos + 1, end));
      if (!regex) throw new PatternSyntaxError(`a %regex% expected at ${pos + 1}`);
      pos = end + 1;
      return { kind: 'regex', regex };
    }
    const start = pos;
    while (pos < text.length && !/[\s)&|,\]}]/.test(text[pos] ?? '')) pos++;
    const word = text.slice(start, pos);
    if (!word) throw new PatternSyntaxError(`a value expected at ${start + 1}`);
    const n = Number(word);
    return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word) && Number.isFinite(n) ? { kind: 'number', value: n, text: word } : { kind: 'string', text: word };
  };
  const condition = expr(0);
  skip();
  if (pos !== text.length) throw new PatternSyntaxError(`unexpected "${text.slice(pos, pos + 10)}" at ${pos + 1}`);
  return condition;
}

/** Evaluates conditions against the fields `read` returns. */
export function evaluate(condition: Condition, read: (field: string) => FieldValue): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluate(condition.left, read) && evaluate(condition.right, read);
    case 'or':
      return evaluate(condition.left, read) || evaluate(condition.right, read);
    case 'test': {
      const value = read(condition.field);
      if (condition.test === 'NOT EXISTS') return value === undefined;
      if (condition.test === 'EXISTS') return value !== undefined;
      if (condition.test === 'IS NULL') return value === null;
      return value === (condition.test === 'IS TRUE');
    }
    case 'compare':
      return compare(read(condition.field), condition.op, condition.value);
  }
}

function compare(value: FieldValue, op: CompareOp, literal: Literal): boolean {
  if (value === undefined || (typeof value === 'object' && value !== null)) return false;
  if (literal.kind === 'regex') {
    const matched = value !== null && literal.regex.test(String(value));
    return op === '=' ? matched : op === '!=' ? !matched : false;
  }
  if (op === '=' || op === '!=') {
    const equal = equals(value, literal);
    return op === '=' ? equal : !equal;
  }
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (literal.kind !== 'number' || !Number.isFinite(n)) return false;
  switch (op) {
    case '>':
      return n > literal.value;
    case '<':
      return n < literal.value;
    case '>=':
      return n >= literal.value;
    case '<=':
      return n <= literal.value;
  }
}

function equals(value: string | number | boolean | null, literal: Literal & { kind: 'string' | 'number' }): boolean {
  if (literal.kind === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    return n === literal.value;
  }
  if (value === null) return literal.text === 'null';
  return wildcardMatch(literal.text, String(value));
}
