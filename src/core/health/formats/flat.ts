// Bodies that are one flat object: django-health-check's name → "working" map, and boolean fields.
import { childPath, classifyStatus, extractComponents, isObject, ownStatus, STATUS_KEYS, type Component } from '../components';
import { overallOf, type HealthReport } from './report';

/** django-health-check: `{ "DatabaseBackend": "working", "CacheBackend": "unavailable: Cache key does not match" }`. */
export function readDjango(json: unknown): HealthReport | undefined {
  if (!isObject(json)) return undefined;
  const entries = Object.entries(json);
  if (!entries.length || !entries.every(([, v]) => typeof v === 'string') || !entries.some(([, v]) => v === 'working')) return undefined;
  if (entries.some(([k]) => STATUS_KEYS.includes(k))) return undefined;
  const checks = entries.map(([name, v]): Component => {
    const text = v as string;
    if (text === 'working') return { name, path: childPath('', name), status: text, state: 'healthy', details: [] };
    const colon = text.indexOf(':');
    const kind = colon > 0 ? text.slice(0, colon) : text;
    return { name, path: childPath('', name), status: kind, state: /^warning$/i.test(kind) ? 'degraded' : 'down', message: colon > 0 ? text.slice(colon + 1).trim() : text, details: [] };
  });
  return { format: 'django-health-check', checks };
}

const BOOLEAN_SUFFIX = /^(.+?)[_-]?(ok|healthy|up|alive|connected|ready|available|reachable)$/i;

/** Top-level booleans named like a verdict: `"redis_ok": false`, `"dbConnected": true`; `"ok": true` is the overall one. */
export function readBooleanFields(json: unknown): HealthReport | undefined {
  if (!isObject(json)) return undefined;
  const checks: Component[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (typeof value !== 'boolean' || STATUS_KEYS.includes(key)) continue;
    const m = BOOLEAN_SUFFIX.exec(key);
    if (!m) continue;
    checks.push({ name: m[1].replace(/^is[_-]?/i, '') || key, path: childPath('', key), status: `${key}: ${value}`, state: classifyStatus(value), details: [] });
  }
  if (!checks.length) return undefined;
  const own = ownStatus(json);
  const named = new Set(checks.map((c) => c.path));
  const others = extractComponents(json).filter((c) => !named.has(c.path));
  return { format: 'boolean fields', overall: own && overallOf(own.text, own.state), checks: [...checks, ...others] };
}
