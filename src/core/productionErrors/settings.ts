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
export function logGroupsByRegion(groups: readonly string[], primary: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const group of groups) {
    const region = /^arn:[\w-]+:logs:([\w-]+):/.exec(group)?.[1] ?? primary;
    const list = out.get(region) ?? [];
    list.push(group.replace(/:\*$/, ''));
    out.set(region, list);
  }
  return out;
}
