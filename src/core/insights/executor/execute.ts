import type { NamedExpr, ParsedQuery, ParseCommand } from '../ast';
import { parseQuery } from '../parser';
import { compileGlob } from '../regex';
import { runStats } from './aggregate';
import { evaluate, regexOf } from './evaluate';
import { discoverFields, encodePtr, type LogEvent } from './events';
import { runPattern } from './pattern';
import { sortRecords } from './sort';
import { formatValue, isTruthy, utf8Length, type FieldMap } from './values';

export interface ExecuteOptions {
  /** Rows returned at most, as Logs Insights' 10,000 when the query has no `limit`. */
  limitDefault?: number;
  /** Prefixes `@log` as `accountId:logGroupName`, as AWS does. */
  accountId?: string;
  /** `@ptr` of an event; defaults to {@link encodePtr}. */
  ptr?: (event: LogEvent, index: number) => string;
}

export interface ResultField {
  field: string;
  value: string;
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

/** Runs a query over events in memory with Logs Insights semantics; throws QuerySyntaxError for a malformed query string. */
export function executeQuery(query: ParsedQuery | string, events: readonly LogEvent[], opts: ExecuteOptions = {}): QueryExecution {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const ptrOf = opts.ptr ?? encodePtr;
  let records = events.map((e, i) => discoverFields(e, ptrOf(e, i), opts.accountId));
  let columns: string[] = [];
  let projected = false;
  let aggregated = false;
  let timeColumn: string | undefined;
  let matched: number | undefined;

  for (const cmd of parsed.commands) {
    switch (cmd.command) {
      case 'filter':
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
        applyParse(records, cmd);
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
    }
  }

  if (!projected) {
    columns = union(DEFAULT_COLUMNS, columns);
  }
  const rows = records.slice(0, opts.limitDefault ?? DEFAULT_RESULT_LIMIT).map((record) => {
    const row: ResultField[] = [];
    for (const field of columns) {
      const v = record.get(field);
      if (v !== undefined) {
        row.push({ field, value: formatValue(v) });
      }
    }
    const ptr = record.get('@ptr');
    if (!aggregated && ptr !== undefined && !columns.includes('@ptr')) {
      row.push({ field: '@ptr', value: formatValue(ptr) });
    }
    return row;
  });

  return {
    columns,
    rows,
    statistics: {
      recordsMatched: matched ?? records.length,
      recordsScanned: events.length,
      bytesScanned: events.reduce((n, e) => n + utf8Length(e.message), 0),
    },
  };
}

function assign(records: readonly FieldMap[], items: readonly NamedExpr[]): void {
  for (const item of items) {
    if (item.expr.kind === 'field' && item.expr.name === item.name) {
      continue;
    }
    for (const r of records) {
      setOrDelete(r, item.name, evaluate(item.expr, r));
    }
  }
}

function applyParse(records: readonly FieldMap[], cmd: ParseCommand): void {
  const re = cmd.pattern.kind === 'regex' ? regexOf(cmd.pattern) : compileGlob(cmd.pattern.value);
  for (const r of records) {
    const source = evaluate(cmd.source, r);
    const m = source === undefined ? null : re.exec(formatValue(source));
    cmd.fields.forEach((name, i) => {
      const captured = m === null ? undefined : cmd.mode === 'regex' ? m.groups?.[name] : m[i + 1];
      setOrDelete(r, name, captured);
    });
  }
}

function setOrDelete(record: FieldMap, name: string, value: string | number | Date | undefined): void {
  if (value === undefined) {
    record.delete(name);
  } else {
    record.set(name, value);
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
