import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { fetchBatched } from '../src/core/metrics/batching';
import { choosePeriod, pointsPerSeries } from '../src/core/metrics/period';
import { timeWindow } from '../src/core/metrics/ranges';
import { median, report } from './report';

function queries(m: number, period: number): MetricDataQuery[] {
  return Array.from({ length: m }, (_, i) => ({ Id: `m${i}`, MetricStat: { Metric: { Namespace: 'Bench', MetricName: `Metric${i}` }, Period: period, Stat: 'Average' }, ReturnData: true }));
}

/**
 * GetMetricData calls for M metrics through the real batching code, against a transport that only
 * counts (and answers each query with `points` points): ⌈M/500⌉ calls instead of one per metric.
 */
async function callsFor(m: number, points: number, start: number, period: number): Promise<{ calls: number; ms: number }> {
  const timestamps = Array.from({ length: points }, (_, i) => new Date(start + i * period * 1000));
  const values = Array.from({ length: points }, (_, i) => i % 97);
  const started = performance.now();
  // Counted by the transport itself, not by the batching code's own counter.
  let calls = 0;
  const out = await fetchBatched(queries(m, period), async (batch) => {
    calls++;
    return { results: batch.map((q) => ({ Id: q.Id, Label: q.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' })) };
  });
  const series = out.series.length;
  if (series !== m) throw new Error(`fetchBatched returned ${series} series for ${m} queries`);
  return { calls, ms: performance.now() - started };
}

export async function benchMetrics(): Promise<void> {
  const now = Date.now();
  const window = timeWindow('24h', now);
  for (const m of [1, 50, 500, 1200, 5000]) {
    const period = choosePeriod({ ...window, now, queries: m });
    const points = pointsPerSeries((window.end - window.start) / 1000, period);
    const { calls } = await callsFor(m, 1, window.start, period);
    const perCall = Math.min(m, 500) * points;
    report(`GetMetricData calls for M=${m} metrics (24 h)`, calls, 'calls', Math.ceil(m / 500), `vs ${m} one call per metric; period ${period} s, ${perCall.toLocaleString('en-US')} points per call (limit 100,800)`);
  }
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push((await callsFor(500, 1440, window.start, 60)).ms);
  report('merge 500 series × 1,440 points (median of 5)', median(times), 'ms', 100);
}

if (require.main === module) {
  benchMetrics().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
