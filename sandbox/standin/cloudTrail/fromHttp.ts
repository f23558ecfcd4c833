import type { IncomingMessage } from 'node:http';
import type { Input } from '../input';
import type { RequestFacts } from './request';

const PARSED_BODY_LIMIT = 1_000_000;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function jsonBody(body: Buffer): Input {
  if (body.length === 0 || body.length > PARSED_BODY_LIMIT) return {};
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Input) : {};
  } catch {
    return {};
  }
}

/**
 * The facts of a signed AWS request in any protocol: JSON (`X-Amz-Target`), query (`Action=` form) or REST
 * (method and path), for the event history. `input` is the JSON request when one was already decoded.
 */
export function requestFacts(req: IncomingMessage, body: Buffer, decoded?: Input): RequestFacts | undefined {
  const service = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(header(req, 'authorization') ?? '')?.[1];
  if (!service) return undefined;
  const target = header(req, 'x-amz-target');
  if (target) {
    const operation = target.slice(target.lastIndexOf('.') + 1);
    return { service, operation, input: decoded ?? jsonBody(body) };
  }
  const contentType = header(req, 'content-type') ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded') && body.length <= PARSED_BODY_LIMIT) {
    const form = new URLSearchParams(body.toString('utf8'));
    const operation = form.get('Action');
    if (!operation) return undefined;
    const input: Input = {};
    for (const [k, v] of form) if (!/^(Action|Version)$/.test(k)) input[k] = v;
    return { service, operation, input };
  }
  const path = (req.url ?? '').split('?')[0];
  return { service, operation: '', input: jsonBody(body), method: req.method ?? 'GET', path };
}
