import { childPath, classifyStatus, componentFrom, isObject, type Component } from '../components';
import { checksOf, overallOf, type HealthReport } from './report';

function isListOfChecks(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

/**
 * The IETF draft "Health Check Response Format for HTTP APIs" (`application/health+json`): `status`
 * pass/warn/fail, `checks` as `"component:measurement"` → a list of observations; each observation is one check.
 */
export function readHealthJson(json: unknown, contentType?: string): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string') return undefined;
  const announced = !!contentType && /health\+json/i.test(contentType);
  const checksValue = json.checks;
  const shaped = isObject(checksValue) && Object.values(checksValue).length > 0 && Object.values(checksValue).every(isListOfChecks);
  if (!shaped && !announced) return undefined;
  const checks: Component[] = [];
  if (isObject(checksValue)) {
    for (const [key, list] of Object.entries(checksValue)) {
      if (!Array.isArray(list)) {
        checks.push(...checksOf('checks', { [key]: list }));
        continue;
      }
      list.forEach((entry, i) => {
        const id = isObject(entry) && typeof entry.componentId === 'string' && entry.componentId ? entry.componentId : undefined;
        const name = list.length === 1 ? key : `${key} (${id ?? `#${i + 1}`})`;
        checks.push(componentFrom(name, childPath(childPath('checks', key), i), entry));
      });
    }
  }
  return { format: 'health+json', overall: overallOf(json.status, classifyStatus(json.status), json.output), checks };
}
