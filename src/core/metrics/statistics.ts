/** The statistics a chart offers in its picker; any other CloudWatch statistic passes through as written. */
export const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p95', 'p99'] as const;

export type Statistic = (typeof STATISTICS)[number];

export const DEFAULT_STAT: Statistic = 'Average';

const BY_LOWER = new Map<string, Statistic>(STATISTICS.map((s) => [s.toLowerCase(), s]));
const ALIASES: Record<string, Statistic> = { avg: 'Average', min: 'Minimum', max: 'Maximum', count: 'SampleCount', samplecount: 'SampleCount' };

export function isStatistic(value: unknown): value is Statistic {
  return typeof value === 'string' && (STATISTICS as readonly string[]).includes(value);
}

/**
 * The statistic as CloudWatch spells it: `average` → `Average`, `P99` → `p99`; extended statistics
 * (`p99.9`, `tm90`, `TM(10%:90%)`, `IQM`) unchanged apart from the percentile's case.
 */
export function normalizeStat(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  const known = BY_LOWER.get(v.toLowerCase()) ?? ALIASES[v.toLowerCase()];
  if (known) return known;
  if (/^p\d+(\.\d+)?$/i.test(v)) return v.toLowerCase();
  return v;
}
