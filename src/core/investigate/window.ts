import type { StateTransition } from '../metrics/alarmBands';
import { parseInstant, rangeMs } from '../time/ranges';

export const DEFAULT_BEFORE_MS = 30 * 60_000;
export const DEFAULT_AFTER_MS = 15 * 60_000;
/** A window longer than this reads more than one incident's logs. */
export const MAX_SIDE_MS = 24 * 3_600_000;

export interface Moment {
  /** Epoch ms. */
  readonly at: number;
  /** The state change it is, when there is one. */
  readonly transition?: StateTransition;
  /** How it was chosen, in words. */
  readonly why: string;
}

export interface InvestigationWindow {
  readonly start: number;
  readonly end: number;
  readonly beforeMs: number;
  readonly afterMs: number;
}

/**
 * The moment to investigate: the state change the user chose (`at`, matched to the nearest change within
 * a minute), else the latest change into ALARM, else the alarm's last state update, else now.
 */
export function chooseMoment(transitions: readonly StateTransition[], options: { at?: number; stateUpdated?: number; now: number }): Moment {
  if (options.at !== undefined) {
    const near = transitions.filter((t) => Math.abs(t.time - options.at!) <= 60_000).sort((a, b) => Math.abs(a.time - options.at!) - Math.abs(b.time - options.at!))[0];
    return near ? { at: near.time, transition: near, why: `the change to ${near.to} chosen` } : { at: options.at, why: 'the moment chosen' };
  }
  const intoAlarm = [...transitions].reverse().find((t) => t.to === 'ALARM');
  if (intoAlarm) return { at: intoAlarm.time, transition: intoAlarm, why: 'the latest change into ALARM' };
  if (options.stateUpdated !== undefined) return { at: options.stateUpdated, why: 'the last state update (no change into ALARM in the history read)' };
  return { at: options.now, why: 'now (no state change in the history read)' };
}

/** The window around a moment; it never ends after now (nothing has happened there yet). */
export function windowAround(at: number, now: number, beforeMs = DEFAULT_BEFORE_MS, afterMs = DEFAULT_AFTER_MS): InvestigationWindow {
  const before = clampSide(beforeMs, DEFAULT_BEFORE_MS);
  const after = clampSide(afterMs, DEFAULT_AFTER_MS, true);
  const start = at - before;
  const end = Math.max(start + 60_000, Math.min(at + after, now));
  return { start, end, beforeMs: before, afterMs: after };
}

function clampSide(ms: number, fallback: number, zeroAllowed = false): number {
  if (!Number.isFinite(ms) || ms < 0 || (ms === 0 && !zeroAllowed)) return fallback;
  return Math.min(ms, MAX_SIDE_MS);
}

/** A side of the window as people type it (`30m`, `2h`, `0m`); undefined when it is not one. */
export function parseSide(text: string): number | undefined {
  const t = text.trim();
  if (/^0+\s*[a-z]*$/i.test(t)) return 0;
  const ms = rangeMs(t);
  return ms !== undefined && ms <= MAX_SIDE_MS ? ms : undefined;
}

/** The `at` of a command argument: epoch ms, or an ISO instant with a zone. */
export function parseAt(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (value instanceof Date && Number.isFinite(value.getTime())) return value.getTime();
  if (typeof value === 'string') {
    const t = parseInstant(value) ?? (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value.trim()) ? new Date(value.trim()) : undefined);
    return t && Number.isFinite(t.getTime()) ? t.getTime() : undefined;
  }
  return undefined;
}

/** `30 min before, 15 min after`. */
export function describeSides(w: Pick<InvestigationWindow, 'beforeMs' | 'afterMs'>): string {
  return `${durationText(w.beforeMs)} before, ${durationText(w.afterMs)} after`;
}

export function durationText(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} h`;
  return `${Math.round(ms / 60_000)} min`;
}

/** `30m` for the inputs that change a side. */
export function sideInput(ms: number): string {
  return ms % 3_600_000 === 0 && ms > 0 ? `${ms / 3_600_000}h` : `${Math.round(ms / 60_000)}m`;
}
