import * as assert from 'node:assert/strict';
import { HOSTILE_CASES } from './hostileInputs';

/**
 * Generous on purpose (the budget, 50 ms, is checked by `npm run bench`): the inputs below took
 * seconds to minutes before the parsers were made linear, so this bound only catches that again.
 */
const BOUND_MS = 1000;

describe('hostile inputs: every parser of outside text stays linear on 1 MB', function () {
  this.timeout(30000);
  for (const c of HOSTILE_CASES) {
    it(`${c.parser}: ${c.input}`, () => {
      const input = c.make();
      const started = performance.now();
      c.run(input);
      const ms = performance.now() - started;
      assert.ok(ms < BOUND_MS, `${c.parser} took ${Math.round(ms)} ms on ${c.input}`);
    });
  }
});
