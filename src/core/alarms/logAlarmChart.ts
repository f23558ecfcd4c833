// A log alarm's results over time: its scheduled Logs Insights query, aggregated as the alarm aggregates
// each run, in bins as long as its schedule. What a chart of a log alarm runs and how its rows are read.
import { chartableSeries } from '../insights/results/chart';
import type { ResultRow } from '../insights/results/rows';
import type { LogAlarmQuery } from './model';

const RATE = /^rate\(\s*(\d{1,6})\s+(minute|minutes|hour|hours|day|days)\s*\)$/;
const UNIT_MS: Readonly<Record<string, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** Points a chart of the results draws at most: longer ranges get wider bins. */
export const MAX_LOG_ALARM_POINTS = 500;
/** The aggregation's column in the chart query's results. */
const VALUE_FIELD = 'alarm_value';
const AGGREGATION = /^[A-Za-z_][\w]*\([^|\n]{0,200}\)$/;

/** How often a `rate(5 minutes)` schedule runs, in ms; undefined for any other schedule (cron). */
export function scheduleEveryMs(schedule: string): number | undefined {
  const rate = RATE.exec(schedule.trim());
  if (!rate) return undefined;
  return Number(rate[1]) * (UNIT_MS[rate[2].replace(/s$/, '')] ?? 60_000);
}

/** `5m`, `2h`, `1d`: a bin for Logs Insights' `bin()`. */
function binText(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

export interface LogAlarmChartQuery {
  /** The alarm's query with one `stats … by bin()` after it. */
  readonly query: string;
  readonly binMs: number;
  /** The bin is the schedule's (else widened so the range holds at most MAX_LOG_ALARM_POINTS, or 5 minutes for a cron schedule). */
  readonly binFrom: 'schedule' | 'range' | 'default';
  readonly aggregation: string;
}

/**
 * The query that charts a log alarm over `rangeMs`: its own query, then its aggregation (count(*) when it has
 * none, or one Ops Lens cannot place in a stats command) per bin of its schedule.
 */
export function logAlarmChartQuery(q: LogAlarmQuery, rangeMs: number): LogAlarmChartQuery {
  const every = scheduleEveryMs(q.schedule);
  const least = Math.ceil(rangeMs / MAX_LOG_ALARM_POINTS / 60_000) * 60_000;
  const binMs = Math.max(every ?? 5 * 60_000, least);
  const binFrom = binMs === least && least > (every ?? 0) ? 'range' : every ? 'schedule' : 'default';
  const aggregation = AGGREGATION.test(q.aggregation.trim()) ? q.aggregation.trim() : 'count(*)';
  return { query: `${q.query.trim()}\n| stats ${aggregation} as ${VALUE_FIELD} by bin(${binText(binMs)})`, binMs, binFrom, aggregation };
}

/** The chart query's rows as one series, oldest first; empty when no row has a time and a number. */
export function logAlarmSeries(rows: readonly ResultRow[]): { timestamps: number[]; values: number[] } {
  const found = chartableSeries(rows, { groupBy: [] });
  const series = found?.series.find((s) => s.name === VALUE_FIELD) ?? found?.series[0];
  const points = [...(series?.points ?? [])].sort((a, b) => a[0] - b[0]);
  return { timestamps: points.map((p) => p[0]), values: points.map((p) => p[1]) };
}
