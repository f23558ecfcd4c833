import type * as Parser from '../parser';
import { chartableSeries, type ChartHints } from './chart';
import type { ResultRow } from './rows';

/** What a results document knows that a chart of it needs. */
export interface ResultsChartSource {
  readonly queryName: string;
  /** The query as sent: its last `stats … by` names the grouping columns. */
  readonly query: string;
  readonly rows: readonly ResultRow[];
  /** The query's time range. */
  readonly range: { readonly start: Date; readonly end: Date };
}

/** The chart a "Show as chart" action opens: the argument of `opsLens.metrics.showSeries`. */
export interface ResultsChartInput {
  readonly title: string;
  readonly series: { readonly name: string; readonly points: [number, number][] }[];
  readonly start: number;
  readonly end: number;
}

/** Hints for {@link chartableSeries} from the query: the `by` names of its last `stats` (none when it does not parse). */
export function chartHintsFromQuery(query: string): ChartHints {
  try {
    // The parser is its own bundle, loaded with the first chart rather than when results documents register.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parseQuery } = require('../parser') as typeof Parser;
    const stats = parseQuery(query).commands.filter((c) => c.command === 'stats');
    const last = stats[stats.length - 1];
    return last && last.command === 'stats' ? { groupBy: last.groupBy.map((g) => g.name) } : {};
  } catch {
    return {};
  }
}

/**
 * The results as a chart (a `bin()` column, or numeric columns over a time field), over the query's
 * range; undefined when there is nothing to plot.
 */
export function resultsChartInput(results: ResultsChartSource): ResultsChartInput | undefined {
  const chart = chartableSeries(results.rows, chartHintsFromQuery(results.query));
  if (!chart || chart.series.length === 0) return undefined;
  return {
    title: results.queryName,
    series: chart.series.map((s) => ({ name: s.name, points: s.points })),
    start: results.range.start.getTime(),
    end: results.range.end.getTime(),
  };
}
