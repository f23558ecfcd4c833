import { strict as assert } from 'node:assert';
import { evaluateCheck } from '../../../src/core/health/evaluate';
import type { Assertion } from '../../../src/core/health/model';
import { seed } from '../seeds';
import { endpoint, jsonBlockAfter, jsonBlocks, response } from './helpers';

describe('health evaluation of the seed guides\' bodies', () => {
  describe('seed 001 (pose generator)', () => {
    const text = seed('001');
    // Its "Health Indicators" table: Success Rate > 95% good, 90–95% warning, < 90% critical;
    // "Queue Indicators": depth < 100 healthy, 100–500 busy, > 500 overloaded.
    const thresholds: Assertion[] = [
      { path: 'successRate', op: '<', value: 95, severity: 'warning' },
      { path: 'successRate', op: '<', value: 90, severity: 'critical' },
      { path: 'queueDepth', op: '>', value: 100, severity: 'warning' },
      { path: 'queueDepth', op: '>', value: 500, severity: 'critical' },
    ];

    it('metrics: a success rate of 93.33 is degraded, with the failed threshold and its value', () => {
      const metrics = jsonBlockAfter(text, 'GET /api/apps/pose-generator/metrics?period=24h') as Record<string, unknown>;
      assert.equal(metrics.successRate, 93.33);
      const e = evaluateCheck(endpoint({ assertions: thresholds }), response(200, metrics));
      assert.equal(e.state, 'degraded');
      const failed = e.assertions.filter((a) => a.failed);
      assert.equal(failed.length, 1);
      assert.deepEqual(failed[0].assertion, thresholds[0]);
      assert.equal(failed[0].actual, 93.33);
      assert.deepEqual(e.reasons, ['successRate is 93.33 (warning when < 95)']);
      assert.equal(e.components.length, 0, 'a metrics body has no dependency checks');
    });

    it('metrics: below 90 is down, above 95 healthy', () => {
      const metrics = jsonBlockAfter(text, 'GET /api/apps/pose-generator/metrics?period=24h') as Record<string, unknown>;
      assert.equal(evaluateCheck(endpoint({ assertions: thresholds }), response(200, { ...metrics, successRate: 85 })).state, 'down');
      assert.equal(evaluateCheck(endpoint({ assertions: thresholds }), response(200, { ...metrics, successRate: 97.5 })).state, 'healthy');
      const busy = evaluateCheck(endpoint({ assertions: thresholds }), response(200, { ...metrics, successRate: 99, queueDepth: 600 }));
      assert.equal(busy.state, 'down');
      assert.deepEqual(busy.reasons, ['queueDepth is 600 (critical when > 500)', 'queueDepth is 600 (warning when > 100)']);
    });

    it('health: healthy, with database, redis and queue as children and the queue counts as its description', () => {
      const body = jsonBlockAfter(text, 'GET /api/apps/pose-generator/health');
      const e = evaluateCheck(endpoint({ assertions: [{ path: 'checks.queue.counts.waiting', op: '>', value: 100, severity: 'warning' }] }), response(200, body));
      assert.equal(e.state, 'healthy');
      assert.deepEqual(e.reasons, []);
      assert.equal(e.bodyStatus, 'healthy');
      assert.deepEqual(e.components.map((c) => [c.name, c.status, c.state]), [
        ['database', 'connected', 'healthy'],
        ['redis', 'connected', 'healthy'],
        ['queue', 'operational', 'healthy'],
      ]);
      const queue = e.components[2];
      assert.equal(queue.path, 'checks.queue');
      assert.deepEqual(queue.details, [
        { key: 'counts.waiting', value: '10' },
        { key: 'counts.active', value: '2' },
        { key: 'counts.completed', value: '1500' },
        { key: 'counts.failed', value: '12' },
        { key: 'counts.delayed', value: '0' },
      ]);
    });

    it('health: the documented 503 with a disconnected redis is down, naming redis', () => {
      const body = jsonBlockAfter(text, 'GET /api/apps/pose-generator/health') as { status: string; checks: Record<string, { status: string }> };
      const broken = { ...body, status: 'unhealthy', checks: { ...body.checks, redis: { status: 'disconnected', error: 'ECONNREFUSED 10.0.3.7:6379' } } };
      const e = evaluateCheck(endpoint(), response(503, broken));
      assert.equal(e.state, 'down');
      assert.deepEqual(e.reasons, [
        'HTTP 503 Service Unavailable (expected 2xx)',
        'The service reports status "unhealthy"',
        'redis: disconnected (ECONNREFUSED 10.0.3.7:6379)',
      ]);
    });

    it('top users, popular poses and errors bodies are plain data: healthy on 200, thresholds reach into lists', () => {
      const users = jsonBlockAfter(text, 'GET /api/apps/pose-generator/metrics/top-users');
      const errors = jsonBlockAfter(text, 'GET /api/apps/pose-generator/metrics/errors');
      const poses = jsonBlockAfter(text, 'GET /api/apps/pose-generator/metrics/popular-poses');
      assert.equal(evaluateCheck(endpoint(), response(200, users)).state, 'healthy');
      assert.equal(evaluateCheck(endpoint(), response(200, poses)).state, 'healthy');
      const e = evaluateCheck(endpoint({ assertions: [{ path: 'errors[0].count', op: '>=', value: 10, severity: 'warning' }, { path: 'users.0.successRate', op: '<', value: 90, severity: 'critical' }] }), response(200, errors));
      assert.equal(e.state, 'down', 'the users path does not exist in the errors body');
      assert.deepEqual(e.reasons, ['users.0.successRate is not in the body (the body has no "users") (critical when < 90)', 'errors[0].count is 12 (warning when >= 10)']);
    });
  });

  describe('seed 002 (ECS video backend)', () => {
    const text = seed('002');

    it('/health: {"status": "healthy"} is healthy', () => {
      const inline = /with `(\{"status": "healthy"\})`/.exec(text);
      assert.ok(inline, 'the /health response is quoted inline');
      const e = evaluateCheck(endpoint(), response(200, JSON.parse(inline[1])));
      assert.equal(e.state, 'healthy');
      assert.deepEqual(e.components, []);
    });

    it('/health/detailed: the documented body is healthy, each check a child', () => {
      const body = jsonBlockAfter(text, '### `/health/detailed`');
      const e = evaluateCheck(endpoint(), response(200, body));
      assert.equal(e.state, 'healthy');
      assert.deepEqual(e.components.map((c) => [c.name, c.status, c.state]), [
        ['database', 'healthy', 'healthy'],
        ['redis', 'healthy', 'healthy'],
        ['s3', 'healthy', 'healthy'],
        ['replicate_api', 'healthy', 'healthy'],
      ]);
    });

    it('/health/detailed: redis unhealthy with 503 is down, with both reasons', () => {
      const body = jsonBlockAfter(text, '### `/health/detailed`') as { checks: Record<string, string> };
      const e = evaluateCheck(endpoint(), response(503, { status: 'unhealthy', checks: { ...body.checks, redis: 'unhealthy' } }));
      assert.equal(e.state, 'down');
      assert.equal(e.httpStatus, 503);
      assert.deepEqual(e.reasons, ['HTTP 503 Service Unavailable (expected 2xx)', 'The service reports status "unhealthy"', 'redis: unhealthy']);
      assert.equal(e.components.find((c) => c.name === 'redis')?.state, 'down');
    });

    it('/health/detailed: a failing dependency behind a 200 is degraded, not down', () => {
      const body = jsonBlockAfter(text, '### `/health/detailed`') as { status: string; checks: Record<string, string> };
      const e = evaluateCheck(endpoint(), response(200, { ...body, checks: { ...body.checks, replicate_api: 'unhealthy' } }));
      assert.equal(e.state, 'degraded');
      assert.deepEqual(e.reasons, ['replicate_api: unhealthy']);
    });
  });

  describe('seed 004 (avatar system)', () => {
    const text = seed('004');
    const handler = text.slice(text.indexOf("app.get('/api/monitoring/health'"), text.indexOf('res.status(overallHealth'));
    const componentNames = [...handler.matchAll(/(\w+): await check\w+Health\(\)/g)].map((m) => m[1]);
    const metricNames = [...handler.matchAll(/(\w+): await get\w+\(\)/g)].map((m) => m[1]);
    // The body that handler sends: top-level checks, strings or objects with a status, next to plain values.
    const body = (overrides: Record<string, unknown> = {}) => ({
      timestamp: '2025-10-14T10:30:00.000Z',
      service: 'avatar-system',
      version: '1.0.0',
      ...Object.fromEntries(componentNames.map((n, i) => [n, i % 2 ? { status: 'healthy', latencyMs: 12 } : 'healthy'])),
      metrics: Object.fromEntries(metricNames.map((n) => [n, n === 'cacheHitRate' ? 96 : n === 'errorRate' ? 0.4 : 100])),
      ...overrides,
    });
    // Its alert matrix: Error Rate > 5% critical; Cache Hit Rate < 90% warning.
    const thresholds: Assertion[] = [
      { path: 'metrics.errorRate', op: '>', value: 5, severity: 'critical' },
      { path: 'metrics.cacheHitRate', op: '<', value: 90, severity: 'warning' },
    ];

    it('reads the handler\'s shape from the guide', () => {
      assert.deepEqual(componentNames, ['database', 'redis', 's3', 'avatarService', 'workers']);
      assert.deepEqual(metricNames, ['uploadsLast24h', 'averageUploadTime', 'cacheHitRate', 'errorRate', 'storageUsage']);
    });

    it('top-level checks are children; timestamp, service, version and metrics are not', () => {
      const e = evaluateCheck(endpoint({ assertions: thresholds }), response(200, body()));
      assert.equal(e.state, 'healthy');
      assert.deepEqual(e.components.map((c) => c.name), componentNames);
      assert.deepEqual(e.components.find((c) => c.name === 'redis')?.details, [{ key: 'latencyMs', value: '12' }]);
    });

    it('"unhealthy" anywhere makes the handler answer 503: down, naming the check', () => {
      const e = evaluateCheck(endpoint({ assertions: thresholds }), response(503, body({ s3: 'unhealthy' })));
      assert.equal(e.state, 'down');
      assert.deepEqual(e.reasons, ['HTTP 503 Service Unavailable (expected 2xx)', 's3: unhealthy']);
    });

    it('metric thresholds: cache hit rate 85 is degraded, error rate 7 down', () => {
      assert.equal(evaluateCheck(endpoint({ assertions: thresholds }), response(200, body({ metrics: { cacheHitRate: 85, errorRate: 1 } }))).state, 'degraded');
      const e = evaluateCheck(endpoint({ assertions: thresholds }), response(200, body({ metrics: { cacheHitRate: 85, errorRate: 7 } })));
      assert.equal(e.state, 'down');
      assert.deepEqual(e.reasons, ['metrics.errorRate is 7 (critical when > 5)', 'metrics.cacheHitRate is 85 (warning when < 90)']);
    });
  });

  it('every JSON block in the five seeds evaluates without throwing (000 and 003 document no JSON body)', () => {
    const counts: Record<string, number> = {};
    for (const n of ['000', '001', '002', '003', '004']) {
      const blocks = jsonBlocks(seed(n));
      counts[n] = blocks.length;
      for (const block of blocks) {
        const e = evaluateCheck(endpoint({ assertions: [{ path: 'successRate', op: '<', value: 90, severity: 'critical' }] }), response(200, block));
        assert.ok(['healthy', 'degraded', 'down'].includes(e.state));
        assert.ok(e.reasons.every((r) => typeof r === 'string' && r.length > 0));
      }
    }
    assert.equal(counts['000'], 0);
    assert.equal(counts['003'], 0);
    assert.ok(counts['001'] >= 5 && counts['002'] >= 1 && counts['004'] >= 3, JSON.stringify(counts));
  });
});
