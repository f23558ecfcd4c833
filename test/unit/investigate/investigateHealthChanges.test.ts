import { strict as assert } from 'node:assert';
import { HealthChangeLog } from '../../../src/investigate/healthChanges';

const T = Date.parse('2026-11-22T15:00:00Z');

function check(name: string, state: string, at: number, httpStatus?: number) {
  return { endpoint: { name }, state, checkedAt: new Date(at), evaluation: { httpStatus } };
}

describe('investigation: recorded health changes', () => {
  it('records a change of state, not every check, and finds those of a window', () => {
    const log = new HealthChangeLog(T - 3_600_000);
    log.record(check('Orders API', 'healthy', T - 600_000, 200));
    log.record(check('Orders API', 'healthy', T - 540_000, 200));
    log.record(check('Orders API', 'down', T - 480_000, 503));
    log.record(check('Billing', 'unknown', T - 470_000));
    log.record(check('Billing', 'healthy', T - 460_000, 200));
    log.record(check('Billing', 'degraded', T - 60_000, 200));
    log.record(check('Orders API', 'healthy', T + 600_000, 200));
    assert.deepEqual(log.between([], T - 900_000, T).map((c) => `${c.endpoint}: ${c.from} → ${c.to} (${c.detail})`), ['Orders API: healthy → down (HTTP 503)', 'Billing: healthy → degraded (HTTP 200)']);
    assert.deepEqual(log.between(['orders api'], T - 900_000, T + 900_000).map((c) => c.to), ['down', 'healthy']);
  });

  it('keeps only the newest changes', () => {
    const log = new HealthChangeLog(T, 3);
    for (let i = 0; i < 10; i++) log.record(check('A', i % 2 ? 'down' : 'healthy', T + i * 1000));
    const kept = log.between([], T, T + 60_000);
    assert.equal(kept.length, 3);
    assert.equal(kept.at(-1)!.at, T + 9000);
  });
});
