import { strict as assert } from 'node:assert';
import { formatPath, parseJsonPath, readJsonPath } from '../../../src/core/health/jsonPath';

describe('health JSON paths', () => {
  const body = { checks: { queue: { counts: { waiting: 10 } } }, items: [{ status: 'ok' }, { status: 'down' }], 'key.with.dots': { x: 1 }, '0': 'zero', nil: null };

  it('parses dotted keys, indexes and quoted keys', () => {
    const ok = (p: string) => {
      const r = parseJsonPath(p);
      assert.ok(r.ok, p);
      return r.segments;
    };
    assert.deepEqual(ok('checks.queue.counts.waiting'), ['checks', 'queue', 'counts', 'waiting']);
    assert.deepEqual(ok('items[1].status'), ['items', 1, 'status']);
    assert.deepEqual(ok('items.1.status'), ['items', 1, 'status']);
    assert.deepEqual(ok('$.checks.queue'), ['checks', 'queue']);
    assert.deepEqual(ok('$[0]'), [0]);
    assert.deepEqual(ok('["key.with.dots"].x'), ['key.with.dots', 'x']);
    assert.deepEqual(ok("['a]b']"), ['a]b']);
    assert.deepEqual(ok('$'), []);
  });

  it('rejects malformed paths with a reason', () => {
    for (const bad of ['', 'a..b', 'a.', '.a', 'a[', 'a[x]', 'a[0]b']) {
      const r = parseJsonPath(bad);
      assert.equal(r.ok, false, bad);
      assert.ok(!r.ok && r.error.length > 0);
    }
  });

  it('reads values, and says where a missing one stopped', () => {
    assert.deepEqual(readJsonPath(body, 'checks.queue.counts.waiting'), { found: true, value: 10 });
    assert.deepEqual(readJsonPath(body, 'items[1].status'), { found: true, value: 'down' });
    assert.deepEqual(readJsonPath(body, 'items.0.status'), { found: true, value: 'ok' });
    assert.deepEqual(readJsonPath(body, '["key.with.dots"].x'), { found: true, value: 1 });
    assert.deepEqual(readJsonPath(body, '0'), { found: true, value: 'zero' }, 'a numeric key of an object');
    assert.deepEqual(readJsonPath(body, 'nil'), { found: true, value: null });
    assert.deepEqual(readJsonPath(body, 'checks.redis'), { found: false, reason: 'checks has no "redis"' });
    assert.deepEqual(readJsonPath(body, 'items[5]'), { found: false, reason: 'items has 2 items, no [5]' });
    assert.deepEqual(readJsonPath(body, 'items.status'), { found: false, reason: 'items is a list, not an object with "status"' });
    assert.deepEqual(readJsonPath(body, 'checks.queue.counts.waiting.x'), { found: false, reason: 'checks.queue.counts.waiting is 10, not an object' });
    assert.deepEqual(readJsonPath(body, 'nope'), { found: false, reason: 'the body has no "nope"' });
    assert.deepEqual(readJsonPath([1, 2], '[1]'), { found: true, value: 2 });
  });

  it('formats segments back into a path', () => {
    assert.equal(formatPath(['checks', 'queue', 0, 'a b']), 'checks.queue[0]["a b"]');
  });
});
