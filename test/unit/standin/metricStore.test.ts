import { strict as assert } from 'node:assert';
import { MetricStore, isStoredStatistic, metricIdentity } from '../../../sandbox/standin/cloudWatch/metricStore';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const s = (ms: number) => ms / 1000;

describe('stand-in metric store', () => {
  const store = new MetricStore();
  store.put({
    Namespace: 'App',
    MetricData: [
      { MetricName: 'Latency', Dimensions: [{ Name: 'B', Value: '2' }, { Name: 'A', Value: '1' }], Timestamp: s(T0 + 10_000), Value: 10, Unit: 'Milliseconds' },
      { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }], Timestamp: s(T0 + 20_000), Values: [20, 40], Counts: [1, 2], Unit: 'Milliseconds' },
      { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }], Timestamp: new Date(T0 + 70_000).toISOString(), StatisticValues: { Sum: 30, Minimum: 5, Maximum: 25, SampleCount: 2 } },
      { MetricName: 'Latency', Dimensions: [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }], Timestamp: s(T0 + 3_600_000), Value: 99 },
    ],
  });
  const key = metricIdentity('App', 'Latency', [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }]);
  const window = [T0, T0 + 3_600_000] as const;

  it('knows a metric by namespace, name and dimension set, in any order', () => {
    assert.ok(store.has(key));
    assert.ok(store.has(metricIdentity('App', 'Latency', [{ Name: 'B', Value: '2' }, { Name: 'A', Value: '1' }])));
    assert.ok(!store.has(metricIdentity('App', 'Latency', [{ Name: 'A', Value: '1' }])));
    assert.ok(!store.has(metricIdentity('Other', 'Latency', [{ Name: 'A', Value: '1' }, { Name: 'B', Value: '2' }])));
  });

  it('computes statistics per period from the start, over [start, end)', () => {
    const stat = (name: string, unit?: string) => store.statistic(key, name, 60, ...window, unit);
    assert.deepEqual(stat('Sum'), { timestamps: [s(T0), s(T0 + 60_000)], values: [110, 30] });
    assert.deepEqual(stat('SampleCount').values, [4, 2]);
    assert.deepEqual(stat('Average').values, [27.5, 15]);
    assert.deepEqual(stat('Minimum').values, [10, 5]);
    assert.deepEqual(stat('Maximum').values, [40, 25]);
    assert.deepEqual(stat('p50').values, [20], 'percentiles from samples only');
    assert.deepEqual(stat('Sum', 'Milliseconds').values, [110], 'a unit filters');
    assert.deepEqual(store.statistic(key, 'Sum', 3600, T0, T0 + 2 * 3_600_000).values, [140, 99]);
  });

  it('computes the usual statistics, percentiles and trimmed statistics as CloudWatch spells them, nothing else', () => {
    for (const stat of ['Sum', 'Average', 'Minimum', 'Maximum', 'SampleCount', 'p99', 'p99.9', 'p50', 'tm99', 'IQM', 'TC(10%:90%)', 'PR(:300)']) assert.ok(isStoredStatistic(stat), stat);
    for (const stat of ['average', 'p', 'iqm', 'tc(10%:90%)', 'PR(10%:90%)']) assert.ok(!isStoredStatistic(stat), stat);
  });
});
