import type { FieldRef } from './ast';
import type { QuerySyntaxError } from './errors';
import { Lexer, type Token } from './lexer';

/** Deepest nesting of parentheses, calls, subqueries and operators the parser follows. */
export const MAX_DEPTH = 100;

/** Words that cannot stand as a bare field name where a value is expected. */
const RESERVED = new Set(['and', 'or', 'not', 'like', 'in', 'as', 'by']);

export function isPunct(t: Token, p: string): boolean {
  return t.kind === 'punct' && t.value === p;
}

export function isKeyword(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.value.toLowerCase() === word;
}

export function isReserved(t: Token): boolean {
  return t.kind === 'ident' && RESERVED.has(t.value.toLowerCase());
}

/** The parser's position in the token stream, and the end of the last token it took (for spans). */
export class TokenCursor {
  private readonly lx: Lexer;
  private lastEnd = 0;
  private depth = 0;

  constructor(readonly text: string) {
    this.lx = new Lexer(text);
  }

  get prevEnd(): number {
    return this.lastEnd;
  }

  peek(regexAllowed = false): Token {
    return this.lx.peek(regexAllowed);
  }

  take(regexAllowed = false): Token {
    const t = this.lx.next(regexAllowed);
    this.lastEnd = t.end;
    return t;
  }

  /** Where the cursor is, to come back to with {@link reset}. */
  mark(): { offset: number; lastEnd: number } {
    return { offset: this.lx.position, lastEnd: this.lastEnd };
  }

  reset(mark: { offset: number; lastEnd: number }): void {
    this.lx.seek(mark.offset);
    this.lastEnd = mark.lastEnd;
  }

  /** Skips to an offset, e.g. past a character the lexer cannot read. */
  seek(offset: number): void {
    this.lx.seek(offset);
    this.lastEnd = offset;
  }

  /** Runs a nested parse, refusing to go deeper than {@link MAX_DEPTH} (so the stack never overflows). */
  nested<T>(at: Token, parse: () => T): T {
    if (this.depth >= MAX_DEPTH) {
      throw this.error(at, `nesting deeper than ${MAX_DEPTH} levels`);
    }
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  error(token: Token, detail?: string): QuerySyntaxError {
    return this.lx.error(token, detail);
  }

  errorAt(offset: number, length: number, detail: string, fatal = false): QuerySyntaxError {
    return this.lx.errorAt(offset, length, detail, fatal);
  }

  expectPunct(p: string): void {
    const t = this.take();
    if (!isPunct(t, p)) {
      throw this.error(t);
    }
  }

  expectKeyword(word: string): void {
    const t = this.take();
    if (!isKeyword(t, word)) {
      throw this.error(t);
    }
  }

  /** A field or alias name: an identifier that is not a keyword, or a backtick-quoted name. */
  name(): string {
    return this.fieldRef().name;
  }

  fieldRef(): FieldRef {
    const t = this.take();
    if ((t.kind === 'ident' && !isReserved(t)) || t.kind === 'quotedIdent') {
      return { kind: 'field', name: t.value, span: { start: t.start, end: t.end } };
    }
    throw this.error(t);
  }
}
