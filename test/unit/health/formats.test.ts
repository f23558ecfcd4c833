import { strict as assert } from 'node:assert';
import { parseBody } from '../../../src/core/health/body';
import type { Component } from '../../../src/core/health/components';
import { evaluateCheck } from '../../../src/core/health/evaluate';
import { componentSummary } from '../../../src/core/health/format';
import { readHealthBody } from '../../../src/core/health/formats';
import * as F from '../../fixtures/health/bodies';
import { endpoint, response } from './helpers';

/** name → state of each check (children as `parent/child`). */
function states(checks: readonly Component[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of checks) {
    out[prefix + c.name] = c.state;
    Object.assign(out, states(c.children ?? [], `${prefix}${c.name}/`));
  }
  return out;
}

function read(body: unknown, contentType?: string) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return readHealthBody(parseBody(text, contentType ?? (typeof body === 'string' ? 'text/plain' : 'application/json'), false), contentType);
}

const find = (checks: readonly Component[], name: string) => checks.find((c) => c.name === name)!;

describe('health body formats', () => {
  it('Spring Boot 3: components, a nested group, OUT_OF_SERVICE is down and UNKNOWN unknown', () => {
    const r = read(F.SPRING_BOOT_3);
    assert.equal(r.format, 'Spring Boot Actuator');
    assert.deepEqual(r.overall, { text: 'OUT_OF_SERVICE', state: 'down' });
    assert.deepEqual(states(r.checks), { broker: 'down', 'broker/us1': 'healthy', 'broker/us2': 'down', db: 'healthy', diskSpace: 'healthy', ping: 'healthy', ldap: 'unknown' });
    assert.equal(find(r.checks, 'broker').children![1].path, 'components.broker.components.us2');
    assert.deepEqual(find(r.checks, 'db').details, [{ key: 'details.database', value: 'PostgreSQL' }, { key: 'details.validationQuery', value: 'isValid()' }]);
    const e = evaluateCheck(endpoint(), response(503, F.SPRING_BOOT_3));
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['HTTP 503 Service Unavailable (expected 2xx)', 'The service reports status "OUT_OF_SERVICE"', 'broker: OUT_OF_SERVICE (us2: OUT_OF_SERVICE — draining for maintenance)']);
    assert.equal(e.bodyFormat, 'Spring Boot Actuator');
  });

  it('Spring Boot 2.0–2.1: indicators under details, the error of a DOWN one as its message', () => {
    const r = read(F.SPRING_BOOT_2_1);
    assert.deepEqual(states(r.checks), { db: 'down', diskSpace: 'healthy' });
    assert.match(find(r.checks, 'db').message!, /CannotGetJdbcConnectionException/);
    assert.equal(r.overall?.state, 'down');
  });

  it('IETF health+json: each observation a check with component id, type, observed value and unit, time and output', () => {
    const r = read(F.HEALTH_JSON, 'application/health+json');
    assert.equal(r.format, 'health+json');
    assert.deepEqual(r.overall, { text: 'warn', state: 'degraded' });
    assert.deepEqual(states(r.checks), {
      'cassandra:responseTime (dfd6cf2b-1b6e-4412-a0b8-f6f7797a60d2)': 'healthy',
      'cassandra:responseTime (2b5a1ae4-f86c-4a1c-a9e7-0a2e71e6e4c5)': 'degraded',
      'cpu:utilization': 'degraded',
      uptime: 'healthy',
    });
    const slow = r.checks[1];
    assert.equal(slow.observed, '780 ms');
    assert.equal(slow.type, 'datastore');
    assert.equal(slow.message, 'above the 500 ms budget');
    assert.ok(slow.details.some((d) => d.key === 'time' && d.value === '2026-11-30T22:31:45+00:00'));
    assert.equal(find(r.checks, 'cpu:utilization').observed, '85 percent');
    assert.match(componentSummary(slow), /^warn · 780 ms/);
    assert.equal(evaluateCheck(endpoint(), response(200, F.HEALTH_JSON, { contentType: 'application/health+json' })).state, 'degraded');
  });

  it('ASP.NET Core: the text writer\'s "Degraded" with HTTP 200 is degraded; "Unhealthy" with 503 is down', () => {
    const e = evaluateCheck(endpoint(), response(200, F.ASPNET_TEXT_DEGRADED));
    assert.equal(e.state, 'degraded');
    assert.deepEqual(e.reasons, ['The service reports status "Degraded"']);
    assert.equal(e.bodyFormat, 'ASP.NET Core health checks (text)');
    assert.equal(evaluateCheck(endpoint(), response(200, 'Healthy')).state, 'healthy');
    const down = evaluateCheck(endpoint(), response(503, 'Unhealthy'));
    assert.equal(down.state, 'down');
    assert.equal(down.reasons[0], 'HTTP 503 Service Unavailable (expected 2xx): Unhealthy');
  });

  it('ASP.NET Core JSON writers: entries (HealthChecks.UI) and results (the documented writer), with durations', () => {
    const ui = read(F.ASPNET_UI_JSON);
    assert.equal(ui.format, 'ASP.NET Core health checks');
    assert.deepEqual(states(ui.checks), { npgsql: 'down', redis: 'healthy', memory: 'degraded' });
    assert.equal(find(ui.checks, 'npgsql').message, 'Failed to connect to 10.0.3.7:5432');
    assert.equal(find(ui.checks, 'npgsql').latencyMs, 2001.234);
    assert.equal(find(ui.checks, 'redis').latencyMs, 12.3);
    assert.match(componentSummary(find(ui.checks, 'redis')), /^Healthy · 12 ms/);
    const docs = read(F.ASPNET_DOCS_JSON);
    assert.deepEqual(states(docs.checks), { sample: 'healthy', memory: 'degraded' });
    assert.deepEqual(docs.overall, { text: 'Degraded', state: 'degraded' });
    assert.ok(find(docs.checks, 'memory').details.some((d) => d.key === 'data.AllocatedBytes' && d.value === '1090519040'));
  });

  it('MicroProfile Health: checks with data, the error in data as the message', () => {
    const r = read(F.MICROPROFILE);
    assert.equal(r.format, 'MicroProfile Health');
    assert.deepEqual(states(r.checks), { 'ready-deadlock': 'healthy', database: 'down' });
    assert.equal(find(r.checks, 'database').message, 'Connection refused');
    assert.equal(r.overall?.state, 'down');
  });

  it('@nestjs/terminus: details read once (not again from info and error), the failing message on the overall verdict', () => {
    const r = read(F.TERMINUS_ERROR);
    assert.equal(r.format, '@nestjs/terminus');
    assert.deepEqual(states(r.checks), { database: 'healthy', redis: 'down' });
    assert.deepEqual(r.overall, { text: 'error', state: 'down', message: 'Could not connect' });
    const { details: _d, ...withoutDetails } = F.TERMINUS_ERROR;
    assert.deepEqual(states(read(withoutDetails).checks), { redis: 'down', database: 'healthy' });
  });

  it('Kubernetes verbose text: one check per line, the reason of a failed one, the last line as the verdict', () => {
    const r = read(F.KUBERNETES_READYZ_FAILED);
    assert.equal(r.format, 'Kubernetes verbose health');
    assert.deepEqual(states(r.checks), { ping: 'healthy', log: 'healthy', etcd: 'down', 'informer-sync': 'healthy', 'poststarthook/start-apiextensions-informers': 'healthy', 'poststarthook/crd-informer-synced': 'healthy', shutdown: 'healthy' });
    assert.equal(find(r.checks, 'etcd').message, 'reason withheld');
    const e = evaluateCheck(endpoint(), response(500, F.KUBERNETES_READYZ_FAILED));
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['HTTP 500 Internal Server Error (expected 2xx): readyz check failed (1 of 7 checks failed)', 'The service reports status "readyz check failed"', 'etcd: failed (reason withheld)']);
    const live = evaluateCheck(endpoint(), response(200, F.KUBERNETES_LIVEZ_PASSED));
    assert.equal(live.state, 'healthy');
    assert.equal(live.components.length, 4);
  });

  it('Go libraries: health-go failures, alexliesenfeld/health details', () => {
    const hg = read(F.HEALTH_GO);
    assert.equal(hg.format, 'health-go');
    assert.deepEqual(hg.overall, { text: 'Partially Available', state: 'degraded' });
    assert.deepEqual(hg.checks.map((c) => [c.name, c.state, c.message]), [['rabbitmq', 'down', 'Failed during rabbitmq health check']]);
    const al = read(F.GO_HEALTH_DETAILS);
    assert.equal(al.format, 'Go health (details)');
    assert.deepEqual(states(al.checks), { database: 'healthy', 'search-index': 'down' });
    assert.equal(find(al.checks, 'search-index').message, 'context deadline exceeded');
  });

  it('Consul: lists and maps of checks, service instances with their checks; the worst status is the service\'s', () => {
    const list = read(F.CONSUL_CHECKS);
    assert.equal(list.format, 'Consul');
    assert.deepEqual(list.checks.map((c) => [c.name, c.state, c.message]), [["Service 'redis' check", 'healthy', 'TCP connect 10.1.10.12:6379: Success'], ["Service 'redis' check", 'down', 'dial tcp 10.1.10.13:6379: connect: connection refused']]);
    assert.deepEqual(list.overall, { text: 'critical', state: 'down' });
    assert.deepEqual(list.checks[1].details.find((d) => d.key === 'Node'), { key: 'Node', value: 'web-2' });
    const agent = read(F.CONSUL_AGENT_CHECKS);
    assert.deepEqual(states(agent.checks), { "Service 'orders' check": 'degraded', 'Serf Health Status': 'healthy' });
    assert.equal(agent.overall?.state, 'degraded');
    const service = read(F.CONSUL_SERVICE);
    assert.deepEqual(states(service.checks), { 'redis on foobar': 'down', "redis on foobar/Service 'redis' check": 'down', 'redis on foobar/Serf Health Status': 'healthy' });
    assert.equal(evaluateCheck(endpoint(), response(200, F.CONSUL_CHECKS)).state, 'down');
  });

  it('django-health-check: "working" or the error with its kind', () => {
    const r = read(F.DJANGO);
    assert.equal(r.format, 'django-health-check');
    assert.deepEqual(states(r.checks), { 'Cache backend: default': 'healthy', DatabaseBackend: 'down', DiskUsage: 'healthy', MemoryUsage: 'degraded' });
    assert.deepEqual([find(r.checks, 'DatabaseBackend').status, find(r.checks, 'DatabaseBackend').message], ['unavailable', 'Database connection failed']);
  });

  it('boolean fields: "redis_ok": false is a failing check, "ok": true the overall verdict', () => {
    const r = read(F.BOOLEAN_FIELDS);
    assert.deepEqual(states(r.checks), { redis: 'down', db: 'healthy' });
    assert.deepEqual(r.overall, { text: 'ok: true', state: 'healthy' });
    const e = evaluateCheck(endpoint(), response(200, F.BOOLEAN_FIELDS));
    assert.equal(e.state, 'degraded');
    assert.deepEqual(e.reasons, ['redis: redis_ok: false']);
  });

  it('a body in no known shape: the HTTP outcome and a summary, never healthy when the body says otherwise', () => {
    const plain = evaluateCheck(endpoint(), response(200, { uptime: 1234, build: 'a1b2c3', region: 'eu-west-1' }));
    assert.equal(plain.state, 'healthy');
    assert.deepEqual(plain.notes, ['The body is in no health format Ops Lens knows: a JSON object with uptime, build, region']);
    const error = evaluateCheck(endpoint(), response(200, { error: 'database connection pool exhausted' }));
    assert.equal(error.state, 'down');
    assert.deepEqual(error.reasons, ['The service reports status "error" (database connection pool exhausted)']);
    assert.equal(evaluateCheck(endpoint(), response(200, 'ERROR: cannot reach the message broker')).state, 'down');
    assert.equal(evaluateCheck(endpoint(), response(200, 'WARN queue lagging by 5 minutes')).state, 'degraded');
    const text = evaluateCheck(endpoint(), response(200, '<html><body><h1>Welcome</h1> all good here</body></html>', { contentType: 'text/html' }));
    assert.equal(text.state, 'healthy');
    assert.deepEqual(text.notes, ['The body is in no health format Ops Lens knows: Welcome all good here']);
    assert.deepEqual(evaluateCheck(endpoint(), response(500, 'upstream crashed')).notes, [], 'the status reason already quotes the body');
    assert.equal(evaluateCheck(endpoint(), response(200, [1, 2, 3])).notes[0], 'The body is in no health format Ops Lens knows: a JSON list of 3 items');
  });

  it('reads a 1 MB hostile text body in linear time and bounded output', () => {
    const hostile = `${'[-]'.repeat(300_000)}\n${'[+]x '.repeat(50_000)}`;
    const r = read(hostile);
    assert.ok(r.checks.length <= 2000);
    const many = Array.from({ length: 5000 }, (_, i) => `[+]check-${i} ok`).join('\n');
    assert.equal(read(many).checks.length, 2000);
  });
});
