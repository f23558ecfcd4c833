import { strict as assert } from 'node:assert';
import { checkLogLine, settingsProblemLine } from '../../../src/core/health/checkLog';
import type { Evaluation } from '../../../src/core/health/evaluate';

const evaluation = (over: Partial<Evaluation>): Evaluation => ({ state: 'healthy', reasons: [], findings: [], latencyMs: 42, components: [], assertions: [], notes: [], ...over }) as Evaluation;

describe('health output lines', () => {
  it('a change of state is info, the same state again is trace', () => {
    const status = { endpoint: { name: 'Orders' }, state: 'down' as const, evaluation: evaluation({ state: 'down', httpStatus: 503, reasons: ['status 503', 'db down'] }), missingSecrets: [] };
    assert.deepEqual(checkLogLine(status, 'healthy'), { level: 'info', text: 'health: Orders down (503, 42 ms): status 503; db down' });
    assert.deepEqual(checkLogLine(status, 'down'), { level: 'trace', text: 'health: Orders down (503, 42 ms): status 503; db down' });
  });

  it('a request that got no answer names the failure', () => {
    const status = { endpoint: { name: 'Orders' }, state: 'down' as const, evaluation: evaluation({ state: 'down', failure: 'timeout' }), missingSecrets: [] };
    assert.equal(checkLogLine(status, undefined)?.text, 'health: Orders down (timeout, 42 ms)');
  });

  it('an endpoint skipped for a missing secret warns once', () => {
    const status = { endpoint: { name: 'Orders' }, state: 'unknown' as const, missingSecrets: ['TOKEN', 'KEY'] };
    assert.deepEqual(checkLogLine(status, undefined), { level: 'warn', text: 'health: Orders not requested: secret TOKEN, KEY not set' });
    assert.equal(checkLogLine(status, 'unknown'), undefined);
    assert.equal(checkLogLine({ ...status, missingSecrets: [] }, undefined), undefined);
  });

  it('a settings problem names its source and entry', () => {
    assert.equal(settingsProblemLine({ source: 'workspace', index: 2, messages: ['url missing', 'bad interval'] }), 'health settings (workspace, entry 3): url missing; bad interval');
    assert.equal(settingsProblemLine({ source: 'user', messages: ['not an array'] }), 'health settings (user): not an array');
  });
});
