import { strict as assert } from 'node:assert';
import { alignSeries, countPoints, typicalStep } from '../../../src/core/metrics/series';

describe('series on one time axis', () => {
  it('takes series that share their timestamps as they are', () => {
    const t = [60_000, 120_000, 180_000];
    const aligned = alignSeries([{ timestamps: t, values: [1, 2, 3] }, { timestamps: [...t], values: [4, 5] }]);
    assert.deepEqual(aligned, { x: [60, 120, 180], ys: [[1, 2, 3], [4, 5, null]] });
  });

  it('merges series with different timestamps, gaps as null, whatever their order', () => {
    const aligned = alignSeries([
      { timestamps: [60_000, 180_000], values: [1, 3] },
      { timestamps: [120_000, 180_000, 240_000], values: [20, 30, 40] },
      { timestamps: [240_000, 60_000], values: [400, 100] },
      { timestamps: [], values: [] },
    ]);
    assert.deepEqual(aligned.x, [60, 120, 180, 240]);
    assert.deepEqual(aligned.ys, [[1, null, 3, null], [null, 20, 30, 40], [100, null, null, 400], [null, null, null, null]]);
    assert.equal(countPoints(aligned.ys), 7);
  });

  it('aligns 20 series × 1,440 points, one of them with a gap, in a few milliseconds', () => {
    const start = Date.parse('2026-11-22T00:00:00Z');
    const series = Array.from({ length: 20 }, (_, s) => {
      const timestamps = Array.from({ length: 1440 }, (_, i) => start + i * 60_000).filter((_, i) => s !== 3 || i % 10 !== 0);
      return { timestamps, values: timestamps.map((_, i) => s * 1000 + i) };
    });
    const started = performance.now();
    const aligned = alignSeries(series);
    const ms = performance.now() - started;
    assert.equal(aligned.x.length, 1440);
    assert.equal(countPoints(aligned.ys), 20 * 1440 - 144);
    assert.equal(aligned.ys[3][0], null);
    assert.equal(aligned.ys[3][1], 3000);
    assert.ok(ms < 100, `${ms} ms`);
  });

  it('aligns nothing to nothing', () => {
    assert.deepEqual(alignSeries([]), { x: [], ys: [] });
  });
});

describe('the spacing of points', () => {
  it('is the most common gap between consecutive points, the smaller one on a tie', () => {
    const t = (...minutes: number[]) => ({ timestamps: minutes.map((m) => m * 60_000) });
    assert.equal(typicalStep([t(0, 5, 10, 15, 17), t(0, 5)]), 300_000);
    assert.equal(typicalStep([t(0, 5, 15)]), 300_000);
  });

  it('is one minute when no two points tell', () => {
    assert.equal(typicalStep([{ timestamps: [1000] }, { timestamps: [] }]), 60_000);
  });
});
