import { childPath, isObject, scalarText, type Component, type ComponentDetail } from '../components';
import type { HealthState } from '../model';
import { worstState, type HealthReport, type ReadContext } from './report';

const CONSUL: Record<string, HealthState> = { passing: 'healthy', warning: 'degraded', critical: 'down', maintenance: 'degraded' };

function isConsulCheck(value: unknown): value is Record<string, unknown> {
  return isObject(value) && typeof value.Status === 'string' && (typeof value.CheckID === 'string' || typeof value.Name === 'string');
}

function consulCheck(value: Record<string, unknown>, path: string): Component {
  const status = String(value.Status);
  const message = [value.Output, value.Notes].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const details: ComponentDetail[] = [];
  for (const key of ['CheckID', 'Node', 'ServiceName', 'Type']) if (value[key] !== undefined && value[key] !== '') details.push({ key, value: scalarText(value[key]) });
  return {
    name: typeof value.Name === 'string' && value.Name ? value.Name : String(value.CheckID),
    path,
    status,
    state: CONSUL[status] ?? 'unknown',
    ...(message ? { message: message.trim() } : {}),
    details,
  };
}

/** One `/v1/health/service/:name` entry: a node, a service instance and its checks, grouped under the instance. */
function serviceEntry(value: Record<string, unknown>, path: string, index: number): Component | undefined {
  if (!Array.isArray(value.Checks) || !value.Checks.every(isConsulCheck)) return undefined;
  const children = (value.Checks as Record<string, unknown>[]).map((c, i) => consulCheck(c, childPath(childPath(path, 'Checks'), i)));
  const service = isObject(value.Service) ? value.Service : {};
  const node = isObject(value.Node) ? value.Node : {};
  const name = [service.ID ?? service.Service, node.Node].filter((v) => typeof v === 'string' && v).join(' on ') || `#${index + 1}`;
  const aggregated = typeof value.AggregatedStatus === 'string' ? value.AggregatedStatus : undefined;
  const state = aggregated ? CONSUL[aggregated] ?? worstState(children) : worstState(children);
  return { name, path, status: aggregated ?? state, state, details: [], children };
}

/**
 * Consul's health API: a list of checks (`/v1/health/checks/:service`, `/v1/health/state/:state`), a map of
 * check id → check (`/v1/agent/checks`), or service entries with their checks (`/v1/health/service/:service`,
 * `/v1/agent/health/service/name/:name`). Status passing | warning | critical; the worst one is the service's.
 */
export function readConsul(json: unknown, context: ReadContext = {}): HealthReport | undefined {
  let checks: Component[] | undefined;
  if (Array.isArray(json) && json.length > 0) {
    if (json.every(isConsulCheck)) checks = json.map((c, i) => consulCheck(c, childPath('', i)));
    else if (json.every(isObject)) {
      const entries = json.map((e, i) => serviceEntry(e, childPath('', i), i));
      if (entries.every((e): e is Component => !!e)) checks = entries;
    }
  } else if (isObject(json) && typeof json.AggregatedStatus === 'string' && Array.isArray(json.Checks)) {
    const entry = serviceEntry(json, '', 0);
    if (entry) checks = [entry];
  } else if (isObject(json)) {
    const values = Object.entries(json);
    if (values.length > 0 && values.every(([, v]) => isConsulCheck(v))) checks = values.map(([id, c]) => consulCheck(c as Record<string, unknown>, childPath('', id)));
  }
  if (!checks) return undefined;
  const aggregated = (Array.isArray(json) ? json : [json]).every((e) => isObject(e) && typeof e.AggregatedStatus === 'string');
  const state = worstState(checks);
  const label = { healthy: 'passing', degraded: 'warning', down: 'critical', unknown: 'unknown' }[state];
  // The agent's aggregated endpoints answer 200 passing, 429 warning, 503 critical.
  const explained = aggregated && (context.status === undefined || [200, 429, 503].includes(context.status));
  return { format: 'Consul', overall: { text: label, state }, checks, ...(explained ? { statusExplained: true } : {}) };
}
