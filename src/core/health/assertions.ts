import { unreadableReason, type ParsedBody } from './body';
import { parseJsonPath, readJsonPath } from './jsonPath';
import type { Assertion, AssertionOp } from './model';

export interface AssertionResult {
  readonly assertion: Assertion;
  /** The condition holds (the bad case the assertion describes), or the value could not be checked. */
  readonly failed: boolean;
  /** Whether the value was found in the body; `actual` is only meaningful then. */
  readonly found: boolean;
  readonly actual?: unknown;
  /** Why the value could not be checked ("the body is not JSON", "checks has no \"queue\""). */
  readonly problem?: string;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined && (typeof a === 'number' || typeof b === 'number')) return na === nb;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

/**
 * `actual op expected`. Numbers (and numeric strings) compare as numbers, two strings compare as text
 * (ISO timestamps order correctly); anything else cannot be ordered and yields an error sentence.
 */
export function compare(actual: unknown, op: AssertionOp, expected: unknown): boolean | { error: string } {
  if (op === '==') return sameValue(actual, expected);
  if (op === '!=') return !sameValue(actual, expected);
  let a: number | string | undefined = asNumber(actual);
  let b: number | string | undefined = asNumber(expected);
  if (a === undefined || b === undefined) {
    if (typeof actual === 'string' && typeof expected === 'string') {
      a = actual;
      b = expected;
    } else {
      const bad = a === undefined ? actual : expected;
      return { error: `${display(bad)} is not a number` };
    }
  }
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '>=': return a >= b;
  }
}

/** Checks one assertion against the parsed body. A value that cannot be read counts as failed. */
export function evaluateAssertion(assertion: Assertion, body: ParsedBody): AssertionResult {
  const unreadable = unreadableReason(body);
  if (unreadable || body.kind !== 'json') return { assertion, failed: true, found: false, problem: `cannot be read: ${unreadable ?? 'the body is not JSON'}` };
  const path = parseJsonPath(assertion.path);
  if (!path.ok) return { assertion, failed: true, found: false, problem: `has a bad path: ${path.error}` };
  const lookup = readJsonPath(body.value, path.segments);
  if (!lookup.found) {
    const problem = `is not in the body (${lookup.reason})`;
    // Equality against an absent value is still decidable (`error != null` holds when there is no error): absent = null.
    if (assertion.op === '==' || assertion.op === '!=') return { assertion, failed: compare(null, assertion.op, assertion.value) === true, found: false, problem };
    return { assertion, failed: true, found: false, problem };
  }
  const outcome = compare(lookup.value, assertion.op, assertion.value);
  if (typeof outcome === 'object') return { assertion, failed: true, found: true, actual: lookup.value, problem: outcome.error };
  return { assertion, failed: outcome, found: true, actual: lookup.value };
}

export function display(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value === undefined) return 'missing';
  if (typeof value === 'object' && value !== null) {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  }
  return String(value);
}

/** "successRate < 95" */
export function describeAssertion(assertion: Assertion): string {
  return `${assertion.path} ${assertion.op} ${display(assertion.value)}`;
}

/** "successRate is 93.33 (warning when < 95)", "queueDepth is not in the body (the body has no "queueDepth") (critical when > 500)" */
export function describeFailure(result: AssertionResult): string {
  const { assertion } = result;
  const rule = `${assertion.severity} when ${assertion.op} ${display(assertion.value)}`;
  if (!result.found) return `${assertion.path} ${result.problem ?? 'is missing'} (${rule})`;
  if (result.problem) return `${assertion.path} is ${display(result.actual)} — ${result.problem} (${rule})`;
  return `${assertion.path} is ${display(result.actual)} (${rule})`;
}
