import { strict as assert } from 'node:assert';
import { rerunTarget, sideFromArgument, targetFromArgument } from '../../../src/core/investigate/request';
import { DEFAULT_AFTER_MS, DEFAULT_BEFORE_MS } from '../../../src/core/investigate/window';
import { asScopeId } from '../../../src/core/scope';

describe('investigation requests from commands and the page', () => {
  it('a side is minutes as a number or a duration as text; anything else keeps the default', () => {
    assert.equal(sideFromArgument(45, 1), 45 * 60_000);
    assert.equal(sideFromArgument(0, 1), 0);
    assert.equal(sideFromArgument('2h', 1), 2 * 3_600_000);
    assert.equal(sideFromArgument('25h', 1), 1, 'longer than a day is not a side');
    assert.equal(sideFromArgument(-5, 1), 1);
    assert.equal(sideFromArgument(Number.NaN, 1), 1);
    assert.equal(sideFromArgument({ minutes: 5 }, 1), 1);
  });

  it('the argument beside the alarm chooses the moment and the sides', () => {
    assert.deepEqual(targetFromArgument(asScopeId('eu-west-1'), 'Orders5xx', 'Orders5xx'), { region: 'eu-west-1', name: 'Orders5xx', beforeMs: DEFAULT_BEFORE_MS, afterMs: DEFAULT_AFTER_MS });
    assert.deepEqual(
      targetFromArgument(asScopeId('eu-west-1'), 'Orders5xx', { name: 'Orders5xx', at: '2026-12-07T10:00:00Z', before: '1h', after: 5 }),
      { region: 'eu-west-1', name: 'Orders5xx', beforeMs: 3_600_000, afterMs: 5 * 60_000, at: Date.parse('2026-12-07T10:00:00Z') },
    );
  });

  it('investigating again keeps the alarm and its moment unless the page names another', () => {
    const current = { region: asScopeId('eu-west-1'), name: 'Orders5xx', at: 1000, beforeMs: DEFAULT_BEFORE_MS, afterMs: DEFAULT_AFTER_MS };
    assert.deepEqual(rerunTarget(current, { before: '2h', after: '0m' }), { region: 'eu-west-1', name: 'Orders5xx', at: 1000, beforeMs: 7_200_000, afterMs: 0 });
    assert.deepEqual(rerunTarget(current, { at: 5000, before: '10m', after: '10m' }), { region: 'eu-west-1', name: 'Orders5xx', at: 5000, beforeMs: 600_000, afterMs: 600_000 });
    const { at: _at, ...noMoment } = current;
    assert.equal('at' in (rerunTarget(noMoment, { before: '10m', after: '10m' }) as object), false);
  });

  it('a side that is not a duration, or nothing before the moment, is refused with both sides quoted', () => {
    const current = { region: asScopeId('eu-west-1'), name: 'Orders5xx' };
    assert.equal(rerunTarget(current, { before: 'soon', after: '5m' }), "The window's sides are durations such as 30m or 2h (before: soon, after: 5m).");
    assert.equal(typeof rerunTarget(current, { before: '0m', after: '5m' }), 'string');
    assert.equal(typeof rerunTarget(current, { before: '5m', after: '2d' }), 'string');
  });
});
