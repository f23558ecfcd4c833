import { strict as assert } from 'node:assert';
import { HistoryRing } from '../../../src/core/health/history';
import { redactSecrets, resolveSecretHeaders, secretNames, displayUrl } from '../../../src/core/health/secrets';
import { enteredDown } from '../../../src/core/health/transitions';

describe('health history, transitions and secrets', () => {
  it('the ring keeps the last N, newest first', () => {
    const ring = new HistoryRing<number>(3);
    assert.deepEqual(ring.newestFirst(), []);
    assert.equal(ring.latest, undefined);
    for (let i = 1; i <= 5; i++) ring.push(i);
    assert.deepEqual(ring.newestFirst(), [5, 4, 3]);
    assert.equal(ring.size, 3);
    assert.equal(ring.latest, 5);
    const twenty = new HistoryRing<number>(20);
    for (let i = 0; i < 45; i++) twenty.push(i);
    assert.equal(twenty.newestFirst().length, 20);
    assert.equal(twenty.newestFirst()[19], 25);
    assert.throws(() => new HistoryRing(0));
  });

  it('healthy or degraded → down is a transition; the first result and staying down are not', () => {
    assert.equal(enteredDown('healthy', 'down'), true);
    assert.equal(enteredDown('degraded', 'down'), true);
    assert.equal(enteredDown(undefined, 'down'), false);
    assert.equal(enteredDown('down', 'down'), false);
    assert.equal(enteredDown('unknown', 'down'), false);
    assert.equal(enteredDown('healthy', 'degraded'), false);
  });

  it('resolves ${secret:NAME} in headers and reports every missing one', () => {
    const headers = { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Key': '${secret:KEY}-${secret:API_TOKEN}', Accept: 'application/json' };
    assert.deepEqual(secretNames(Object.values(headers)), ['API_TOKEN', 'KEY']);
    assert.deepEqual(resolveSecretHeaders(headers, new Map([['API_TOKEN', 's3cr3t-token']])), { ok: false, missing: ['KEY'] });
    const resolved = resolveSecretHeaders(headers, new Map([['API_TOKEN', 's3cr3t-token'], ['KEY', 'k-123']]));
    assert.ok(resolved.ok);
    assert.deepEqual(resolved.headers, { Authorization: 'Bearer s3cr3t-token', 'X-Key': 'k-123-s3cr3t-token', Accept: 'application/json' });
    assert.deepEqual(resolved.secretHeaders, ['Authorization', 'X-Key']);
    assert.equal(redactSecrets('echo: Bearer s3cr3t-token and k-123', resolved.values), 'echo: Bearer ••• and •••');
  });

  it('shows URLs without credentials', () => {
    assert.equal(displayUrl('https://user:pw@api.example.com/health'), 'https://api.example.com/health');
    assert.equal(displayUrl('https://api.example.com/health'), 'https://api.example.com/health');
  });
});
