export interface TextPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
}

/** Malformed query, reported like AWS's MalformedQueryException: `… at line L and position P`. */
export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';

  /** Recognised by name, in whichever bundle's copy of this module raised it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'QuerySyntaxError';
  }

  constructor(
    /** What went wrong, without the location suffix. */
    readonly detail: string,
    /** 1-based line. */
    readonly line: number,
    /** 1-based column. */
    readonly column: number,
    /** 0-based offset into the query text. */
    readonly offset: number,
    /** Length of the offending text (at least 1 unless the query ends there). */
    readonly length: number,
    /** True for text no version of the language accepts (an unclosed string, regex or parenthesis). */
    readonly fatal = false,
  ) {
    super(`${detail} at line ${line} and position ${column}`);
  }
}

/** Where a query compile error is, shaped like AWS's `QueryCompileErrorLocation` plus the line. */
export interface QueryCompileErrorLocation {
  readonly line: number;
  /** 0-based offset of the first offending character. */
  readonly startCharOffset: number;
  /** 0-based offset just past the offending text. */
  readonly endCharOffset: number;
}

export function queryCompileErrorLocation(error: QuerySyntaxError): QueryCompileErrorLocation {
  return {
    line: error.line,
    startCharOffset: error.offset,
    endCharOffset: error.offset + error.length,
  };
}

/** The `queryCompileError` member of a MalformedQueryException body. */
export function toQueryCompileError(error: QuerySyntaxError): {
  location: { startCharOffset: number; endCharOffset: number };
  message: string;
} {
  const { startCharOffset, endCharOffset } = queryCompileErrorLocation(error);
  return { location: { startCharOffset, endCharOffset }, message: error.message };
}

/** Maps offsets to 1-based line/column. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      } else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): TextPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }
}
