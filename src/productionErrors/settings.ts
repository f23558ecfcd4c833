import { productionErrorsSettings, type ProductionErrorsSettings } from '../core/productionErrors/settings';
import { readSetting } from '../platform/trust';

export type { ProductionErrorsSettings } from '../core/productionErrors/settings';

export function readProductionErrorsSettings(): ProductionErrorsSettings {
  return productionErrorsSettings({
    logGroups: readSetting<unknown>('productionErrors.logGroups', []),
    range: readSetting<unknown>('productionErrors.range', '24h'),
    refreshMinutes: readSetting<unknown>('productionErrors.refreshMinutes', 15),
    filter: readSetting<unknown>('productionErrors.filter', ''),
    problems: readSetting<unknown>('productionErrors.problems', true),
  });
}
