const REFERENCE = /\$\{secret:([^}]*)\}/g;

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
