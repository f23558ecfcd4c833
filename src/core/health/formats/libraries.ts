// Health libraries whose bodies are lists or maps of checks with their own words: Dropwizard (metrics'
// servlet and the health module), heptiolabs/healthcheck, spatie/laravel-health, py-healthcheck, GitLab.
import { childPath, classifyStatus, isObject, scalarText, STATUS_KEYS, type Component, type ComponentDetail } from '../components';
import type { HealthState } from '../model';
import { type HealthReport, type ReadContext } from './report';
import { worstAs } from './servers';

const MAX_CHECKS = 500;

function detailsOf(o: Record<string, unknown>, skip: readonly string[]): ComponentDetail[] {
  return Object.entries(o).filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined && v !== '').slice(0, 12).map(([key, v]) => ({ key, value: scalarText(v) }));
}

function errorText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (isObject(value) && typeof value.message === 'string' && value.message.trim()) return value.message;
  return undefined;
}

const PASS_FAIL = { healthy: 'healthy', degraded: 'degraded', down: 'unhealthy', unknown: 'unknown' } as const;

/**
 * Dropwizard Metrics' health check servlet: a map of name → `{ "healthy": bool, "message"?, "error"?: { message } }`
 * (HTTP 500 when one is unhealthy). Every value must be such an object.
 */
export function readDropwizardMap(json: unknown): HealthReport | undefined {
  if (!isObject(json)) return undefined;
  const entries = Object.entries(json);
  if (!entries.length || !entries.every(([, v]) => isObject(v) && typeof v.healthy === 'boolean' && !('critical' in v))) return undefined;
  const checks = entries.slice(0, MAX_CHECKS).map(([name, v]): Component => {
    const o = v as Record<string, unknown>;
    const message = errorText(o.message) ?? errorText(o.error);
    return { name, path: childPath('', name), status: o.healthy ? 'healthy' : 'unhealthy', state: o.healthy ? 'healthy' : 'down', ...(message ? { message } : {}), details: detailsOf(o, ['healthy', 'message', 'error']) };
  });
  return { format: 'Dropwizard health checks', overall: worstAs(checks, PASS_FAIL), checks };
}

/**
 * Dropwizard's health module (`/health-check?name=all`, dropwizard-health): a list of
 * `{ "name", "type": ALIVE|READY, "healthy", "critical" }`. An unhealthy critical check is down; a
 * non-critical one degrades the service without taking it out of rotation.
 */
export function readDropwizardHealth(json: unknown): HealthReport | undefined {
  const list = Array.isArray(json) ? json : isObject(json) && typeof json.healthy === 'boolean' && typeof json.critical === 'boolean' ? [json] : undefined;
  if (!list?.length || !list.every((v) => isObject(v) && typeof v.healthy === 'boolean' && typeof v.critical === 'boolean')) return undefined;
  const checks = list.slice(0, MAX_CHECKS).map((v, i): Component => {
    const o = v as Record<string, unknown>;
    const state: HealthState = o.healthy ? 'healthy' : o.critical ? 'down' : 'degraded';
    return { name: typeof o.name === 'string' && o.name ? o.name : `#${i + 1}`, path: childPath('', i), status: `${o.healthy ? 'healthy' : 'unhealthy'}${o.critical ? ', critical' : ''}`, state, ...(typeof o.type === 'string' ? { type: o.type } : {}), details: detailsOf(o, ['name', 'healthy', 'critical', 'type']) };
  });
  return { format: 'Dropwizard health', overall: worstAs(checks, PASS_FAIL), checks };
}

/**
 * heptiolabs/healthcheck with `?full=1`: a map of check name → `"OK"` or the error it returned (HTTP 503 then).
 */
export function readHeptio(json: unknown, context: ReadContext): HealthReport | undefined {
  if (!isObject(json)) return undefined;
  const entries = Object.entries(json);
  if (!entries.length || !entries.every(([k, v]) => typeof v === 'string' && !STATUS_KEYS.includes(k))) return undefined;
  // It answers 200 only when every check said OK, and 503 when one failed: other flat string maps are not it.
  if (context.status === 503 ? entries.some(([, v]) => classifyStatus(v) === 'healthy' && v !== 'OK') : !entries.every(([, v]) => v === 'OK')) return undefined;
  const checks = entries.slice(0, MAX_CHECKS).map(([name, v]): Component => (v === 'OK' ? { name, path: childPath('', name), status: 'OK', state: 'healthy', details: [] } : { name, path: childPath('', name), status: 'failed', state: 'down', message: v as string, details: [] }));
  return { format: 'heptiolabs/healthcheck', overall: worstAs(checks, { healthy: 'OK', degraded: 'failing', down: 'failing', unknown: 'unknown' }), checks };
}

const SPATIE: Record<string, HealthState> = { ok: 'healthy', warning: 'degraded', failed: 'down', crashed: 'down', skipped: 'unknown' };

/** spatie/laravel-health's JSON results: `{ "finishedAt", "checkResults": [{ name, label, status, notificationMessage, shortSummary, meta }] }`. */
export function readSpatie(json: unknown): HealthReport | undefined {
  if (!isObject(json) || !Array.isArray(json.checkResults) || !json.checkResults.every((c) => isObject(c) && typeof c.status === 'string')) return undefined;
  const checks = (json.checkResults as Record<string, unknown>[]).slice(0, MAX_CHECKS).map((c, i): Component => {
    const status = String(c.status);
    const message = typeof c.notificationMessage === 'string' && c.notificationMessage.trim() ? c.notificationMessage : undefined;
    const name = [c.label, c.name].find((v): v is string => typeof v === 'string' && v !== '') ?? `#${i + 1}`;
    return { name, path: childPath(childPath('checkResults', i), 'status'), status, state: SPATIE[status] ?? classifyStatus(status), ...(message ? { message } : {}), ...(typeof c.shortSummary === 'string' && c.shortSummary ? { observed: c.shortSummary } : {}), details: isObject(c.meta) ? detailsOf(c.meta, []) : [] };
  });
  return { format: 'spatie/laravel-health', overall: worstAs(checks, { healthy: 'ok', degraded: 'warning', down: 'failed', unknown: 'unknown' }), checks };
}

/** py-healthcheck (Runscope's healthcheck): `status` success/failure and `results` of `{ checker, output, passed }`. */
export function readPyHealthcheck(json: unknown): HealthReport | undefined {
  if (!isObject(json) || !Array.isArray(json.results) || !json.results.every((r) => isObject(r) && typeof r.passed === 'boolean' && typeof r.checker === 'string')) return undefined;
  const checks = (json.results as Record<string, unknown>[]).slice(0, MAX_CHECKS).map((r, i): Component => {
    const output = typeof r.output === 'string' && r.output.trim() ? r.output : undefined;
    return { name: r.checker as string, path: childPath('results', i), status: r.passed ? 'passed' : 'failed', state: r.passed ? 'healthy' : 'down', ...(!r.passed && output ? { message: output } : {}), details: detailsOf(r, ['checker', 'passed', ...(r.passed ? [] : ['output'])]) };
  });
  const status = typeof json.status === 'string' ? json.status : undefined;
  const state = status === 'success' ? 'healthy' : status === 'failure' ? 'down' : (worstAs(checks, PASS_FAIL)?.state ?? 'unknown');
  return { format: 'py-healthcheck', overall: { text: status ?? (state === 'healthy' ? 'success' : 'failure'), state }, checks };
}

/**
 * GitLab `/-/readiness` (with `?all=1`): an overall `status` and a list per probe under keys ending in
 * `_check`, each entry `{ "status": "ok"|"failed", "message"?, "labels"? }`.
 */
export function readGitLab(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string') return undefined;
  const probes = Object.entries(json).filter(([k, v]) => k.endsWith('_check') && Array.isArray(v));
  if (!probes.length || !probes.every(([, v]) => (v as unknown[]).every((e) => isObject(e) && typeof e.status === 'string'))) return undefined;
  const checks: Component[] = [];
  for (const [key, list] of probes) {
    const entries = list as Record<string, unknown>[];
    entries.slice(0, MAX_CHECKS - checks.length).forEach((e, i) => {
      const labels = isObject(e.labels) ? Object.values(e.labels).filter((v) => typeof v === 'string').join(', ') : '';
      const base = key.slice(0, -'_check'.length);
      const name = labels ? `${base} (${labels})` : entries.length > 1 ? `${base} #${i + 1}` : base;
      const message = typeof e.message === 'string' && e.message ? e.message : undefined;
      checks.push({ name, path: childPath(childPath(key, i), 'status'), status: e.status as string, state: e.status === 'ok' ? 'healthy' : classifyStatus(e.status), ...(message ? { message } : {}), details: [] });
    });
  }
  const state = json.status === 'ok' ? 'healthy' : classifyStatus(json.status);
  return { format: 'GitLab health checks', overall: { text: json.status, state: state === 'unknown' ? worstAs(checks, PASS_FAIL)?.state ?? 'unknown' : state, ...(typeof json.message === 'string' && json.message ? { message: json.message } : {}) }, checks };
}
