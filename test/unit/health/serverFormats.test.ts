import { strict as assert } from 'node:assert';
import type { Component } from '../../../src/core/health/components';
import { evaluateCheck } from '../../../src/core/health/evaluate';
import { describeResult } from '../../../src/core/health/format';
import * as F from '../../fixtures/health/servers';
import { endpoint, response } from './helpers';

const check = (status: number, body: unknown, contentType?: string) => evaluateCheck(endpoint(), response(status, body, contentType ? { contentType } : {}));
const states = (checks: readonly Component[]) => Object.fromEntries(checks.map((c) => [c.name, c.state]));

describe('health bodies of servers and libraries', () => {
  it('Vault: each documented status code is its documented state, never "down" for a standby', () => {
    const standby = check(429, F.VAULT_STANDBY);
    assert.equal(standby.state, 'healthy');
    assert.equal(standby.bodyFormat, 'Vault');
    assert.equal(standby.bodyStatus, 'standby');
    assert.deepEqual(standby.reasons, []);
    assert.match(describeResult(standby), /^429 standby · /);
    assert.equal(check(200, F.VAULT_ACTIVE).bodyStatus, 'active');
    assert.deepEqual([check(473, F.VAULT_PERF_STANDBY).state, check(473, F.VAULT_PERF_STANDBY).bodyStatus], ['healthy', 'performance standby']);
    assert.deepEqual([check(472, F.VAULT_DR_SECONDARY).state, check(472, F.VAULT_DR_SECONDARY).bodyStatus], ['healthy', 'DR secondary']);
    const sealed = check(503, F.VAULT_SEALED);
    assert.equal(sealed.state, 'down');
    assert.deepEqual(sealed.reasons, ['The service reports status "sealed" (Vault is sealed)']);
    assert.equal(check(501, F.VAULT_UNINITIALISED).bodyStatus, 'uninitialised');
    assert.equal(check(501, F.VAULT_UNINITIALISED).state, 'down');
    // `standbyok=true` makes a standby answer 200: the same verdict.
    assert.equal(check(200, F.VAULT_STANDBY).bodyStatus, 'standby');
  });

  it('Vault: an endpoint that states its own expected status keeps it; an undocumented status is judged as usual', () => {
    assert.equal(evaluateCheck(endpoint({ expectStatus: { codes: [200], classes: [] } }), response(429, F.VAULT_STANDBY)).state, 'down');
    assert.equal(check(500, F.VAULT_ACTIVE).state, 'down');
  });

  it('Elasticsearch: yellow is degraded and red is down even with HTTP 200; unassigned shards say why', () => {
    const yellow = check(200, F.ES_YELLOW);
    assert.equal(yellow.state, 'degraded');
    assert.equal(yellow.bodyFormat, 'Elasticsearch cluster health');
    assert.deepEqual(yellow.reasons[0], 'The service reports status "yellow" (12 unassigned shards)');
    const red = check(200, F.ES_RED);
    assert.equal(red.state, 'down');
    assert.ok(red.components[0].details.some((d) => d.key === 'active_shards_percent_as_number' && d.value === '41.7'));
    assert.equal(check(408, { ...F.ES_YELLOW, timed_out: true }).state, 'degraded');
    assert.equal(check(200, F.ES_HEALTH_REPORT).state, 'degraded');
    assert.equal(check(200, F.ES_CAT_HEALTH_RED, 'text/plain').state, 'down');
  });

  it('OpenSearch: green with its indices as checks', () => {
    const e = check(200, F.OPENSEARCH_GREEN_INDICES);
    assert.equal(e.state, 'healthy');
    assert.equal(e.bodyFormat, 'OpenSearch cluster health');
    assert.deepEqual(states(e.components), { logs: 'healthy', 'app-logs-2026.12': 'healthy' });
  });

  it('Elasticsearch health report: each indicator a check with its symptom', () => {
    const e = check(200, F.ES_HEALTH_REPORT);
    assert.deepEqual(states(e.components), { master_is_stable: 'healthy', shards_availability: 'degraded', disk: 'healthy' });
    assert.match(e.components[1].message!, /12 unavailable replica shards/);
  });

  it('etcd, RabbitMQ, Grafana, Envoy, Prometheus and Rails /up say why they are down', () => {
    assert.deepEqual(check(503, F.ETCD_NO_LEADER).reasons.slice(1), ['The service reports status "health: false" (RAFT NO LEADER)']);
    const rabbit = check(503, F.RABBITMQ_ALARMS);
    assert.equal(rabbit.bodyFormat, 'RabbitMQ');
    assert.match(rabbit.reasons.join('\n'), /resource alarm\(s\) in effect/);
    assert.deepEqual(states(rabbit.components), { 'memory on rabbit@mq-1': 'down' });
    const grafana = check(503, F.GRAFANA_DB_FAILING);
    assert.equal(grafana.bodyFormat, 'Grafana');
    assert.deepEqual(states(grafana.components), { database: 'down' });
    assert.equal(check(200, F.ENVOY_DRAINING).state, 'down');
    assert.equal(check(200, 'LIVE\n', 'text/plain').bodyFormat, 'Envoy');
    assert.equal(check(503, 'INITIALIZING\n', 'text/plain').bodyStatus, 'INITIALIZING');
    const prom = check(200, F.PROMETHEUS_HEALTHY, 'text/plain');
    assert.deepEqual([prom.state, prom.bodyFormat], ['healthy', 'Prometheus']);
    assert.equal(check(503, F.PROMETHEUS_NOT_READY, 'text/plain').bodyStatus, 'Prometheus Server is not Ready.');
    const rails = check(500, F.RAILS_UP_RED, 'text/html');
    assert.deepEqual([rails.state, rails.bodyFormat, rails.bodyStatus], ['down', 'Rails /up', 'red']);
    assert.equal(check(200, F.RAILS_UP_RED.replace('red', 'green'), 'text/html').state, 'healthy');
  });

  it('Micronaut and Quarkus SmallRye: nested details and checks, the failing one with its error', () => {
    const m = check(503, F.MICRONAUT_DOWN);
    assert.equal(m.bodyFormat, 'Micronaut');
    assert.deepEqual(states(m.components), { diskSpace: 'healthy', jdbc: 'down' });
    assert.match(m.reasons.join('\n'), /Connection to db:5432 refused/);
    const q = check(503, F.QUARKUS_DOWN);
    assert.equal(q.bodyFormat, 'MicroProfile Health');
    assert.equal(states(q.components)['Keycloak database connections async health check'], 'down');
  });

  it('Dropwizard: the servlet map with its messages, and the health module where only a critical check is down', () => {
    const map = check(500, F.DROPWIZARD_MAP);
    assert.equal(map.bodyFormat, 'Dropwizard health checks');
    assert.deepEqual(states(map.components), { deadlocks: 'healthy', database: 'down' });
    assert.match(map.components[1].message!, /Cannot connect/);
    const soft = check(200, F.DROPWIZARD_HEALTH);
    assert.deepEqual([soft.state, soft.bodyFormat], ['degraded', 'Dropwizard health']);
    assert.deepEqual(states(soft.components), { postgres: 'healthy', recommendations: 'degraded' });
    assert.equal(check(503, F.DROPWIZARD_HEALTH_CRITICAL).state, 'down');
  });

  it('heptiolabs/healthcheck ?full=1: each failing check with its error; a flat map of other words is not taken for it', () => {
    const e = check(503, F.HEPTIO_FAILED);
    assert.equal(e.bodyFormat, 'heptiolabs/healthcheck');
    assert.deepEqual(states(e.components), { 'upstream-dep-dns': 'down', 'goroutine-threshold': 'healthy' });
    assert.equal(e.components[0].message, 'lookup upstream.example.com: no such host');
    assert.notEqual(check(200, { version: '1.2.0', db: 'OK' }).bodyFormat, 'heptiolabs/healthcheck');
  });

  it('spatie/laravel-health: ok, warning and failed as healthy, degraded and down, with their messages and summaries', () => {
    const e = check(200, F.SPATIE);
    assert.equal(e.state, 'down');
    assert.deepEqual(states(e.components), { 'Used Disk Space': 'degraded', Database: 'down', Horizon: 'healthy' });
    assert.equal(e.components[0].observed, '82%');
    assert.match(e.reasons.join('\n'), /Connection refused/);
  });

  it('py-healthcheck and fastapi-health: the failing checker and its output; the status decides for fastapi-health', () => {
    const py = check(500, F.PY_HEALTHCHECK_FAILURE);
    assert.equal(py.bodyFormat, 'py-healthcheck');
    assert.deepEqual(states(py.components), { redis_available: 'healthy', database_available: 'down' });
    assert.match(py.components[1].message!, /Connection refused/);
    assert.equal(check(503, F.FASTAPI_HEALTH_FAILED).state, 'down');
    assert.equal(check(200, { database: 'online' }).state, 'healthy');
  });

  it('GitLab readiness: one check per *_check entry, shards by label, the failing one with its message', () => {
    const e = check(503, F.GITLAB_READINESS);
    assert.equal(e.bodyFormat, 'GitLab health checks');
    assert.deepEqual(states(e.components), { master: 'healthy', db: 'healthy', cache: 'down', 'gitaly (default)': 'healthy', 'gitaly (archive)': 'healthy' });
    assert.equal(e.components[2].message, 'unexpected Cache check result: false');
  });

  it("Consul's aggregated service health: 429 is its warning (degraded), 503 its critical", () => {
    const warn = check(429, F.CONSUL_AGGREGATED_WARNING);
    assert.deepEqual([warn.state, warn.bodyStatus], ['degraded', 'warning']);
    assert.match(describeResult(warn), /^429 warning/);
    assert.equal(check(429, F.CONSUL_AGGREGATED_WARNING[0]).state, 'degraded');
    assert.equal(check(200, 'passing', 'text/plain').state, 'healthy');
  });
});
