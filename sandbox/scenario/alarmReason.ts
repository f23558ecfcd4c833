import type { AlarmSpec, AlarmState } from './alarms';
import { MINUTE_MS } from './constants';
import type { SeriesPoint } from './series';

export interface EvaluatedPeriod {
  start: Date;
  value: number;
  sampleCount: number;
}

export interface AlarmEvaluation {
  /** The state the data supports (compare with the intended state). */
  state: AlarmState;
  reason: string;
  reasonData: string;
}

const COMPARISON_TEXT: Record<string, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** Evaluates the alarm's last periods over its data the way CloudWatch words it in StateReason. */
export function evaluateAlarm(alarm: AlarmSpec, points: readonly SeriesPoint[], now: Date): AlarmEvaluation {
  const periodMs = alarm.period * 1000;
  const end = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const n = alarm.evaluationPeriods;
  const periods: EvaluatedPeriod[] = [];
  for (let k = 0; k < n; k++) {
    const from = end - (k + 1) * periodMs;
    const to = end - k * periodMs;
    const values = points.filter((p) => p.timestamp.getTime() >= from && p.timestamp.getTime() < to).flatMap((p) => p.values ?? [p.value]);
    if (values.length) periods.push({ start: new Date(from), value: statistic(alarm, values), sampleCount: values.length });
  }
  const statName = alarm.extendedStatistic ?? alarm.statistic ?? 'Average';
  const data = {
    version: '1.0',
    queryDate: awsDate(now),
    startDate: awsDate(new Date(end - n * periodMs)),
    ...(alarm.extendedStatistic ? { extendedStatistic: alarm.extendedStatistic } : { statistic: statName }),
    ...(alarm.unit ? { unit: alarm.unit } : {}),
    period: alarm.period,
    recentDatapoints: periods.map((p) => p.value),
    threshold: alarm.threshold,
    evaluatedDatapoints: periods.map((p) => ({ timestamp: awsDate(p.start), sampleCount: p.sampleCount, value: p.value })),
  };
  const reasonData = JSON.stringify(data);
  const cmp = COMPARISON_TEXT[alarm.comparison];
  const threshold = num(alarm.threshold);

  if (periods.length === 0) {
    const plural = n === 1 ? '' : 's';
    if (alarm.treatMissingData === 'notBreaching' || alarm.treatMissingData === 'breaching') {
      const treated = alarm.treatMissingData === 'breaching' ? 'Breaching' : 'NonBreaching';
      return {
        state: treated === 'Breaching' ? 'ALARM' : 'OK',
        reason: `Threshold Crossed: no datapoints were received for ${n} period${plural} and ${n} missing datapoint${plural} ${n === 1 ? 'was' : 'were'} treated as [${treated}].`,
        reasonData,
      };
    }
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${n} datapoint${plural} ${n === 1 ? 'was' : 'were'} unknown.`, reasonData };
  }

  const breaching = periods.filter((p) => breaches(alarm, p.value));
  const needed = alarm.datapointsToAlarm ?? n;
  const list = periods.map((p) => `${num(p.value)} (${reasonDate(p.start)})`).join(', ');
  const verb = (count: number) => (count === 1 ? 'was' : 'were');
  if (breaching.length >= needed) {
    return {
      state: 'ALARM',
      reason:
        `Threshold Crossed: ${breaching.length} out of the last ${n} datapoints [${list}] ${verb(breaching.length)} ${cmp} the threshold (${threshold}) ` +
        `(minimum ${needed} datapoint${needed === 1 ? '' : 's'} for OK -> ALARM transition).`,
      reasonData,
    };
  }
  return {
    state: 'OK',
    reason: `Threshold Crossed: ${periods.length} datapoint${periods.length === 1 ? '' : 's'} [${list}] ${verb(periods.length)} not ${cmp} the threshold (${threshold}).`,
    reasonData,
  };
}

function statistic(alarm: AlarmSpec, values: number[]): number {
  if (alarm.extendedStatistic) {
    const p = Number(alarm.extendedStatistic.slice(1)) / 100;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }
  switch (alarm.statistic) {
    case 'Sum': return values.reduce((a, b) => a + b, 0);
    case 'Maximum': return Math.max(...values);
    case 'Minimum': return Math.min(...values);
    case 'SampleCount': return values.length;
    default: return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

function breaches(alarm: AlarmSpec, v: number): boolean {
  switch (alarm.comparison) {
    case 'GreaterThanOrEqualToThreshold': return v >= alarm.threshold;
    case 'GreaterThanThreshold': return v > alarm.threshold;
    case 'LessThanThreshold': return v < alarm.threshold;
    case 'LessThanOrEqualToThreshold': return v <= alarm.threshold;
    default: return false;
  }
}

function num(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(Math.round(v * 10000) / 10000);
}

/** `22/11/26 17:15:00`, as in CloudWatch's reason text. */
function reasonDate(d: Date): string {
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** `2026-11-22T17:15:00.000+0000` */
function awsDate(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}
