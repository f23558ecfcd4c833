import { strict as assert } from 'node:assert';
import { axisTitle, formatClock, formatDateTime, formatShort, formatSpan, parseTimeZone, timeTicks, zoneName } from '../../../src/core/time/zone';

/** Runs `body` with the process in another time zone, as a person's machine would be. */
function inZone(tz: string, body: () => void): void {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const FIRED = Date.UTC(2026, 11, 2, 2, 56, 53, 464);

describe('one way of writing a time', () => {
  it('writes UTC with its zone, 24-hour, with or without seconds and milliseconds', () => {
    assert.equal(formatDateTime(FIRED, 'utc'), '2026-12-02 02:56:53 UTC');
    assert.equal(formatDateTime(FIRED, 'utc', { millis: true }), '2026-12-02 02:56:53.464 UTC');
    assert.equal(formatClock(FIRED, 'utc', { seconds: false }), '02:56 UTC');
    assert.equal(formatClock(Date.UTC(2026, 11, 2, 14, 5), 'utc', { bare: true }), '14:05:00');
  });

  it("writes local time in the machine's zone and names the offset, so nobody reads it as UTC", () => {
    inZone('Europe/Berlin', () => {
      assert.equal(formatDateTime(FIRED, 'local'), '2026-12-02 03:56:53 UTC+1');
      assert.equal(zoneName(Date.UTC(2026, 6, 1), 'local'), 'UTC+2');
    });
    inZone('Asia/Kolkata', () => assert.equal(formatClock(FIRED, 'local'), '08:26:53 UTC+5:30'));
    inZone('America/Sao_Paulo', () => assert.equal(formatClock(FIRED, 'local', { seconds: false }), '23:56 UTC-3'));
    inZone('UTC', () => assert.equal(formatClock(FIRED, 'local'), '02:56:53 UTC'));
  });

  it('writes a short time of day on the same day in the zone, else with its date', () => {
    assert.equal(formatShort(FIRED + 3600_000, FIRED, 'utc'), '03:56 UTC');
    assert.equal(formatShort(FIRED + 86_400_000, FIRED, 'utc'), '2026-12-03 02:56 UTC');
    // 23:30 UTC is the next day in Kolkata: the date is written.
    inZone('Asia/Kolkata', () => assert.equal(formatShort(Date.UTC(2026, 11, 2, 23, 30), FIRED, 'local'), '2026-12-03 05:00 UTC+5:30'));
  });

  it('writes a window once with its zone, with the date again only when it crosses midnight', () => {
    assert.equal(formatSpan(FIRED - 30 * 60_000, FIRED, 'utc'), '2026-12-02 02:26 – 02:56 UTC');
    assert.equal(formatSpan(Date.UTC(2026, 11, 1, 23, 0), Date.UTC(2026, 11, 2, 1, 0), 'utc'), '2026-12-01 23:00 – 2026-12-02 01:00 UTC');
  });

  it('reads the setting as local unless it says utc', () => {
    assert.equal(parseTimeZone('utc'), 'utc');
    assert.equal(parseTimeZone('local'), 'local');
    assert.equal(parseTimeZone(undefined), 'local');
    assert.equal(parseTimeZone('Europe/Berlin'), 'local');
  });

  it('writes nothing misleading for a missing or impossible time', () => {
    assert.equal(formatDateTime(Number.NaN, 'utc'), '—');
    assert.equal(formatClock(Number.POSITIVE_INFINITY, 'local'), '—');
  });
});

describe('the ticks of a time axis', () => {
  it('fall on round times of the zone, at most as many as asked', () => {
    const start = Date.UTC(2026, 11, 2, 2, 26, 53);
    const end = Date.UTC(2026, 11, 2, 2, 57, 23);
    const ticks = timeTicks(start, end, 'utc', 8);
    assert.equal(ticks.step, 5 * 60_000);
    assert.deepEqual(ticks.labels, ['02:30', '02:35', '02:40', '02:45', '02:50', '02:55']);
    assert.ok(ticks.at.every((t) => t >= start && t <= end));
  });

  it("are labelled in local time on the zone's round hours, the same instants a header names", () => {
    inZone('Asia/Kolkata', () => {
      const start = Date.UTC(2026, 11, 2, 0, 0);
      const ticks = timeTicks(start, start + 6 * 3_600_000, 'local', 7);
      assert.equal(ticks.step, 3_600_000);
      // India is 5:30 ahead: round local hours are at half past in UTC.
      assert.equal(new Date(ticks.at[0]).getUTCMinutes(), 30);
      assert.equal(ticks.labels[0], '06:00');
      assert.equal(formatClock(ticks.at[0], 'local', { seconds: false }), `${ticks.labels[0]} UTC+5:30`);
    });
  });

  it('carry the date where the day changes, and only the date when ticks are days apart', () => {
    const start = Date.UTC(2026, 11, 1, 20, 0);
    const hours = timeTicks(start, start + 8 * 3_600_000, 'utc', 5);
    assert.deepEqual(hours.labels, ['20:00', '22:00', '12-02 00:00', '02:00', '04:00']);
    const days = timeTicks(start, start + 14 * 86_400_000, 'utc', 8);
    assert.equal(days.labels[0], '12-03');
  });

  it('are none for an empty or reversed range', () => {
    assert.deepEqual(timeTicks(10, 10, 'utc', 5).at, []);
    assert.deepEqual(timeTicks(10, 5, 'utc', 5).at, []);
  });

  it('sit under an axis title that names the zone', () => {
    assert.equal(axisTitle(FIRED, 'utc'), 'Time (UTC)');
    inZone('Europe/Berlin', () => assert.equal(axisTitle(FIRED, 'local'), 'Time (UTC+1)'));
  });
});
