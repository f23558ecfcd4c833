import { strict as assert } from 'node:assert';
import { refreshDue } from '../../../src/core/productionErrors';

describe('production errors: when a refresh runs by itself', () => {
  const now = Date.UTC(2026, 10, 30, 12);
  const on = { logGroups: 2, refreshMinutes: 15, focused: true, lastAt: now - 16 * 60_000, now };

  it('runs when the last refresh is older than refreshMinutes, or there was none', () => {
    assert.equal(refreshDue(on), true);
    assert.equal(refreshDue({ ...on, lastAt: undefined }), true);
  });

  it('never while the window is unfocused, the last refresh is newer, the feature is off, or refreshMinutes is 0', () => {
    assert.equal(refreshDue({ ...on, focused: false }), false);
    assert.equal(refreshDue({ ...on, lastAt: now - 14 * 60_000 }), false);
    assert.equal(refreshDue({ ...on, logGroups: 0, lastAt: undefined }), false);
    assert.equal(refreshDue({ ...on, refreshMinutes: 0, lastAt: undefined }), false);
  });
});
