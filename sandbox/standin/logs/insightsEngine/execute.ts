import type { Command, Expr, JoinCommand, LookupCommand, NamedExpr, ParsedQuery, SourceSelection } from '../../../../src/core/insights/ast';
import { walkExpr } from '../../../../src/core/insights/expressions';
import { exprsOf, parseQuery } from '../../../../src/core/insights/parser';
import type { ResultField } from '../../../../src/core/insights/results/rows';
import { runStats } from './aggregate';
import { evaluate, setSubqueryValues } from './evaluate';
import { discoverFields, encodePtr, type LogEvent } from './events';
import { applyParse } from './parseModes';
import { runPattern } from './pattern';
import { sortRecords } from './sort';
import { itemsOf, setStructured } from './json';
import { formatValue, isTruthy, utf8Length, type FieldMap } from './values';

export interface ExecuteOptions {
  /** Rows returned at most, as Logs Insights' 10,000 when the query has no `limit`. */
  limitDefault?: number;
  /** Prefixes `@log` as `accountId:logGroupName`, as AWS does. */
  accountId?: string;
  /** `@ptr` of an event; defaults to {@link encodePtr}. */
  ptr?: (event: LogEvent, index: number) => string;
  /** Events of the log groups that a `SOURCE` in a subquery or `join` names; without it, the query's own events. */
  sourceEvents?: (source: SourceSelection) => readonly LogEvent[];
  /** Rows of a lookup table by name; without it `lookup` adds nothing. */
  lookupTable?: (name: string) => readonly Readonly<Record<string, string>>[] | undefined;
}

export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
}

export interface QueryExecution {
  /** Column order of the results (without `@ptr`). */
  columns: string[];
  /** Rows as GetQueryResults returns them: missing fields are left out, `@ptr` ends non-aggregated rows. */
  rows: ResultField[][];
  statistics: QueryStatistics;
}

export const DEFAULT_RESULT_LIMIT = 10_000;
const DEFAULT_COLUMNS = ['@timestamp', '@message'];
/** `unnest` and `join` make at most this many rows, whatever the input. */
const MAX_ROWS = 100_000;
/** A join compares every pair of rows; it stops after this many, whatever the sizes of its sides. */
const MAX_JOIN_COMPARISONS = 2_000_000;

/** Runs a query over events in memory with Logs Insights semantics; throws QuerySyntaxError for a malformed query string. */
export function executeQuery(query: ParsedQuery | string, events: readonly LogEvent[], opts: ExecuteOptions = {}): QueryExecution {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const out = runPipeline(parsed.commands, recordsOf(events, opts), events, opts);
  const rows = out.records.slice(0, opts.limitDefault ?? DEFAULT_RESULT_LIMIT).map((record) => {
    const row: ResultField[] = [];
    for (const field of out.columns) {
      const v = record.get(field);
      if (v !== undefined) {
        row.push({ field, value: formatValue(v) });
      }
    }
    const ptr = record.get('@ptr');
    if (!out.aggregated && ptr !== undefined && !out.columns.includes('@ptr')) {
      row.push({ field: '@ptr', value: formatValue(ptr) });
    }
    return row;
  });

  return {
    columns: out.columns,
    rows,
    statistics: {
      recordsMatched: out.matched,
      recordsScanned: events.length,
      bytesScanned: events.reduce((n, e) => n + utf8Length(e.message), 0),
    },
  };
}

interface PipelineOutput {
  records: FieldMap[];
  columns: string[];
  aggregated: boolean;
  matched: number;
}

function recordsOf(events: readonly LogEvent[], opts: ExecuteOptions): FieldMap[] {
  const ptrOf = opts.ptr ?? encodePtr;
  return events.map((e, i) => discoverFields(e, ptrOf(e, i), opts.accountId));
}

function runPipeline(commands: readonly Command[], input: FieldMap[], events: readonly LogEvent[], opts: ExecuteOptions): PipelineOutput {
  let records = input;
  let columns: string[] = [];
  let projected = false;
  let aggregated = false;
  let timeColumn: string | undefined;
  let matched: number | undefined;

  for (const cmd of commands) {
    prepareSubqueries(cmd, events, opts);
    switch (cmd.command) {
      case 'filter':
      case 'filterindex':
        records = records.filter((r) => isTruthy(evaluate(cmd.condition, r)));
        break;
      case 'fields':
        assign(records, cmd.items);
        columns = union(columns, cmd.items.map((i) => i.name));
        projected = true;
        break;
      case 'display':
        assign(records, cmd.items);
        columns = cmd.items.map((i) => i.name);
        projected = true;
        break;
      case 'parse':
        records = applyParse(records, cmd, MAX_ROWS);
        columns = union(columns, cmd.fields);
        break;
      case 'stats':
      case 'pattern': {
        matched ??= records.length;
        const out = cmd.command === 'stats' ? runStats(cmd, records) : runPattern(cmd.source, records);
        records = out.rows;
        columns = out.columns;
        timeColumn = out.timeColumn;
        projected = true;
        aggregated = true;
        break;
      }
      case 'sort':
        records = sortRecords(records, cmd.keys, aggregated ? timeColumn : undefined);
        break;
      case 'limit':
        matched ??= records.length;
        records = records.slice(0, cmd.count);
        break;
      case 'dedup':
        records = dedup(records, cmd.fields.map((f) => f.name));
        break;
      case 'unnest':
        records = unnest(records, cmd.source, cmd.into);
        columns = union(columns, [cmd.into]);
        break;
      case 'lookup':
        applyLookup(records, cmd, opts);
        columns = union(columns, cmd.outputs);
        break;
      case 'join': {
        const right = runSubquery(cmd.subquery, events, opts);
        records = join(records, right.records, cmd);
        break;
      }
      case 'anomaly':
      case 'diff':
      case 'unmask':
      case 'source':
        // SOURCE: the caller chose the events. unmask: the stand-in masks nothing. anomaly and diff are
        // approximated by passing the rows through unchanged (no model of anomalies, no earlier window).
        break;
    }
  }

  if (!projected) {
    columns = union(DEFAULT_COLUMNS, columns);
  }
  return { records, columns, aggregated, matched: matched ?? records.length };
}

/** A subquery's rows, over the log groups of its own SOURCE when it names some. */
function runSubquery(subquery: ParsedQuery, events: readonly LogEvent[], opts: ExecuteOptions): PipelineOutput {
  const source = subquery.commands.find((c) => c.command === 'source');
  const own = source && opts.sourceEvents ? opts.sourceEvents(source) : events;
  return runPipeline(subquery.commands, recordsOf(own, opts), own, opts);
}

/** Computes the value sets of `field in (subquery)` conditions before the command runs. */
function prepareSubqueries(cmd: Command, events: readonly LogEvent[], opts: ExecuteOptions): void {
  for (const root of exprsOf(cmd)) {
    walkExpr(root, (e) => {
      if (e.kind === 'in' && e.subquery) {
        const out = runSubquery(e.subquery, events, opts);
        const column = e.subject.kind === 'field' && out.columns.includes(e.subject.name) ? e.subject.name : out.columns[0];
        const values = new Set<string>();
        for (const r of out.records) {
          const v = column === undefined ? undefined : r.get(column);
          if (v !== undefined) {
            values.add(formatValue(v));
          }
        }
        setSubqueryValues(e, values);
      }
    });
  }
}

function unnest(records: readonly FieldMap[], source: Expr, into: string): FieldMap[] {
  const out: FieldMap[] = [];
  for (const record of records) {
    for (const item of itemsOf(evaluate(source, record))) {
      if (out.length >= MAX_ROWS) {
        return out;
      }
      const copy: FieldMap = new Map(record);
      setStructured(copy, into, item);
      out.push(copy);
    }
  }
  return out;
}

function applyLookup(records: readonly FieldMap[], cmd: LookupCommand, opts: ExecuteOptions): void {
  const table = opts.lookupTable?.(cmd.table);
  if (!table) {
    return;
  }
  const keyOf = (values: (string | undefined)[]): string => JSON.stringify(values);
  const index = new Map<string, Readonly<Record<string, string>>>();
  for (const row of table) {
    index.set(keyOf(cmd.keys.map((k) => row[k.tableField])), row);
  }
  for (const record of records) {
    const values = cmd.keys.map((k) => {
      const v = record.get(k.logField);
      return v === undefined ? undefined : formatValue(v);
    });
    const match = index.get(keyOf(values));
    if (!match) {
      continue;
    }
    for (const field of cmd.outputs) {
      const value = match[field];
      if (value !== undefined && (cmd.mode === 'output' || record.get(field) === undefined)) {
        record.set(field, value);
      }
    }
  }
}

/** `join`: fields of each side under its alias (`api.status`), the left side's also as they were. */
function join(left: readonly FieldMap[], right: readonly FieldMap[], cmd: JoinCommand): FieldMap[] {
  const prefixed = (record: FieldMap, alias: string): FieldMap => new Map([...record].map(([k, v]) => [`${alias}.${k}`, v]));
  const rights = right.map((r) => prefixed(r, cmd.right));
  const out: FieldMap[] = [];
  let comparisons = 0;
  for (const l of left) {
    const base: FieldMap = new Map([...l, ...prefixed(l, cmd.left)]);
    let matchedAny = false;
    for (const r of rights) {
      if (out.length >= MAX_ROWS || ++comparisons > MAX_JOIN_COMPARISONS) {
        return out;
      }
      const merged: FieldMap = new Map([...base, ...r]);
      if (isTruthy(evaluate(cmd.condition, merged))) {
        out.push(merged);
        matchedAny = true;
      }
    }
    if (!matchedAny && cmd.type === 'left') {
      out.push(base);
    }
  }
  return out;
}

function assign(records: readonly FieldMap[], items: readonly NamedExpr[]): void {
  for (const item of items) {
    if (item.expr.kind === 'field' && item.expr.name === item.name) {
      continue;
    }
    for (const r of records) {
      setStructured(r, item.name, evaluate(item.expr, r));
    }
  }
}

/** Keeps the first record of each combination; records missing a dedup field are all kept. */
function dedup(records: readonly FieldMap[], fields: readonly string[]): FieldMap[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const values = fields.map((f) => r.get(f));
    if (values.some((v) => v === undefined)) {
      return true;
    }
    const key = JSON.stringify(values.map((v) => (v === undefined ? null : formatValue(v))));
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
