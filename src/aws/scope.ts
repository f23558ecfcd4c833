/**
 * With several profiles, every place that keys by region keys by `profile · region` instead, so stores,
 * trees and outage notices carry the profile without knowing about it; the session parses it back.
 */
const SEPARATOR = ' · ';

export function scopeId(profile: string, region: string): string {
  return `${profile}${SEPARATOR}${region}`;
}

/** The profile and region of a scope id; a plain region has no profile. */
export function parseScope(id: string): { profile?: string; region: string } {
  const at = id.lastIndexOf(SEPARATOR);
  if (at <= 0) return { region: id };
  return { profile: id.slice(0, at), region: id.slice(at + SEPARATOR.length) };
}

export function isScoped(id: string): boolean {
  return parseScope(id).profile !== undefined;
}

/** A root's label with the account: `profile · account id · region`. */
export function scopeLabel(profile: string, account: string, region: string): string {
  return [profile, account, region].join(SEPARATOR);
}

/**
 * A region named by something read in one scope's account (a dashboard widget's `region`, an alarm ARN's
 * region): the same profile in that region. Without a region, the scope itself; outside a profile, the region.
 */
export function sameProfile(scope: string, region: string | undefined): string {
  if (!region) return scope;
  const { profile } = parseScope(scope);
  return profile === undefined || isScoped(region) ? region : scopeId(profile, region);
}

/**
 * What a region given on its own (a command's argument, a runbook's link) may mean among the scopes shown:
 * with several profiles, that region of each profile, where the alarm or dashboard is then looked for;
 * otherwise the region itself.
 */
export function scopesFor(region: string, all: readonly string[]): string[] {
  if (isScoped(region) || !all.some(isScoped)) return [region];
  const profiles = [...new Set(all.map((s) => parseScope(s).profile).filter((p): p is string => p !== undefined))];
  return profiles.map((profile) => scopeId(profile, region));
}
