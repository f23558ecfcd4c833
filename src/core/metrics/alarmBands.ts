/** Stretches of time an alarm was in ALARM, to shade behind its chart. */
export interface TimeBand {
  /** Epoch milliseconds. */
  readonly from: number;
  readonly to: number;
}

export interface StateTransition {
  /** Epoch milliseconds. */
  readonly time: number;
  readonly from?: string;
  readonly to: string;
}

export interface HistoryItemLike {
  readonly Timestamp?: Date | string | number;
  readonly HistoryItemType?: string;
  readonly HistoryData?: string;
  readonly HistorySummary?: string;
}

function stateValue(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { stateValue?: unknown }).stateValue === 'string' ? (value as { stateValue: string }).stateValue : undefined;
}

/**
 * State changes from DescribeAlarmHistory items (`HistoryData` JSON with old and new state; the
 * summary "Alarm updated from OK to ALARM" when that is missing), oldest first.
 */
export function transitionsFromHistory(items: readonly HistoryItemLike[]): StateTransition[] {
  const out: StateTransition[] = [];
  for (const item of items) {
    if (item.HistoryItemType && item.HistoryItemType !== 'StateUpdate') continue;
    const time = item.Timestamp instanceof Date ? item.Timestamp.getTime() : typeof item.Timestamp === 'number' ? item.Timestamp : Date.parse(item.Timestamp ?? '');
    if (!Number.isFinite(time)) continue;
    let from: string | undefined;
    let to: string | undefined;
    try {
      const data = JSON.parse(item.HistoryData ?? '') as { oldState?: unknown; newState?: unknown };
      from = stateValue(data.oldState);
      to = stateValue(data.newState);
    } catch {
      // fall back to the summary
    }
    if (!to) {
      const m = /from (\w+) to (\w+)/i.exec(item.HistorySummary ?? '');
      if (m) [from, to] = [m[1].toUpperCase(), m[2].toUpperCase()];
    }
    if (to) out.push({ time, from, to });
  }
  return out.sort((a, b) => a.time - b.time);
}

/**
 * ALARM stretches inside [start, end] from state changes. Before the first change the alarm was in
 * that change's old state; after the last, in `currentState` (when given) or the last new state.
 */
export function bandsFromTransitions(transitions: readonly StateTransition[], start: number, end: number, currentState?: string): TimeBand[] {
  const bands: TimeBand[] = [];
  let state = transitions[0]?.from ?? currentState;
  let since = start;
  for (const t of transitions) {
    if (t.time > end) break;
    if (state === 'ALARM' && t.to !== 'ALARM') bands.push({ from: since, to: t.time });
    if (state !== 'ALARM' && t.to === 'ALARM') since = t.time;
    state = t.to;
  }
  if (transitions.length === 0) state = currentState;
  if (state === 'ALARM') bands.push({ from: since, to: end });
  return bands.map((b) => ({ from: Math.max(b.from, start), to: Math.min(b.to, end) })).filter((b) => b.to > b.from);
}

export type Comparison = 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold' | string;

export function breaches(value: number, threshold: number, comparison: Comparison | undefined): boolean {
  switch (comparison) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    default:
      return false;
  }
}

export interface ComputedBandsInput {
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  readonly threshold: number;
  readonly comparison?: Comparison;
  /** Seconds per data point. */
  readonly period: number;
  /** N of "M out of N" (default 1). */
  readonly evaluationPeriods?: number;
  /** M of "M out of N" (default N). */
  readonly datapointsToAlarm?: number;
}

/**
 * ALARM stretches computed from the data: the period of a point is shaded when at least M of the
 * last N points (this one included) breach the threshold. Missing points count as not breaching.
 */
export function bandsFromData(input: ComputedBandsInput): TimeBand[] {
  const n = Math.max(1, input.evaluationPeriods ?? 1);
  const m = Math.min(n, Math.max(1, input.datapointsToAlarm ?? n));
  const periodMs = input.period * 1000;
  const points = input.timestamps.map((t, i) => ({ t, v: input.values[i] })).filter((p) => typeof p.v === 'number').sort((a, b) => a.t - b.t);
  const bands: TimeBand[] = [];
  for (let i = 0; i < points.length; i++) {
    const windowStart = points[i].t - (n - 1) * periodMs;
    let breaching = 0;
    for (let j = i; j >= 0 && points[j].t >= windowStart; j--) if (breaches(points[j].v, input.threshold, input.comparison)) breaching++;
    if (breaching < m) continue;
    const from = points[i].t;
    const to = from + periodMs;
    const last = bands[bands.length - 1];
    if (last && last.to >= from) bands[bands.length - 1] = { from: last.from, to: Math.max(last.to, to) };
    else bands.push({ from, to });
  }
  return bands;
}

export interface AlarmChartBandsInput {
  /** From the alarm's StateUpdate history; preferred when there are any. */
  readonly transitions: readonly StateTransition[];
  readonly start: number;
  readonly end: number;
  readonly state?: string;
  readonly stateUpdated?: number;
  readonly threshold?: number;
  readonly comparison?: Comparison;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  /** The evaluated series and its period (seconds), for bands computed from the data. */
  readonly series?: { readonly timestamps: readonly number[]; readonly values: readonly number[] };
  readonly period: number;
}

/**
 * An alarm chart's ALARM stretches: from its history when it has any; else computed from the data, and an
 * alarm in ALARM whose data shows no breach is shaded from its last state change (at most one period back
 * when unknown) to the end.
 */
export function alarmChartBands(input: AlarmChartBandsInput): { bands: TimeBand[]; from?: 'history' | 'data' } {
  if (input.transitions.length > 0) return { bands: bandsFromTransitions(input.transitions, input.start, input.end, input.state), from: 'history' };
  if (input.threshold === undefined || !input.series) return { bands: [] };
  const { series, period } = input;
  const bands = bandsFromData({ timestamps: series.timestamps, values: series.values, threshold: input.threshold, comparison: input.comparison, period, evaluationPeriods: input.evaluationPeriods, datapointsToAlarm: input.datapointsToAlarm });
  if (input.state === 'ALARM' && bands.length === 0) return { bands: [{ from: Math.max(input.start, input.stateUpdated ?? input.end - period * 1000), to: input.end }], from: 'data' };
  return { bands, from: 'data' };
}
