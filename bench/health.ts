import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readEndpointSettings } from '../src/core/health/settings';
import { HealthStore, MAX_IN_FLIGHT } from '../src/health/store';
import { report } from './report';

const ENDPOINTS = 50;
const SLOW_INDEX = 17;
const SLOW_MS = 2000;

/**
 * One full health round: a local server with 50 endpoints, one of which answers after 2 s, checked
 * through the store (real HTTP checker, 8 at a time). The slow one must not hold up the others:
 * the round should take about as long as the slow endpoint (budget 2.3 s).
 */
export async function benchHealthRound(): Promise<{ endpoints: number; slowMs: number; roundMs: number }> {
  const server = http.createServer((req, res) => {
    const slow = req.url === `/svc/${SLOW_INDEX}/health`;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'healthy', checks: { database: { status: 'connected' }, redis: 'healthy', queue: { status: 'operational', counts: { waiting: 3, active: 1 } } }, successRate: 97.1 }));
    }, slow ? SLOW_MS : 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = new HealthStore({ secret: async () => undefined });
  try {
    const value = Array.from({ length: ENDPOINTS }, (_, i) => ({
      name: `service-${String(i).padStart(2, '0')}`,
      url: `${base}/svc/${i}/health`,
      assertions: [{ path: 'successRate', op: '<', value: 95, severity: 'warning' }, { path: 'checks.queue.counts.waiting', op: '>', value: 100, severity: 'warning' }],
    }));
    store.update(readEndpointSettings([{ source: 'user', value }]), true);
    const started = performance.now();
    const statuses = await store.checkAll();
    const roundMs = performance.now() - started;
    const slow = statuses.find((s) => s.endpoint.name === `service-${SLOW_INDEX}`);
    const slowMs = slow?.evaluation?.latencyMs ?? NaN;
    const healthy = statuses.filter((s) => s.state === 'healthy').length;
    report(`health: full round, ${ENDPOINTS} endpoints, one takes 2 s`, roundMs, 'ms', 2300, `(${healthy}/${ENDPOINTS} healthy, at most ${store.peakInFlight} in flight of ${MAX_IN_FLIGHT})`);
    report('health: the slow endpoint\'s latency', slowMs, 'ms');
    // A round that checks one endpoint at a time still ends in about the slow one's time: this catches it.
    report('health: checks in flight at once', store.peakInFlight, 'in flight', MAX_IN_FLIGHT, `(of ${ENDPOINTS} endpoints)`);
    return { endpoints: statuses.length, slowMs, roundMs };
  } finally {
    store.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
