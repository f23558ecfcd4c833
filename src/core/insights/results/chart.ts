import { indexColumns, resultColumns, rowValues, type ResultRow } from './rows';

export interface ChartSeries {
  readonly name: string;
  /** `[epoch ms, value]`, oldest first. */
  readonly points: [number, number][];
}

export interface ChartableSeries {
  readonly timeField: string;
  /** Numeric columns plotted. */
  readonly valueFields: string[];
  /** Columns the series are split by (a stats `by` field other than the time bin). */
  readonly groupFields: string[];
  readonly series: ChartSeries[];
}

export interface ChartHints {
  /** The stats command's `by` names when known (the parsed query has them); removes the guess. */
  readonly groupBy?: readonly string[];
}

const INSIGHTS_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;
const EPOCH_MS = /^\d{11,14}$/;
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BIN_COLUMN = /^bin\s*\(/i;

/** Epoch ms of an Insights time value (`2026-11-22 10:05:00.000`, UTC unless an offset is given; or epoch ms), else undefined. */
export function parseInsightsTime(value: string): number | undefined {
  const v = value.trim();
  const m = INSIGHTS_TIME.exec(v);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms);
    if (m[9]) t -= (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) * 60_000;
    return Number.isFinite(t) ? t : undefined;
  }
  return EPOCH_MS.test(v) ? Number(v) : undefined;
}

function isNumeric(value: string): boolean {
  return NUMERIC.test(value.trim());
}

/**
 * Chart data in a result: a time column (`bin(…)`, else `@timestamp`, else a column of only timestamps) and
 * the numeric columns, one series per numeric column and per combination of the remaining columns' values
 * (`stats count() by endpoint, bin(1h)` gives one series per endpoint). For a stats result without hints,
 * the measures are the numeric columns at the end (Logs Insights puts the `by` fields first). Undefined when
 * there is nothing to plot.
 */
export function chartableSeries(rows: readonly ResultRow[], hints: ChartHints = {}): ChartableSeries | undefined {
  if (rows.length === 0) return undefined;
  const columns = resultColumns(rows);
  const index = indexColumns(columns);
  const table = rows.map((row) => rowValues(row, index, columns.length));
  const numeric = columns.map((_, c) => {
    let any = false;
    for (const values of table) {
      const v = values[c];
      if (v === '') continue;
      if (!isNumeric(v)) return false;
      any = true;
    }
    return any;
  });
  const allTimes = (c: number): boolean => {
    let any = false;
    for (const values of table) {
      const v = values[c];
      if (v === '') continue;
      if (parseInsightsTime(v) === undefined) return false;
      any = true;
    }
    return any;
  };

  let time = columns.findIndex((c) => BIN_COLUMN.test(c));
  if (time < 0) time = columns.indexOf('@timestamp');
  if (time < 0) time = columns.findIndex((_, c) => !numeric[c] && allTimes(c));
  if (time < 0 || !allTimes(time)) return undefined;
  const timeField = columns[time];
  const raw = timeField === '@timestamp' && !hints.groupBy;

  let measures: number[];
  let groups: number[];
  if (hints.groupBy) {
    const by = new Set(hints.groupBy);
    measures = columns.map((_, c) => c).filter((c) => c !== time && numeric[c] && !by.has(columns[c]));
    groups = columns.map((_, c) => c).filter((c) => c !== time && by.has(columns[c]));
  } else if (raw) {
    // Records, not stats: plot each numeric field over time, no grouping.
    measures = columns.map((_, c) => c).filter((c) => c !== time && numeric[c]);
    groups = [];
  } else {
    measures = [];
    for (let c = columns.length - 1; c >= 0 && c !== time && numeric[c]; c--) measures.unshift(c);
    if (measures.length === 0) measures = columns.map((_, c) => c).filter((c) => c !== time && numeric[c]);
    groups = columns.map((_, c) => c).filter((c) => c !== time && !measures.includes(c));
  }
  if (measures.length === 0) return undefined;

  const series = new Map<string, ChartSeries>();
  for (const values of table) {
    const t = parseInsightsTime(values[time]);
    if (t === undefined) continue;
    const group = groups.map((g) => values[g] || '(none)').join(' / ');
    for (const m of measures) {
      const text = values[m];
      if (text === '') continue;
      const v = Number(text);
      if (!Number.isFinite(v)) continue;
      const name = groups.length === 0 ? columns[m] : measures.length === 1 ? group : `${group} · ${columns[m]}`;
      const key = `${group}\u0000${columns[m]}`;
      let s = series.get(key);
      if (!s) series.set(key, (s = { name, points: [] }));
      s.points.push([t, v]);
    }
  }
  if (series.size === 0) return undefined;
  for (const s of series.values()) s.points.sort((a, b) => a[0] - b[0]);
  return {
    timeField,
    valueFields: measures.map((m) => columns[m]),
    groupFields: groups.map((g) => columns[g]),
    series: [...series.values()],
  };
}
