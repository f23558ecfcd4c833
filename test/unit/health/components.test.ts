import { strict as assert } from 'node:assert';
import { classifyStatus, extractComponents } from '../../../src/core/health/components';
import { evaluateCheck } from '../../../src/core/health/evaluate';
import { componentSummary, countsText, describeResult, formatLatency, historyRow } from '../../../src/core/health/format';
import { endpoint, failure, response } from './helpers';

describe('health components and evaluation', () => {
  it('classifies status words', () => {
    for (const w of ['healthy', 'OK', 'up', 'connected', 'operational', 'pass', 'Available']) assert.equal(classifyStatus(w), 'healthy', w);
    for (const w of ['degraded', 'warn', 'partial-outage']) assert.equal(classifyStatus(w), 'degraded', w);
    for (const w of ['unhealthy', 'DOWN', 'fail', 'disconnected', 'error', 'not connected']) assert.equal(classifyStatus(w), 'down', w);
    assert.equal(classifyStatus(true), 'healthy');
    assert.equal(classifyStatus(false), 'down');
    assert.equal(classifyStatus('1.0.0'), 'unknown');
    assert.equal(classifyStatus(3), 'unknown');
  });

  it('reads checks given as a list, and health+json style lists of observations', () => {
    assert.deepEqual(extractComponents({ checks: [{ name: 'db', status: 'up' }, { status: 'down', error: 'timeout' }] }).map((c) => [c.name, c.state, c.message]), [['db', 'healthy', undefined], ['#2', 'down', 'timeout']]);
    const ietf = extractComponents({ status: 'pass', checks: { 'db:responseTime': [{ status: 'pass', observedValue: 12 }, { status: 'warn', observedValue: 900 }] } });
    assert.deepEqual(ietf.map((c) => [c.name, c.state, c.path]), [['db:responseTime', 'degraded', 'checks["db:responseTime"]']]);
    assert.deepEqual(extractComponents({ components: { db: { status: 'UP', details: { database: 'PostgreSQL' } } } }).map((c) => [c.name, c.state, c.details]), [['db', 'healthy', [{ key: 'details.database', value: 'PostgreSQL' }]]]);
    assert.deepEqual(extractComponents({ checks: { db: true, cache: false, latency: 12 } }).map((c) => [c.name, c.state]), [['db', 'healthy'], ['cache', 'down'], ['latency', 'unknown']]);
    assert.deepEqual(extractComponents('OK'), []);
    assert.deepEqual(extractComponents([1, 2]), []);
  });

  it('summarises a component on one line', () => {
    const [queue] = extractComponents({ checks: { queue: { status: 'operational', counts: { waiting: 10, active: 2, completed: 1500, failed: 12, delayed: 0 } } } });
    assert.equal(componentSummary(queue), 'operational · waiting 10, active 2, completed 1500, failed 12, delayed 0');
  });

  it('transport failures are down with the checker\'s sentence', () => {
    const e = evaluateCheck(endpoint(), failure('timeout', 'No response within 5 s'));
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['No response within 5 s']);
    assert.equal(describeResult(e), 'timeout · 5.0 s');
  });

  it('a non-JSON 500 is down with the start of its text', () => {
    const e = evaluateCheck(endpoint(), response(500, '<html><head><style>p{}</style></head><body><h1>Internal Server Error</h1><p>upstream crashed</p></body></html>', { contentType: 'text/html' }));
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['HTTP 500 Internal Server Error (expected 2xx): Internal Server Error upstream crashed']);
    assert.equal(describeResult(e), '500 · 42 ms');
  });

  it('expected statuses other than 2xx, and a body saying degraded', () => {
    assert.equal(evaluateCheck(endpoint({ expectStatus: { codes: [503], classes: [] } }), response(503, 'maintenance')).state, 'healthy');
    assert.deepEqual(evaluateCheck(endpoint({ expectStatus: { codes: [200, 204], classes: [] } }), response(201, '')).reasons, ['HTTP 201 (expected 200 or 204)']);
    const e = evaluateCheck(endpoint(), response(200, { status: 'degraded' }));
    assert.equal(e.state, 'degraded');
    assert.deepEqual(e.reasons, ['The service reports status "degraded"']);
    assert.equal(evaluateCheck(endpoint(), response(200, { status: 'down' })).state, 'down');
  });

  it('a body cut at 1 MB is still judged by its status, with a note', () => {
    const e = evaluateCheck(endpoint(), response(200, '{"status":"healthy","pad":"xxxx', { truncated: true, bodyBytes: 1024 * 1024 }));
    assert.equal(e.state, 'healthy');
    assert.deepEqual(e.notes, ['The body was cut at 1 MB; the rest was not read.', 'The body was cut at 1 MB before the JSON ended']);
  });

  it('formats latency, history rows and counts', () => {
    assert.equal(formatLatency(45.4), '45 ms');
    assert.equal(formatLatency(2003), '2.0 s');
    assert.equal(formatLatency(15_000), '15 s');
    assert.deepEqual(historyRow({ at: new Date(2025, 9, 14, 9, 5, 7), state: 'down', failure: 'refused', latencyMs: 3 }, 'local'), ['09:05:07', 'Down', 'refused', '3 ms']);
    assert.deepEqual(historyRow({ at: new Date(2025, 9, 14, 19, 0, 0), state: 'healthy', httpStatus: 200, latencyMs: 120 }, 'local'), ['19:00:00', 'Healthy', '200', '120 ms']);
    assert.equal(countsText({ healthy: 3, degraded: 1, down: 1, unknown: 0 }), '1 down, 1 degraded');
    assert.equal(countsText({ healthy: 3, degraded: 0, down: 0, unknown: 2 }), '');
  });
});
