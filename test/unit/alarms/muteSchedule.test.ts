import { strict as assert } from 'node:assert';
import { oneTimeEnd, parseDuration, parseMuteExpression, windowAt, type MuteExpression } from '../../../src/core/alarms/muteSchedule';

const HOUR = 3_600_000;

function parsed(text: string): MuteExpression {
  const expression = parseMuteExpression(text);
  assert.ok(expression, `${text} should parse`);
  return expression;
}

describe('alarm mute rule schedules', () => {
  it('reads ISO 8601 durations from a minute to days, and nothing else', () => {
    assert.equal(parseDuration('PT1M'), 60_000);
    assert.equal(parseDuration('P2DT12H'), 60 * HOUR);
    assert.equal(parseDuration('P7D'), 7 * 24 * HOUR);
    for (const bad of ['P', 'PT', '4H', 'PT4', 'P1W', 'PT30S', 'P1DT']) assert.equal(parseDuration(bad), undefined, bad);
  });

  it('opens a recurring window at each cron match, in the rule time zone', () => {
    const sundayTwo = parsed('cron(0 2 * * SUN)');
    // Sunday 2026-03-01 02:30 UTC is inside the four-hour window that opened at 02:00.
    assert.deepEqual(windowAt(sundayTwo, 4 * HOUR, 'UTC', Date.UTC(2026, 2, 1, 2, 30)), { start: Date.UTC(2026, 2, 1, 2, 0), end: Date.UTC(2026, 2, 1, 6, 0) });
    assert.equal(windowAt(sundayTwo, 4 * HOUR, 'UTC', Date.UTC(2026, 2, 1, 6, 0)), undefined);
    assert.equal(windowAt(sundayTwo, 4 * HOUR, 'UTC', Date.UTC(2026, 2, 2, 2, 30)), undefined, 'Monday');
    // 02:00 in New York (UTC-5 in March before the change) is 07:00 UTC.
    assert.equal(windowAt(sundayTwo, HOUR, 'America/New_York', Date.UTC(2026, 2, 1, 2, 30)), undefined);
    assert.ok(windowAt(sundayTwo, HOUR, 'America/New_York', Date.UTC(2026, 2, 1, 7, 30)));
  });

  it('matches either day field when both are restricted, and ranges, lists and names', () => {
    const firstOrFriday = parsed('cron(0 18 1 * FRI)');
    assert.ok(windowAt(firstOrFriday, HOUR, 'UTC', Date.UTC(2026, 4, 1, 18, 10)), 'the 1st (a Friday too)');
    assert.ok(windowAt(firstOrFriday, HOUR, 'UTC', Date.UTC(2026, 4, 8, 18, 10)), 'a Friday');
    assert.ok(windowAt(firstOrFriday, HOUR, 'UTC', Date.UTC(2026, 5, 1, 18, 10)), 'the 1st, a Monday');
    assert.equal(windowAt(firstOrFriday, HOUR, 'UTC', Date.UTC(2026, 5, 2, 18, 10)), undefined);
    const weekdays = parsed('cron(0,30 9-17 * JAN-MAR MON-FRI)');
    assert.ok(windowAt(weekdays, 60_000, 'UTC', Date.UTC(2026, 0, 5, 9, 30)));
    assert.equal(windowAt(weekdays, 60_000, 'UTC', Date.UTC(2026, 3, 6, 9, 30)), undefined, 'April');
    for (const bad of ['cron(0 2 * *)', 'cron(0 24 * * *)', 'cron(0 2 * * FUNDAY)', 'cron(5-1 * * * *)', 'rate(1 hour)', 'at(2026-13-01T00:00)']) {
      assert.equal(parseMuteExpression(bad), undefined, bad);
    }
  });

  it('opens a one-time window at its wall-clock time in the zone and ends it after the duration', () => {
    const at = parsed('at(2026-07-01T09:00)');
    const tokyoStart = Date.UTC(2026, 6, 1, 0, 0);
    assert.deepEqual(windowAt(at, 2 * HOUR, 'Asia/Tokyo', tokyoStart + HOUR), { start: tokyoStart, end: tokyoStart + 2 * HOUR });
    assert.equal(windowAt(at, 2 * HOUR, 'Asia/Tokyo', tokyoStart - 1), undefined);
    assert.equal(oneTimeEnd(at, 2 * HOUR, 'Asia/Tokyo'), tokyoStart + 2 * HOUR);
    assert.equal(oneTimeEnd(parsed('cron(0 2 * * *)'), HOUR, 'UTC'), undefined);
  });
});
