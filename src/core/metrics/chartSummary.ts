// A chart said in words, for screen readers and for anyone who wants the numbers: per series its
// lowest, highest and newest value, the lines drawn across it (an alarm's threshold), the ALARM
// stretches and the range shown, all in the panel's time zone and the axis's units.
import { formatDateTime, formatSpan, type TimeZone } from '../time/zone';
import { formatValue } from './units';

export interface SummarySeriesInput {
  readonly label: string;
  readonly unit?: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

export interface SummaryInput {
  readonly series: readonly SummarySeriesInput[];
  readonly lines: readonly { readonly label: string; readonly value: number; readonly kind: 'threshold' | 'annotation'; readonly unit?: string }[];
  /** ALARM stretches, epoch milliseconds. */
  readonly bands?: readonly { readonly from: number; readonly to: number }[];
  readonly start: number;
  readonly end: number;
  readonly zone: TimeZone;
}

export interface SummaryRow {
  readonly label: string;
  readonly points: number;
  readonly min: string;
  readonly max: string;
  readonly last: string;
  /** When the newest value was measured; empty without data. */
  readonly lastAt: string;
}

export interface ChartSummary {
  readonly range: string;
  readonly rows: readonly SummaryRow[];
  /** "Threshold < 1", each line drawn across the chart with its value. */
  readonly lines: readonly string[];
  /** "2 periods in ALARM, the last 02:40 – 02:57 UTC"; empty without any. */
  readonly alarm: string;
}

function row(s: SummarySeriesInput, zone: TimeZone): SummaryRow {
  // A loop rather than Math.min(...values): a series may hold more points than a call takes arguments.
  let low = Infinity;
  let high = -Infinity;
  let points = 0;
  let lastIndex = -1;
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    if (!Number.isFinite(v)) continue;
    points++;
    low = Math.min(low, v);
    high = Math.max(high, v);
    if (lastIndex < 0 || s.timestamps[i] >= s.timestamps[lastIndex]) lastIndex = i;
  }
  if (points === 0) return { label: s.label, points, min: '—', max: '—', last: '—', lastAt: '' };
  return {
    label: s.label,
    points,
    min: formatValue(low, s.unit),
    max: formatValue(high, s.unit),
    last: formatValue(s.values[lastIndex], s.unit),
    lastAt: formatDateTime(s.timestamps[lastIndex], zone, { seconds: false }),
  };
}

export function chartSummary(input: SummaryInput): ChartSummary {
  const bands = [...(input.bands ?? [])].filter((b) => b.to > b.from).sort((a, b) => a.from - b.from);
  const lastBand = bands[bands.length - 1];
  const lineText = (l: SummaryInput['lines'][number]) => {
    const value = formatValue(l.value, l.unit);
    return l.label.includes(value) || l.label.includes(String(l.value)) ? l.label : `${l.label}: ${value}`;
  };
  return {
    range: formatSpan(input.start, input.end, input.zone),
    rows: input.series.map((s) => row(s, input.zone)),
    lines: input.lines.filter((l) => l.label || Number.isFinite(l.value)).map((l) => lineText({ ...l, label: l.label || (l.kind === 'threshold' ? 'Threshold' : 'Line') })),
    alarm: lastBand ? `${bands.length} period${bands.length === 1 ? '' : 's'} in ALARM, the last ${formatSpan(lastBand.from, lastBand.to, input.zone)}` : '',
  };
}

/** The summary as sentences: what a screen reader reads for the chart. */
export function summarySentences(title: string, summary: ChartSummary): string {
  const parts = [`${title || 'Chart'}, ${summary.range}.`];
  for (const r of summary.rows) {
    parts.push(r.points === 0 ? `${r.label}: no data.` : `${r.label}: lowest ${r.min}, highest ${r.max}, latest ${r.last} at ${r.lastAt}.`);
  }
  if (summary.lines.length) parts.push(`${summary.lines.join('; ')}.`);
  if (summary.alarm) parts.push(`${summary.alarm}.`);
  return parts.join(' ');
}
