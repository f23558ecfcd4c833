import { readSetting } from '../platform/trust';

export interface ProductionErrorsSettings {
  readonly logGroups: string[];
  readonly range: string;
  readonly refreshMinutes: number;
  readonly filter: string;
  readonly problems: boolean;
}

export function readProductionErrorsSettings(): ProductionErrorsSettings {
  const groups = readSetting<unknown>('productionErrors.logGroups', []);
  const minutes = readSetting<unknown>('productionErrors.refreshMinutes', 15);
  const range = readSetting<unknown>('productionErrors.range', '24h');
  const filter = readSetting<unknown>('productionErrors.filter', '');
  return {
    logGroups: Array.isArray(groups) ? [...new Set(groups.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim()))] : [],
    range: typeof range === 'string' && range.trim() ? range.trim() : '24h',
    refreshMinutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes : 0,
    filter: typeof filter === 'string' ? filter : '',
    problems: readSetting<unknown>('productionErrors.problems', true) !== false,
  };
}
