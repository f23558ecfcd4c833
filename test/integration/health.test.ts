import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { evaluateCheck } from '../../src/core/health/evaluate';
import { MAX_BODY_BYTES, type HttpFailure, type HttpResponse } from '../../src/core/health/model';
import { readEndpointSettings } from '../../src/core/health/settings';
import { httpCheck, type CheckRequest } from '../../src/health/checker';
import { HealthStore } from '../../src/health/store';
import { selfSignedCertificate } from './healthCert';

interface Running {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

function request(url: string, extra: Partial<CheckRequest> = {}): CheckRequest {
  return { url, method: 'GET', headers: {}, timeoutMs: 5000, ...extra };
}

function asFailure(outcome: unknown): HttpFailure {
  const o = outcome as HttpFailure;
  assert.equal(o.kind, 'failure', JSON.stringify(outcome));
  return o;
}

function asResponse(outcome: unknown): HttpResponse {
  const o = outcome as HttpResponse;
  assert.equal(o.kind, 'response', JSON.stringify(outcome).slice(0, 400));
  return o;
}

const healthy = { status: 'healthy', checks: { database: 'healthy', redis: 'healthy', s3: 'healthy', replicate_api: 'healthy' } };

describe('health checks against a local HTTP server', function () {
  this.timeout(60000);
  let server: Running;
  let bigBodyWritten = 0;
  let bigBodyClosedEarly = false;
  let concurrent = 0;
  let peakConcurrent = 0;
  const seen: { path: string; method: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  before(async () => {
    server = await listen(http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        seen.push({ path, method: req.method ?? '', headers: req.headers, body });
        if (path === '/health') return json(res, 200, healthy);
        if (path === '/health/detailed-redis-down') return json(res, 503, { status: 'unhealthy', checks: { ...healthy.checks, redis: 'unhealthy' } });
        if (path === '/crash') {
          res.writeHead(500, { 'content-type': 'text/html' });
          return res.end('<html><body><h1>500 Internal Server Error</h1><p>Traceback: KeyError: DATABASE_URL</p></body></html>');
        }
        if (path === '/hang') return; // never answers
        if (path === '/slow-body') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"status":');
          return; // the rest never comes
        }
        if (path === '/huge') {
          // 10 MB of JSON, written only as fast as the client reads it.
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) });
          const chunk = Buffer.alloc(64 * 1024, 'x');
          res.write('{"status":"healthy","pad":"');
          bigBodyWritten = 27;
          const pump = () => {
            while (bigBodyWritten < 10 * 1024 * 1024 - 2 - chunk.length) {
              bigBodyWritten += chunk.length;
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            res.end('"}');
          };
          res.on('close', () => (bigBodyClosedEarly = !res.writableFinished));
          return pump();
        }
        if (path === '/loop-a') return res.writeHead(302, { location: '/loop-b' }).end();
        if (path === '/loop-b') return res.writeHead(301, { location: `${server.url}/loop-a` }).end();
        const hop = /^\/hop(\d)$/.exec(path);
        if (hop) {
          const n = Number(hop[1]);
          return res.writeHead(307, { location: n > 1 ? `/hop${n - 1}` : '/health' }).end();
        }
        if (path === '/to-ftp') return res.writeHead(302, { location: 'ftp://files.example.com/health' }).end();
        if (path === '/to-file') return res.writeHead(301, { location: 'file:///etc/passwd' }).end();
        if (path === '/echo') return json(res, 200, { status: 'ok', method: req.method, body, authorization: req.headers.authorization ?? null, custom: req.headers['x-team'] ?? null });
        if (path === '/gzip') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          return res.end(zlib.gzipSync(JSON.stringify({ status: 'healthy', successRate: 93.33 })));
        }
        if (path.startsWith('/slow/')) {
          concurrent++;
          peakConcurrent = Math.max(peakConcurrent, concurrent);
          return setTimeout(() => {
            concurrent--;
            json(res, 200, { status: 'healthy' });
          }, 60);
        }
        json(res, 404, { error: 'not found' });
      });
    }), 'http');
  });

  after(() => server.close());

  it('a healthy JSON endpoint: 2xx, parsed, checks as components', async () => {
    const outcome = asResponse(await httpCheck(request(`${server.url}/health`)));
    assert.equal(outcome.status, 200);
    assert.equal(outcome.truncated, false);
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, outcome);
    assert.equal(e.state, 'healthy');
    assert.deepEqual(e.components.map((c) => c.name), ['database', 'redis', 's3', 'replicate_api']);
    assert.ok(e.latencyMs >= 0 && e.latencyMs < 2000);
  });

  it('timeout: no response at all', async () => {
    const started = Date.now();
    const f = asFailure(await httpCheck(request(`${server.url}/hang`, { timeoutMs: 300 })));
    assert.equal(f.code, 'timeout');
    assert.equal(f.message, 'No response within 0.3 s');
    assert.ok(Date.now() - started < 2000);
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, f);
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['No response within 0.3 s']);
  });

  it('timeout: the status came but the body never finished', async () => {
    const f = asFailure(await httpCheck(request(`${server.url}/slow-body`, { timeoutMs: 300 })));
    assert.equal(f.code, 'timeout');
    assert.equal(f.message, 'The response did not finish within 0.3 s (the status arrived, the body was still coming)');
  });

  it('connection refused', async () => {
    const closed = await listen(http.createServer(), 'http');
    await closed.close();
    const f = asFailure(await httpCheck(request(`${closed.url}/health`)));
    assert.equal(f.code, 'refused');
    assert.equal(f.detail, 'ECONNREFUSED');
    assert.equal(f.message, `Connection refused by 127.0.0.1:${closed.port}: nothing is listening there (is the service running?)`);
  });

  it('503 with a JSON body naming the failing dependency', async () => {
    const outcome = asResponse(await httpCheck(request(`${server.url}/health/detailed-redis-down`)));
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, outcome);
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['HTTP 503 Service Unavailable (expected 2xx)', 'The service reports status "unhealthy"', 'redis: unhealthy']);
  });

  it('a non-JSON 500 says what the page says', async () => {
    const outcome = asResponse(await httpCheck(request(`${server.url}/crash`)));
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, outcome);
    assert.equal(e.state, 'down');
    assert.deepEqual(e.reasons, ['HTTP 500 Internal Server Error (expected 2xx): 500 Internal Server Error Traceback: KeyError: DATABASE_URL']);
  });

  it('a 10 MB body is cut at 1 MB, the connection closed, and the status still evaluated', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const outcome = asResponse(await httpCheck(request(`${server.url}/huge`)));
    assert.equal(outcome.truncated, true);
    assert.equal(outcome.bodyBytes, MAX_BODY_BYTES);
    assert.equal(outcome.body.length, MAX_BODY_BYTES);
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [{ path: 'status', op: '!=', value: 'healthy', severity: 'warning' }] }, outcome);
    assert.equal(e.state, 'degraded', 'the cut JSON cannot be read, so the assertion reports it');
    assert.deepEqual(e.reasons, ['status cannot be read: the body was cut at 1 MB before the JSON ended (warning when != "healthy")']);
    assert.deepEqual(e.notes, ['The body was cut at 1 MB; the rest was not read.']);
    assert.equal(evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, outcome).state, 'healthy');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(bigBodyClosedEarly, true, 'the server saw the client hang up');
    assert.ok(bigBodyWritten < 10 * 1024 * 1024, `the server wrote ${bigBodyWritten} bytes before the client hung up`);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 40 * 1024 * 1024, 'memory stays bounded');
  });

  it('a redirect loop', async () => {
    const f = asFailure(await httpCheck(request(`${server.url}/loop-a`)));
    assert.equal(f.code, 'redirectLoop');
    assert.equal(f.message, `Redirect loop: ${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a`);
  });

  it('three redirects are followed, a fourth is not', async () => {
    const ok = asResponse(await httpCheck(request(`${server.url}/hop3`)));
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.redirects, [`${server.url}/hop2`, `${server.url}/hop1`, `${server.url}/health`]);
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, ok);
    assert.deepEqual(e.notes, [`Redirected 3 times, to ${server.url}/health`]);
    const f = asFailure(await httpCheck(request(`${server.url}/hop4`)));
    assert.equal(f.code, 'tooManyRedirects');
    assert.equal(f.message, `More than 3 redirects: ${server.url}/hop4 → ${server.url}/hop3 → ${server.url}/hop2 → ${server.url}/hop1 → ${server.url}/health`);
  });

  it('a redirect to a non-http scheme is refused', async () => {
    const ftp = asFailure(await httpCheck(request(`${server.url}/to-ftp`)));
    assert.equal(ftp.code, 'badRedirect');
    assert.equal(ftp.message, 'Redirected to ftp: (ftp://files.example.com/health); only http and https redirects are followed');
    const file = asFailure(await httpCheck(request(`${server.url}/to-file`)));
    assert.equal(file.message, 'Redirected to file: (file:///etc/passwd); only http and https redirects are followed');
    assert.equal(evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, file).state, 'down');
  });

  it('sends method, headers and body from settings', async () => {
    const outcome = asResponse(await httpCheck(request(`${server.url}/echo`, { method: 'POST', headers: { 'X-Team': 'video', Authorization: 'Bearer t' }, body: '{"probe":true}' })));
    assert.deepEqual(JSON.parse(outcome.body), { status: 'ok', method: 'POST', body: '{"probe":true}', authorization: 'Bearer t', custom: 'video' });
    const sent = seen.filter((s) => s.path === '/echo').pop()!;
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers['user-agent'], 'ops-lens-health');
    const head = asResponse(await httpCheck(request(`${server.url}/health`, { method: 'HEAD' })));
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('keeps only headers that cannot carry a credential when a redirect leaves the origin (literal API keys included)', async () => {
    const other = await listen(http.createServer((req, res) => {
      if (req.url === '/go') return res.writeHead(302, { location: `${server.url}/echo` }).end();
      res.end();
    }), 'http');
    try {
      const outcome = asResponse(await httpCheck(request(`${other.url}/go`, { headers: { Authorization: 'Bearer secret-value', 'X-Api-Key': 'k-secret', 'X-Team': 'video', Accept: 'application/json' }, sensitiveHeaders: [] })));
      const sent = seen.filter((s) => s.path === '/echo').pop()!;
      assert.equal(JSON.parse(outcome.body).authorization, null);
      assert.equal(sent.headers['x-api-key'], undefined, 'a key written in settings as a literal stays with its origin');
      assert.equal(sent.headers['x-team'], undefined);
      assert.equal(sent.headers.accept, 'application/json');
    } finally {
      await other.close();
    }
  });

  it('closes a redirect whose body streams forever instead of reading it', async () => {
    let redirectClosed = false;
    const endless = await listen(http.createServer((req, res) => {
      if (req.url !== '/go') return json(res, 200, { status: 'healthy' });
      res.writeHead(302, { location: '/done' });
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 'x')), 1);
      res.on('close', () => {
        clearInterval(timer);
        redirectClosed = true;
      });
    }), 'http');
    try {
      const outcome = asResponse(await httpCheck(request(`${endless.url}/go`, { timeoutMs: 3000 })));
      assert.equal(outcome.status, 200);
      for (let i = 0; i < 50 && !redirectClosed; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(redirectClosed, 'the redirect response was closed, not drained');
    } finally {
      await endless.close();
    }
  });

  it('sends a stored secret only to its origin, never over plain http to another machine', async () => {
    const secrets: Record<string, { value: string; origins?: string[] }> = { TOKEN: { value: 'tok-654321', origins: [server.url] } };
    const store = new HealthStore({ secret: async (n) => secrets[n] });
    const endpoint = (url: string, source: 'user' | 'workspace' = 'workspace') => readEndpointSettings([{ source, value: [{ name: 'echo', url, headers: { Authorization: 'Bearer ${secret:TOKEN}' } }] }]);
    try {
      store.update(endpoint(`${server.url}/echo`), true);
      let [status] = await store.checkAll();
      assert.equal(status.evaluation?.httpStatus, 200, 'sent to the origin it was stored for');
      assert.equal(seen.filter((s) => s.path === '/echo').pop()?.headers.authorization, 'Bearer tok-654321');
      store.update(endpoint(`${server.url.replace('127.0.0.1', 'localhost')}/echo`), true);
      [status] = await store.checkAll();
      assert.match(status.evaluation?.reasons[0] ?? '', /stored for http:\/\/127\.0\.0\.1:\d+, not for http:\/\/localhost:\d+/);
      store.update(endpoint('http://ops-lens.invalid/echo', 'user'), true);
      secrets.TOKEN = { value: 'tok-654321' };
      [status] = await store.checkAll();
      assert.match(status.evaluation?.reasons[0] ?? '', /not sent over plain http to ops-lens\.invalid/);
    } finally {
      store.dispose();
    }
  });

  it('retries once when a kept-alive connection turns out to be closed', async () => {
    const served = new WeakSet<object>();
    let dropped = 0;
    const flaky = await listen(http.createServer((req, res) => {
      if (served.has(req.socket)) {
        dropped++;
        return req.socket.destroy();
      }
      served.add(req.socket);
      json(res, 200, { status: 'healthy' });
    }), 'http');
    try {
      asResponse(await httpCheck(request(`${flaky.url}/health`)));
      const second = asResponse(await httpCheck(request(`${flaky.url}/health`)));
      assert.equal(second.status, 200);
      assert.equal(dropped, 1, 'the second check reused the first connection, which the server dropped');
    } finally {
      await flaky.close();
    }
  });

  it('reads a gzip body', async () => {
    const outcome = asResponse(await httpCheck(request(`${server.url}/gzip`)));
    const e = evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [{ path: 'successRate', op: '<', value: 95, severity: 'warning' }] }, outcome);
    assert.equal(e.state, 'degraded');
  });

  it('a malformed URL or a non-http scheme is a failure, not an exception', async () => {
    assert.equal(asFailure(await httpCheck(request('nonsense'))).code, 'invalidRequest');
    assert.equal(asFailure(await httpCheck(request('ftp://127.0.0.1/x'))).message, 'Only http and https URLs can be checked, not ftp:');
  });

  it('an aborted check stops at once', async () => {
    const controller = new AbortController();
    const pending = httpCheck(request(`${server.url}/hang`, { timeoutMs: 10000 }), controller.signal);
    setTimeout(() => controller.abort(), 50);
    const f = asFailure(await pending);
    assert.equal(f.code, 'aborted');
    assert.ok(f.elapsedMs < 1000);
  });

  it('the store runs the real checker: 20 slow endpoints, never more than 8 requests at once', async () => {
    const endpoints = Array.from({ length: 20 }, (_, i) => ({ name: `svc-${i}`, url: `${server.url}/slow/${i}` }));
    const store = new HealthStore({ secret: async () => undefined });
    store.update(readEndpointSettings([{ source: 'user', value: endpoints }]), true);
    peakConcurrent = 0;
    const statuses = await store.checkAll();
    assert.equal(peakConcurrent, 8);
    assert.ok(statuses.every((s) => s.state === 'healthy'));
    store.dispose();
  });

  it('the store: a secret header reaches the server, a missing one stops the request', async () => {
    const secrets: Record<string, string> = {};
    const store = new HealthStore({ secret: async (n) => secrets[n] });
    store.update(readEndpointSettings([{ source: 'user', value: [{ name: 'echo', url: `${server.url}/echo`, headers: { Authorization: 'Bearer ${secret:ECHO_TOKEN}' } }] }]), true);
    const before = seen.length;
    await store.checkAll();
    assert.equal(seen.length, before);
    assert.deepEqual(store.find('echo')?.missingSecrets, ['ECHO_TOKEN']);
    secrets.ECHO_TOKEN = 'tok-123456';
    await store.checkAll();
    assert.equal(seen[seen.length - 1].headers.authorization, 'Bearer tok-123456');
    assert.equal(store.find('echo')?.state, 'healthy');
    assert.ok(!JSON.stringify(store.find('echo')).includes('tok-123456'));
    store.dispose();
  });

  describe('TLS', () => {
    for (const prefer of ['openssl', 'node'] as const) {
      it(`a self-signed certificate is refused with a clear reason (certificate ${prefer === 'openssl' ? 'from openssl, or node\'s crypto without it' : 'built with node\'s crypto'})`, async () => {
        const { key, cert } = selfSignedCertificate(prefer);
        const tls = await listen(https.createServer({ key, cert }, (_req, res) => json(res, 200, { status: 'healthy' })), 'https');
        try {
          const f = asFailure(await httpCheck(request(`${tls.url}/health`)));
          assert.equal(f.code, 'tls');
          assert.equal(f.detail, 'DEPTH_ZERO_SELF_SIGNED_CERT');
          assert.equal(f.message, `The TLS certificate of 127.0.0.1:${tls.port} is self-signed and not trusted, so the check refused to connect (DEPTH_ZERO_SELF_SIGNED_CERT)`);
          assert.equal(evaluateCheck({ expectStatus: { codes: [], classes: [2] }, assertions: [] }, f).state, 'down');
          const trusted = asResponse(await httpCheck(request(`${tls.url}/health`, { ca: cert })));
          assert.equal(trusted.status, 200, 'the same server is fine once its certificate is trusted');
        } finally {
          await tls.close();
        }
      });
    }
  });
});
