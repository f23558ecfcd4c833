import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { forwardStreaming } from '../standin/forward';
import { errorResponse, protocolForTarget, signingScope } from '../standin/protocol';
import { faultError, type ErrorFault } from './errors';

/**
 * What to do to matching requests. `latency` delays them and passes them on; `reset` closes the
 * connection without an answer; `refuse` stops accepting connections altogether for `forMs` (a
 * connection has no region or operation yet, so it ignores the filters).
 */
export type FaultKind = ErrorFault | 'latency' | 'reset' | 'refuse';

export interface FaultRule {
  readonly fault: FaultKind;
  /** `cloudwatch`, `logs` or `states` (Step Functions). Any when omitted. */
  readonly service?: string;
  /** Operation, e.g. `DescribeAlarms`. Any when omitted. */
  readonly operation?: string;
  readonly region?: string;
  /** Only the first `times` matching requests; every one when omitted. */
  readonly times?: number;
  /** Fault one matching request in every `every` (the 1st, the 1+every-th, …); every one when omitted. */
  readonly every?: number;
  /** Added before answering (`latency`, or together with an error). */
  readonly delayMs?: number;
  /** `refuse`: how long to refuse connections. */
  readonly forMs?: number;
}

/** One AWS request as the proxy saw it, with the fault it got (if any). */
export interface ProxiedCall {
  readonly seq: number;
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly fault?: FaultKind;
  readonly at: number;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  /** Replaces the rules (first matching rule wins). */
  script(rules: readonly FaultRule[]): void;
  /** No faults: everything passes through. */
  clear(): void;
  /** Every AWS request received, oldest first. */
  calls(): readonly ProxiedCall[];
  stop(): Promise<void>;
}

/** `POST` rules (JSON array) to script, `DELETE` to clear, `GET ?since=SEQ` for the calls seen. */
export const FAULT_CONTROL_PATH = '/ops-lens-faults';
const CALL_LIMIT = 20000;

interface ActiveRule {
  readonly rule: FaultRule;
  matched: number;
}

/**
 * An HTTP proxy in front of the sandbox's AWS endpoint that answers scripted requests with the faults
 * AWS really produces (errors in each service's protocol, latency, dropped connections, a refusing
 * port) and passes everything else through unchanged.
 */
export async function startFaultProxy(options: { upstream: string; port?: number; rules?: readonly FaultRule[]; log?: (line: string) => void }): Promise<FaultProxy> {
  const log = options.log ?? (() => undefined);
  let rules: ActiveRule[] = [];
  const callLog: ProxiedCall[] = [];
  let seq = 0;
  const sockets = new Set<Socket>();
  let refusedUntil = 0;
  let reopenTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  const script = (next: readonly FaultRule[]): void => {
    rules = next.map((rule) => ({ rule: validRule(rule), matched: 0 }));
    log(`faults: ${rules.length ? rules.map((r) => describeRule(r.rule)).join('; ') : 'none'}`);
    const refusal = rules.find((r) => r.rule.fault === 'refuse');
    if (refusal) refuse(refusal.rule.forMs ?? 5000);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, Buffer.concat(chunks), res).catch((err: unknown) => {
      log(`fault proxy: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('fault proxy error');
    }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    if (req.url?.startsWith(FAULT_CONTROL_PATH)) return control(req, body, res);
    const target = protocolForTarget(header(req.headers['x-amz-target']));
    if (!req.headers.authorization || !target) return forwardStreaming(options.upstream, req, body, res);
    const { region } = signingScope(req.headers);
    const service = target.protocol.service;
    const active = rules.find((r) => r.rule.fault !== 'refuse' && matches(r, service, target.operation, region));
    const fault = active && takes(active) ? active.rule : undefined;
    callLog.push({ seq: ++seq, service, operation: target.operation, region, fault: fault?.fault, at: Date.now() });
    if (callLog.length > CALL_LIMIT) callLog.splice(0, callLog.length - CALL_LIMIT);
    if (!fault) return forwardStreaming(options.upstream, req, body, res);
    if (fault.delayMs) await sleep(fault.delayMs);
    switch (fault.fault) {
      case 'latency':
        return forwardStreaming(options.upstream, req, body, res);
      case 'reset':
        req.socket.destroy();
        return;
      default: {
        const answer = errorResponse(target.protocol, faultError(fault.fault as ErrorFault, target.protocol, target.operation, region), randomUUID());
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
        res.end(answer.body);
      }
    }
  }

  function control(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const reply = (status: number, value: unknown) => {
      const text = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    try {
      if (req.method === 'POST') {
        const parsed: unknown = JSON.parse(body.toString('utf8') || '[]');
        script(Array.isArray(parsed) ? (parsed as FaultRule[]) : [parsed as FaultRule]);
        return reply(200, { rules: rules.map((r) => r.rule) });
      }
      if (req.method === 'DELETE') {
        script([]);
        return reply(200, { rules: [] });
      }
      const since = Number(new URL(req.url ?? '/', 'http://proxy').searchParams.get('since') ?? 0);
      return reply(200, { rules: rules.map((r) => ({ ...r.rule, matched: r.matched })), calls: callLog.filter((c) => c.seq > since) });
    } catch (err) {
      return reply(400, { message: err instanceof Error ? err.message : String(err) });
    }
  }

  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('fault proxy has no TCP address'));
      resolve(address.port);
    });
  });

  /** Closes the port (and open connections) for `ms`, then listens on the same port again. */
  function refuse(ms: number): void {
    refusedUntil = Date.now() + ms;
    clearTimeout(reopenTimer);
    if (server.listening) {
      server.close();
      for (const socket of sockets) socket.destroy();
    }
    reopenTimer = setTimeout(() => {
      reopenTimer = undefined;
      rules = rules.filter((r) => r.rule.fault !== 'refuse');
      if (!stopped && Date.now() >= refusedUntil) void listen(port).then(() => log('fault proxy: accepting connections again'), (err: unknown) => log(`fault proxy: cannot listen again: ${String(err)}`));
    }, ms);
    log(`fault proxy: refusing connections for ${ms} ms`);
  }

  const port = await listen(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  if (options.rules?.length) script(options.rules);
  return {
    url,
    port,
    script,
    clear: () => script([]),
    calls: () => callLog,
    stop: () => new Promise<void>((resolve) => {
      stopped = true;
      clearTimeout(reopenTimer);
      for (const socket of sockets) socket.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    }),
  };
}

function matches(active: ActiveRule, service: string, operation: string, region: string): boolean {
  const { rule } = active;
  if (rule.service && rule.service !== service) return false;
  if (rule.operation && rule.operation !== operation) return false;
  if (rule.region && rule.region !== region) return false;
  return rule.times === undefined || active.matched < rule.times * (rule.every ?? 1);
}

/** Counts a matching request and says whether this one gets the fault. */
function takes(active: ActiveRule): boolean {
  const index = active.matched++;
  return index % (active.rule.every ?? 1) === 0;
}

const KINDS = new Set<FaultKind>(['throttle', 'internal', 'unavailable', 'expiredToken', 'accessDenied', 'latency', 'reset', 'refuse']);

function validRule(rule: FaultRule): FaultRule {
  if (!rule || !KINDS.has(rule.fault)) throw new Error(`unknown fault ${JSON.stringify(rule?.fault)}; one of ${[...KINDS].join(', ')}`);
  for (const key of ['times', 'every', 'delayMs', 'forMs'] as const) {
    const value = rule[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= (key === 'every' ? 1 : 0))) throw new Error(`${key} must be a whole number`);
  }
  return rule;
}

export function describeRule(rule: FaultRule): string {
  const where = [rule.service, rule.operation, rule.region].filter(Boolean).join(' ') || 'every request';
  const how = [rule.times !== undefined ? `${rule.times}×` : '', rule.every ? `1 in ${rule.every}` : '', rule.delayMs ? `+${rule.delayMs} ms` : '', rule.forMs ? `for ${rule.forMs} ms` : ''].filter(Boolean).join(', ');
  return `${rule.fault} on ${where}${how ? ` (${how})` : ''}`;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
