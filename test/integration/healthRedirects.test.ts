import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addressScope } from '../../src/core/health/addresses';
import type { HttpFailure, HttpResponse } from '../../src/core/health/model';
import { httpCheck, type CheckRequest } from '../../src/health/checker';

interface Seen {
  readonly path: string;
  readonly method: string;
  readonly body: string;
}

interface Origin {
  readonly url: string;
  readonly port: number;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/** A server on `host` that answers `/go*` with the redirect `route` gives, and anything else with what it received. */
async function origin(host: string, route: (path: string) => { status: number; location: string } | undefined = () => undefined): Promise<Origin> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const redirect = route(path);
      if (redirect) return res.writeHead(redirect.status, { location: redirect.location }).end();
      seen.push({ path, method: req.method ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'UP', internalOnly: 'admin-panel' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function check(url: string, extra: Partial<CheckRequest> = {}): Promise<unknown> {
  return httpCheck({ url, method: 'GET', headers: {}, timeoutMs: 5000, ...extra });
}

function asFailure(outcome: unknown): HttpFailure {
  assert.equal((outcome as HttpFailure).kind, 'failure', JSON.stringify(outcome));
  return outcome as HttpFailure;
}

function asResponse(outcome: unknown): HttpResponse {
  assert.equal((outcome as HttpResponse).kind, 'response', JSON.stringify(outcome).slice(0, 400));
  return outcome as HttpResponse;
}

/**
 * Tests run on this machine only, so 127.0.0.2 plays a host on the internet: the checker is given this
 * classification instead of the real one, which says loopback for all of 127.0.0.0/8.
 */
const PLAYED_PUBLIC = new Set(['127.0.0.2', '127.0.0.3']);
const withPlayedPublic = (address: string) => (PLAYED_PUBLIC.has(address) ? 'public' : addressScope(address));

describe('health check redirects: what is sent where', function () {
  this.timeout(30000);
  const open: Origin[] = [];
  const start = async (host: string, route?: Parameters<typeof origin>[1]) => {
    const o = await origin(host, route);
    open.push(o);
    return o;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()));
  });

  it('a 307 to another origin does not carry the request body there: the check stops and says why', async () => {
    const other = await start('127.0.0.1');
    const first = await start('127.0.0.1', (p) => (p === '/go' ? { status: 307, location: `${other.url}/collect` } : undefined));
    const body = '{"query":"{ health }","token":"body-secret-456"}';
    const f = asFailure(await check(`${first.url}/go`, { method: 'POST', body }));
    assert.equal(f.code, 'badRedirect');
    assert.equal(f.message, `HTTP 307 redirect to another origin (${other.url}/collect); the request body is not sent to another origin, so the check stops here. Check that URL directly if it is the one meant.`);
    assert.deepEqual(other.seen, [], 'the other origin received nothing');
  });

  it('a 308 within the origin keeps method and body; a 302 to another origin turns a POST into a GET without body', async () => {
    const other = await start('127.0.0.1');
    const first = await start('127.0.0.1', (p) => (p === '/go' ? { status: 308, location: '/graphql' } : p === '/away' ? { status: 302, location: `${other.url}/landing` } : undefined));
    const body = '{"query":"{ health }"}';
    asResponse(await check(`${first.url}/go`, { method: 'POST', body }));
    assert.deepEqual(first.seen, [{ path: '/graphql', method: 'POST', body }]);
    asResponse(await check(`${first.url}/away`, { method: 'POST', body }));
    assert.deepEqual(other.seen, [{ path: '/landing', method: 'GET', body: '' }]);
  });

  it('a host on the internet cannot redirect the check to this machine, by address or by name', async () => {
    const internal = await start('127.0.0.1');
    const pub = await start('127.0.0.2', (p) => (p === '/go-ip' ? { status: 302, location: `${internal.url}/internal/admin` } : p === '/go-name' ? { status: 301, location: `http://localhost:${internal.port}/internal/admin` } : undefined));

    const byAddress = asFailure(await check(`${pub.url}/go-ip`, { scopeOf: withPlayedPublic }));
    assert.equal(byAddress.code, 'badRedirect');
    assert.equal(byAddress.message, `${pub.url}/go-ip, a public address, redirected to ${internal.url}/internal/admin on this machine (loopback); a redirect from the internet to this machine or a private network is not followed`);

    const byName = asFailure(await check(`${pub.url}/go-name`, { scopeOf: withPlayedPublic }));
    assert.equal(byName.code, 'badRedirect');
    assert.match(byName.message, new RegExp(`^${pub.url}/go-name, a public address, redirected to http://localhost:${internal.port}/internal/admin \\((127\\.0\\.0\\.1|::1)\\) on this machine \\(loopback\\); `));
    assert.deepEqual(internal.seen, [], 'nothing reached the internal service');
  });

  it('the same redirects are followed when they stay on the internet, or start on this machine', async () => {
    const other = await start('127.0.0.3');
    const pub = await start('127.0.0.2', (p) => (p === '/go' ? { status: 302, location: `${other.url}/health` } : undefined));
    const ok = asResponse(await check(`${pub.url}/go`, { scopeOf: withPlayedPublic }));
    assert.deepEqual(ok.redirects, [`${other.url}/health`]);

    // With the real classification every 127.x address is this machine: a local service may redirect to another.
    const local = await start('127.0.0.1', (p) => (p === '/go' ? { status: 302, location: `${other.url}/health` } : undefined));
    const followed = asResponse(await check(`${local.url}/go`));
    assert.deepEqual(followed.redirects, [`${other.url}/health`]);
    assert.equal(other.seen.length, 2);
  });
});
