import { quoted } from '../text/notification';
import { DEFAULT_AFTER_MS, DEFAULT_BEFORE_MS, parseAt, parseSide } from './window';
import type { ScopeId } from '../scope';

/** Which alarm to investigate and around which moment; the sides in ms. */
export interface InvestigationTarget {
  readonly region: ScopeId;
  readonly name: string;
  /** The state change to investigate (epoch ms); the latest change into ALARM when absent. */
  readonly at?: number;
  readonly beforeMs?: number;
  readonly afterMs?: number;
}

/** A side of the window from a command argument: minutes as a number, or a duration such as `30m`. */
export function sideFromArgument(value: unknown, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value * 60_000;
  if (typeof value === 'string') return parseSide(value) ?? fallback;
  return fallback;
}

/** The investigation a command argument asks for (`{ at?, before?, after? }` beside the alarm), in the region found. */
export function targetFromArgument(region: ScopeId, name: string, arg: unknown): InvestigationTarget {
  const extra = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
  const at = parseAt(extra.at);
  return { region, name, beforeMs: sideFromArgument(extra.before, DEFAULT_BEFORE_MS), afterMs: sideFromArgument(extra.after, DEFAULT_AFTER_MS), ...(at !== undefined ? { at } : {}) };
}

/**
 * The page's "investigate again" with other sides (`30m`, `2h`) or another state change; the same alarm.
 * An error text when a side is not a duration or the side before is zero.
 */
export function rerunTarget(current: InvestigationTarget, change: { readonly at?: number; readonly before: string; readonly after: string }): InvestigationTarget | string {
  const before = parseSide(change.before);
  const after = parseSide(change.after);
  if (before === undefined || after === undefined || before === 0) return `The window's sides are durations such as 30m or 2h (before: ${quoted(change.before, 20)}, after: ${quoted(change.after, 20)}).`;
  const at = change.at ?? current.at;
  return { region: current.region, name: current.name, beforeMs: before, afterMs: after, ...(at !== undefined ? { at } : {}) };
}
