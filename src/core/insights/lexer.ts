import type { TimeUnit } from './ast';
import { timeUnitOf } from './catalog';
import { LineIndex, QuerySyntaxError } from './errors';

export type TokenKind =
  | 'ident'
  | 'quotedIdent'
  | 'string'
  | 'number'
  | 'duration'
  | 'regex'
  | 'punct'
  | 'op'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token. */
  readonly text: string;
  /** Identifier name, decoded string, regex pattern, or the operator/punctuation itself. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly number?: number;
  readonly unit?: TimeUnit;
  readonly flags?: string;
}

const IDENT = /[\p{L}_@$][\p{L}\p{N}_@$.]*/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SUFFIX = /[A-Za-z]+/y;
const REGEX_FLAGS = /[imsu]*/y;
const TWO_CHAR_OPS = new Set(['!=', '<=', '>=', '=~', '==']);
const ONE_CHAR_OPS = new Set(['=', '<', '>', '+', '-', '*', '/', '%', '^']);
const PUNCT = new Set(['|', ',', '(', ')', '[', ']', ':']);
const STRING_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

/**
 * On-demand tokenizer: whether `/` starts a regex or is division depends on the parser's state,
 * so the parser says which it expects with `regexAllowed`.
 */
export class Lexer {
  private offset = 0;
  private readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  private cached: { offset: number; regexAllowed: boolean; token: Token } | undefined;

  peek(regexAllowed = false): Token {
    const c = this.cached;
    if (c !== undefined && c.offset === this.offset && c.regexAllowed === regexAllowed) {
      return c.token;
    }
    const token = this.scan(this.skipTrivia(this.offset), regexAllowed);
    this.cached = { offset: this.offset, regexAllowed, token };
    return token;
  }

  next(regexAllowed = false): Token {
    const token = this.peek(regexAllowed);
    this.offset = token.end;
    return token;
  }

  get position(): number {
    return this.offset;
  }

  seek(offset: number): void {
    this.offset = offset;
  }

  /** Error at a token, in AWS's wording unless `detail` says otherwise. */
  error(token: Token, detail?: string): QuerySyntaxError {
    const shown = token.kind === 'eof' ? '<EOF>' : token.text;
    return this.errorAt(token.start, Math.max(token.end - token.start, token.kind === 'eof' ? 0 : 1), detail ?? `unexpected symbol found ${shown}`);
  }

  errorAt(offset: number, length: number, detail: string, fatal = false): QuerySyntaxError {
    const { line, column } = this.lines.positionAt(offset);
    return new QuerySyntaxError(detail, line, column, offset, length, fatal);
  }

  private skipTrivia(from: number): number {
    const text = this.text;
    let i = from;
    while (i < text.length) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
        i++;
      } else if (ch === '#' || (ch === '-' && text[i + 1] === '-' && this.onlyWhitespaceBefore(i))) {
        while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
          i++;
        }
      } else {
        break;
      }
    }
    return i;
  }

  private onlyWhitespaceBefore(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const ch = this.text[i];
      if (ch === '\n' || ch === '\r') {
        return true;
      }
      if (ch !== ' ' && ch !== '\t') {
        return false;
      }
    }
    return true;
  }

  private scan(start: number, regexAllowed: boolean): Token {
    const text = this.text;
    if (start >= text.length) {
      return { kind: 'eof', text: '', value: '', start, end: start };
    }
    const ch = text[start] ?? '';
    const two = text.slice(start, start + 2);
    if (PUNCT.has(ch)) {
      return { kind: 'punct', text: ch, value: ch, start, end: start + 1 };
    }
    if (ch === '/' && regexAllowed) {
      return this.scanRegex(start);
    }
    if (TWO_CHAR_OPS.has(two)) {
      return { kind: 'op', text: two, value: two, start, end: start + 2 };
    }
    if (ONE_CHAR_OPS.has(ch)) {
      return { kind: 'op', text: ch, value: ch, start, end: start + 1 };
    }
    if (ch === '"' || ch === "'") {
      return this.scanString(start, ch);
    }
    if (ch === '`') {
      return this.backtickName(start);
    }
    if (ch >= '0' && ch <= '9') {
      return this.scanNumber(start);
    }
    if (ch === '!') {
      // `!isPresent(x)`: `!` before an operand negates it, as `not` does.
      return { kind: 'op', text: ch, value: ch, start, end: start + 1 };
    }
    IDENT.lastIndex = start;
    const ident = IDENT.exec(text);
    if (ident) {
      return this.memberName(start, ident[0]);
    }
    const codePoint = String.fromCodePoint(text.codePointAt(start) ?? 0);
    throw this.errorAt(start, codePoint.length, `unexpected symbol found ${codePoint}`);
  }

  /**
   * A name whose members after a dot may be quoted, for keys that are not plain words: `headers."user-agent"`,
   * `` detail.`x-id`.value ``. The token's value is the dotted name without the quotes (`headers.user-agent`).
   */
  private memberName(start: number, first: string): Token {
    const text = this.text;
    let value = first;
    let end = start + first.length;
    while (value.endsWith('.') && (text[end] === '"' || text[end] === "'" || text[end] === '`')) {
      const quoted = text[end] === '`' ? this.backtickName(end) : this.scanString(end, text[end] ?? '"');
      value += quoted.value;
      end = quoted.end;
      if (text[end] !== '.') {
        break;
      }
      IDENT.lastIndex = end + 1;
      const more = IDENT.exec(text)?.[0] ?? '';
      value += `.${more}`;
      end += 1 + more.length;
    }
    return { kind: 'ident', text: text.slice(start, end), value, start, end };
  }

  private backtickName(start: number): Token {
    const text = this.text;
    const close = text.indexOf('`', start + 1);
    const newline = text.slice(start + 1, close < 0 ? undefined : close).search(/[\r\n]/);
    if (close < 0 || newline >= 0) {
      throw this.unexpectedRestOfLine(start);
    }
    return { kind: 'quotedIdent', text: text.slice(start, close + 1), value: text.slice(start + 1, close), start, end: close + 1 };
  }

  private scanString(start: number, quote: string): Token {
    const text = this.text;
    let value = '';
    let i = start + 1;
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === quote) {
        return { kind: 'string', text: text.slice(start, i + 1), value, start, end: i + 1 };
      }
      if (ch === '\n' || ch === '\r') {
        break;
      }
      if (ch === '\\' && i + 1 < text.length) {
        const escaped = text[i + 1] ?? '';
        value += STRING_ESCAPES[escaped] ?? `\\${escaped}`;
        i += 2;
        continue;
      }
      value += ch;
      i++;
    }
    throw this.unexpectedRestOfLine(start);
  }

  private scanRegex(start: number): Token {
    const text = this.text;
    let i = start + 1;
    let inClass = false;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '\n' || ch === '\r') {
        break;
      }
      if (ch === '\\') {
        i += 2;
        continue;
      }
      if (inClass) {
        inClass = ch !== ']';
      } else if (ch === '[') {
        inClass = true;
      } else if (ch === '/') {
        REGEX_FLAGS.lastIndex = i + 1;
        const flags = REGEX_FLAGS.exec(text)?.[0] ?? '';
        const end = i + 1 + flags.length;
        return { kind: 'regex', text: text.slice(start, end), value: text.slice(start + 1, i), flags, start, end };
      }
      i++;
    }
    throw this.unexpectedRestOfLine(start);
  }

  private scanNumber(start: number): Token {
    const text = this.text;
    NUMBER.lastIndex = start;
    const digits = NUMBER.exec(text)?.[0] ?? '';
    let end = start + digits.length;
    SUFFIX.lastIndex = end;
    const suffix = SUFFIX.exec(text)?.[0];
    if (suffix === undefined) {
      IDENT.lastIndex = end;
      if (IDENT.test(text)) {
        throw this.errorAt(start, end + 1 - start, `unexpected symbol found ${text.slice(start, end + 1)}`);
      }
      return { kind: 'number', text: digits, value: digits, number: Number(digits), start, end };
    }
    end += suffix.length;
    const unit = timeUnitOf(suffix);
    if (unit === undefined || digits.includes('.') || /[eE]/.test(digits)) {
      throw this.errorAt(start, end - start, `unexpected symbol found ${text.slice(start, end)}`);
    }
    return { kind: 'duration', text: text.slice(start, end), value: text.slice(start, end), number: Number(digits), unit, start, end };
  }

  private unexpectedRestOfLine(start: number): QuerySyntaxError {
    const rest = /^[^\r\n]*/.exec(this.text.slice(start))?.[0] ?? '';
    const shown = rest.length > 40 ? `${rest.slice(0, 40)}…` : rest;
    const what = { '"': 'string', "'": 'string', '`': 'quoted name', '/': 'regular expression' }[this.text[start] ?? ''] ?? 'text';
    return this.errorAt(start, rest.length, `unclosed ${what}: ${shown}`, true);
  }
}
