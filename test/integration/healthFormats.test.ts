import { strict as assert } from 'node:assert';
import { startHealthServer, type HealthServer } from '../../sandbox/health/server';
import { HEALTH_ENDPOINTS } from '../../sandbox/scenario/health';
import { evaluateCheck } from '../../src/core/health/evaluate';
import { DEFAULT_EXPECT } from '../../src/core/health/model';
import { httpCheck } from '../../src/health/checker';

const STATE = { healthy: 'healthy', warning: 'degraded', critical: 'down', timeout: 'down' } as const;

describe('sandbox health server: framework formats over real HTTP', () => {
  let server: HealthServer;
  before(async () => {
    server = await startHealthServer();
  });
  after(() => server.stop());

  async function check(name: string) {
    const spec = HEALTH_ENDPOINTS.find((e) => e.name === name)!;
    const outcome = await httpCheck({ url: `${server.url}${spec.request ?? spec.path}`, method: 'GET', headers: {}, timeoutMs: 5000 });
    const evaluation = evaluateCheck({ expectStatus: DEFAULT_EXPECT, assertions: [] }, outcome);
    assert.equal(evaluation.state, STATE[spec.expect.outcome], `${name}: ${evaluation.reasons.join('; ')}`);
    return evaluation;
  }

  it('Spring Boot: 503 OUT_OF_SERVICE, the payment gateway component out of service with its reason', async () => {
    const e = await check('Orders service (Spring Boot)');
    assert.equal(e.bodyFormat, 'Spring Boot Actuator');
    const failing = e.components.filter((c) => c.state !== 'healthy');
    assert.deepEqual(failing.map((c) => [c.name, c.status, c.message]), [['paymentGateway', 'OUT_OF_SERVICE', 'Provider maintenance window until 04:00 UTC']]);
  });

  it('Kubernetes /readyz?verbose: HTTP 500 text, etcd failed', async () => {
    const e = await check('Cluster API readiness');
    assert.equal(e.bodyFormat, 'Kubernetes verbose health');
    assert.deepEqual(e.components.filter((c) => c.state === 'down').map((c) => [c.name, c.message]), [['etcd', 'reason withheld']]);
    assert.match(e.reasons[0], /^HTTP 500 .*: readyz check failed \(1 of 7 checks failed\)$/);
  });

  it('ASP.NET Core text: "Degraded" with HTTP 200 is degraded', async () => {
    const e = await check('Invoicing API (ASP.NET Core)');
    assert.equal(e.httpStatus, 200);
    assert.deepEqual(e.reasons, ['The service reports status "Degraded"']);
  });
});
