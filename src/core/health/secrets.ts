// A name stops at the next `$` as well as at `}`: each character is scanned from one reference only.
const REFERENCE = /\$\{secret:([^}$]*)\}/g;

/** The secret names referenced as `${secret:NAME}` in the values, in order, without repeats. */
export function secretNames(values: Iterable<string>): string[] {
  const names: string[] = [];
  for (const value of values) {
    for (const m of value.matchAll(REFERENCE)) {
      const name = m[1].trim();
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

export type ResolvedHeaders =
  | { readonly ok: true; readonly headers: Record<string, string>; readonly secretHeaders: readonly string[]; readonly values: readonly string[] }
  | { readonly ok: false; readonly missing: readonly string[] };

/**
 * Replaces `${secret:NAME}` in header values with the stored secrets. Reports every missing one;
 * `secretHeaders` names the headers that carry a secret (dropped when a redirect leaves the origin).
 */
export function resolveSecretHeaders(headers: Readonly<Record<string, string>>, secrets: ReadonlyMap<string, string | undefined>): ResolvedHeaders {
  const missing = secretNames(Object.values(headers)).filter((name) => secrets.get(name) === undefined);
  if (missing.length) return { ok: false, missing };
  const out: Record<string, string> = {};
  const secretHeaders: string[] = [];
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    let usesSecret = false;
    out[name] = value.replace(REFERENCE, (_m, secret: string) => {
      usesSecret = true;
      const resolved = secrets.get(secret.trim()) ?? '';
      if (resolved) values.push(resolved);
      return resolved;
    });
    if (usesSecret) secretHeaders.push(name);
  }
  return { ok: true, headers: out, secretHeaders, values };
}

/** Replaces every occurrence of a secret value with `•••` (for text that might echo a header back). */
export function redactSecrets(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) if (value.length >= 4) out = out.split(value).join('•••');
  return out;
}

/** The URL without user name and password, for display. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/** A stored secret and the origins (`https://host:port`) it was stored for. */
export interface StoredSecret {
  readonly value: string;
  /** Undefined for a secret stored before secrets were bound to origins. */
  readonly origins?: readonly string[];
}

/** Hosts a plain-http request never leaves the machine for. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The origin of a URL, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Why the secret may not go to this URL, or undefined when it may: never over plain http except to
 * this machine, only to the origins it was stored for, and a secret stored without origins only to
 * endpoints of the user's own settings (a repository's settings could name any host).
 */
export function secretRefusal(name: string, secret: StoredSecret, url: string, source: 'user' | 'workspace' | 'workspaceFolder'): string | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `the secret ${name} is not sent to "${url}", which is not a valid URL`;
  }
  if (target.protocol !== 'https:' && !isLoopback(target.hostname)) return `the secret ${name} is not sent over plain http to ${target.host}; use https`;
  if (secret.origins) {
    return secret.origins.includes(target.origin) ? undefined : `the secret ${name} was stored for ${secret.origins.join(', ') || 'no endpoint'}, not for ${target.origin}; set it again to send it there`;
  }
  return source === 'user' ? undefined : `the secret ${name} was stored before Ops Lens tied secrets to hosts, so it goes only to endpoints in your user settings; set it again to send it to ${target.origin}`;
}

/** How a secret is kept in SecretStorage; a plain string is one stored before origins were kept. */
export function encodeSecret(secret: StoredSecret): string {
  return JSON.stringify({ value: secret.value, origins: secret.origins ?? [] });
}

export function decodeSecret(stored: string): StoredSecret {
  try {
    const parsed = JSON.parse(stored) as { value?: unknown; origins?: unknown };
    if (parsed && typeof parsed.value === 'string' && Array.isArray(parsed.origins)) {
      return { value: parsed.value, origins: parsed.origins.filter((o): o is string => typeof o === 'string') };
    }
  } catch {
    // stored before origins were kept
  }
  return { value: stored };
}
