import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { MAX_BODY_BYTES, MAX_REDIRECTS, type FailureCode, type HttpFailure, type HttpOutcome } from '../core/health/model';
import type { AddressScope } from '../core/health/addresses';
import { isRedirect, nextHop, privateTargetRefusal } from '../core/health/redirect';

/** One health request as the checker sends it: secrets already resolved. (No `vscode` import: tested in node.) */
export interface CheckRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** Headers dropped when a redirect leaves the origin (those that carry secrets). */
  readonly sensitiveHeaders?: readonly string[];
  readonly maxRedirects?: number;
  readonly maxBodyBytes?: number;
  /** Extra certificate authorities to trust (PEM). */
  readonly ca?: string | Buffer;
  /** Where an address points (default: addressScope); tests play a public host on a loopback address with their own. */
  readonly scopeOf?: (address: string) => AddressScope | undefined;
}

export type Checker = (request: CheckRequest, signal?: AbortSignal) => Promise<HttpOutcome>;

class CheckError extends Error {
  constructor(readonly code: FailureCode, message: string, readonly detail?: string) {
    super(message);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function hostOf(url: URL): string {
  return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}

/** A sentence a person understands for a network or TLS error. */
function describeNetworkError(err: unknown, url: URL): CheckError {
  if (err instanceof CheckError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(err);
  const host = hostOf(url);
  switch (code) {
    case 'ECONNREFUSED':
      return new CheckError('refused', `Connection refused by ${host}: nothing is listening there (is the service running?)`, code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CheckError('notFound', `Host ${url.hostname} not found (DNS lookup failed)`, code);
    case 'ECONNRESET':
    case 'EPIPE':
      return new CheckError('reset', `The connection to ${host} was closed before a complete response arrived`, code);
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
      return new CheckError('network', `${host} cannot be reached (${code})`, code);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return new CheckError('tls', `The TLS certificate of ${host} is self-signed and not trusted, so the check refused to connect (${code})`, code);
    case 'CERT_HAS_EXPIRED':
      return new CheckError('tls', `The TLS certificate of ${host} has expired (${code})`, code);
    case 'CERT_NOT_YET_VALID':
      return new CheckError('tls', `The TLS certificate of ${host} is not valid yet (${code})`, code);
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new CheckError('tls', `The TLS certificate of ${host} is issued for another host name (${code})`, code);
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return new CheckError('tls', `The TLS certificate of ${host} is signed by an authority this machine does not trust (${code})`, code);
  }
  if (code && (/CERT|^ERR_SSL|^ERR_TLS/.test(code) || /ssl|tls/i.test(message))) return new CheckError('tls', `The TLS handshake with ${host} failed: ${message}`, code);
  if (code && /^HPE_/.test(code)) return new CheckError('network', `${host} answered with something that is not valid HTTP (${code})`, code);
  if (code && /^ERR_INVALID_|^ERR_HTTP_/.test(code)) return new CheckError('invalidRequest', `The request could not be sent: ${message}`, code);
  return new CheckError('network', `The request to ${host} failed: ${message}`, code);
}

interface Hop {
  readonly res: http.IncomingMessage;
  readonly req: http.ClientRequest;
}

/**
 * Resolves like node does, and fails with the reason when an address is not public: the next hop of a
 * redirect that came from a public address. Checked where the connection is made, so a name that
 * resolves differently a second time cannot slip through.
 */
function publicOnlyLookup(from: string, next: string, scopeOf: CheckRequest['scopeOf']): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      for (const { address } of addresses) {
        const refusal = privateTargetRefusal(from, next, address, scopeOf);
        if (refusal) return callback(new CheckError('badRedirect', refusal), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4);
    });
  };
}

function charsetOf(contentType: string | undefined): string {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '');
  const charset = m?.[1].toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/**
 * Requests the URL with node's http/https: at most `maxRedirects` redirects (http and https only, loops
 * detected), one deadline for the whole check, the body read up to `maxBodyBytes` and the rest left
 * unread (the connection is closed). Never rejects: every failure is an outcome with a reason.
 */
export function httpCheck(request: CheckRequest, signal?: AbortSignal): Promise<HttpOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const maxRedirects = request.maxRedirects ?? MAX_REDIRECTS;
  const maxBody = request.maxBodyBytes ?? MAX_BODY_BYTES;
  const redirects: string[] = [];
  let current: http.ClientRequest | undefined;
  let headersArrived = false;
  let settled = false;

  return new Promise<HttpOutcome>((resolve) => {
    let url: URL;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      const e = describeNetworkError(err, url ?? new URL('http://invalid'));
      const failure: HttpFailure = { kind: 'failure', url: url?.toString() ?? request.url, code: e.code, message: e.message, detail: e.detail, elapsedMs: elapsed(), redirects: [...redirects] };
      resolve(failure);
    };
    const timer = setTimeout(() => {
      const message = headersArrived
        ? `The response did not finish within ${seconds(request.timeoutMs)} (the status arrived, the body was still coming)`
        : `No response within ${seconds(request.timeoutMs)}`;
      const error = new CheckError('timeout', message);
      current?.destroy(error);
      fail(error);
    }, request.timeoutMs);
    const onAbort = () => {
      const error = new CheckError('aborted', 'The check was canceled');
      current?.destroy(error);
      fail(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      url = new URL(request.url);
    } catch {
      return fail(new CheckError('invalidRequest', `"${request.url}" is not a valid URL`));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(new CheckError('invalidRequest', `Only http and https URLs can be checked, not ${url.protocol}`));

    let method = request.method.toUpperCase();
    let body = request.body;
    let headers: Record<string, string> = { ...request.headers };
    const visited = [url.toString()];
    /** Set for a hop whose host name must resolve to public addresses only. */
    let lookup: LookupFunction | undefined;

    // A kept-alive socket the server closed meanwhile fails at once with ECONNRESET: retry that once on a new one.
    const send = async (): Promise<Hop> => {
      try {
        return await sendOnce();
      } catch (err) {
        if (!settled && (err as { reusedSocket?: boolean }).reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return sendOnce();
        throw err;
      }
    };

    const sendOnce = (): Promise<Hop> => new Promise<Hop>((resolveHop, rejectHop) => {
      const lower = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
      const outgoing: Record<string, string> = { ...headers };
      if (!lower.has('user-agent')) outgoing['User-Agent'] = 'ops-lens-health';
      if (!lower.has('accept')) outgoing.Accept = 'application/json, */*;q=0.5';
      if (body !== undefined) {
        outgoing['Content-Length'] = String(Buffer.byteLength(body));
        if (!lower.has('content-type') && /^\s*[{[]/.test(body)) outgoing['Content-Type'] = 'application/json';
      }
      const options: https.RequestOptions = { method, headers: outgoing };
      if (request.ca) options.ca = request.ca;
      // A pooled connection would skip the lookup: such a hop gets a connection of its own.
      if (lookup) Object.assign(options, { lookup, agent: false });
      let req: http.ClientRequest;
      try {
        req = (url.protocol === 'https:' ? https : http).request(url, options);
      } catch (err) {
        rejectHop(err);
        return;
      }
      current = req;
      req.on('error', (err) => rejectHop(Object.assign(err, { reusedSocket: req.reusedSocket })));
      req.on('response', (res) => resolveHop({ res, req }));
      req.end(body);
    });

    const read = (hop: Hop) => {
      const { res, req } = hop;
      const status = res.statusCode ?? 0;
      const contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : undefined;
      const chunks: Buffer[] = [];
      let bytes = 0;
      let truncated = false;
      let stream: Readable;
      try {
        stream = decoded(res);
      } catch (err) {
        fail(err);
        return;
      }
      const finish = () => {
        if (settled) return;
        settled = true;
        cleanup();
        const buffer = Buffer.concat(chunks, bytes);
        resolve({
          kind: 'response',
          url: url.toString(),
          status,
          statusText: res.statusMessage || http.STATUS_CODES[status] || '',
          contentType,
          body: new TextDecoder(charsetOf(contentType)).decode(buffer),
          bodyBytes: bytes,
          truncated,
          elapsedMs: elapsed(),
          redirects: [...redirects],
        });
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        if (bytes + chunk.length <= maxBody) {
          chunks.push(chunk);
          bytes += chunk.length;
          return;
        }
        chunks.push(chunk.subarray(0, maxBody - bytes));
        bytes = maxBody;
        truncated = true;
        finish();
        req.destroy();
      });
      stream.on('end', finish);
      stream.on('error', (err) => fail(err));
      res.on('error', (err) => fail(err));
      res.on('close', () => {
        if (!res.complete) fail(new CheckError('reset', `The connection to ${hostOf(url)} was closed before the whole body arrived`));
      });
    };

    const step = async (): Promise<void> => {
      for (;;) {
        const hop = await send();
        headersArrived = true;
        const status = hop.res.statusCode ?? 0;
        const location = hop.res.headers.location;
        if (!isRedirect(status) || !location) {
          read(hop);
          return;
        }
        const remoteAddress = hop.res.socket?.remoteAddress;
        // The redirect's own body is never read: a server streaming one forever must not hold the socket.
        hop.res.destroy();
        hop.req.destroy();
        const from = url.toString();
        const decided = nextHop({ url: from, method, headers, body }, { status, location, remoteAddress }, { visited, maxRedirects, sensitiveHeaders: request.sensitiveHeaders, scopeOf: request.scopeOf });
        if (decided.kind === 'refuse') throw new CheckError(decided.code, decided.message);
        ({ method, headers, body } = decided.request);
        const next = new URL(decided.request.url);
        lookup = decided.publicOnly ? publicOnlyLookup(from, next.toString(), request.scopeOf) : undefined;
        redirects.push(next.toString());
        visited.push(next.toString());
        url = next;
        headersArrived = false;
      }
    };
    step().catch(fail);
  });
}
