import { strict as assert } from 'node:assert';
import { compare, describeAssertion, describeFailure, evaluateAssertion } from '../../../src/core/health/assertions';
import { parseBody } from '../../../src/core/health/body';
import type { Assertion } from '../../../src/core/health/model';

const json = (value: unknown) => parseBody(JSON.stringify(value), 'application/json', false);
const a = (path: string, op: Assertion['op'], value: Assertion['value'], severity: Assertion['severity'] = 'critical'): Assertion => ({ path, op, value, severity });

describe('health assertions', () => {
  it('compares numbers with every op', () => {
    const cases: [unknown, Assertion['op'], unknown, boolean][] = [
      [93.33, '<', 95, true], [95, '<', 95, false],
      [95, '<=', 95, true], [95.01, '<=', 95, false],
      [501, '>', 500, true], [500, '>', 500, false],
      [500, '>=', 500, true], [499, '>=', 500, false],
      [0, '==', 0, true], [1, '==', 0, false],
      [1, '!=', 0, true], [0, '!=', 0, false],
    ];
    for (const [actual, op, expected, holds] of cases) assert.equal(compare(actual, op, expected), holds, `${actual} ${op} ${expected}`);
  });

  it('reads numeric strings as numbers, orders two strings as text, compares anything for equality', () => {
    assert.equal(compare('93.33', '<', 95), true);
    assert.equal(compare(12, '==', '12'), true);
    assert.equal(compare('2025-10-14T10:30:00Z', '<', '2025-10-15T00:00:00Z'), true);
    assert.equal(compare('healthy', '==', 'healthy'), true);
    assert.equal(compare('healthy', '!=', 'healthy'), false);
    assert.equal(compare(true, '==', true), true);
    assert.equal(compare(null, '==', null), true);
    assert.equal(compare({ a: 1 }, '==', { a: 1 }), true);
    assert.deepEqual(compare('n/a', '<', 90), { error: '"n/a" is not a number' });
    assert.deepEqual(compare(true, '>', 1), { error: 'true is not a number' });
  });

  it('fails when the condition holds, with the value found', () => {
    const r = evaluateAssertion(a('successRate', '<', 90), json({ successRate: 85 }));
    assert.deepEqual(r, { assertion: a('successRate', '<', 90), failed: true, found: true, actual: 85 });
    assert.equal(describeFailure(r), 'successRate is 85 (critical when < 90)');
    assert.equal(evaluateAssertion(a('successRate', '<', 90), json({ successRate: 93.33 })).failed, false);
    assert.equal(describeAssertion(a('status', '!=', 'healthy')), 'status != "healthy"');
  });

  it('a value that cannot be read fails, saying why', () => {
    const missing = evaluateAssertion(a('checks.queue.counts.waiting', '>', 100, 'warning'), json({ checks: {} }));
    assert.equal(missing.failed, true);
    assert.equal(describeFailure(missing), 'checks.queue.counts.waiting is not in the body (checks has no "queue") (warning when > 100)');
    const text = evaluateAssertion(a('x', '>', 1), parseBody('<html>oops</html>', 'text/html', false));
    assert.equal(describeFailure(text), 'x cannot be read: the body is not JSON (critical when > 1)');
    const cut = evaluateAssertion(a('x', '>', 1), parseBody('{"x": 1, "pad": "', 'application/json', true));
    assert.equal(describeFailure(cut), 'x cannot be read: the body was cut at 1 MB before the JSON ended (critical when > 1)');
    const empty = evaluateAssertion(a('x', '>', 1), parseBody('', undefined, false));
    assert.equal(describeFailure(empty), 'x cannot be read: the response has no body (critical when > 1)');
    const nan = evaluateAssertion(a('rate', '<', 90), json({ rate: 'n/a' }));
    assert.equal(describeFailure(nan), 'rate is "n/a" — "n/a" is not a number (critical when < 90)');
  });

  it('equality with an absent value compares it as null', () => {
    assert.equal(evaluateAssertion(a('error', '!=', null), json({ status: 'ok' })).failed, false, 'no error, no failure');
    assert.equal(evaluateAssertion(a('error', '!=', null), json({ error: 'boom' })).failed, true);
    assert.equal(evaluateAssertion(a('status', '!=', 'healthy'), json({})).failed, true, 'no status is not "healthy"');
  });
});

describe('health body parsing', () => {
  it('parses JSON by content type or shape, keeps text, reports broken JSON', () => {
    assert.deepEqual(parseBody('{"a":1}', 'application/json; charset=utf-8', false), { kind: 'json', value: { a: 1 } });
    assert.deepEqual(parseBody('{"a":1}', 'application/health+json', false), { kind: 'json', value: { a: 1 } });
    assert.deepEqual(parseBody(' [1]', 'text/plain', false), { kind: 'json', value: [1] });
    assert.deepEqual(parseBody('OK', 'text/plain', false), { kind: 'text', text: 'OK' });
    assert.deepEqual(parseBody('  ', 'application/json', false), { kind: 'empty' });
    assert.deepEqual(parseBody('{oops', 'text/plain', false), { kind: 'text', text: '{oops' });
    const bad = parseBody('{oops', 'application/json', false);
    assert.equal(bad.kind, 'badJson');
    assert.ok(bad.kind === 'badJson' && bad.error.startsWith('the body is not valid JSON'));
  });
});
