import type { Call, Expr, TimeUnit } from '../../../../src/core/insights/ast';
import { ceilTime, floorTime } from './time';
import { inSubnet, isIpv4, isIpv6 } from './ip';
import { bool, formatValue, isTruthy, JsonValue, toNumber, type FieldMap, type Value } from './values';

/** Longest string `jsonParse` reads; longer ones give a missing value. */
const MAX_JSON_TEXT = 256 * 1024;

/** Calls a non-aggregate function; unknown functions and unusable arguments give a missing value. */
export function callScalar(call: Call, args: Value[], record: FieldMap): Value {
  const [a, b, c] = args;
  switch (call.name) {
    case 'ispresent':
      return bool(a !== undefined);
    case 'isempty':
      return bool(a === undefined || formatValue(a) === '');
    case 'isblank':
      return bool(a === undefined || formatValue(a).trim() === '');
    case 'coalesce':
      return args.find((v) => v !== undefined);
    case 'if':
      return isTruthy(a) ? b : c;
    case 'strlen':
      return text(a, (s) => s.length);
    case 'toupper':
      return text(a, (s) => s.toUpperCase());
    case 'tolower':
      return text(a, (s) => s.toLowerCase());
    case 'concat':
      return args.every((v) => v === undefined) ? undefined : args.map((v) => (v === undefined ? '' : formatValue(v))).join('');
    case 'trim':
    case 'ltrim':
    case 'rtrim':
      return text(a, (s) => trim(call.name, s, b === undefined ? undefined : formatValue(b)));
    case 'substr': {
      const start = toNumber(b);
      const length = toNumber(c);
      return start === undefined ? undefined : text(a, (s) => s.slice(start, length === undefined ? undefined : start + length));
    }
    case 'replace':
      return b === undefined || c === undefined ? undefined : text(a, (s) => s.split(formatValue(b)).join(formatValue(c)));
    case 'strcontains':
      return b === undefined ? undefined : text(a, (s) => bool(s.includes(formatValue(b))));
    case 'abs':
      return numeric(a, Math.abs);
    case 'floor':
      return numeric(a, Math.floor);
    case 'ceil':
      return numeric(a, Math.ceil);
    case 'sqrt':
      return numeric(a, Math.sqrt);
    case 'log':
      return numeric(a, Math.log);
    case 'greatest':
    case 'least': {
      const nums = args.map(toNumber).filter((n): n is number => n !== undefined);
      if (nums.length === 0) {
        return undefined;
      }
      return call.name === 'greatest' ? Math.max(...nums) : Math.min(...nums);
    }
    case 'bin':
      return roundTime(record.get('@timestamp'), call.args[0], floorTime);
    case 'datefloor':
      return roundTime(a, call.args[1], floorTime);
    case 'dateceil':
      return roundTime(a, call.args[1], ceilTime);
    case 'frommillis': {
      const ms = toNumber(a);
      return ms === undefined ? undefined : new Date(ms);
    }
    case 'tomillis':
      return toNumber(a);
    case 'isvalidip':
      return text(a, (s) => bool(isIpv4(s) || isIpv6(s)));
    case 'isvalidipv4':
      return text(a, (s) => bool(isIpv4(s)));
    case 'isvalidipv6':
      return text(a, (s) => bool(isIpv6(s)));
    case 'isipinsubnet':
    case 'isipv4insubnet':
    case 'isipv6insubnet': {
      const family = call.name === 'isipv4insubnet' ? 4 : call.name === 'isipv6insubnet' ? 6 : undefined;
      return a === undefined || b === undefined ? undefined : bool(inSubnet(formatValue(a), formatValue(b), family));
    }
    case 'jsonparse':
      return a instanceof JsonValue ? a : text(a, jsonParse);
    case 'jsonstringify':
      return a === undefined ? undefined : a instanceof JsonValue ? JSON.stringify(a.value) : JSON.stringify(a instanceof Date ? formatValue(a) : a);
    default:
      return undefined;
  }
}

function text(v: Value, f: (s: string) => Value): Value {
  return v === undefined ? undefined : f(formatValue(v));
}

function numeric(v: Value, f: (n: number) => number): Value {
  const n = toNumber(v);
  if (n === undefined) {
    return undefined;
  }
  const result = f(n);
  return Number.isFinite(result) ? result : undefined;
}

function trim(kind: string, s: string, chars: string | undefined): string {
  const set = chars === undefined ? undefined : new Set(chars);
  const strip = (ch: string | undefined): boolean => ch !== undefined && (set ? set.has(ch) : /\s/.test(ch));
  let start = 0;
  let end = s.length;
  if (kind !== 'rtrim') {
    while (start < end && strip(s[start])) {
      start++;
    }
  }
  if (kind !== 'ltrim') {
    while (end > start && strip(s[end - 1])) {
      end--;
    }
  }
  return s.slice(start, end);
}

function roundTime(v: Value, period: Expr | undefined, round: (ms: number, amount: number, unit: TimeUnit) => number): Value {
  const ms = toNumber(v);
  if (ms === undefined || period === undefined || period.kind !== 'duration') {
    return undefined;
  }
  return new Date(round(ms, period.amount, period.unit));
}

function jsonParse(s: string): Value {
  if (s.length > MAX_JSON_TEXT) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(s);
    if (typeof parsed === 'object' && parsed !== null) {
      return new JsonValue(parsed);
    }
    return typeof parsed === 'string' || typeof parsed === 'number' ? parsed : typeof parsed === 'boolean' ? bool(parsed) : undefined;
  } catch {
    return undefined;
  }
}
