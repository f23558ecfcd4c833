import type { Command, CommandName, Expr, NamedExpr, ParsedQuery, ParseCommand, SortKey, Span, StatsCommand, StringLit } from './ast';
import { COMMAND_NAMES } from './catalog';
import { isKeyword, isPunct, TokenCursor } from './cursor';
import { QuerySyntaxError } from './errors';
import { containsAggregate, ExpressionParser } from './expressions';
import type { Token } from './lexer';
import { globWildcardCount, namedGroups } from './regex';

/** Parses a Logs Insights query; throws {@link QuerySyntaxError} when it is malformed. */
export function parseQuery(text: string): ParsedQuery {
  return new CommandParser(text).parseQuery();
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

class CommandParser {
  private readonly c: TokenCursor;
  private readonly exprs: ExpressionParser;

  constructor(private readonly text: string) {
    this.c = new TokenCursor(text);
    this.exprs = new ExpressionParser(this.c);
  }

  parseQuery(): ParsedQuery {
    const commands: Command[] = [];
    for (;;) {
      commands.push(this.command());
      const t = this.c.peek();
      if (t.kind === 'eof') {
        return { text: this.text, commands };
      }
      if (!isPunct(t, '|')) {
        throw this.c.error(t);
      }
      this.c.take();
    }
  }

  private command(): Command {
    const t = this.c.take();
    const name = t.kind === 'ident' ? t.value.toLowerCase() : '';
    if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
      throw this.c.error(t);
    }
    const nameSpan: Span = { start: t.start, end: t.end };
    const base = (): { span: Span; nameSpan: Span } => ({ span: { start: t.start, end: this.c.prevEnd }, nameSpan });
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
        const condition = this.exprs.expr();
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
        const n = this.c.take();
        if (n.kind !== 'number' || !Number.isInteger(n.number) || (n.number ?? 0) < 1) {
          throw this.c.error(n);
        }
        return { command: 'limit', count: n.number ?? 0, ...base() };
      }
      case 'dedup': {
        const fields = [this.c.fieldRef()];
        while (isPunct(this.c.peek(), ',')) {
          this.c.take();
          fields.push(this.c.fieldRef());
        }
        return { command: 'dedup', fields, ...base() };
      }
      case 'pattern': {
        const source = this.exprs.expr();
        return { command: 'pattern', source, ...base() };
      }
    }
  }

  private parseCommand(start: Token, nameSpan: Span): ParseCommand {
    const first = this.c.peek(true);
    const source: Expr =
      first.kind === 'string' || first.kind === 'regex'
        ? { kind: 'field', name: '@message', span: { start: first.start, end: first.start } }
        : this.c.fieldRef();
    const p = this.c.take(true);
    if (p.kind === 'regex') {
      const pattern = this.exprs.regexLit(p);
      const fields = namedGroups(pattern.pattern);
      if (fields.length === 0) {
        throw this.c.error(p, 'parse regex needs at least one named group such as (?<name>...)');
      }
      return { command: 'parse', source, mode: 'regex', pattern, fields, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
    }
    if (p.kind !== 'string') {
      throw this.c.error(p);
    }
    const pattern: StringLit = { kind: 'string', value: p.value, span: { start: p.start, end: p.end } };
    this.c.expectKeyword('as');
    const fields = [this.c.name()];
    while (isPunct(this.c.peek(), ',')) {
      this.c.take();
      fields.push(this.c.name());
    }
    const wildcards = globWildcardCount(pattern.value);
    if (wildcards !== fields.length) {
      throw this.c.error(p, `parse pattern has ${wildcards} wildcard(s) but ${fields.length} field name(s)`);
    }
    return { command: 'parse', source, mode: 'glob', pattern, fields, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
  }

  private statsCommand(start: Token, nameSpan: Span): StatsCommand {
    const aggregates = this.namedList(true);
    for (const item of aggregates) {
      if (!containsAggregate(item.expr)) {
        throw this.c.errorAt(
          item.span.start,
          item.span.end - item.span.start,
          `stats needs an aggregate function such as count() or avg(field), found ${item.name}`,
        );
      }
    }
    let groupBy: NamedExpr[] = [];
    if (isKeyword(this.c.peek(), 'by')) {
      this.c.take();
      groupBy = this.namedList(true);
    }
    return { command: 'stats', aggregates, groupBy, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
  }

  private sortKeys(): SortKey[] {
    const keys: SortKey[] = [];
    do {
      if (keys.length > 0) {
        this.c.take();
      }
      const expr = this.exprs.expr();
      let order: 'asc' | 'desc' = 'asc';
      const t = this.c.peek();
      if (isKeyword(t, 'asc') || isKeyword(t, 'desc')) {
        order = t.value.toLowerCase() as 'asc' | 'desc';
        this.c.take();
      }
      keys.push({ expr, name: this.nameOf(expr), order, span: { start: expr.span.start, end: this.c.prevEnd } });
    } while (isPunct(this.c.peek(), ','));
    return keys;
  }

  private namedList(allowAlias: boolean): NamedExpr[] {
    const items: NamedExpr[] = [];
    do {
      if (items.length > 0) {
        this.c.take();
      }
      const expr = this.exprs.expr();
      let alias: string | undefined;
      if (allowAlias && isKeyword(this.c.peek(), 'as')) {
        this.c.take();
        alias = this.c.name();
      }
      const span = { start: expr.span.start, end: this.c.prevEnd };
      items.push(alias === undefined ? { expr, name: this.nameOf(expr), span } : { expr, alias, name: alias, span });
    } while (isPunct(this.c.peek(), ','));
    return items;
  }

  private nameOf(expr: Expr): string {
    return expr.kind === 'field' ? expr.name : this.text.slice(expr.span.start, expr.span.end);
  }
}
