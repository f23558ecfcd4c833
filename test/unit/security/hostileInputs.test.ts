import * as assert from 'node:assert/strict';
import { HOSTILE_CASES } from './hostileInputs';

/**
 * Generous on purpose, so a busy machine cannot fail it (the budget, 50 ms, is what `npm run bench`
 * reports): before the parsers were made linear these inputs took minutes to hours at 1 MB.
 */
const BOUND_MS = 3000;

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
