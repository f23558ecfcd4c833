import type { ComparisonOp, Expr, RegexLit, Span, StringLit } from './ast';
import { isAggregateFunction } from './catalog';
import { isKeyword, isPunct, isReserved, type TokenCursor } from './cursor';
import type { Token } from './lexer';
import { compileInsightsRegex } from './regex';

const COMPARISON_OPS: ReadonlySet<string> = new Set<ComparisonOp>(['=', '!=', '<', '<=', '>', '>=']);

/**
 * Precedence, loosest first: `or`, `and`, `not`, comparisons (`=`, `like`, `in`, …),
 * `+ -`, `* / %`, `^`, unary `-`.
 */
export class ExpressionParser {
  constructor(private readonly c: TokenCursor) {}

  expr(): Expr {
    let left = this.andExpr();
    while (isKeyword(this.c.peek(), 'or')) {
      this.c.take();
      const right = this.andExpr();
      left = { kind: 'binary', op: 'or', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (isKeyword(this.c.peek(), 'and')) {
      this.c.take();
      const right = this.notExpr();
      left = { kind: 'binary', op: 'and', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private notExpr(): Expr {
    const t = this.c.peek();
    if (isKeyword(t, 'not')) {
      this.c.take();
      const operand = this.notExpr();
      return { kind: 'unary', op: 'not', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.c.peek();
    if (t.kind === 'op' && COMPARISON_OPS.has(t.value)) {
      this.c.take();
      const right = this.additive();
      return { kind: 'binary', op: t.value as ComparisonOp, left, right, span: spanOf(left, right) };
    }
    if ((t.kind === 'op' && t.value === '=~') || isKeyword(t, 'like')) {
      this.c.take();
      return this.likeRest(left, false);
    }
    if (isKeyword(t, 'in')) {
      this.c.take();
      return this.inRest(left, false);
    }
    if (isKeyword(t, 'not')) {
      this.c.take();
      const after = this.c.take();
      if (isKeyword(after, 'like')) {
        return this.likeRest(left, true);
      }
      if (isKeyword(after, 'in')) {
        return this.inRest(left, true);
      }
      throw this.c.error(after);
    }
    return left;
  }

  private likeRest(subject: Expr, negated: boolean): Expr {
    const p = this.c.take(true);
    let pattern: RegexLit | StringLit;
    if (p.kind === 'regex') {
      pattern = this.regexLit(p);
    } else if (p.kind === 'string') {
      pattern = { kind: 'string', value: p.value, span: { start: p.start, end: p.end } };
    } else {
      throw this.c.error(p);
    }
    return { kind: 'like', negated, subject, pattern, span: { start: subject.span.start, end: p.end } };
  }

  private inRest(subject: Expr, negated: boolean): Expr {
    this.c.expectPunct('[');
    const items = [this.additive()];
    while (isPunct(this.c.peek(), ',')) {
      this.c.take();
      items.push(this.additive());
    }
    this.c.expectPunct(']');
    return { kind: 'in', negated, subject, items, span: { start: subject.span.start, end: this.c.prevEnd } };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.c.peek(); t.kind === 'op' && (t.value === '+' || t.value === '-'); t = this.c.peek()) {
      this.c.take();
      const right = this.multiplicative();
      left = { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.power();
    for (let t = this.c.peek(); t.kind === 'op' && (t.value === '*' || t.value === '/' || t.value === '%'); t = this.c.peek()) {
      this.c.take();
      const right = this.power();
      left = { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private power(): Expr {
    const left = this.unary();
    const t = this.c.peek();
    if (t.kind === 'op' && t.value === '^') {
      this.c.take();
      const right = this.power();
      return { kind: 'binary', op: '^', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.c.peek(true);
    if (t.kind === 'op' && t.value === '-') {
      this.c.take();
      const operand = this.unary();
      return { kind: 'unary', op: '-', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.c.take(true);
    const span: Span = { start: t.start, end: t.end };
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.number ?? 0, span };
      case 'duration':
        return { kind: 'duration', amount: t.number ?? 0, unit: t.unit ?? 'ms', text: t.text, span };
      case 'string':
        return { kind: 'string', value: t.value, span };
      case 'regex':
        return this.regexLit(t);
      case 'quotedIdent':
        return { kind: 'field', name: t.value, span };
      case 'punct':
        if (t.value === '(') {
          const inner = this.expr();
          this.c.expectPunct(')');
          return { ...inner, span: { start: t.start, end: this.c.prevEnd } };
        }
        break;
      case 'ident':
        if (isReserved(t)) {
          break;
        }
        if (isPunct(this.c.peek(), '(')) {
          return this.callRest(t);
        }
        return { kind: 'field', name: t.value, span };
      default:
        break;
    }
    throw this.c.error(t);
  }

  private callRest(nameToken: Token): Expr {
    this.c.take();
    const args: Expr[] = [];
    if (!isPunct(this.c.peek(), ')')) {
      do {
        if (args.length > 0) {
          this.c.take();
        }
        const t = this.c.peek(true);
        if (t.kind === 'op' && t.value === '*') {
          this.c.take();
          args.push({ kind: 'star', span: { start: t.start, end: t.end } });
        } else {
          args.push(this.expr());
        }
      } while (isPunct(this.c.peek(), ','));
    }
    this.c.expectPunct(')');
    return {
      kind: 'call',
      name: nameToken.value.toLowerCase(),
      nameSpan: { start: nameToken.start, end: nameToken.end },
      args,
      span: { start: nameToken.start, end: this.c.prevEnd },
    };
  }

  regexLit(t: Token): RegexLit {
    try {
      compileInsightsRegex(t.value, t.flags);
    } catch (e) {
      throw this.c.error(t, `invalid regular expression ${t.text}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { kind: 'regex', pattern: t.value, flags: t.flags ?? '', span: { start: t.start, end: t.end } };
  }
}

function spanOf(left: Expr, right: Expr): Span {
  return { start: left.span.start, end: right.span.end };
}

export function containsAggregate(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return isAggregateFunction(expr.name) || expr.args.some(containsAggregate);
    case 'unary':
      return containsAggregate(expr.operand);
    case 'binary':
      return containsAggregate(expr.left) || containsAggregate(expr.right);
    case 'like':
      return containsAggregate(expr.subject);
    case 'in':
      return containsAggregate(expr.subject) || expr.items.some(containsAggregate);
    default:
      return false;
  }
}
