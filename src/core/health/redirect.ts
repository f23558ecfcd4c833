import { addressScope, SCOPE_LABELS, type AddressScope } from './addresses';
import type { FailureCode } from './model';
import { displayUrl } from './secrets';

/** One request of a health check's chain: secrets already resolved. */
export interface HopRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface RedirectResponse {
  readonly status: number;
  readonly location: string;
  /**
   * The address the redirect came from (the socket's remote address). A check sent through a tunnel or a
   * local proxy sees the tunnel's address, so a public service reached that way counts as this machine.
   */
  readonly remoteAddress?: string;
}

export interface RedirectRules {
  /** URLs already requested in this chain, the first included. */
  readonly visited: readonly string[];
  readonly maxRedirects: number;
  /** Headers dropped when a redirect leaves the origin (those that carry secrets). */
  readonly sensitiveHeaders?: readonly string[];
  /** Where an address points; tests play a public host on a loopback address with their own. */
  readonly scopeOf?: (address: string) => AddressScope | undefined;
}

export type NextHop =
  | {
    readonly kind: 'follow';
    readonly request: HopRequest;
    /** The next host is a name whose addresses must be public (checked when it is resolved): the redirect came from a public address. */
    readonly publicOnly: boolean;
  }
  | { readonly kind: 'refuse'; readonly code: FailureCode; readonly message: string };

/**
 * The only headers a redirect to another origin keeps: any other may carry a credential, written in
 * settings as a literal (`X-Api-Key: …`) as well as through `${secret:NAME}`.
 */
const KEPT_ACROSS_ORIGINS = new Set(['accept', 'accept-language', 'user-agent', 'content-type', 'cache-control', 'pragma']);

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Why a redirect from a public address may not go to `address` (`next` resolved), or undefined when it may. */
export function privateTargetRefusal(from: string, next: string, address: string, scopeOf: (address: string) => AddressScope | undefined = addressScope): string | undefined {
  const scope = scopeOf(address) ?? 'public';
  if (scope === 'public') return undefined;
  const resolved = addressScope(new URL(next).hostname) ? '' : ` (${address})`;
  return `${displayUrl(from)}, a public address, redirected to ${displayUrl(next)}${resolved} on ${SCOPE_LABELS[scope]}; a redirect from the internet to this machine or a private network is not followed`;
}

/**
 * What a health check does with a redirect: follow it with the request it becomes, or refuse it and say why.
 * - only http and https; no loops; at most `maxRedirects`;
 * - another origin gets only headers that cannot carry a credential;
 * - 303, and 301/302 after a POST, become a GET without body (as browsers do);
 * - a 307/308 to another origin of a request with a body stops the check: the body (a GraphQL query with a
 *   token, a form) stays with the origin it was written for, and sending the request without it would
 *   check something else than the settings say;
 * - a redirect from a public address to this machine, the local link or a private network is refused
 *   (an IP address here; a name when it is resolved, see `publicOnly`).
 */
export function nextHop(current: HopRequest, response: RedirectResponse, rules: RedirectRules): NextHop {
  const refuse = (code: FailureCode, message: string): NextHop => ({ kind: 'refuse', code, message });
  const { status, location } = response;
  let next: URL;
  try {
    next = new URL(location, current.url);
  } catch {
    return refuse('badRedirect', `HTTP ${status} redirect to "${location}", which is not a valid URL`);
  }
  const target = next.toString();
  const chain = [...rules.visited, target].map(displayUrl).join(' → ');
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return refuse('badRedirect', `Redirected to ${next.protocol} (${displayUrl(target)}); only http and https redirects are followed`);
  }
  if (rules.visited.includes(target)) return refuse('redirectLoop', `Redirect loop: ${chain}`);
  if (rules.visited.length > rules.maxRedirects) return refuse('tooManyRedirects', `More than ${rules.maxRedirects} redirects: ${chain}`);

  const crossOrigin = next.origin !== new URL(current.url).origin;
  const keepsMethod = status === 307 || status === 308;
  if (crossOrigin && keepsMethod && current.body !== undefined) {
    return refuse('badRedirect', `HTTP ${status} redirect to another origin (${displayUrl(target)}); the request body is not sent to another origin, so the check stops here. Check that URL directly if it is the one meant.`);
  }
  const scopeOf = rules.scopeOf ?? addressScope;
  const fromPublic = (response.remoteAddress === undefined ? 'public' : scopeOf(response.remoteAddress) ?? 'public') === 'public';
  const literal = addressScope(next.hostname) !== undefined;
  if (fromPublic && literal) {
    const refusal = privateTargetRefusal(current.url, target, next.hostname.replace(/^\[(.*)\]$/, '$1'), scopeOf);
    if (refusal) return refuse('badRedirect', refusal);
  }

  let { method, body } = current;
  let headers: Record<string, string> = { ...current.headers };
  if (crossOrigin) {
    const secret = new Set((rules.sensitiveHeaders ?? []).map((h) => h.toLowerCase()));
    headers = Object.fromEntries(Object.entries(headers).filter(([h]) => KEPT_ACROSS_ORIGINS.has(h.toLowerCase()) && !secret.has(h.toLowerCase())));
  }
  if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
    method = method === 'HEAD' ? 'HEAD' : 'GET';
    body = undefined;
    headers = Object.fromEntries(Object.entries(headers).filter(([h]) => !/^content-(type|length)$/i.test(h)));
  }
  return { kind: 'follow', request: { url: target, method, headers, ...(body !== undefined ? { body } : {}) }, publicOnly: fromPublic && !literal };
}
