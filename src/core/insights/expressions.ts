import type { ComparisonOp, Expr, ParsedQuery, RegexLit, Span, StringLit } from './ast';
import { isAggregateFunction } from './catalog';
import { isKeyword, isPunct, isReserved, MAX_DEPTH, type TokenCursor } from './cursor';
import type { Token } from './lexer';
import { compileInsightsRegex } from './regex';

const COMPARISON_OPS: ReadonlySet<string> = new Set<ComparisonOp>(['=', '==', '!=', '<', '<=', '>', '>=']);
/** Chains such as `a or b or …` build trees as deep as they are long; evaluation recurses that deep. */
const MAX_TREE_DEPTH = MAX_DEPTH * 2;

/** Parses the pipeline of a subquery up to its closing parenthesis (left for the caller). */
export type SubqueryParser = () => ParsedQuery;

/**
 * Precedence, loosest first: `or`, `and`, `not`, comparisons (`=`, `like`, `in`, …),
 * `+ -`, `* / %`, `^`, unary `-`.
 */
export class ExpressionParser {
  private readonly depths = new WeakMap<Expr, number>();

  constructor(
    private readonly c: TokenCursor,
    private readonly subquery?: SubqueryParser,
  ) {}

  expr(): Expr {
    return this.c.nested(this.c.peek(), () => {
      let left = this.andExpr();
      while (isKeyword(this.c.peek(), 'or')) {
        const op = this.c.take();
        const right = this.andExpr();
        left = this.deep(op, { kind: 'binary', op: 'or', left, right, span: spanOf(left, right) });
      }
      return left;
    });
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (isKeyword(this.c.peek(), 'and')) {
      const op = this.c.take();
      const right = this.notExpr();
      left = this.deep(op, { kind: 'binary', op: 'and', left, right, span: spanOf(left, right) });
    }
    return left;
  }

  private notExpr(): Expr {
    const t = this.c.peek();
    if (isKeyword(t, 'not') || (t.kind === 'op' && t.value === '!')) {
      this.c.take();
      const operand = this.c.nested(t, () => this.notExpr());
      return this.deep(t, { kind: 'unary', op: 'not', operand, span: { start: t.start, end: operand.span.end } });
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.c.peek();
    if (t.kind === 'op' && COMPARISON_OPS.has(t.value)) {
      this.c.take();
      const right = this.additive();
      return this.deep(t, { kind: 'binary', op: t.value as ComparisonOp, left, right, span: spanOf(left, right) });
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
    const open = this.c.peek();
    if (isPunct(open, '(') && this.subquery) {
      this.c.take();
      const subquery = this.c.nested(open, () => this.subquery?.() as ParsedQuery);
      this.c.expectPunct(')');
      return { kind: 'in', negated, subject, items: [], subquery, span: { start: subject.span.start, end: this.c.prevEnd } };
    }
    this.c.expectPunct('[');
    const items: Expr[] = [];
    if (!isPunct(this.c.peek(), ']')) {
      items.push(this.additive());
      while (isPunct(this.c.peek(), ',')) {
        this.c.take();
        items.push(this.additive());
      }
    }
    this.c.expectPunct(']');
    return { kind: 'in', negated, subject, items, span: { start: subject.span.start, end: this.c.prevEnd } };
  }

  additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.c.peek(); t.kind === 'op' && (t.value === '+' || t.value === '-'); t = this.c.peek()) {
      this.c.take();
      const right = this.multiplicative();
      left = this.deep(t, { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) });
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.power();
    for (let t = this.c.peek(); t.kind === 'op' && (t.value === '*' || t.value === '/' || t.value === '%'); t = this.c.peek()) {
      this.c.take();
      const right = this.power();
      left = this.deep(t, { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) });
    }
    return left;
  }

  private power(): Expr {
    const left = this.unary();
    const t = this.c.peek();
    if (t.kind === 'op' && t.value === '^') {
      this.c.take();
      const right = this.c.nested(t, () => this.power());
      return this.deep(t, { kind: 'binary', op: '^', left, right, span: spanOf(left, right) });
    }
    return left;
  }

  private unary(): Expr {
    const t = this.c.peek(true);
    if (t.kind === 'op' && t.value === '-') {
      this.c.take();
      const operand = this.c.nested(t, () => this.unary());
      return this.deep(t, { kind: 'unary', op: '-', operand, span: { start: t.start, end: operand.span.end } });
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
          return this.deep(t, { ...inner, span: { start: t.start, end: this.c.prevEnd } });
        }
        break;
      case 'ident':
        if (isReserved(t)) {
          break;
        }
        if (!t.value.includes('.') && isPunct(this.c.peek(), '(')) {
          return this.c.nested(t, () => this.callRest(t));
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
    const call: Expr = {
      kind: 'call',
      name: nameToken.value.toLowerCase(),
      nameSpan: { start: nameToken.start, end: nameToken.end },
      args,
      span: { start: nameToken.start, end: this.c.prevEnd },
    };
    return this.deep(nameToken, call);
  }

  regexLit(t: Token): RegexLit {
    try {
      compileInsightsRegex(t.value, t.flags);
    } catch (e) {
      throw this.c.error(t, `regular expression ${t.text} is not one Ops Lens can run: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { kind: 'regex', pattern: t.value, flags: t.flags ?? '', span: { start: t.start, end: t.end } };
  }

  /** Records how deep the tree under a node is, and refuses trees too deep to evaluate. */
  private deep(at: Token, expr: Expr): Expr {
    let depth = 1;
    for (const child of childrenOf(expr)) {
      depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    }
    if (depth > MAX_TREE_DEPTH) {
      throw this.c.error(at, `expression nested deeper than ${MAX_TREE_DEPTH} levels`);
    }
    this.depths.set(expr, depth);
    return expr;
  }
}

function childrenOf(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'binary':
      return [expr.left, expr.right];
    case 'unary':
      return [expr.operand];
    case 'call':
      return expr.args;
    case 'like':
      return [expr.subject];
    case 'in':
      return [expr.subject, ...expr.items];
    default:
      return [];
  }
}

function spanOf(left: Expr, right: Expr): Span {
  return { start: left.span.start, end: right.span.end };
}

export function containsAggregate(expr: Expr): boolean {
  if (expr.kind === 'call' && isAggregateFunction(expr.name)) {
    return true;
  }
  return childrenOf(expr).some(containsAggregate);
}

/** Every node of an expression, iteratively (trees are at most {@link MAX_TREE_DEPTH} deep, but lists can be long). */
export function walkExpr(root: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    visit(e);
    stack.push(...childrenOf(e));
  }
}
