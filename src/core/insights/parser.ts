import type {
  Command,
  CommandName,
  Expr,
  FieldRef,
  NamedExpr,
  ParsedQuery,
  ParseCommand,
  RegexLit,
  SortKey,
  Span,
  StatsCommand,
  StringLit,
} from './ast';
import { COMMAND_NAMES, isAggregateFunction } from './catalog';
import { QuerySyntaxError } from './errors';
import { Lexer, type Token } from './lexer';
import { compileInsightsRegex, globWildcardCount, namedGroups } from './regex';

/** Parses a Logs Insights query; throws {@link QuerySyntaxError} when it is malformed. */
export function parseQuery(text: string): ParsedQuery {
  return new Parser(text).parseQuery();
}

/** The syntax error of a query, or `undefined` when it parses. */
export function checkQuery(text: string): QuerySyntaxError | undefined {
  try {
    parseQuery(text);
    return undefined;
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      return e;
    }
    throw e;
  }
}

const COMPARISON_OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);
/** Words that cannot stand as a bare field name where a value is expected. */
const RESERVED = new Set(['and', 'or', 'not', 'like', 'in', 'as', 'by']);

class Parser {
  private readonly lx: Lexer;
  private prevEnd = 0;

  constructor(private readonly text: string) {
    this.lx = new Lexer(text);
  }

  parseQuery(): ParsedQuery {
    const commands: Command[] = [];
    for (;;) {
      commands.push(this.command());
      const t = this.lx.peek();
      if (t.kind === 'eof') {
        return { text: this.text, commands };
      }
      if (!isPunct(t, '|')) {
        throw this.lx.error(t);
      }
      this.take();
    }
  }

  private take(regexAllowed = false): Token {
    const t = this.lx.next(regexAllowed);
    this.prevEnd = t.end;
    return t;
  }

  private command(): Command {
    const t = this.take();
    const name = t.kind === 'ident' ? t.value.toLowerCase() : '';
    if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
      throw this.lx.error(t);
    }
    const nameSpan: Span = { start: t.start, end: t.end };
    const base = (): { span: Span; nameSpan: Span } => ({ span: { start: t.start, end: this.prevEnd }, nameSpan });
    switch (name as CommandName) {
      case 'fields': {
        const items = this.namedList(true);
        return { command: 'fields', items, ...base() };
      }
      case 'display': {
        const items = this.namedList(false);
        return { command: 'display', items, ...base() };
      }
      case 'filter': {
        const condition = this.expr();
        return { command: 'filter', condition, ...base() };
      }
      case 'parse':
        return this.parseCommand(t, nameSpan);
      case 'stats':
        return this.statsCommand(t, nameSpan);
      case 'sort': {
        const keys = this.sortKeys();
        return { command: 'sort', keys, ...base() };
      }
      case 'limit': {
        const n = this.take();
        if (n.kind !== 'number' || !Number.isInteger(n.number) || (n.number ?? 0) < 1) {
          throw this.lx.error(n);
        }
        return { command: 'limit', count: n.number ?? 0, ...base() };
      }
      case 'dedup': {
        const fields = [this.fieldRef()];
        while (isPunct(this.lx.peek(), ',')) {
          this.take();
          fields.push(this.fieldRef());
        }
        return { command: 'dedup', fields, ...base() };
      }
      case 'pattern': {
        const source = this.expr();
        return { command: 'pattern', source, ...base() };
      }
    }
  }

  private parseCommand(start: Token, nameSpan: Span): ParseCommand {
    const first = this.lx.peek(true);
    const source: Expr =
      first.kind === 'string' || first.kind === 'regex'
        ? { kind: 'field', name: '@message', span: { start: first.start, end: first.start } }
        : this.fieldRef();
    const p = this.take(true);
    if (p.kind === 'regex') {
      const pattern = this.regexLit(p);
      const fields = namedGroups(pattern.pattern);
      if (fields.length === 0) {
        throw this.lx.error(p, 'parse regex needs at least one named group such as (?<name>...)');
      }
      return { command: 'parse', source, mode: 'regex', pattern, fields, span: { start: start.start, end: this.prevEnd }, nameSpan };
    }
    if (p.kind !== 'string') {
      throw this.lx.error(p);
    }
    const pattern: StringLit = { kind: 'string', value: p.value, span: { start: p.start, end: p.end } };
    this.expectKeyword('as');
    const fields = [this.name()];
    while (isPunct(this.lx.peek(), ',')) {
      this.take();
      fields.push(this.name());
    }
    const wildcards = globWildcardCount(pattern.value);
    if (wildcards !== fields.length) {
      throw this.lx.error(p, `parse pattern has ${wildcards} wildcard(s) but ${fields.length} field name(s)`);
    }
    return { command: 'parse', source, mode: 'glob', pattern, fields, span: { start: start.start, end: this.prevEnd }, nameSpan };
  }

  private statsCommand(start: Token, nameSpan: Span): StatsCommand {
    const aggregates = this.namedList(true);
    for (const item of aggregates) {
      if (!containsAggregate(item.expr)) {
        throw this.lx.errorAt(
          item.span.start,
          item.span.end - item.span.start,
          `stats needs an aggregate function such as count() or avg(field), found ${item.name}`,
        );
      }
    }
    let groupBy: NamedExpr[] = [];
    if (isKeyword(this.lx.peek(), 'by')) {
      this.take();
      groupBy = this.namedList(true);
    }
    return { command: 'stats', aggregates, groupBy, span: { start: start.start, end: this.prevEnd }, nameSpan };
  }

  private sortKeys(): SortKey[] {
    const keys: SortKey[] = [];
    do {
      if (keys.length > 0) {
        this.take();
      }
      const expr = this.expr();
      let order: 'asc' | 'desc' = 'asc';
      const t = this.lx.peek();
      if (isKeyword(t, 'asc') || isKeyword(t, 'desc')) {
        order = t.value.toLowerCase() as 'asc' | 'desc';
        this.take();
      }
      keys.push({ expr, name: this.nameOf(expr), order, span: { start: expr.span.start, end: this.prevEnd } });
    } while (isPunct(this.lx.peek(), ','));
    return keys;
  }

  private namedList(allowAlias: boolean): NamedExpr[] {
    const items: NamedExpr[] = [];
    do {
      if (items.length > 0) {
        this.take();
      }
      const expr = this.expr();
      let alias: string | undefined;
      if (allowAlias && isKeyword(this.lx.peek(), 'as')) {
        this.take();
        alias = this.name();
      }
      const span = { start: expr.span.start, end: this.prevEnd };
      items.push(alias === undefined ? { expr, name: this.nameOf(expr), span } : { expr, alias, name: alias, span });
    } while (isPunct(this.lx.peek(), ','));
    return items;
  }

  private nameOf(expr: Expr): string {
    return expr.kind === 'field' ? expr.name : this.text.slice(expr.span.start, expr.span.end);
  }

  private name(): string {
    const t = this.take();
    if ((t.kind === 'ident' && !RESERVED.has(t.value.toLowerCase())) || t.kind === 'quotedIdent') {
      return t.value;
    }
    throw this.lx.error(t);
  }

  private fieldRef(): FieldRef {
    const t = this.take();
    if ((t.kind === 'ident' && !RESERVED.has(t.value.toLowerCase())) || t.kind === 'quotedIdent') {
      return { kind: 'field', name: t.value, span: { start: t.start, end: t.end } };
    }
    throw this.lx.error(t);
  }

  private expectKeyword(word: string): void {
    const t = this.take();
    if (!isKeyword(t, word)) {
      throw this.lx.error(t);
    }
  }

  private expectPunct(p: string): void {
    const t = this.take();
    if (!isPunct(t, p)) {
      throw this.lx.error(t);
    }
  }

  expr(): Expr {
    let left = this.andExpr();
    while (isKeyword(this.lx.peek(), 'or')) {
      this.take();
      const right = this.andExpr();
      left = { kind: 'binary', op: 'or', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private andExpr(): Expr {
    let left = this.notExpr();
    while (isKeyword(this.lx.peek(), 'and')) {
      this.take();
      const right = this.notExpr();
      left = { kind: 'binary', op: 'and', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private notExpr(): Expr {
    const t = this.lx.peek();
    if (isKeyword(t, 'not')) {
      this.take();
      const operand = this.notExpr();
      return { kind: 'unary', op: 'not', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive();
    const t = this.lx.peek();
    if (t.kind === 'op' && COMPARISON_OPS.has(t.value)) {
      this.take();
      const right = this.additive();
      return { kind: 'binary', op: t.value as '=', left, right, span: spanOf(left, right) };
    }
    if ((t.kind === 'op' && t.value === '=~') || isKeyword(t, 'like')) {
      this.take();
      return this.likeRest(left, false);
    }
    if (isKeyword(t, 'in')) {
      this.take();
      return this.inRest(left, false);
    }
    if (isKeyword(t, 'not')) {
      this.take();
      const after = this.take();
      if (isKeyword(after, 'like')) {
        return this.likeRest(left, true);
      }
      if (isKeyword(after, 'in')) {
        return this.inRest(left, true);
      }
      throw this.lx.error(after);
    }
    return left;
  }

  private likeRest(subject: Expr, negated: boolean): Expr {
    const p = this.take(true);
    let pattern: RegexLit | StringLit;
    if (p.kind === 'regex') {
      pattern = this.regexLit(p);
    } else if (p.kind === 'string') {
      pattern = { kind: 'string', value: p.value, span: { start: p.start, end: p.end } };
    } else {
      throw this.lx.error(p);
    }
    return { kind: 'like', negated, subject, pattern, span: { start: subject.span.start, end: p.end } };
  }

  private inRest(subject: Expr, negated: boolean): Expr {
    this.expectPunct('[');
    const items = [this.additive()];
    while (isPunct(this.lx.peek(), ',')) {
      this.take();
      items.push(this.additive());
    }
    this.expectPunct(']');
    return { kind: 'in', negated, subject, items, span: { start: subject.span.start, end: this.prevEnd } };
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.lx.peek(); t.kind === 'op' && (t.value === '+' || t.value === '-'); t = this.lx.peek()) {
      this.take();
      const right = this.multiplicative();
      left = { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.power();
    for (let t = this.lx.peek(); t.kind === 'op' && (t.value === '*' || t.value === '/' || t.value === '%'); t = this.lx.peek()) {
      this.take();
      const right = this.power();
      left = { kind: 'binary', op: t.value, left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private power(): Expr {
    const left = this.unary();
    const t = this.lx.peek();
    if (t.kind === 'op' && t.value === '^') {
      this.take();
      const right = this.power();
      return { kind: 'binary', op: '^', left, right, span: spanOf(left, right) };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.lx.peek(true);
    if (t.kind === 'op' && t.value === '-') {
      this.take();
      const operand = this.unary();
      return { kind: 'unary', op: '-', operand, span: { start: t.start, end: operand.span.end } };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.take(true);
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
          this.expectPunct(')');
          return { ...inner, span: { start: t.start, end: this.prevEnd } };
        }
        break;
      case 'ident':
        if (RESERVED.has(t.value.toLowerCase())) {
          break;
        }
        if (isPunct(this.lx.peek(), '(')) {
          return this.callRest(t);
        }
        return { kind: 'field', name: t.value, span };
      default:
        break;
    }
    throw this.lx.error(t);
  }

  private callRest(nameToken: Token): Expr {
    this.take();
    const args: Expr[] = [];
    if (!isPunct(this.lx.peek(), ')')) {
      do {
        if (args.length > 0) {
          this.take();
        }
        const t = this.lx.peek(true);
        if (t.kind === 'op' && t.value === '*') {
          this.take();
          args.push({ kind: 'star', span: { start: t.start, end: t.end } });
        } else {
          args.push(this.expr());
        }
      } while (isPunct(this.lx.peek(), ','));
    }
    this.expectPunct(')');
    return {
      kind: 'call',
      name: nameToken.value.toLowerCase(),
      nameSpan: { start: nameToken.start, end: nameToken.end },
      args,
      span: { start: nameToken.start, end: this.prevEnd },
    };
  }

  private regexLit(t: Token): RegexLit {
    try {
      compileInsightsRegex(t.value, t.flags);
    } catch (e) {
      throw this.lx.error(t, `invalid regular expression ${t.text}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { kind: 'regex', pattern: t.value, flags: t.flags ?? '', span: { start: t.start, end: t.end } };
  }
}

function isPunct(t: Token, p: string): boolean {
  return t.kind === 'punct' && t.value === p;
}

function isKeyword(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.value.toLowerCase() === word;
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
