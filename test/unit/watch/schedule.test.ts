import { strict as assert } from 'node:assert';
import { intervalInForce, isStale, msUntilStale, nextReadDelayMs, type ReadTiming } from '../../../src/core/watch/schedule';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const watch: ReadTiming = { focused: true, visible: false, whileHidden: true, intervalSeconds: 60, backgroundSeconds: 300, consecutiveFailures: 0, lastReadAt: T0, now: T0 };
const viewOnly: ReadTiming = { ...watch, whileHidden: false, visible: true };

describe('alarm watch: when the next read is due', () => {
  it('reads at the refresh interval while focused, whatever view is in front', () => {
    assert.equal(nextReadDelayMs({ ...watch, now: T0 + 10_000 }), 50_000);
    assert.equal(intervalInForce(watch), 60);
  });

  it('reads at the background interval while the window is not focused, and not at all with 0', () => {
    assert.equal(nextReadDelayMs({ ...watch, focused: false, now: T0 + 10_000 }), 290_000);
    assert.equal(nextReadDelayMs({ ...watch, focused: false, backgroundSeconds: 0 }), undefined);
    assert.equal(nextReadDelayMs({ ...watch, intervalSeconds: 0 }), undefined, 'refresh interval 0: only on demand, in the background too');
  });

  it('reads at once when nothing was read yet', () => {
    assert.equal(nextReadDelayMs({ ...watch, lastReadAt: undefined }), 0);
    assert.equal(nextReadDelayMs({ ...watch, focused: false, lastReadAt: undefined }), 0);
  });

  it('counts from the last read, so focus changes never postpone a read', () => {
    // Thirty seconds after a read the window loses focus and gets it back: the read is still due at T0 + 60 s.
    assert.equal(nextReadDelayMs({ ...watch, now: T0 + 30_000, refocused: true }), 30_000);
    // Back after four unfocused minutes: a read older than one interval is due now.
    assert.equal(nextReadDelayMs({ ...watch, now: T0 + 240_000, refocused: true }), 0);
    assert.equal(nextReadDelayMs({ ...watch, now: T0 + 600_000 }), 0, 'overdue reads are due at once, never negative');
  });

  it('backs off while reads fail, except when the window is focused again', () => {
    assert.equal(nextReadDelayMs({ ...watch, consecutiveFailures: 2 }), 240_000);
    assert.equal(nextReadDelayMs({ ...watch, consecutiveFailures: 10 }), 600_000, 'capped at ten minutes');
    assert.equal(nextReadDelayMs({ ...watch, consecutiveFailures: 3, now: T0 + 70_000, refocused: true }), 0);
  });

  it('a view read only while shown stops when hidden or unfocused, and its first timed read waits an interval', () => {
    assert.equal(nextReadDelayMs({ ...viewOnly, visible: false }), undefined);
    assert.equal(nextReadDelayMs({ ...viewOnly, focused: false }), undefined);
    assert.equal(nextReadDelayMs({ ...viewOnly, lastReadAt: undefined }), 60_000);
    assert.equal(nextReadDelayMs({ ...viewOnly, now: T0 + 5_000 }), 55_000);
  });
});

describe('alarm watch: staleness', () => {
  const read = new Date(T0);
  it('is stale once older than one interval (and the time a read takes)', () => {
    assert.equal(isStale(read, new Date(T0 + 60_000), 60), false);
    assert.equal(isStale(read, new Date(T0 + 80_000), 60), true);
    assert.equal(isStale(read, new Date(T0 + 200_000), 300), false, 'in the background the interval is longer');
    assert.equal(isStale(read, new Date(T0 + 86_400_000), 0), false, 'no interval: never stale by age');
  });

  it('says when to look again', () => {
    const due = msUntilStale(read, new Date(T0 + 10_000), 60)!;
    assert.ok(due > 60_000 && due <= 66_000, String(due));
    assert.equal(isStale(read, new Date(T0 + 10_000 + due), 60), true);
    assert.equal(msUntilStale(read, new Date(T0 + 100_000), 60), undefined);
    assert.equal(msUntilStale(read, new Date(T0), 0), undefined);
  });
});
