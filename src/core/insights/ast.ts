/** Half-open range of UTF-16 offsets into the query text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type TimeUnit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'q' | 'y';

export interface FieldRef {
  readonly kind: 'field';
  readonly name: string;
  readonly span: Span;
}

export interface StringLit {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface NumberLit {
  readonly kind: 'number';
  readonly value: number;
  readonly span: Span;
}

/** A time period such as `5m` (in `bin(5m)`, `datefloor(@timestamp, 1h)`). */
export interface DurationLit {
  readonly kind: 'duration';
  readonly amount: number;
  readonly unit: TimeUnit;
  readonly text: string;
  readonly span: Span;
}

export interface RegexLit {
  readonly kind: 'regex';
  readonly pattern: string;
  readonly flags: string;
  readonly span: Span;
}

/** `*` as a function argument, as in `count(*)`. */
export interface StarArg {
  readonly kind: 'star';
  readonly span: Span;
}

export interface Call {
  readonly kind: 'call';
  /** Lower-cased function name. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'unary';
  readonly op: 'not' | '-';
  readonly operand: Expr;
  readonly span: Span;
}

export type ComparisonOp = '=' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type BinaryOp = 'and' | 'or' | ComparisonOp | ArithmeticOp;

export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `x like /re/`, `x like "sub"`, `x not like …`, `x =~ /re/`. */
export interface Like {
  readonly kind: 'like';
  readonly negated: boolean;
  readonly subject: Expr;
  readonly pattern: StringLit | RegexLit;
  readonly span: Span;
}

/** `x in [a, b]`, `x not in [a, b]`, or `x in (SOURCE … | …)` with a subquery. */
export interface InList {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly subject: Expr;
  readonly items: readonly Expr[];
  readonly subquery?: ParsedQuery;
  readonly span: Span;
}

export type Expr =
  | FieldRef
  | StringLit
  | NumberLit
  | DurationLit
  | RegexLit
  | StarArg
  | Call
  | Unary
  | Binary
  | Like
  | InList;

/** An expression in a `fields`, `display`, `stats` or `by` list; `name` is the alias or the expression's source text. */
export interface NamedExpr {
  readonly expr: Expr;
  readonly alias?: string;
  readonly name: string;
  readonly span: Span;
}

interface CommandBase {
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface FieldsCommand extends CommandBase {
  readonly command: 'fields';
  readonly items: readonly NamedExpr[];
}

export interface DisplayCommand extends CommandBase {
  readonly command: 'display';
  readonly items: readonly NamedExpr[];
}

export interface FilterCommand extends CommandBase {
  readonly command: 'filter';
  readonly condition: Expr;
}

export interface ParseCommand extends CommandBase {
  readonly command: 'parse';
  readonly source: Expr;
  /** `logfmt` reads `key=value` pairs; `csv` reads comma-separated values. */
  readonly mode: 'regex' | 'glob' | 'logfmt' | 'csv';
  /** The regex or glob pattern; none for logfmt and csv. */
  readonly pattern?: RegexLit | StringLit;
  /**
   * Named groups of the regex, the `as` names of a glob pattern or of csv columns, in order; for logfmt, the
   * `as` name of the map of its pairs (none: each pair becomes a field).
   */
  readonly fields: readonly string[];
  /** `parse … /regex/ multi`: every match of the regex makes a row of its own. */
  readonly multi?: boolean;
}

export interface StatsCommand extends CommandBase {
  readonly command: 'stats';
  readonly aggregates: readonly NamedExpr[];
  readonly groupBy: readonly NamedExpr[];
  /** `by bin(5m) offset 1h`: the bins start this far from the period's boundaries. */
  readonly binOffset?: DurationLit;
}

export interface SortKey {
  readonly expr: Expr;
  readonly name: string;
  readonly order: 'asc' | 'desc';
  readonly span: Span;
}

export interface SortCommand extends CommandBase {
  readonly command: 'sort';
  readonly keys: readonly SortKey[];
}

export interface LimitCommand extends CommandBase {
  readonly command: 'limit';
  readonly count: number;
}

export interface DedupCommand extends CommandBase {
  readonly command: 'dedup';
  readonly fields: readonly FieldRef[];
}

/** `name=value` arguments after a command's operand (`anomaly`, `pattern`), as written. */
export type CommandOptions = Readonly<Record<string, Expr>>;

export interface PatternCommand extends CommandBase {
  readonly command: 'pattern';
  readonly source: Expr;
  readonly options?: CommandOptions;
}

export interface FilterIndexCommand extends CommandBase {
  readonly command: 'filterindex';
  readonly condition: Expr;
}

export interface AnomalyCommand extends CommandBase {
  readonly command: 'anomaly';
  readonly options?: CommandOptions;
}

export type DiffPeriod = 'previous' | 'previousDay' | 'previousWeek' | 'previousMonth';

export interface DiffCommand extends CommandBase {
  readonly command: 'diff';
  readonly period: DiffPeriod;
}

export interface UnmaskCommand extends CommandBase {
  readonly command: 'unmask';
  readonly fields: readonly Expr[];
}

export interface UnnestCommand extends CommandBase {
  readonly command: 'unnest';
  readonly source: Expr;
  readonly into: string;
}

/** Where `SOURCE` takes events from: named log groups and `logGroups(…)` selections. */
export interface SourceSelection {
  /** Log group names or ARNs, in quotes or bare. */
  readonly logGroups: readonly string[];
  /** Each `logGroups(namePrefix: […], class: …, accountIdentifiers: […])`. */
  readonly selectors: readonly LogGroupSelector[];
  /** `START=` / `END=` (any case), as written. */
  readonly options: Readonly<Record<string, Expr>>;
}

export interface LogGroupSelector {
  readonly namePrefix: readonly string[];
  readonly classes: readonly string[];
  readonly accountIdentifiers: readonly string[];
}

export interface SourceCommand extends CommandBase, SourceSelection {
  readonly command: 'source';
}

export interface LookupCommand extends CommandBase {
  readonly command: 'lookup';
  readonly table: string;
  /** Lookup-table field → log field it is matched with. */
  readonly keys: readonly { readonly tableField: string; readonly logField: string }[];
  readonly mode: 'output' | 'outputnew';
  readonly outputs: readonly string[];
}

export interface JoinCommand extends CommandBase {
  readonly command: 'join';
  readonly type: string;
  readonly left: string;
  readonly right: string;
  readonly condition: Expr;
  readonly subquery: ParsedQuery;
}

export type Command =
  | FieldsCommand
  | DisplayCommand
  | FilterCommand
  | ParseCommand
  | StatsCommand
  | SortCommand
  | LimitCommand
  | DedupCommand
  | PatternCommand
  | FilterIndexCommand
  | AnomalyCommand
  | DiffCommand
  | UnmaskCommand
  | UnnestCommand
  | SourceCommand
  | LookupCommand
  | JoinCommand;

/** A command Ops Lens does not understand, kept as text; Logs Insights decides about it. */
export interface UnknownCommand extends CommandBase {
  readonly command: 'unknown';
  readonly name: string;
  readonly text: string;
}

export type CommandName = Command['command'];

export interface ParsedQuery {
  readonly text: string;
  readonly commands: readonly Command[];
}

export type FindingSeverity = 'error' | 'warning';

/** Something the local check noticed. Only `error`s are text no version of the language accepts. */
export interface QueryFinding {
  readonly severity: FindingSeverity;
  readonly message: string;
  /** The construct in a few words, for the output channel ("command frobnicate", "function foo"). */
  readonly construct: string;
  /** 0-based offset and length in the query text; 1-based line and column. */
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
}

/** What the local check makes of a query: the commands it understood (others are `unknown`) and its findings. */
export interface QueryAnalysis {
  readonly query: ParsedQuery;
  readonly unknown: readonly UnknownCommand[];
  readonly findings: readonly QueryFinding[];
}
