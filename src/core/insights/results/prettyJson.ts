// Re-indents JSON text without parsing it into values, so every literal keeps its exact spelling
// (big integers, escapes, duplicate keys) — a log line is evidence, and JSON.parse would rewrite it.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 64;

/** Thrown (and caught) to abandon a text that is not JSON; one shared object, so no stack is captured. */
const NOT_JSON: unique symbol = Symbol('not JSON');

class Printer {
  private i = 0;
  private line = '';
  readonly lines: string[] = [];
  private readonly indents: string[];

  constructor(
    private readonly text: string,
    private readonly indent: string,
    prefix: string,
  ) {
    this.indents = [prefix];
    this.line = prefix;
  }

  run(): boolean {
    this.ws();
    const c = this.text[this.i];
    if (c !== '{' && c !== '[') return false;
    this.value(0);
    this.ws();
    if (this.i !== this.text.length) return false;
    this.lines.push(this.line);
    return true;
  }

  private ws(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  private newline(depth: number): void {
    this.lines.push(this.line);
    while (this.indents.length <= depth) this.indents.push(this.indents[this.indents.length - 1] + this.indent);
    this.line = this.indents[depth];
  }

  private string(): string {
    const { text } = this;
    const start = this.i;
    let i = start + 1; // past the opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return text.slice(start, i + 1);
      }
      if (c === 0x5c) i += 2;
      else if (c < 0x20) throw NOT_JSON;
      else i++;
    }
    throw NOT_JSON;
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) throw NOT_JSON;
    this.ws();
    const { text } = this;
    const c = text[this.i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.i++;
      this.ws();
      if (text[this.i] === close) {
        this.i++;
        this.line += c + close;
        return;
      }
      this.line += c;
      this.newline(depth + 1);
      for (;;) {
        if (c === '{') {
          this.ws();
          if (text[this.i] !== '"') throw NOT_JSON;
          this.line += this.string();
          this.ws();
          if (text[this.i] !== ':') throw NOT_JSON;
          this.i++;
          this.line += ': ';
        }
        this.value(depth + 1);
        this.ws();
        const next = text[this.i];
        this.i++;
        if (next === ',') {
          this.line += ',';
          this.newline(depth + 1);
        } else if (next === close) {
          this.newline(depth);
          this.line += close;
          return;
        } else throw NOT_JSON;
      }
    }
    if (c === '"') {
      this.line += this.string();
      return;
    }
    const literal = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (literal) {
      if (!text.startsWith(literal, this.i)) throw NOT_JSON;
      this.i += literal.length;
      this.line += literal;
      return;
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(text);
    if (!m) throw NOT_JSON;
    this.i += m[0].length;
    this.line += m[0];
  }
}

/**
 * The JSON object or array in `text` as indented lines, or undefined when `text` is not exactly one
 * JSON object/array (surrounding whitespace allowed). Scalars are not reformatted. Every line starts with `prefix`.
 */
export function prettyJsonLines(text: string, indent = '  ', prefix = ''): string[] | undefined {
  const printer = new Printer(text, indent, prefix);
  try {
    return printer.run() ? printer.lines : undefined;
  } catch (err) {
    if (err === NOT_JSON) return undefined;
    throw err;
  }
}
