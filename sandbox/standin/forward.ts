import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { Input } from './input';
import { asInput } from './input';
import { currentAccount, DEFAULT_ACCOUNT } from './accounts';
import type { ServiceProtocol } from './protocol';

/** A response read whole from moto. */
export interface MotoResponse {
  readonly status: number;
  /** Raw header list as received: name, value, name, value, … */
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/** moto answered with an error; the stand-in relays that answer unchanged. */
export class MotoFailure extends Error {
  override readonly name = 'MotoFailure';

  constructor(readonly response: MotoResponse) {
    super(`moto answered ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade']);

/** Raw headers without hop-by-hop ones, for replaying a moto response to the client. */
export function endToEndHeaders(rawHeaders: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    if (!HOP_BY_HOP.has(name.toLowerCase())) out.push(name, rawHeaders[i + 1] ?? '');
  }
  return out;
}

interface UpstreamRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.OutgoingHttpHeaders;
  readonly body: Buffer;
}

function upstream(motoUrl: string, request: UpstreamRequest, onResponse: (res: http.IncomingMessage) => void, onError: (err: Error) => void): void {
  const target = new URL(request.path, motoUrl);
  const req = http.request(
    { hostname: target.hostname, port: target.port, path: target.pathname + target.search, method: request.method, headers: withAccount(request.headers) },
    onResponse,
  );
  req.on('error', onError);
  req.end(request.body);
}

/** Sends the client's request to moto unchanged and streams moto's answer back. */
export function forwardStreaming(motoUrl: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = { ...req.headers };
    delete headers.connection;
    delete headers['transfer-encoding'];
    delete headers.expect; // the body is already read whole
    headers['content-length'] = String(body.length);
    upstream(
      motoUrl,
      { method: req.method ?? 'GET', path: req.url ?? '/', headers, body },
      (up) => {
        const raw = endToEndHeaders(up.rawHeaders);
        res.writeHead(up.statusCode ?? 502, raw);
        up.pipe(res);
        up.on('end', () => resolve());
        up.on('error', () => resolve());
      },
      (err) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`stand-in could not reach moto: ${err.message}`);
        resolve();
      },
    );
  });
}

/** Sends a request to moto and reads the whole answer. */
export function requestMoto(motoUrl: string, request: UpstreamRequest): Promise<MotoResponse> {
  return new Promise((resolve, reject) => {
    upstream(
      motoUrl,
      request,
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => resolve({ status: up.statusCode ?? 502, rawHeaders: up.rawHeaders, body: Buffer.concat(chunks) }));
        up.on('error', reject);
      },
      reject,
    );
  });
}

/** Decodes a JSON request body, inflating it when the client compressed it. */
export function decodeJsonBody(body: Buffer, contentEncoding: string | undefined): Input {
  const bytes = contentEncoding?.toLowerCase().includes('gzip') ? zlib.gunzipSync(body) : body;
  if (bytes.length === 0) return {};
  return asInput(JSON.parse(bytes.toString('utf8')));
}

/** Calls moto in one service's JSON protocol on behalf of the client whose signing headers it reuses. */
export class MotoCaller {
  constructor(
    private readonly motoUrl: string,
    private readonly protocol: ServiceProtocol,
    private readonly clientHeaders: http.IncomingHttpHeaders,
  ) {}

  /** The operation's answer, or a {@link MotoFailure} carrying moto's error response. */
  async call(operation: string, input: unknown): Promise<Input> {
    const response = await this.send(operation, Buffer.from(JSON.stringify(input ?? {}), 'utf8'));
    if (response.status >= 300) throw new MotoFailure(response);
    return response.body.length === 0 ? {} : asInput(JSON.parse(response.body.toString('utf8')));
  }

  /** The same caller for another service of the same account and region (moto reads the service from the credential scope). */
  forService(protocol: ServiceProtocol): MotoCaller {
    const authorization = this.clientHeaders.authorization?.replace(/(Credential=[^/,]+\/\d{8}\/[^/,]+\/)[^/,]+\//, `$1${protocol.service}/`);
    return new MotoCaller(this.motoUrl, protocol, { ...this.clientHeaders, ...(authorization ? { authorization } : {}) });
  }

  /** Sends a prepared body and returns moto's answer whatever its status. */
  send(operation: string, body: Buffer): Promise<MotoResponse> {
    const headers: http.OutgoingHttpHeaders = { ...this.clientHeaders };
    for (const name of ['connection', 'transfer-encoding', 'content-encoding', 'x-amz-content-sha256', 'expect']) delete headers[name];
    headers['content-type'] = this.protocol.contentType;
    headers['x-amz-target'] = `${this.protocol.targetPrefix}.${operation}`;
    headers['content-length'] = String(body.length);
    return requestMoto(this.motoUrl, { method: 'POST', path: '/', headers, body });
  }
}

/**
 * moto files a request under the account its `x-moto-account-id` header names; the stand-in sets it
 * from the signing key (see accounts.ts), so a second profile's keys reach a second account.
 */
function withAccount(headers: http.OutgoingHttpHeaders): http.OutgoingHttpHeaders {
  const account = currentAccount();
  return account === DEFAULT_ACCOUNT ? headers : { ...headers, 'x-moto-account-id': account };
}
