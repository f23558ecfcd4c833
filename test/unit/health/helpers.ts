import type { EndpointConfig, HttpFailure, HttpResponse } from '../../../src/core/health/model';
import { DEFAULT_EXPECT } from '../../../src/core/health/model';

/** The JSON of the first ```json fence after `marker` in a seed guide (fences may be indented). */
export function jsonBlockAfter(text: string, marker: string): unknown {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  const fence = /^([ \t]*)```json[ \t]*\n([\s\S]*?)^\1```/m.exec(text.slice(at));
  if (!fence) throw new Error(`no json block after ${marker}`);
  return JSON.parse(fence[2]);
}

/** Every ```json block of a seed guide that parses. */
export function jsonBlocks(text: string): unknown[] {
  const out: unknown[] = [];
  for (const m of text.matchAll(/^([ \t]*)```json[ \t]*\n([\s\S]*?)^\1```/gm)) {
    try {
      out.push(JSON.parse(m[2]));
    } catch {
      // a block that is not strict JSON (comments, ellipses) is not a response body
    }
  }
  return out;
}

export function response(status: number, body: unknown, extra: Partial<HttpResponse> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    kind: 'response',
    url: 'http://127.0.0.1/health',
    status,
    statusText: { 200: 'OK', 500: 'Internal Server Error', 503: 'Service Unavailable', 404: 'Not Found' }[status] ?? '',
    contentType: typeof body === 'string' ? 'text/plain' : 'application/json',
    body: text,
    bodyBytes: Buffer.byteLength(text),
    truncated: false,
    elapsedMs: 42,
    redirects: [],
    ...extra,
  };
}

export function failure(code: HttpFailure['code'], message: string): HttpFailure {
  return { kind: 'failure', url: 'http://127.0.0.1/health', code, message, elapsedMs: 5000, redirects: [] };
}

export function endpoint(extra: Partial<EndpointConfig> = {}): EndpointConfig {
  return {
    name: 'api',
    url: 'http://127.0.0.1/health',
    method: 'GET',
    headers: {},
    timeoutMs: 5000,
    intervalSeconds: 30,
    expectStatus: DEFAULT_EXPECT,
    assertions: [],
    source: 'user',
    index: 0,
    ...extra,
  };
}
