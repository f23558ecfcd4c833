/** A CloudWatch metric math expression, parsed. */
export type MathExpr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'ref'; readonly id: string }
  | { readonly kind: 'negate'; readonly operand: MathExpr }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '^'; readonly left: MathExpr; readonly right: MathExpr }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly MathExpr[] };

export class MathSyntaxError extends Error {
  override readonly name = 'MathSyntaxError';
}

interface Token {
  readonly kind: 'number' | 'string' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';
  readonly text: string;
  readonly offset: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], offset: i });
      i += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', text: name[0], offset: i });
      i += name[0].length;
    } else if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new MathSyntaxError(`unterminated string at position ${i + 1}`);
      tokens.push({ kind: 'string', text: text.slice(i + 1, close), offset: i });
      i = close + 1;
    } else if ('+-*/^'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch, offset: i++ });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, offset: i++ });
    } else {
      throw new MathSyntaxError(`unexpected character '${ch}' at position ${i + 1}`);
    }
  }
  tokens.push({ kind: 'end', text: '', offset: text.length });
  return tokens;
}

/** Parses `m1 + m2 * 2`, `SUM(METRICS())`, `RATE(m1)`, `(m1 - m2) / m2 * 100`, … */
export function parseMathExpression(text: string): MathExpr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'end', text: '', offset: text.length };
  const next = (): Token => tokens[pos++] ?? { kind: 'end', text: '', offset: text.length };
  const unexpected = (t: Token): MathSyntaxError =>
    new MathSyntaxError(t.kind === 'end' ? 'unexpected end of expression' : `unexpected '${t.text}' at position ${t.offset + 1}`);

  const additive = (): MathExpr => {
    let left = multiplicative();
    while (peek().kind === 'op' && (peek().text === '+' || peek().text === '-')) {
      const op = next().text as '+' | '-';
      left = { kind: 'binary', op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): MathExpr => {
    let left = unary();
    while (peek().kind === 'op' && (peek().text === '*' || peek().text === '/')) {
      const op = next().text as '*' | '/';
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): MathExpr => {
    if (peek().kind === 'op' && peek().text === '-') {
      next();
      return { kind: 'negate', operand: unary() };
    }
    if (peek().kind === 'op' && peek().text === '+') {
      next();
      return unary();
    }
    return power();
  };
  const power = (): MathExpr => {
    const base = primary();
    if (peek().kind === 'op' && peek().text === '^') {
      next();
      return { kind: 'binary', op: '^', left: base, right: unary() };
    }
    return base;
  };
  const primary = (): MathExpr => {
    const t = next();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: Number(t.text) };
      case 'string':
        return { kind: 'string', value: t.text };
      case 'lparen': {
        const inner = additive();
        const close = next();
        if (close.kind !== 'rparen') throw unexpected(close);
        return inner;
      }
      case 'name': {
        if (peek().kind !== 'lparen') return { kind: 'ref', id: t.text };
        next();
        const args: MathExpr[] = [];
        if (peek().kind !== 'rparen') {
          args.push(additive());
          while (peek().kind === 'comma') {
            next();
            args.push(additive());
          }
        }
        const close = next();
        if (close.kind !== 'rparen') throw unexpected(close);
        return { kind: 'call', name: t.text.toUpperCase(), args };
      }
      default:
        throw unexpected(t);
    }
  };

  const expr = additive();
  if (peek().kind !== 'end') throw unexpected(peek());
  return expr;
}
