import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RunningServer } from '../moto';
import { HEALTH_ENDPOINTS, type HealthExpectation } from '../scenario/health';

export interface HealthEndpointInfo {
  name: string;
  path: string;
  expect: HealthExpectation;
}

export type HealthServer = RunningServer & { endpoints: HealthEndpointInfo[] };

/** A plain HTTP server on 127.0.0.1 answering the scenario's health endpoints. */
export function startHealthServer(options: { port?: number } = {}): Promise<HealthServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const routes = new Map(HEALTH_ENDPOINTS.map((e) => [e.path, e]));

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const endpoint = routes.get(path);
    if (!endpoint) {
      send(res, 404, { error: 'not found', path });
      return;
    }
    if (!endpoint.body) return; // /hang: never answers; the socket is destroyed on stop.
    const answer = () => send(res, endpoint.expect.status ?? 200, endpoint.body?.(new Date()), req.method === 'HEAD', endpoint.contentType);
    if (!endpoint.expect.delayMs) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, endpoint.expect.delayMs);
    timers.add(timer);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        endpoints: HEALTH_ENDPOINTS.map((e) => ({ name: e.name, path: e.request ?? e.path, expect: e.expect })),
        stop: () =>
          new Promise<void>((done) => {
            for (const t of timers) clearTimeout(t);
            timers.clear();
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headOnly = false, contentType?: string): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : text);
}
