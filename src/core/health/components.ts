import type { HealthState } from './model';

/** One dependency a health body reports: `"database": "healthy"` or `"queue": { "status": "operational", "counts": {…} }`. */
export interface Component {
  readonly name: string;
  /** JSON path of the component in the body, e.g. `checks.queue`. */
  readonly path: string;
  /** The status text as the service wrote it. */
  readonly status?: string;
  readonly state: HealthState;
  /** An error or message the service gave for it. */
  readonly message?: string;
  /** Its other values, flattened: `counts.waiting` = `10`. */
  readonly details: readonly ComponentDetail[];
  /** What it measured, with its unit when the body gives one: `250 ms`, `85 %`. */
  readonly observed?: string;
  /** How long the check took, when the body says. */
  readonly latencyMs?: number;
  /** Its kind as the body names it (`datastore`, `system`). */
  readonly type?: string;
  /** Checks grouped under it (a Spring Boot composite, a Consul service's checks). */
  readonly children?: readonly Component[];
}

export interface ComponentDetail {
  readonly key: string;
  readonly value: string;
}

const WORDS: Record<string, HealthState> = {};
for (const w of ['healthy', 'ok', 'okay', 'up', 'pass', 'passed', 'passing', 'success', 'successful', 'connected', 'operational', 'available', 'ready', 'green', 'online', 'running', 'alive', 'good', 'true', 'fine', 'serving', 'reachable', 'working']) WORDS[w] = 'healthy';
for (const w of ['degraded', 'warn', 'warning', 'slow', 'partial', 'yellow', 'busy', 'limited', 'degraded_performance', 'partial_outage', 'partially_available', 'maintenance']) WORDS[w] = 'degraded';
for (const w of ['unhealthy', 'down', 'out_of_service', 'shutting_down', 'fail', 'failed', 'failing', 'failure', 'error', 'errored', 'critical', 'disconnected', 'not_connected', 'unavailable', 'unreachable', 'offline', 'red', 'dead', 'timeout', 'timed_out', 'outage', 'major_outage', 'stopped', 'false', 'not_serving', 'bad']) WORDS[w] = 'down';

/** What a status word means: "connected" → healthy, "degraded" → degraded, "unhealthy" → down, "v1.2" → unknown. */
export function classifyStatus(value: unknown): HealthState {
  if (typeof value === 'boolean') return value ? 'healthy' : 'down';
  if (typeof value !== 'string' || value.length > 64) return 'unknown';
  return WORDS[value.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? 'unknown';
}

export const STATUS_KEYS = ['status', 'state', 'health', 'healthy', 'ok', 'up'];
const MESSAGE_KEYS = ['error', 'message', 'reason', 'output', 'description'];
const NAME_KEYS = ['name', 'component', 'componentId', 'id', 'key'];
const CONTAINERS = ['checks', 'components', 'dependencies', 'services', 'entries'];
const MAX_DETAILS = 24;
const MAX_NESTING = 6;

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The status a JSON object states about itself (`status`, `state`, `health`, or `healthy: true`). */
export function ownStatus(value: unknown): { readonly text: string; readonly state: HealthState } | undefined {
  if (!isObject(value)) return undefined;
  for (const key of STATUS_KEYS) {
    const v = value[key];
    if (typeof v === 'string' && v.trim()) return { text: v, state: classifyStatus(v) };
    if (typeof v === 'boolean') return { text: `${key}: ${v}`, state: v ? 'healthy' : 'down' };
  }
  return undefined;
}

export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isObject(value)) return '{…}';
  return String(value);
}

export function flatten(value: Record<string, unknown>, skip: ReadonlySet<string>, prefix = '', out: ComponentDetail[] = [], depth = 0): ComponentDetail[] {
  for (const [key, v] of Object.entries(value)) {
    if (out.length >= MAX_DETAILS) break;
    const name = prefix ? `${prefix}.${key}` : key;
    if (skip.has(name)) continue;
    if (isObject(v) && depth < 2) flatten(v, skip, name, out, depth + 1);
    else out.push({ key: name, value: scalarText(v) });
  }
  return out;
}

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const part = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent ? (part.startsWith('[') ? `${parent}${part}` : `${parent}.${part}`) : part;
}

/** `00:00:00.0123456` (a .NET TimeSpan), `12ms`, `1.5s` → milliseconds. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const span = /^(?:(\d{1,5})\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d{1,9})?)$/.exec(value.trim());
  if (span) return Math.round(((Number(span[1] ?? 0) * 24 + Number(span[2])) * 3600 + Number(span[3]) * 60 + Number(span[4])) * 1e6) / 1000;
  const unit = /^(\d{1,9}(?:\.\d{1,9})?)\s?(ms|s|µs|us)$/.exec(value.trim());
  if (!unit) return undefined;
  const n = Number(unit[1]);
  return unit[2] === 'ms' ? n : unit[2] === 's' ? n * 1000 : n / 1000;
}

/** Keys whose object holds the check's values (Spring Boot `details`, MicroProfile `data`, ASP.NET Core `data`). */
const VALUE_HOLDERS = ['details', 'data'];
const NESTED_MESSAGE_KEYS = ['error', 'message', 'exception', 'reason'];
const OWN_KEYS = ['components', 'observedValue', 'observedUnit', 'componentType', 'duration'];

/** An object that reports a status of its own: `{ "status": "UP", … }`. */
export function isStatusNode(value: unknown): value is Record<string, unknown> {
  return isObject(value) && (typeof value.status === 'string' || typeof value.Status === 'string');
}

/** An object whose every value reports a status: a group of checks. */
export function isCheckGroup(value: unknown): value is Record<string, Record<string, unknown>> {
  if (!isObject(value)) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isStatusNode);
}

function messageOf(value: Record<string, unknown>): { key?: string; text?: string } {
  const own = MESSAGE_KEYS.find((k) => typeof value[k] === 'string' && (value[k] as string).trim() !== '');
  if (own) return { key: own, text: value[own] as string };
  for (const holder of VALUE_HOLDERS) {
    const inner = value[holder];
    if (!isObject(inner)) continue;
    const key = NESTED_MESSAGE_KEYS.find((k) => typeof inner[k] === 'string' && (inner[k] as string).trim() !== '');
    if (key) return { key: `${holder}.${key}`, text: inner[key] as string };
  }
  return {};
}

function observedOf(value: Record<string, unknown>): string | undefined {
  const v = value.observedValue;
  if (v === undefined || v === null || isObject(v) || Array.isArray(v)) return undefined;
  const unit = typeof value.observedUnit === 'string' && value.observedUnit ? value.observedUnit : '';
  return unit ? `${String(v)} ${unit}` : String(v);
}

/** A check read from a value of a health body: a status word, a boolean, a status object, or a list of them. */
export function componentFrom(name: string, path: string, value: unknown, depth = 0): Component {
  if (typeof value === 'string' || typeof value === 'boolean') return { name, path, status: String(value), state: classifyStatus(value), details: [] };
  if (Array.isArray(value)) {
    // health+json style: "db:responseTime": [{ status, observedValue, … }, …] — the worst entry counts.
    const parts = value.map((v, i) => componentFrom(name, childPath(path, i), v, depth + 1));
    const worst = parts.reduce<Component | undefined>((w, c) => (!w || rank(c.state) > rank(w.state) ? c : w), undefined);
    if (!worst) return { name, path, state: 'unknown', details: [] };
    return { ...worst, path, details: parts.length === 1 ? worst.details : [...worst.details, { key: 'entries', value: String(parts.length) }] };
  }
  if (!isObject(value)) return { name, path, state: 'unknown', details: value === null || value === undefined ? [] : [{ key: 'value', value: scalarText(value) }] };
  const own = ownStatus(value);
  const statusKey = STATUS_KEYS.find((k) => typeof value[k] === 'string' || typeof value[k] === 'boolean');
  const message = messageOf(value);
  const skip = new Set([statusKey, message.key, ...NAME_KEYS, ...OWN_KEYS].filter((k): k is string => !!k));
  // Nested groups: Spring Boot 2.2+ `components`, and 2.0–2.1 composites whose `details` are checks.
  const groupKey = depth < MAX_NESTING ? (['components', 'details'] as const).find((k) => isCheckGroup(value[k])) : undefined;
  if (groupKey) skip.add(groupKey);
  const children = groupKey ? Object.entries(value[groupKey] as Record<string, unknown>).map(([n, v]) => componentFrom(n, childPath(childPath(path, groupKey), n), v, depth + 1)) : undefined;
  const latency = durationMs(value.duration);
  const observed = observedOf(value);
  const type = typeof value.componentType === 'string' && value.componentType ? value.componentType : undefined;
  return {
    name,
    path,
    status: own?.text,
    state: own?.state ?? 'unknown',
    ...(message.text ? { message: message.text } : {}),
    details: flatten(value, skip),
    ...(observed !== undefined ? { observed } : {}),
    ...(latency !== undefined ? { latencyMs: latency } : {}),
    ...(type ? { type } : {}),
    ...(children?.length ? { children } : {}),
  };
}

export function rank(state: HealthState): number {
  return { unknown: 0, healthy: 1, degraded: 2, down: 3 }[state];
}

function nameOf(item: unknown, index: number): string {
  if (isObject(item)) for (const key of NAME_KEYS) if (typeof item[key] === 'string' && item[key]) return item[key] as string;
  return `#${index + 1}`;
}

/**
 * The dependencies a health body reports. A `checks` (or `components`, `dependencies`, `services`,
 * `entries`) object or list is read entry by entry; without one, top-level values that look like a status
 * (`"database": "healthy"`, `"redis": { "status": "connected" }`) count, so `"version": "1.0.0"` does not.
 */
export function extractComponents(body: unknown): Component[] {
  if (!isObject(body)) return [];
  for (const container of CONTAINERS) {
    const value = body[container];
    if (isObject(value)) return Object.entries(value).map(([name, v]) => componentFrom(name, childPath(container, name), v));
    if (Array.isArray(value) && value.some(isObject)) return value.map((v, i) => componentFrom(nameOf(v, i), childPath(container, i), v));
  }
  const found: Component[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (STATUS_KEYS.includes(name)) continue;
    if (typeof value === 'string' && classifyStatus(value) !== 'unknown') found.push(componentFrom(name, childPath('', name), value));
    else if (isObject(value) && ownStatus(value)) found.push(componentFrom(name, childPath('', name), value));
  }
  return found;
}
