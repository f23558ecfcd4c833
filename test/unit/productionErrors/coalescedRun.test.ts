import * as assert from 'node:assert/strict';
import { CoalescedRun } from '../../../src/core/coalescedRun';

/** A run whose end the test decides, reading the "settings" of the moment it starts. */
function harness() {
  let settings = 'one profile';
  const started: string[] = [];
  const finish: Array<() => void> = [];
  const runs = new CoalescedRun<{ explicit?: boolean }, string>(
    (options) => {
      const read = `${settings}${options.explicit ? ' (explicit)' : ''}`;
      started.push(read);
      return new Promise((resolve) => finish.push(() => resolve(read)));
    },
    (a, b) => ({ explicit: a.explicit || b.explicit }),
  );
  return { runs, started, finish, set: (s: string) => { settings = s; } };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('a refresh asked for while one runs', () => {
  it('joins the running one when nothing changed: one read', async () => {
    const h = harness();
    const first = h.runs.request({});
    const second = h.runs.request({ explicit: true });
    h.finish[0]();
    assert.deepEqual([await first, await second], ['one profile', 'one profile']);
    assert.equal(h.started.length, 1);
  });

  it('after the settings changed, is answered by a new read, never by the one started before', async () => {
    const h = harness();
    h.set('two profiles');
    const stale = h.runs.request({});
    h.set('one profile');
    h.runs.inputsChanged();
    const fresh = h.runs.request({ explicit: true });
    const alsoFresh = h.runs.request({});
    h.finish[0]();
    assert.equal(await stale, 'two profiles');
    await tick();
    assert.equal(h.started.length, 2, 'one more read, shared by both requests made after the change');
    h.finish[1]();
    assert.equal(await fresh, 'one profile (explicit)');
    assert.equal(await alsoFresh, 'one profile (explicit)');
    assert.equal(h.runs.busy, false);
  });

  it('runs again after a failed run', async () => {
    let fail = true;
    const runs = new CoalescedRun<object, string>(async () => {
      if (fail) throw new Error('expired token');
      return 'read';
    }, (a) => a);
    await assert.rejects(runs.request({}), /expired token/);
    fail = false;
    assert.equal(await runs.request({}), 'read');
  });
});
