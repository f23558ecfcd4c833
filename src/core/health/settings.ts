import { parseJsonPath } from './jsonPath';
import {
  ASSERTION_OPS, DEFAULT_EXPECT, DEFAULT_INTERVAL_SECONDS, DEFAULT_TIMEOUT_MS, MIN_INTERVAL_SECONDS, SOURCE_LABEL,
  type Assertion, type AssertionOp, type EndpointConfig, type SettingsSource, type StatusExpectation,
} from './model';
import { secretNames } from './secrets';

/** One settings entry that cannot be used, and everything wrong with it. */
export interface SettingsProblem {
  readonly source: SettingsSource;
  /** Position in its array; undefined when the setting itself is not an array. */
  readonly index?: number;
  readonly name?: string;
  readonly messages: readonly string[];
}

export interface EndpointSettings {
  readonly endpoints: readonly EndpointConfig[];
  readonly problems: readonly SettingsProblem[];
}

export interface SettingsLayer {
  readonly source: SettingsSource;
  readonly value: unknown;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_TIMEOUT_MS = 120_000;

/** Undefined when the text is an http(s) URL a check can request; otherwise what is wrong with it. */
export function validateUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'Enter a URL, e.g. https://api.example.com/health';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return /^[\w.-]+(:\d+)?(\/\S*)?$/.test(trimmed)
      ? `"${trimmed}" is not a valid URL; write it with its scheme, e.g. https://${trimmed}`
      : `"${trimmed}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Only http and https URLs can be checked, not ${url.protocol}`;
  if (!url.hostname) return `"${trimmed}" has no host`;
  return undefined;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function readExpect(value: unknown, problems: string[]): StatusExpectation {
  if (value === undefined || value === null) return DEFAULT_EXPECT;
  const items = Array.isArray(value) ? value : [value];
  const codes: number[] = [];
  const classes: number[] = [];
  for (const item of items) {
    if (typeof item === 'number' && Number.isInteger(item) && item >= 100 && item <= 599) codes.push(item);
    else if (typeof item === 'string' && /^\s*[1-5]\d\d\s*$/.test(item)) codes.push(Number(item));
    else if (typeof item === 'string' && /^\s*[1-5]xx\s*$/i.test(item)) classes.push(Number(item.trim()[0]));
    else problems.push(`expectStatus ${JSON.stringify(item)} is not an HTTP status (100–599, or "2xx")`);
  }
  return codes.length || classes.length ? { codes, classes } : DEFAULT_EXPECT;
}

function readAssertions(value: unknown, problems: string[]): Assertion[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`assertions must be a list of { path, op, value, severity }, found ${describeType(value)}`);
    return [];
  }
  const out: Assertion[] = [];
  value.forEach((raw, i) => {
    const label = `assertion ${i + 1}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${label} must be an object { path, op, value, severity }, found ${describeType(raw)}`);
      return;
    }
    const a = raw as Record<string, unknown>;
    const before = problems.length;
    if (typeof a.path !== 'string' || !a.path.trim()) problems.push(`${label} has no path (e.g. "checks.queue.counts.waiting")`);
    else {
      const parsed = parseJsonPath(a.path);
      if (!parsed.ok) problems.push(`${label}: ${parsed.error}`);
    }
    if (typeof a.op !== 'string' || !ASSERTION_OPS.includes(a.op.trim() as AssertionOp)) {
      problems.push(a.op === undefined ? `${label} has no op (one of ${ASSERTION_OPS.join(' ')})` : `${label} has an unknown op ${JSON.stringify(a.op)}; use one of ${ASSERTION_OPS.join(' ')}`);
    }
    if (!('value' in a)) problems.push(`${label} has no value to compare with`);
    else if (a.value !== null && !['string', 'number', 'boolean'].includes(typeof a.value)) problems.push(`${label}: value must be a number, text, true/false or null, found ${describeType(a.value)}`);
    const severity = a.severity === undefined ? 'critical' : typeof a.severity === 'string' ? a.severity.trim().toLowerCase() : a.severity;
    if (severity !== 'warning' && severity !== 'critical') problems.push(`${label} has an unknown severity ${JSON.stringify(a.severity)}; use "warning" or "critical"`);
    if (problems.length === before) {
      out.push({ path: (a.path as string).trim(), op: (a.op as string).trim() as AssertionOp, value: a.value as Assertion['value'], severity: severity as Assertion['severity'] });
    }
  });
  return out;
}

function readHeaders(value: unknown, problems: string[]): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`headers must be an object of name → value, found ${describeType(value)}`);
    return {};
  }
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (!HEADER_NAME.test(name)) problems.push(`header name ${JSON.stringify(name)} is not a valid HTTP header name`);
    else if (typeof v !== 'string' && typeof v !== 'number') problems.push(`header ${name} must be text, found ${describeType(v)}`);
    else if (/[\r\n]/.test(String(v))) problems.push(`header ${name} contains a line break`);
    else headers[name] = String(v);
  }
  return headers;
}

function positiveNumber(value: unknown, key: string, problems: string[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    problems.push(`${key} must be a positive number, found ${describeType(value)}`);
    return undefined;
  }
  return value;
}

/** Validates one entry. Either an endpoint, or every problem found in it. */
export function validateEndpoint(raw: unknown, source: SettingsSource, index: number): { endpoint: EndpointConfig } | { problem: SettingsProblem } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problem: { source, index, messages: [`must be an object { "name": …, "url": … }, found ${describeType(raw)}`] } };
  }
  const e = raw as Record<string, unknown>;
  const problems: string[] = [];
  const name = typeof e.name === 'string' ? e.name.trim() : '';
  if (!name) problems.push(e.name === undefined ? 'has no name' : `name must be non-empty text, found ${describeType(e.name)}`);
  let url = '';
  if (typeof e.url !== 'string' || !e.url.trim()) problems.push(e.url === undefined ? 'has no url' : `url must be an http or https URL, found ${describeType(e.url)}`);
  else {
    const bad = validateUrl(e.url);
    if (bad) problems.push(bad);
    else url = e.url.trim();
  }
  const method = e.method === undefined ? 'GET' : typeof e.method === 'string' ? e.method.trim().toUpperCase() : '';
  if (!METHODS.includes(method)) problems.push(`method ${JSON.stringify(e.method)} is not one of ${METHODS.join(', ')}`);
  const headers = readHeaders(e.headers, problems);
  let body: string | undefined;
  if (typeof e.body === 'string') body = e.body;
  else if (e.body !== undefined && e.body !== null) body = JSON.stringify(e.body);
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) problems.push(`a body is sent with POST, PUT or PATCH, not with ${method}`);
  const timeout = positiveNumber(e.timeoutMs, 'timeoutMs', problems);
  const interval = positiveNumber(e.intervalSeconds, 'intervalSeconds', problems);
  const expectStatus = readExpect(e.expectStatus, problems);
  const assertions = readAssertions(e.assertions, problems);
  for (const secret of secretNames(Object.values(headers))) {
    if (!/^[\w.-]+$/.test(secret)) problems.push(`secret name ${JSON.stringify(secret)} may only hold letters, digits, "_", "-" and "."`);
  }
  if (problems.length) return { problem: { source, index, name: name || undefined, messages: problems } };
  return {
    endpoint: {
      name,
      url,
      method,
      headers,
      body,
      timeoutMs: Math.min(MAX_TIMEOUT_MS, Math.max(100, timeout ?? DEFAULT_TIMEOUT_MS)),
      intervalSeconds: Math.max(MIN_INTERVAL_SECONDS, interval ?? DEFAULT_INTERVAL_SECONDS),
      expectStatus,
      assertions,
      source,
      index,
    },
  };
}

/**
 * Reads `opsLens.health.endpoints` from each settings layer (user first). Bad entries become problems,
 * never exceptions; a second entry with a name already used (in any layer) is a problem too.
 */
export function readEndpointSettings(layers: readonly SettingsLayer[]): EndpointSettings {
  const endpoints: EndpointConfig[] = [];
  const problems: SettingsProblem[] = [];
  const byName = new Map<string, EndpointConfig>();
  for (const { source, value } of layers) {
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) {
      problems.push({ source, messages: [`opsLens.health.endpoints must be a list of endpoints, found ${describeType(value)}`] });
      continue;
    }
    value.forEach((raw, index) => {
      const result = validateEndpoint(raw, source, index);
      if ('problem' in result) {
        problems.push(result.problem);
        return;
      }
      const key = result.endpoint.name.toLowerCase();
      const first = byName.get(key);
      if (first) {
        const where = first.source === source ? `entry ${first.index + 1} of the same settings` : `${SOURCE_LABEL[first.source]} (entry ${first.index + 1})`;
        problems.push({ source, index, name: result.endpoint.name, messages: [`the name "${result.endpoint.name}" is already used by ${where}; give one of them another name`] });
        return;
      }
      byName.set(key, result.endpoint);
      endpoints.push(result.endpoint);
    });
  }
  return { endpoints, problems };
}

/** "Entry 2 in workspace settings", "\"api\" (entry 1 in user settings)" */
export function describeProblemEntry(problem: SettingsProblem): string {
  const where = SOURCE_LABEL[problem.source];
  if (problem.index === undefined) return `opsLens.health.endpoints in ${where}`;
  return problem.name ? `"${problem.name}" (entry ${problem.index + 1} in ${where})` : `Entry ${problem.index + 1} in ${where}`;
}
