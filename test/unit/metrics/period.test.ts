import { strict as assert } from 'node:assert';
import { MAX_DATAPOINTS_PER_CALL, choosePeriod, formatPeriod, minimumPeriodForAge, pointsPerSeries } from '../../../src/core/metrics/period';
import { RANGES, durationSeconds, rangeFromDuration, rangeSeconds, timeWindow } from '../../../src/core/metrics/ranges';
import { normalizeStat } from '../../../src/core/metrics/statistics';

const NOW = Date.parse('2026-11-22T12:00:30Z');
const DAY = 86400 * 1000;

function period(range: (typeof RANGES)[number], extra: { queries?: number; requested?: number } = {}): number {
  const w = timeWindow(range, NOW);
  return choosePeriod({ ...w, now: NOW, ...extra });
}

describe('period selection', () => {
  it('picks 1-minute data up to a day, coarser beyond, never more than 1,440 points a series', () => {
    assert.deepEqual(RANGES.map((r) => [r, period(r)]), [['1h', 60], ['3h', 60], ['12h', 60], ['24h', 60], ['3d', 300], ['7d', 900]]);
    for (const r of RANGES) assert.ok(pointsPerSeries(rangeSeconds(r), period(r)) <= 1440, r);
  });

  it('keeps every call within 100,800 data points across its queries', () => {
    for (const queries of [1, 10, 100, 500, 1200]) {
      for (const r of RANGES) {
        const p = period(r, { queries });
        const perCall = Math.min(queries, 500);
        assert.ok(perCall * pointsPerSeries(rangeSeconds(r), p) <= MAX_DATAPOINTS_PER_CALL, `${queries} queries over ${r}: period ${p}`);
        assert.equal(p % 60, 0);
      }
    }
    assert.equal(period('24h', { queries: 500 }), 900, '500 × 1,440 one-minute points would be 720,000');
    assert.equal(period('24h', { queries: 1200 }), 900, 'the limit is per call, and a call carries at most 500 queries');
  });

  it('honours an asked period unless a limit forbids it', () => {
    assert.equal(period('3h', { requested: 300 }), 300);
    assert.equal(period('3h', { requested: 86400 }), 86400);
    assert.equal(period('7d', { requested: 60 }), 60, '10,080 points of one query fit in a call');
    assert.equal(period('24h', { requested: 60, queries: 500 }), 480, 'raised to the smallest multiple of 60 that fits');
    assert.equal(period('1h', { requested: 10 }), 60, 'no sub-minute periods');
    assert.equal(period('1h', { requested: 90 }), 120, 'a multiple of 60');
  });

  it('follows retention: 1-minute data for 15 days, 5-minute for 63, then hours', () => {
    assert.equal(minimumPeriodForAge(NOW - 14 * DAY, NOW), 60);
    assert.equal(minimumPeriodForAge(NOW - 16 * DAY, NOW), 300);
    assert.equal(minimumPeriodForAge(NOW - 64 * DAY, NOW), 3600);
    const old = { start: NOW - 20 * DAY, end: NOW - 20 * DAY + 3600 * 1000, now: NOW };
    assert.equal(choosePeriod({ ...old, requested: 60 }), 300);
    assert.equal(choosePeriod(old), 300);
    assert.equal(choosePeriod({ start: NOW - 70 * DAY, end: NOW - 69 * DAY, now: NOW }), 3600);
  });

  it('formats periods', () => {
    assert.deepEqual([60, 300, 3600, 86400, 90].map(formatPeriod), ['1 min', '5 min', '1 h', '1 d', '90 s']);
  });
});

describe('ranges and statistics', () => {
  it('ends the window at the next whole minute', () => {
    const w = timeWindow('1h', NOW);
    assert.equal(new Date(w.end).toISOString(), '2026-11-22T12:01:00.000Z');
    assert.equal(w.end - w.start, 3600 * 1000);
  });

  it("reads a dashboard's start as a range", () => {
    assert.equal(durationSeconds('-PT3H'), 10800);
    assert.equal(durationSeconds('P1W'), 7 * 86400);
    assert.equal(durationSeconds('PT'), undefined);
    assert.equal(rangeFromDuration('-PT3H'), '3h');
    assert.equal(rangeFromDuration('-P1D'), '24h');
    assert.equal(rangeFromDuration('-P7D'), '7d');
    assert.equal(rangeFromDuration('-PT15M'), undefined);
    assert.equal(rangeFromDuration(42), undefined);
  });

  it('spells statistics the way CloudWatch does', () => {
    assert.deepEqual(['average', 'SUM', 'min', 'P99', 'p99.9', 'SampleCount', 'tm90', '', undefined].map(normalizeStat), ['Average', 'Sum', 'Minimum', 'p99', 'p99.9', 'SampleCount', 'tm90', undefined, undefined]);
  });
});
