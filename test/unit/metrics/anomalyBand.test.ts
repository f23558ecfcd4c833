import { strict as assert } from 'node:assert';
import { bandEdgeSeries, pointsOutside, splitExpectedBand } from '../../../src/core/metrics/anomalyBand';

const metric = { id: 'm1', label: 'Latency', timestamps: [1, 2, 3], values: [100, 180, 95] };

describe('anomaly-detection band', () => {
  it('joins the band\'s two series into one band, the larger value the upper edge whichever came first', () => {
    const edgeA = { id: 'ad1', label: 'Latency (expected)', timestamps: [1, 2, 3], values: [90, 112, 91] };
    const edgeB = { id: 'ad1', label: 'Latency (expected) 2', timestamps: [1, 2, 3], values: [110, 88, 109] };
    const { band, rest } = splitExpectedBand([metric, edgeA, edgeB], 'ad1');
    assert.deepEqual(rest, [metric], 'the metric stays a series of its own');
    assert.deepEqual(band, { label: 'Latency (expected)', timestamps: [1, 2, 3], upper: [110, 112, 109], lower: [90, 88, 91] });
  });

  it('is named by the alarm\'s label for it when given, and absent when GetMetricData returned none', () => {
    assert.equal(splitExpectedBand([{ id: 'ad1', label: '', timestamps: [1], values: [5] }], 'ad1', 'Expected latency').band?.label, 'Expected latency');
    assert.deepEqual(splitExpectedBand([metric], 'ad1'), { rest: [metric] });
  });

  it('draws as two series whose labels say which edge they are', () => {
    const band = { label: 'Latency (expected)', timestamps: [1], upper: [110], lower: [90] };
    const { upper, lower } = bandEdgeSeries(band, 'ad1');
    assert.deepEqual([upper.id, upper.label, upper.values], ['ad1:upper', 'Latency (expected) (upper)', [110]]);
    assert.deepEqual([lower.id, lower.label, lower.values], ['ad1:lower', 'Latency (expected) (lower)', [90]]);
  });

  it('counts the metric\'s points outside the band at the same time, on either side', () => {
    const band = { label: 'b', timestamps: [1, 2, 3], upper: [110, 112, 109], lower: [90, 88, 96] };
    assert.equal(pointsOutside(metric, band), 2, '180 above at 2, 95 below at 3');
  });
});
