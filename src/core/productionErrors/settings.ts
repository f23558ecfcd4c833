import { regionScope, scopeParts, type ScopeId } from '../scope';
export interface ProductionErrorsSettings {
  readonly logGroups: string[];
  readonly range: string;
  readonly refreshMinutes: number;
  readonly filter: string;
  readonly problems: boolean;
}

/** The `opsLens.productionErrors.*` values as settings hold them (anything), made usable: defaults for what is unset or wrong. */
export function productionErrorsSettings(raw: { logGroups?: unknown; range?: unknown; refreshMinutes?: unknown; filter?: unknown; problems?: unknown }): ProductionErrorsSettings {
  const { logGroups: groups, range, refreshMinutes: minutes, filter } = raw;
  return {
    logGroups: Array.isArray(groups) ? [...new Set(groups.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()))] : [],
    range: typeof range === 'string' && range.trim() ? range.trim() : '24h',
    refreshMinutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes : minutes === undefined ? 15 : 0,
    filter: typeof filter === 'string' ? filter : '',
    problems: raw.problems !== false,
  };
}

/** Log groups per region: names go to `primary`, ARNs to the region they name (without a trailing `:*`). */
export function logGroupsByRegion(groups: readonly string[], primary: ScopeId): Map<ScopeId, string[]> {
  const out = new Map<ScopeId, string[]>();
  for (const group of groups) {
    const named = /^arn:[\w-]+:logs:([\w-]+):/.exec(group)?.[1];
    const region = named === undefined ? primary : regionScope(named);
    const list = out.get(region) ?? [];
    list.push(group.replace(/:\*$/, ''));
    out.set(region, list);
  }
  return out;
}

/** One of several profiles side by side, for {@link logGroupsByProfile}. */
export interface ProfileTarget {
  /** The key of the profile's primary region (its first). */
  readonly primary: ScopeId;
  /** Its account id, when known. */
  readonly account?: string;
  /** The key of one of the profile's regions. */
  readonly inRegion: (region: string) => ScopeId;
}

/**
 * Log groups per profile and region, with several profiles: names go to every profile's primary region (a
 * team's staging and production groups usually share their names); ARNs to the profile of the account they
 * name (the first profile when none is), in the region they name. Profiles into the same account and region read
 * the names once.
 */
export function logGroupsByProfile(groups: readonly string[], profiles: readonly ProfileTarget[]): Map<ScopeId, string[]> {
  const out = new Map<ScopeId, string[]>();
  const add = (key: ScopeId, group: string) => out.set(key, [...(out.get(key) ?? []), group]);
  // Two profiles into one account and region (a role and an SSO login, say) would read each event twice.
  const seen = new Set<string>();
  const readersOfNames = profiles.filter((p) => {
    if (p.account === undefined) return true;
    const key = `${p.account} ${scopeParts(p.primary).region}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const group of groups) {
    const arn = /^arn:[\w-]+:logs:([\w-]+):(\d{12})?:/.exec(group);
    if (!arn) {
      for (const profile of readersOfNames) add(profile.primary, group);
      continue;
    }
    const owner = profiles.find((p) => p.account !== undefined && p.account === arn[2]) ?? profiles[0];
    if (owner) add(owner.inRegion(arn[1]), group.replace(/:\*$/, ''));
  }
  return out;
}
