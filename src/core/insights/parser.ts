import type {
  Command,
  CommandOptions,
  DiffPeriod,
  DurationLit,
  Expr,
  LogGroupSelector,
  NamedExpr,
  ParsedQuery,
  ParseCommand,
  QueryAnalysis,
  QueryFinding,
  SortKey,
  SourceCommand,
  Span,
  StatsCommand,
  StringLit,
  UnknownCommand,
} from './ast';
import { commandInfo, functionInfo } from './catalog';
import { isKeyword, isPunct, TokenCursor } from './cursor';
import { LineIndex, QuerySyntaxError } from './errors';
import { containsAggregate, ExpressionParser, walkExpr } from './expressions';
import type { Token } from './lexer';
import { globWildcardCount, namedGroups } from './regex';

export const NOT_KNOWN = 'is not known to Ops Lens; Logs Insights decides when the query runs';
/** Words after which `/` starts a regular expression rather than a division. */
const REGEX_AFTER: ReadonlySet<string> = new Set(['like', 'and', 'or', 'not', 'in', 'filter', 'parse', 'filterindex']);
const DIFF_PERIODS: ReadonlyMap<string, DiffPeriod> = new Map([
  ['previousday', 'previousDay'],
  ['previousweek', 'previousWeek'],
  ['previousmonth', 'previousMonth'],
]);

/**
 * What the local check makes of a query. It never refuses one: commands and forms it does not know
 * become warnings (and `unknown` commands); only text that no version of the language could accept
 * (an unclosed string, regex or parenthesis) is an error.
 */
export function analyzeQuery(text: string): QueryAnalysis {
  return new CommandParser(text).analyze();
}

/** Parses a query that Ops Lens fully understands; throws {@link QuerySyntaxError} at its first finding. */
export function parseQuery(text: string): ParsedQuery {
  const analysis = analyzeQuery(text);
  const first = analysis.findings[0];
  if (first) {
    throw findingError(first);
  }
  return analysis.query;
}

/** The first finding of a query as an error, or `undefined` when Ops Lens understands all of it. */
export function checkQuery(text: string): QuerySyntaxError | undefined {
  const first = analyzeQuery(text).findings[0];
  return first ? findingError(first) : undefined;
}

/** The output-channel line for a query Logs Insights ran although the local check flagged it; undefined when nothing was flagged. */
export function acceptedDespiteFindings(queryName: string, findings: readonly QueryFinding[]): string | undefined {
  if (findings.length === 0) return undefined;
  const constructs = [...new Set(findings.map((f) => `${f.construct} (line ${f.line})`))].join(', ');
  return `Logs Insights accepted "${queryName}", which the local check flagged: ${constructs}`;
}

function findingError(f: QueryFinding & { detail?: string }): QuerySyntaxError {
  return new QuerySyntaxError(f.detail ?? f.message, f.line, f.column, f.offset, f.length, f.severity === 'error');
}

class CommandParser {
  private readonly c: TokenCursor;
  private readonly exprs: ExpressionParser;
  private readonly lines: LineIndex;
  private readonly findings: (QueryFinding & { detail: string })[] = [];
  private readonly unknown: UnknownCommand[] = [];

  constructor(private readonly text: string) {
    this.c = new TokenCursor(text);
    this.exprs = new ExpressionParser(this.c, () => this.pipeline(true));
    this.lines = new LineIndex(text);
  }

  analyze(): QueryAnalysis {
    let query: ParsedQuery = { text: this.text, commands: [] };
    try {
      query = this.pipeline(false);
      const t = this.c.peek();
      if (t.kind !== 'eof') {
        throw this.c.errorAt(t.start, 1, `unmatched ${t.text}`, true);
      }
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) {
        throw e;
      }
      this.addFinding('error', e, e.detail, e.detail);
    }
    this.checkFunctions(query);
    this.findings.sort((a, b) => a.offset - b.offset);
    return { query, unknown: this.unknown, findings: this.findings };
  }

  /** Commands separated by `|`, up to the end (or, in a subquery, up to its closing parenthesis). */
  private pipeline(nested: boolean): ParsedQuery {
    const commands: Command[] = [];
    const start = this.c.peek().start;
    for (;;) {
      const command = this.commandOrSkip(nested);
      if (command) {
        commands.push(command);
      }
      const t = this.c.peek();
      if (!isPunct(t, '|')) {
        this.checkAfterDedup(commands);
        this.checkAliases(commands);
        return { text: this.text.slice(start, this.c.prevEnd), commands };
      }
      this.c.take();
    }
  }

  private atCommandEnd(t: Token, nested: boolean): boolean {
    return t.kind === 'eof' || isPunct(t, '|') || (nested && isPunct(t, ')'));
  }

  /** A command, or — when Ops Lens does not know it or its form — a warning and the text skipped to its end. */
  private commandOrSkip(nested: boolean): Command | undefined {
    const mark = this.c.mark();
    const first = this.c.peek();
    try {
      const command = this.command(nested);
      const t = this.c.peek();
      if (!this.atCommandEnd(t, nested)) {
        throw this.c.error(t);
      }
      return command;
    } catch (e) {
      if (!(e instanceof QuerySyntaxError) || e.fatal) {
        throw e;
      }
      this.c.reset(mark);
      const end = this.skipCommand(nested);
      const name = first.kind === 'ident' ? first.value : first.text;
      const known = commandInfo(name);
      const construct = known ? `this form of ${known.label}` : first.kind === 'ident' ? `command ${name}` : `text ${first.text}`;
      this.addFinding('warning', e, `${construct} ${NOT_KNOWN} (${e.detail})`, e.detail, construct);
      this.unknown.push({
        command: 'unknown',
        name,
        text: this.text.slice(first.start, end),
        span: { start: first.start, end },
        nameSpan: { start: first.start, end: first.end },
      });
      return undefined;
    }
  }

  /**
   * Moves past a command without understanding it: to the next `|` outside parentheses and brackets.
   * Unclosed parentheses, strings and regexes are errors; unreadable characters are skipped.
   */
  private skipCommand(nested: boolean): number {
    const open: Token[] = [];
    let regexAllowed = true;
    let end = this.c.peek().start;
    for (;;) {
      let t: Token;
      try {
        t = this.c.peek(regexAllowed);
      } catch (e) {
        if (e instanceof QuerySyntaxError && !e.fatal) {
          this.c.seek(e.offset + Math.max(1, e.length));
          continue;
        }
        throw e;
      }
      if (t.kind === 'eof') {
        const unclosed = open[open.length - 1];
        if (unclosed) {
          throw this.c.errorAt(unclosed.start, 1, `unclosed ${unclosed.text}`, true);
        }
        return end;
      }
      if (open.length === 0 && (isPunct(t, '|') || (nested && isPunct(t, ')')))) {
        return end;
      }
      if (isPunct(t, '(') || isPunct(t, '[')) {
        open.push(t);
      } else if (isPunct(t, ')') || isPunct(t, ']')) {
        const last = open.pop();
        if (!last || (last.value === '(') !== (t.value === ')')) {
          throw this.c.errorAt(t.start, 1, `unmatched ${t.text}`, true);
        }
      }
      this.c.take(regexAllowed);
      end = t.end;
      regexAllowed = REGEX_AFTER.has(t.value.toLowerCase()) || !(t.kind === 'ident' || t.kind === 'quotedIdent' || t.kind === 'number' || t.kind === 'duration' || t.kind === 'string' || isPunct(t, ')') || isPunct(t, ']'));
    }
  }

  private command(nested: boolean): Command {
    const t = this.c.take();
    const info = t.kind === 'ident' ? commandInfo(t.value) : undefined;
    if (!info) {
      throw this.c.error(t);
    }
    const nameSpan: Span = { start: t.start, end: t.end };
    const base = (): { span: Span; nameSpan: Span } => ({ span: { start: t.start, end: this.c.prevEnd }, nameSpan });
    switch (info.name) {
      case 'fields':
        return { command: 'fields', items: this.namedList(), ...base() };
      case 'display':
        return { command: 'display', items: this.namedList(), ...base() };
      case 'filter':
        return { command: 'filter', condition: this.exprs.expr(), ...base() };
      case 'filterindex':
        return { command: 'filterindex', condition: this.exprs.expr(), ...base() };
      case 'parse':
        return this.parseCommand(t, nameSpan);
      case 'stats':
        return this.statsCommand(t, nameSpan);
      case 'sort': {
        if (isKeyword(this.c.peek(), 'by')) {
          this.c.take();
        }
        return { command: 'sort', keys: this.sortKeys(), ...base() };
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
        const options = this.commandOptions(nested);
        return { command: 'pattern', source, ...(options ? { options } : {}), ...base() };
      }
      case 'anomaly': {
        const options = this.commandOptions(nested);
        return { command: 'anomaly', ...(options ? { options } : {}), ...base() };
      }
      case 'diff': {
        const p = this.c.peek();
        let period: DiffPeriod = 'previous';
        if (p.kind === 'ident' && DIFF_PERIODS.has(p.value.toLowerCase())) {
          this.c.take();
          period = DIFF_PERIODS.get(p.value.toLowerCase()) ?? 'previous';
        }
        return { command: 'diff', period, ...base() };
      }
      case 'unmask': {
        const fields: Expr[] = [];
        while (!this.atCommandEnd(this.c.peek(), nested)) {
          if (fields.length > 0) {
            this.c.expectPunct(',');
          }
          fields.push(this.exprs.expr());
        }
        return { command: 'unmask', fields, ...base() };
      }
      case 'unnest': {
        const source = this.exprs.expr();
        this.c.expectKeyword('into');
        const into = this.c.name();
        return { command: 'unnest', source, into, ...base() };
      }
      case 'source':
        return this.sourceCommand(t, nameSpan, nested);
      case 'lookup':
        return this.lookupCommand(t, nameSpan);
      case 'join':
        return this.joinCommand(t, nameSpan);
      default:
        throw this.c.error(t, `unknown command ${t.value}`);
    }
  }

  /** `name=value` arguments up to the end of the command; undefined when there are none. */
  private commandOptions(nested: boolean): CommandOptions | undefined {
    const options: Record<string, Expr> = {};
    let any = false;
    while (!this.atCommandEnd(this.c.peek(), nested)) {
      if (any && isPunct(this.c.peek(), ',')) {
        this.c.take();
      }
      const name = this.c.take();
      const eq = this.c.take();
      if (name.kind !== 'ident' || eq.kind !== 'op' || eq.value !== '=') {
        throw this.c.error(name.kind === 'ident' ? eq : name);
      }
      options[name.value] = this.exprs.additive();
      any = true;
    }
    return any ? options : undefined;
  }

  private parseCommand(start: Token, nameSpan: Span): ParseCommand {
    const first = this.c.peek(true);
    const defaultSource = (at: Token): Expr => ({ kind: 'field', name: '@message', span: { start: at.start, end: at.start } });
    const source: Expr = first.kind === 'string' || first.kind === 'regex' || this.atParseMode(first) ? defaultSource(first) : this.c.fieldRef();
    const span = (): Span => ({ start: start.start, end: this.c.prevEnd });
    const mode = this.c.peek(true);
    if (this.atParseMode(mode)) {
      this.c.take();
      const kind = mode.value.toLowerCase() as 'logfmt' | 'csv';
      const fields = isKeyword(this.c.peek(), 'as') ? (this.c.take(), this.nameList()) : [];
      if (kind === 'logfmt' && fields.length > 1) {
        this.warnSpan(span(), 'parse logfmt takes one name, for the map of its pairs', 'parse logfmt names');
      }
      return { command: 'parse', source, mode: kind, fields, span: span(), nameSpan };
    }
    const p = this.c.take(true);
    if (p.kind === 'regex') {
      const pattern = this.exprs.regexLit(p);
      const fields = namedGroups(pattern.pattern);
      if (fields.length === 0) {
        this.warnAt(p, 'parse regex needs at least one named group such as (?<name>...)', 'parse regex without named groups');
      }
      const multi = isKeyword(this.c.peek(), 'multi');
      if (multi) {
        this.c.take();
      }
      return { command: 'parse', source, mode: 'regex', pattern, fields, ...(multi ? { multi } : {}), span: span(), nameSpan };
    }
    if (p.kind !== 'string') {
      throw this.c.error(p);
    }
    const pattern: StringLit = { kind: 'string', value: p.value, span: { start: p.start, end: p.end } };
    this.c.expectKeyword('as');
    const fields = this.nameList();
    const wildcards = globWildcardCount(pattern.value);
    if (wildcards !== fields.length) {
      this.warnAt(p, `parse pattern has ${wildcards} wildcard(s) but ${fields.length} field name(s)`, 'parse pattern');
    }
    return { command: 'parse', source, mode: 'glob', pattern, fields, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
  }

  /** `logfmt` or `csv` where parse expects its pattern (a field of that name is read when a pattern or a mode follows it). */
  private atParseMode(t: Token): boolean {
    if (!(isKeyword(t, 'logfmt') || isKeyword(t, 'csv'))) {
      return false;
    }
    const mark = this.c.mark();
    this.c.take();
    const next = this.c.peek(true);
    this.c.reset(mark);
    return next.kind !== 'string' && next.kind !== 'regex' && !isKeyword(next, 'logfmt') && !isKeyword(next, 'csv');
  }

  private nameList(): string[] {
    const names = [this.c.name()];
    while (isPunct(this.c.peek(), ',')) {
      this.c.take();
      names.push(this.c.name());
    }
    return names;
  }

  private statsCommand(start: Token, nameSpan: Span): StatsCommand {
    const aggregates = this.namedList();
    const earlier = new Set<string>();
    for (const item of aggregates) {
      if (!containsAggregate(item.expr) && !refersOnlyTo(item.expr, earlier)) {
        this.warnSpan(item.span, `stats needs an aggregate function such as count() or avg(field), found ${item.name}`, `stats item ${item.name}`);
      }
      earlier.add(item.name);
    }
    let groupBy: NamedExpr[] = [];
    let binOffset: DurationLit | undefined;
    if (isKeyword(this.c.peek(), 'by')) {
      this.c.take();
      groupBy = this.namedList(() => {
        if (isKeyword(this.c.peek(), 'offset')) {
          this.c.take();
          const d = this.c.take();
          if (d.kind !== 'duration') {
            throw this.c.error(d);
          }
          binOffset = { kind: 'duration', amount: d.number ?? 0, unit: d.unit ?? 'ms', text: d.text, span: { start: d.start, end: d.end } };
        }
      });
    }
    const span = { start: start.start, end: this.c.prevEnd };
    return binOffset ? { command: 'stats', aggregates, groupBy, binOffset, span, nameSpan } : { command: 'stats', aggregates, groupBy, span, nameSpan };
  }

  private sourceCommand(start: Token, nameSpan: Span, nested: boolean): SourceCommand {
    const logGroups: string[] = [];
    const selectors: LogGroupSelector[] = [];
    const options: Record<string, Expr> = {};
    while (!this.atCommandEnd(this.c.peek(), nested)) {
      const t = this.c.take();
      if (isPunct(t, ',')) {
        continue;
      }
      if (t.kind === 'string') {
        logGroups.push(t.value);
      } else if (t.kind === 'ident' && isKeyword(t, 'loggroups') && isPunct(this.c.peek(), '(')) {
        selectors.push(this.logGroupSelector());
      } else if ((t.kind === 'ident' || t.kind === 'quotedIdent') && this.c.peek().kind === 'op' && this.c.peek().value === '=') {
        this.c.take();
        options[t.value.toLowerCase()] = this.exprs.additive();
      } else if (t.kind === 'ident' || t.kind === 'quotedIdent') {
        logGroups.push(t.value);
      } else {
        throw this.c.error(t);
      }
    }
    if (logGroups.length === 0 && selectors.length === 0) {
      throw this.c.error(this.c.peek(), 'SOURCE needs log groups or logGroups(…)');
    }
    return { command: 'source', logGroups, selectors, options, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
  }

  private logGroupSelector(): LogGroupSelector {
    this.c.expectPunct('(');
    const values: Record<string, string[]> = {};
    while (!isPunct(this.c.peek(), ')')) {
      if (Object.keys(values).length > 0) {
        this.c.expectPunct(',');
      }
      const key = this.c.take();
      if (key.kind !== 'ident') {
        throw this.c.error(key);
      }
      this.c.expectPunct(':');
      values[key.value.toLowerCase()] = this.stringList();
    }
    this.c.expectPunct(')');
    return {
      namePrefix: values['nameprefix'] ?? [],
      classes: values['class'] ?? values['loggroupclass'] ?? [],
      accountIdentifiers: values['accountidentifiers'] ?? values['accountidentifier'] ?? [],
    };
  }

  /** `['a', 'b']`, `'a'` or a bare word. */
  private stringList(): string[] {
    const t = this.c.take();
    if (t.kind === 'string' || t.kind === 'ident') {
      return [t.value];
    }
    if (!isPunct(t, '[')) {
      throw this.c.error(t);
    }
    const items: string[] = [];
    while (!isPunct(this.c.peek(), ']')) {
      if (items.length > 0) {
        this.c.expectPunct(',');
      }
      const item = this.c.take();
      if (item.kind !== 'string' && item.kind !== 'ident') {
        throw this.c.error(item);
      }
      items.push(item.value);
    }
    this.c.take();
    return items;
  }

  private lookupCommand(start: Token, nameSpan: Span): Command {
    const table = this.c.take();
    if (table.kind !== 'ident' && table.kind !== 'string' && table.kind !== 'quotedIdent') {
      throw this.c.error(table);
    }
    const keys: { tableField: string; logField: string }[] = [];
    let mode: 'output' | 'outputnew' | undefined;
    while (mode === undefined) {
      if (keys.length > 0 && isPunct(this.c.peek(), ',')) {
        this.c.take();
      }
      const tableField = this.c.name();
      let logField = tableField;
      if (isKeyword(this.c.peek(), 'as')) {
        this.c.take();
        logField = this.c.name();
      }
      keys.push({ tableField, logField });
      const next = this.c.peek();
      if (isKeyword(next, 'output') || isKeyword(next, 'outputnew')) {
        this.c.take();
        mode = next.value.toLowerCase() as 'output' | 'outputnew';
      } else if (!isPunct(next, ',')) {
        throw this.c.error(next);
      }
    }
    const outputs = [this.c.name()];
    while (isPunct(this.c.peek(), ',')) {
      this.c.take();
      outputs.push(this.c.name());
    }
    return { command: 'lookup', table: table.value, keys, mode, outputs, span: { start: start.start, end: this.c.prevEnd }, nameSpan };
  }

  private joinCommand(start: Token, nameSpan: Span): Command {
    const options: Record<string, string> = {};
    for (let t = this.c.take(); !isKeyword(t, 'where'); t = this.c.take()) {
      if (t.kind !== 'ident') {
        throw this.c.error(t);
      }
      const eq = this.c.take();
      if (eq.kind !== 'op' || eq.value !== '=') {
        throw this.c.error(eq);
      }
      const value = this.c.take();
      if (value.kind !== 'ident' && value.kind !== 'string') {
        throw this.c.error(value);
      }
      options[t.value.toLowerCase()] = value.value;
    }
    const condition = this.exprs.expr();
    const open = this.c.peek();
    this.c.expectPunct('(');
    const subquery = this.c.nested(open, () => this.pipeline(true));
    this.c.expectPunct(')');
    return {
      command: 'join',
      type: (options['type'] ?? 'inner').toLowerCase(),
      left: options['left'] ?? '',
      right: options['right'] ?? '',
      condition,
      subquery,
      span: { start: start.start, end: this.c.prevEnd },
      nameSpan,
    };
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

  private namedList(afterItem?: () => void): NamedExpr[] {
    const items: NamedExpr[] = [];
    do {
      if (items.length > 0) {
        this.c.take();
      }
      const expr = this.exprs.expr();
      let alias: string | undefined;
      if (isKeyword(this.c.peek(), 'as')) {
        this.c.take();
        alias = this.c.name();
      }
      const span = { start: expr.span.start, end: this.c.prevEnd };
      items.push(alias === undefined ? { expr, name: this.nameOf(expr), span } : { expr, alias, name: alias, span });
      afterItem?.();
    } while (isPunct(this.c.peek(), ','));
    return items;
  }

  private nameOf(expr: Expr): string {
    return expr.kind === 'field' ? expr.name : this.text.slice(expr.span.start, expr.span.end);
  }

  /** Functions Ops Lens does not know are warnings: Logs Insights may have added them. */
  private checkFunctions(query: ParsedQuery): void {
    forEachExpr(query, (e) => {
      if (e.kind === 'call' && !functionInfo(e.name)) {
        const name = this.text.slice(e.nameSpan.start, e.nameSpan.end);
        const construct = `function ${name}()`;
        this.pushFinding('warning', e.nameSpan.start, e.nameSpan.end - e.nameSpan.start, `${construct} ${NOT_KNOWN}`, `unknown function ${name}`, construct);
      }
    });
  }

  /** Logs Insights documents `limit` as the only command allowed after `dedup`. */
  private checkAfterDedup(commands: readonly Command[]): void {
    const dedup = commands.findIndex((c) => c.command === 'dedup');
    for (const cmd of dedup < 0 ? [] : commands.slice(dedup + 1)) {
      if (cmd.command !== 'limit') {
        this.warnSpan(cmd.nameSpan, `only limit may follow dedup, found ${cmd.command}`, `${cmd.command} after dedup`);
      }
    }
  }

  /**
   * The two alias rules Logs Insights applies when it compiles a query: an alias may not shadow a field that an
   * earlier `fields` or `display` projected, and a later command may not define an alias again. Each is a warning
   * here (the query is still sent); `stats` starts its rows, and so its names, afresh.
   */
  private checkAliases(commands: readonly Command[]): void {
    const projected = new Set<string>();
    const aliases = new Set<string>();
    for (const cmd of commands) {
      if (cmd.command === 'stats') {
        projected.clear();
        aliases.clear();
        continue;
      }
      if (cmd.command !== 'fields' && cmd.command !== 'display') {
        continue;
      }
      const defined: string[] = [];
      for (const item of cmd.items) {
        if (item.alias === undefined) {
          projected.add(item.name);
        } else if (aliases.has(item.alias)) {
          this.warnSpan(item.span, `${item.alias} is already an alias of an earlier command, and Logs Insights refuses an alias defined again; choose another name`, 'alias defined again');
        } else if (projected.has(item.alias)) {
          this.warnSpan(item.span, `the alias ${item.alias} shadows the field ${item.alias} projected earlier, which Logs Insights refuses; choose another name or leave ${item.alias} out of the earlier fields`, 'alias shadowing a projected field');
        } else {
          defined.push(item.alias);
        }
      }
      for (const alias of defined) aliases.add(alias);
    }
  }

  private warnAt(t: Token, detail: string, construct: string): void {
    this.pushFinding('warning', t.start, Math.max(1, t.end - t.start), `${detail}; Logs Insights decides when the query runs`, detail, construct);
  }

  private warnSpan(span: Span, detail: string, construct: string): void {
    this.pushFinding('warning', span.start, Math.max(1, span.end - span.start), `${detail}; Logs Insights decides when the query runs`, detail, construct);
  }

  private addFinding(severity: 'error' | 'warning', e: QuerySyntaxError, message: string, detail: string, construct = e.detail): void {
    this.pushFinding(severity, e.offset, e.length, message, detail, construct);
  }

  private pushFinding(severity: 'error' | 'warning', offset: number, length: number, message: string, detail: string, construct: string): void {
    const { line, column } = this.lines.positionAt(offset);
    this.findings.push({ severity, message, detail, construct, offset, length, line, column });
  }
}

function refersOnlyTo(expr: Expr, names: ReadonlySet<string>): boolean {
  let ok = names.size > 0;
  walkExpr(expr, (e) => {
    if (e.kind === 'field' && !names.has(e.name)) {
      ok = false;
    }
  });
  return ok;
}

/** Every expression of a query and of its subqueries, iteratively. */
export function forEachExpr(query: ParsedQuery, visit: (e: Expr) => void): void {
  const queries: ParsedQuery[] = [query];
  for (let q = queries.pop(); q !== undefined; q = queries.pop()) {
    for (const cmd of q.commands) {
      for (const root of exprsOf(cmd)) {
        walkExpr(root, (e) => {
          visit(e);
          if (e.kind === 'in' && e.subquery) {
            queries.push(e.subquery);
          }
        });
      }
      if (cmd.command === 'join') {
        queries.push(cmd.subquery);
      }
    }
  }
}

export function exprsOf(cmd: Command): readonly Expr[] {
  switch (cmd.command) {
    case 'fields':
    case 'display':
      return cmd.items.map((i) => i.expr);
    case 'filter':
    case 'filterindex':
      return [cmd.condition];
    case 'stats':
      return [...cmd.aggregates, ...cmd.groupBy].map((i) => i.expr);
    case 'sort':
      return cmd.keys.map((k) => k.expr);
    case 'parse':
    case 'unnest':
      return [cmd.source];
    case 'pattern':
      return [cmd.source, ...Object.values(cmd.options ?? {})];
    case 'anomaly':
      return Object.values(cmd.options ?? {});
    case 'unmask':
      return cmd.fields;
    case 'join':
      return [cmd.condition];
    default:
      return [];
  }
}
