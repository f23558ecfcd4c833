/**
 * Where a call goes: a region, and with several profiles side by side, the profile too. Stores, trees and
 * outage notices key by the scope id, `profile · region` (or the plain region with one profile), without
 * knowing what is in it; the session reads it back with `scopeParts`.
 */
export type ScopeId = string & { readonly __scope: unique symbol };

/** What a scope id names. */
export interface Scope {
  readonly profile?: string;
  readonly region: string;
}

const SEPARATOR = ' · ';
/** Longer than any profile name and region put together that anyone writes by hand. */
export const MAX_SCOPE_LENGTH = 200;
const REGION = /^[a-z0-9-]{1,50}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function scopeId(profile: string, region: string): ScopeId {
  return `${profile}${SEPARATOR}${region}` as ScopeId;
}

/** A region on its own: the scope of the only profile. */
export function regionScope(region: string): ScopeId {
  return region as ScopeId;
}

/**
 * A scope id the product wrote itself and reads back (a tree item's argument, a URI or webview message it
 * made, a stored key): taken as it is. Text typed by a person or a model goes through `parseScopeId`.
 */
export function asScopeId(text: string): ScopeId {
  return text as ScopeId;
}

/** The profile and region of a scope id; a plain region has no profile. */
export function scopeParts(id: ScopeId): Scope {
  const at = id.lastIndexOf(SEPARATOR);
  if (at <= 0) return { region: id };
  return { profile: id.slice(0, at), region: id.slice(at + SEPARATOR.length) };
}

export function isScoped(id: ScopeId): boolean {
  return scopeParts(id).profile !== undefined;
}

/**
 * A scope named from outside (a command's argument, a tool's input, a link): a region or `profile · region`,
 * trimmed. Undefined when it is empty, too long, holds control characters, does not look like a region, or
 * names a profile that is not among `profiles` (when they are given).
 */
export function parseScopeId(raw: unknown, profiles?: readonly string[]): ScopeId | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_SCOPE_LENGTH || CONTROL.test(raw)) return undefined;
  const id = raw.trim() as ScopeId;
  const { profile, region } = scopeParts(id);
  if (!REGION.test(region)) return undefined;
  if (profile === undefined) return id;
  const name = profile.trim();
  if (!name || (profiles && !profiles.includes(name))) return undefined;
  return scopeId(name, region);
}

/** The profiles among scopes, each once, in order. */
export function profilesIn(scopes: readonly ScopeId[]): string[] {
  return [...new Set(scopes.map((s) => scopeParts(s).profile).filter((p): p is string => p !== undefined))];
}

/** A root's label: the scope id with the account id between profile and region, `profile · account id · region`. */
export function scopeLabel(id: ScopeId, accountId: string | undefined): string {
  const { profile, region } = scopeParts(id);
  return profile !== undefined && accountId ? [profile, accountId, region].join(SEPARATOR) : id;
}

/**
 * A region named by something read in one scope's account (a dashboard widget's `region`, an alarm ARN's
 * region): the same profile in that region. Without a region, the scope itself; outside a profile, the region.
 */
export function sameProfile(scope: ScopeId, region: string | undefined): ScopeId {
  if (!region) return scope;
  const { profile } = scopeParts(scope);
  const named = region as ScopeId;
  return profile === undefined || isScoped(named) ? named : scopeId(profile, region);
}

/**
 * What a region given on its own (a command's argument, a runbook's link) may mean among the scopes shown:
 * with several profiles, that region of each profile, where the alarm or dashboard is then looked for;
 * otherwise the region itself.
 */
export function scopesFor(region: string, all: readonly ScopeId[]): ScopeId[] {
  const named = region as ScopeId;
  if (isScoped(named) || !all.some(isScoped)) return [named];
  return profilesIn(all).map((profile) => scopeId(profile, region));
}
