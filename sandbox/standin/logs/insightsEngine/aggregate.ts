import type { Call, DurationLit, Expr, StatsCommand } from '../../../../src/core/insights/ast';
import { floorTime, periodMs } from './time';
import { evaluate } from './evaluate';
import { formatValue, naturalCompare, toNumber, type FieldMap, type Value } from './values';

export interface StatsOutput {
  readonly rows: FieldMap[];
  /** Group-by columns first, then the aggregates, as Logs Insights orders them. */
  readonly columns: string[];
  /** The group-by column holding a time bin, which `sort @timestamp` orders by after `stats`. */
  readonly timeColumn?: string;
}

const TIME_BIN_FUNCTIONS = new Set(['bin', 'datefloor', 'dateceil']);

export function runStats(command: StatsCommand, records: readonly FieldMap[]): StatsOutput {
  const groups = new Map<string, { keys: Value[]; members: FieldMap[] }>();
  for (const record of records) {
    const keys = command.groupBy.map((g) => groupKey(g.expr, record, command.binOffset));
    const id = JSON.stringify(keys.map((k) => (k === undefined ? null : [typeof k, formatValue(k)])));
    let group = groups.get(id);
    if (group === undefined) {
      group = { keys, members: [] };
      groups.set(id, group);
    }
    group.members.push(record);
  }

  const rows: FieldMap[] = [];
  for (const { keys, members } of groups.values()) {
    const row: FieldMap = new Map();
    command.groupBy.forEach((g, i) => row.set(g.name, keys[i]));
    const groupView: FieldMap = new Map(row);
    for (const item of command.aggregates) {
      const value = evaluate(item.expr, groupView, (call) => aggregate(call, members));
      row.set(item.name, value);
      groupView.set(item.name, value);
    }
    rows.push(row);
  }

  const columns = [...new Set([...command.groupBy.map((g) => g.name), ...command.aggregates.map((a) => a.name)])];
  const timeBin = command.groupBy.find((g) => g.expr.kind === 'call' && TIME_BIN_FUNCTIONS.has(g.expr.name));
  return timeBin ? { rows, columns, timeColumn: timeBin.name } : { rows, columns };
}

function aggregate(call: Call, members: readonly FieldMap[]): Value {
  const arg = call.args[0];
  const present = (): Exclude<Value, undefined>[] => (arg === undefined ? [] : valuesOf(arg, members));
  switch (call.name) {
    case 'count':
      return arg === undefined || arg.kind === 'star' ? members.length : present().length;
    case 'count_distinct':
      return new Set(present().map(formatValue)).size;
    case 'sum': {
      const nums = numbers(present());
      return nums.length === 0 ? undefined : sum(nums);
    }
    case 'avg': {
      const nums = numbers(present());
      return nums.length === 0 ? undefined : sum(nums) / nums.length;
    }
    case 'stddev':
      return stddev(numbers(present()));
    case 'pct':
    case 'percentile': {
      const p = call.args[1] === undefined ? undefined : toNumber(evaluate(call.args[1], new Map()));
      return p === undefined ? undefined : percentile(numbers(present()), p);
    }
    case 'min':
    case 'sortsfirst':
      return extreme(present(), -1);
    case 'max':
    case 'sortslast':
      return extreme(present(), 1);
    case 'earliest':
    case 'latest':
      return arg === undefined ? undefined : byTime(arg, members, call.name === 'earliest' ? -1 : 1);
    default:
      return undefined;
  }
}

/** `bin(5m) offset 1h`: bins shifted by the offset. */
function groupKey(expr: Expr, record: FieldMap, offset: DurationLit | undefined): Value {
  if (offset === undefined || expr.kind !== 'call' || expr.name !== 'bin') {
    return evaluate(expr, record);
  }
  const ms = toNumber(record.get('@timestamp'));
  const period = expr.args[0];
  if (ms === undefined || period?.kind !== 'duration') {
    return undefined;
  }
  const shift = periodMs(offset.amount, offset.unit);
  return new Date(floorTime(ms - shift, period.amount, period.unit) + shift);
}

function valuesOf(arg: Expr, members: readonly FieldMap[]): Exclude<Value, undefined>[] {
  const out: Exclude<Value, undefined>[] = [];
  for (const m of members) {
    const v = evaluate(arg, m);
    if (v !== undefined) {
      out.push(v);
    }
  }
  return out;
}

function numbers(values: readonly Value[]): number[] {
  return values.map(toNumber).filter((n): n is number => n !== undefined);
}

function sum(nums: readonly number[]): number {
  return nums.reduce((a, b) => a + b, 0);
}

function stddev(nums: readonly number[]): number | undefined {
  if (nums.length === 0) {
    return undefined;
  }
  if (nums.length === 1) {
    return 0;
  }
  const mean = sum(nums) / nums.length;
  const squares = nums.reduce((acc, n) => acc + (n - mean) ** 2, 0);
  return Math.sqrt(squares / (nums.length - 1));
}

/** Nearest-rank percentile. */
function percentile(nums: number[], p: number): number | undefined {
  if (nums.length === 0) {
    return undefined;
  }
  const sorted = [...nums].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
}

function extreme(values: readonly Exclude<Value, undefined>[], direction: 1 | -1): Value {
  let best: Exclude<Value, undefined> | undefined;
  for (const v of values) {
    if (best === undefined || naturalCompare(v, best) * direction > 0) {
      best = v;
    }
  }
  return best;
}

function byTime(arg: Expr, members: readonly FieldMap[], direction: 1 | -1): Value {
  let best: Value;
  let bestTime: number | undefined;
  for (const m of members) {
    const v = evaluate(arg, m);
    const t = toNumber(m.get('@timestamp'));
    if (v === undefined || t === undefined) {
      continue;
    }
    if (bestTime === undefined || (t - bestTime) * direction > 0) {
      best = v;
      bestTime = t;
    }
  }
  return best;
}
