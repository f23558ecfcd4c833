import { insightsTimestamp } from '../../../../src/core/time/format';

/** A map or list made by `jsonParse`; its members are also set as dotted fields. */
export class JsonValue {
  constructor(readonly value: object) {}
}

/** A field value during execution; `undefined` is a missing field. Time values are `Date`s. */
export type Value = string | number | Date | JsonValue | undefined;
export type PresentValue = Exclude<Value, undefined>;

export type FieldMap = Map<string, Value>;

// Each part can end in one way only (`\d+` before an optional `.\d*`), so a long run of digits that fails
// to match is given up in linear time.
const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** The number a value stands for: numbers, timestamps (epoch ms) and numeric strings such as parsed `"532.1"`. */
export function toNumber(v: Value): number | undefined {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : undefined;
  }
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof v === 'string' && NUMERIC.test(v)) {
    return Number(v);
  }
  return undefined;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, as Logs Insights prints `@timestamp`. */
export const formatTimestamp = insightsTimestamp;

export function formatValue(v: PresentValue): string {
  if (v instanceof JsonValue) {
    return JSON.stringify(v.value);
  }
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? '' : formatTimestamp(ms);
  }
  return typeof v === 'number' ? String(v) : v;
}

/** Logs Insights has no boolean type: conditions yield 1 or 0. */
export function bool(b: boolean): number {
  return b ? 1 : 0;
}

export function isTruthy(v: Value): boolean {
  if (v === undefined) {
    return false;
  }
  if (typeof v === 'number') {
    return v !== 0 && !Number.isNaN(v);
  }
  return typeof v === 'string' ? v !== '' : true;
}

export function valuesEqual(a: PresentValue, b: PresentValue): boolean {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) {
    return na === nb;
  }
  return formatValue(a) === formatValue(b);
}

/** Ordering for `<`, `>`, …: numeric when both sides are numbers, otherwise by UTF-16 code units. */
export function compareForOperator(a: PresentValue, b: PresentValue): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) {
    // Equal numbers written differently keep the order AWS's sort page shows: 01 before 1.
    return na - nb || (typeof a === 'string' && typeof b === 'string' ? textOrder(a, b) : 0);
  }
  const sa = formatValue(a);
  const sb = formatValue(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const CHUNK = /\d+|\D+/g;

/**
 * The `sort` order AWS documents: every non-number sorts before every number; non-numbers are
 * compared in chunks, digit runs by length then value, other runs by code unit.
 */
export function naturalCompare(a: PresentValue, b: PresentValue): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== undefined && nb !== undefined) {
    // Equal numbers written differently keep the order AWS's sort page shows: 01 before 1.
    return na - nb || (typeof a === 'string' && typeof b === 'string' ? textOrder(a, b) : 0);
  }
  if (na !== undefined) {
    return 1;
  }
  if (nb !== undefined) {
    return -1;
  }
  const ca = formatValue(a).match(CHUNK) ?? [];
  const cb = formatValue(b).match(CHUNK) ?? [];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] ?? '';
    const y = cb[i] ?? '';
    if (x === y) {
      continue;
    }
    if (isDigit(x) && isDigit(y) && x.length !== y.length) {
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

function textOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigit(chunk: string): boolean {
  const c = chunk.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes += 1;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
