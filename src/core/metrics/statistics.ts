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
  const extended = parseExtendedStatistic(v);
  return extended ? extended.text : v;
}

export type ExtendedKind = 'p' | 'tm' | 'tc' | 'ts' | 'wm' | 'pr' | 'iqm';

/** One edge of a trimmed range: a percentile (`10%`) or an absolute value (`150`). */
export interface StatBound {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * A CloudWatch extended statistic: a percentile (`p99.9`), a trimmed mean, count or sum or a winsorized
 * mean, short (`tm90`: the values up to the 90th percentile) or long (`TM(10%:90%)`, `TS(:0.5)`, `WM(5%:)`),
 * a percentile rank (`PR(:300)`, absolute bounds only) or the interquartile mean (`IQM`).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */
export interface ExtendedStatistic {
  readonly kind: ExtendedKind;
  /** Lower edge, exclusive; absent: from the smallest value. */
  readonly low?: StatBound;
  /** Upper edge, inclusive; absent: to the largest value. */
  readonly high?: StatBound;
  /** As CloudWatch spells it. */
  readonly text: string;
}

const SHORT = /^(p|tm|tc|ts|wm)(\d{1,15}(?:\.\d{1,10})?)$/i;
const LONG = /^(TM|TC|TS|WM|PR)\((?:(\d{1,15}(?:\.\d{1,10})?)(%)?)?:(?:(\d{1,15}(?:\.\d{1,10})?)(%)?)?\)$/i;

function bound(value: string | undefined, percent: string | undefined): StatBound | undefined {
  return value === undefined ? undefined : { value: Number(value), percent: percent === '%' };
}

/** The extended statistic `value` names, or undefined when it names none (or an impossible one: `p101`, `TM(90%:10%)`). */
export function parseExtendedStatistic(value: string): ExtendedStatistic | undefined {
  const v = value.trim();
  if (v.length > 60) return undefined;
  if (/^iqm$/i.test(v)) return { kind: 'iqm', low: { value: 25, percent: true }, high: { value: 75, percent: true }, text: 'IQM' };
  const short = SHORT.exec(v);
  if (short) {
    const n = Number(short[2]);
    if (n > 100) return undefined;
    return { kind: short[1].toLowerCase() as ExtendedKind, high: { value: n, percent: true }, text: `${short[1].toLowerCase()}${short[2]}` };
  }
  const long = LONG.exec(v);
  if (!long) return undefined;
  const kind = long[1].toLowerCase() as ExtendedKind;
  const low = bound(long[2], long[3]);
  const high = bound(long[4], long[5]);
  if (!low && !high) return undefined;
  if (kind === 'pr' && (low?.percent || high?.percent)) return undefined;
  if ([low, high].some((b) => b?.percent && b.value > 100)) return undefined;
  if (low && high && low.percent === high.percent && low.value >= high.value) return undefined;
  const edge = (b: StatBound | undefined, raw: string | undefined) => (b ? `${raw}${b.percent ? '%' : ''}` : '');
  return { kind, ...(low ? { low } : {}), ...(high ? { high } : {}), text: `${long[1].toUpperCase()}(${edge(low, long[2])}:${edge(high, long[4])})` };
}
