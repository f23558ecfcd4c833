/**
 * Period selection within CloudWatch's limits:
 * - one GetMetricData call returns at most 100,800 data points across its queries (more pages follow
 *   with NextToken, but a well-chosen period needs one page per call);
 * - one call carries at most 500 queries;
 * - 1-minute data is kept for 15 days, 5-minute data for 63 days, 1-hour data for 455 days, so the
 *   period must grow with the age of the range's start;
 * - periods are multiples of 60 seconds (sub-minute, high-resolution periods are not offered).
 */
export const MAX_DATAPOINTS_PER_CALL = 100_800;
export const MAX_QUERIES_PER_CALL = 500;
/** Points per series a chart needs at most to look right; more only costs drawing time. */
export const DEFAULT_MAX_POINTS_PER_SERIES = 1440;

const DAY = 86400;

/** Periods offered when the period is chosen automatically (all multiples of 60). */
export const NICE_PERIODS: readonly number[] = [60, 300, 900, 3600, 6 * 3600, DAY];

export interface PeriodRequest {
  /** Epoch milliseconds of the range's start and end. */
  readonly start: number;
  readonly end: number;
  /** Now (epoch ms): the start's age decides which resolution still exists. */
  readonly now: number;
  /** How many queries share one call with this one (the points limit is per call). Default 1. */
  readonly queries?: number;
  /** A period asked for (a widget's or an alarm's), in seconds; raised when the limits require it. */
  readonly requested?: number;
  readonly maxPointsPerSeries?: number;
}

/** The smallest period (s) CloudWatch still holds for data as old as `start`. */
export function minimumPeriodForAge(start: number, now: number): number {
  const ageSeconds = Math.max(0, (now - start) / 1000);
  if (ageSeconds <= 15 * DAY) return 60;
  if (ageSeconds <= 63 * DAY) return 300;
  return 3600;
}

function ceilTo(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

/** Data points a query returns at most for this span and period. */
export function pointsPerSeries(spanSeconds: number, period: number): number {
  return Math.ceil(spanSeconds / period);
}

/** The period in seconds for a chart over [start, end]. */
export function choosePeriod(request: PeriodRequest): number {
  const span = Math.max(60, (request.end - request.start) / 1000);
  const step = minimumPeriodForAge(request.start, request.now);
  const perCall = Math.min(Math.max(1, Math.floor(request.queries ?? 1)), MAX_QUERIES_PER_CALL);
  const byLimit = (span * perCall) / MAX_DATAPOINTS_PER_CALL;
  const fits = (p: number) => perCall * pointsPerSeries(span, p) <= MAX_DATAPOINTS_PER_CALL;

  if (request.requested !== undefined && Number.isFinite(request.requested) && request.requested > 0) {
    let period = ceilTo(Math.max(request.requested, byLimit, step), step);
    while (!fits(period)) period += step;
    return period;
  }

  const byDisplay = span / (request.maxPointsPerSeries ?? DEFAULT_MAX_POINTS_PER_SERIES);
  const wanted = Math.max(byDisplay, byLimit, step);
  let period = NICE_PERIODS.find((p) => p >= wanted && p % step === 0) ?? ceilTo(wanted, DAY);
  while (!fits(period)) period += step;
  return period;
}

/** "1 min", "5 min", "1 h", "1 d", "90 s". */
export function formatPeriod(seconds: number): string {
  if (seconds % DAY === 0) return `${seconds / DAY} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
