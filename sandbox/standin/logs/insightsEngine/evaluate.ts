import type { Binary, Call, Expr, InList, Like, RegexLit } from '../../../../src/core/insights/ast';
import { isAggregateFunction } from '../../../../src/core/insights/catalog';
import { compileInsightsRegex } from '../../../../src/core/insights/regex';
import { callScalar } from './functions';
import { periodMs } from './time';
import { bool, compareForOperator, formatValue, isTruthy, toNumber, valuesEqual, type FieldMap, type Value } from './values';

/** Computes an aggregate call (`count()`, `avg(x)`) for the group being evaluated. */
export type AggregateHook = (call: Call) => Value;

const regexCache = new WeakMap<RegexLit, RegExp>();
const subqueryValues = new WeakMap<InList, ReadonlySet<string>>();

/** The values a `field in (subquery)` condition matches, computed by the engine before it runs. */
export function setSubqueryValues(expr: InList, values: ReadonlySet<string>): void {
  subqueryValues.set(expr, values);
}

export function regexOf(lit: RegexLit): RegExp {
  let re = regexCache.get(lit);
  if (re === undefined) {
    re = compileInsightsRegex(lit.pattern, lit.flags);
    regexCache.set(lit, re);
  }
  return re;
}

/**
 * Evaluates an expression against one record. Comparisons involving a missing field are
 * themselves missing (so the event fails a `filter`), as in SQL's three-valued logic.
 */
export function evaluate(expr: Expr, record: FieldMap, aggregate?: AggregateHook): Value {
  switch (expr.kind) {
    case 'field':
      return record.get(expr.name);
    case 'string':
      return expr.value;
    case 'number':
      return expr.value;
    case 'duration':
      return periodMs(expr.amount, expr.unit);
    case 'regex':
    case 'star':
      return undefined;
    case 'call':
      if (isAggregateFunction(expr.name)) {
        return aggregate?.(expr);
      }
      return callScalar(
        expr,
        expr.args.map((a) => evaluate(a, record, aggregate)),
        record,
      );
    case 'unary': {
      const v = evaluate(expr.operand, record, aggregate);
      if (expr.op === 'not') {
        return v === undefined ? undefined : bool(!isTruthy(v));
      }
      const n = toNumber(v);
      return n === undefined ? undefined : -n;
    }
    case 'binary':
      return evaluateBinary(expr, record, aggregate);
    case 'like':
      return evaluateLike(expr, record, aggregate);
    case 'in': {
      const subject = evaluate(expr.subject, record, aggregate);
      if (subject === undefined) {
        return undefined;
      }
      if (expr.subquery) {
        return bool((subqueryValues.get(expr)?.has(formatValue(subject)) ?? false) !== expr.negated);
      }
      const found = expr.items.some((item) => {
        const v = evaluate(item, record, aggregate);
        return v !== undefined && valuesEqual(subject, v);
      });
      return bool(found !== expr.negated);
    }
  }
}

function evaluateLike(expr: Like, record: FieldMap, aggregate?: AggregateHook): Value {
  const subject = evaluate(expr.subject, record, aggregate);
  if (subject === undefined) {
    return undefined;
  }
  const text = formatValue(subject);
  const matched = expr.pattern.kind === 'regex' ? regexOf(expr.pattern).test(text) : text.includes(expr.pattern.value);
  return bool(matched !== expr.negated);
}

function evaluateBinary(expr: Binary, record: FieldMap, aggregate?: AggregateHook): Value {
  if (expr.op === 'and' || expr.op === 'or') {
    const l = evaluate(expr.left, record, aggregate);
    const r = evaluate(expr.right, record, aggregate);
    const decisive = expr.op === 'or';
    if ((l !== undefined && isTruthy(l) === decisive) || (r !== undefined && isTruthy(r) === decisive)) {
      return bool(decisive);
    }
    return l === undefined || r === undefined ? undefined : bool(!decisive);
  }
  const l = evaluate(expr.left, record, aggregate);
  const r = evaluate(expr.right, record, aggregate);
  if (l === undefined || r === undefined) {
    return undefined;
  }
  switch (expr.op) {
    case '=':
    case '==':
      return bool(valuesEqual(l, r));
    case '!=':
      return bool(!valuesEqual(l, r));
    case '<':
      return bool(compareForOperator(l, r) < 0);
    case '<=':
      return bool(compareForOperator(l, r) <= 0);
    case '>':
      return bool(compareForOperator(l, r) > 0);
    case '>=':
      return bool(compareForOperator(l, r) >= 0);
    default:
      return arithmetic(expr.op, l, r);
  }
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%' | '^', l: Value, r: Value): Value {
  const a = toNumber(l);
  const b = toNumber(r);
  if (a === undefined || b === undefined) {
    return undefined;
  }
  let result: number;
  switch (op) {
    case '+':
      result = a + b;
      break;
    case '-':
      result = a - b;
      break;
    case '*':
      result = a * b;
      break;
    case '/':
      result = a / b;
      break;
    case '%':
      result = a % b;
      break;
    case '^':
      result = a ** b;
      break;
  }
  return Number.isFinite(result) ? result : undefined;
}
