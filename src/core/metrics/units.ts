/** CloudWatch unit names the charts format specially; anything else is a plain number. */
export type Unit = 'Percent' | 'Bytes' | 'Bytes/Second' | 'Milliseconds' | 'Seconds' | 'Microseconds' | 'Count' | 'Count/Second';

const KNOWN: Record<string, Unit> = {
  'AWS/Lambda Duration': 'Milliseconds',
  'AWS/Lambda PostRuntimeExtensionsDuration': 'Milliseconds',
  'AWS/ApiGateway Latency': 'Milliseconds',
  'AWS/ApiGateway IntegrationLatency': 'Milliseconds',
  'AWS/ApplicationELB TargetResponseTime': 'Seconds',
  'AWS/ELB Latency': 'Seconds',
  'AWS/RDS ReadLatency': 'Seconds',
  'AWS/RDS WriteLatency': 'Seconds',
  'AWS/RDS FreeStorageSpace': 'Bytes',
  'AWS/RDS FreeableMemory': 'Bytes',
  'AWS/RDS SwapUsage': 'Bytes',
  'AWS/DynamoDB SuccessfulRequestLatency': 'Milliseconds',
  'AWS/States ExecutionTime': 'Milliseconds',
  'AWS/SQS ApproximateAgeOfOldestMessage': 'Seconds',
};

/** The unit of a metric when its name tells (GetMetricData does not return units). */
export function guessUnit(namespace: string, metricName: string): Unit | undefined {
  const known = KNOWN[`${namespace} ${metricName}`];
  if (known) return known;
  if (/Utilization$|Percent(age)?$|Percentage|HitRate$|ErrorRate$/.test(metricName)) return 'Percent';
  if (/Bytes/.test(metricName)) return 'Bytes';
  return undefined;
}

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && ['Percent', 'Bytes', 'Bytes/Second', 'Milliseconds', 'Seconds', 'Microseconds', 'Count', 'Count/Second'].includes(value);
}

/** What the axis says the unit is: one vocabulary for every chart ("%", "ms", "Count", "Bytes/s"). */
export function unitLabel(unit: string | undefined): string {
  switch (unit) {
    case 'Percent':
      return '%';
    case 'Bytes':
      return 'Bytes';
    case 'Bytes/Second':
      return 'Bytes/s';
    case 'Milliseconds':
      return 'ms';
    case 'Seconds':
      return 's';
    case 'Microseconds':
      return 'µs';
    case 'Count/Second':
      return 'Count/s';
    case 'Count':
      return 'Count';
    default:
      return unit ?? '';
  }
}

/** An axis label a dashboard wrote: a CloudWatch unit name ("Percent") in the charts' own words ("%"); anything else as written. */
export function axisLabel(label: string): string {
  return isUnit(label) ? unitLabel(label) : label;
}

function trim(n: number, digits = 3): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const fixed = abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : abs >= 1 ? n.toFixed(2) : Number(n.toPrecision(digits)).toString();
  return fixed.includes('.') && !fixed.includes('e') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const SI: readonly [number, string][] = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
const BINARY: readonly [number, string][] = [[2 ** 40, 'TB'], [2 ** 30, 'GB'], [2 ** 20, 'MB'], [2 ** 10, 'KB']];

function scaled(v: number, steps: readonly [number, string][], base: string): string {
  for (const [size, suffix] of steps) if (Math.abs(v) >= size) return `${trim(v / size)} ${suffix}`;
  return base ? `${trim(v)} ${base}` : trim(v);
}

/** A value as charts show it: `42.5%`, `1.2 GB`, `850 ms`, `3.4k`. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'Percent':
      return `${trim(value)}%`;
    case 'Bytes':
      return scaled(value, BINARY, 'B');
    case 'Bytes/Second':
      return `${scaled(value, BINARY, 'B')}/s`;
    case 'Milliseconds':
      return Math.abs(value) >= 1000 ? `${trim(value / 1000)} s` : `${trim(value)} ms`;
    case 'Seconds':
      return Math.abs(value) < 1 && value !== 0 ? `${trim(value * 1000)} ms` : `${trim(value)} s`;
    case 'Microseconds':
      return Math.abs(value) >= 1000 ? `${trim(value / 1000)} ms` : `${trim(value)} µs`;
    case 'Count/Second':
      return `${scaled(value, SI, '')}/s`;
    default:
      return scaled(value, SI, '');
  }
}
