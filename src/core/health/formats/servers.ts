// Health endpoints of servers people run beside their services: Vault, Elasticsearch and OpenSearch, etcd,
// RabbitMQ, Grafana and Envoy. Each is read by what its documentation says its fields and statuses mean.
import { childPath, classifyStatus, isObject, scalarText, type Component, type ComponentDetail } from '../components';
import type { HealthState } from '../model';
import { overallOf, worstState, type HealthReport, type ReadContext } from './report';

function details(json: Record<string, unknown>, keys: readonly string[]): ComponentDetail[] {
  return keys.filter((k) => json[k] !== undefined && json[k] !== null && json[k] !== '').map((k) => ({ key: k, value: scalarText(json[k]) }));
}

/** Vault's documented status codes (`sys/health`); any other status keeps the endpoint's expectation. */
const VAULT_CODES = new Set([200, 429, 472, 473, 501, 503, 530]);

/**
 * Vault `sys/health`: 200 active, 429 unsealed standby, 472 DR secondary, 473 performance standby,
 * 501 not initialised, 503 sealed (530 removed from its cluster). The body's flags say the same whatever
 * codes the query parameters chose (`standbyok`, `sealedcode`, …): a standby is healthy, sealed or uninitialised is down.
 */
export function readVault(json: unknown, context: ReadContext): HealthReport | undefined {
  if (!isObject(json) || typeof json.initialized !== 'boolean' || typeof json.sealed !== 'boolean' || typeof json.standby !== 'boolean') return undefined;
  const drSecondary = typeof json.replication_dr_mode === 'string' && /secondary/.test(json.replication_dr_mode);
  const [text, state]: [string, HealthState] =
    json.removed_from_cluster === true ? ['removed from cluster', 'down']
    : !json.initialized ? ['uninitialised', 'down']
    : json.sealed ? ['sealed', 'down']
    : json.performance_standby === true ? ['performance standby', 'healthy']
    : json.standby ? ['standby', 'healthy']
    : drSecondary ? ['DR secondary', 'healthy']
    : ['active', 'healthy'];
  const message = json.removed_from_cluster === true ? 'the node was removed from its cluster' : !json.initialized ? 'Vault is not initialised' : json.sealed ? 'Vault is sealed' : undefined;
  return {
    format: 'Vault',
    overall: overallOf(text, state, message),
    checks: [],
    summary: [text, typeof json.version === 'string' ? `Vault ${json.version}` : '', typeof json.cluster_name === 'string' ? json.cluster_name : ''].filter(Boolean).join(' · '),
    statusExplained: context.status === undefined || VAULT_CODES.has(context.status) || (context.status >= 200 && context.status < 300),
  };
}

const CLUSTER_COLOURS: Record<string, HealthState> = { green: 'healthy', yellow: 'degraded', red: 'down' };
const SHARD_KEYS = ['number_of_nodes', 'number_of_data_nodes', 'active_primary_shards', 'active_shards', 'relocating_shards', 'initializing_shards', 'unassigned_shards', 'number_of_pending_tasks', 'active_shards_percent_as_number'];

/**
 * Elasticsearch and OpenSearch `_cluster/health`: green, yellow (every primary shard assigned, some replicas
 * not: degraded) or red (a primary shard unassigned: down), with HTTP 200 either way. A `wait_for_status`
 * that ran out answers 408 with `timed_out: true`; the colour it reached still decides.
 */
export function readClusterHealth(json: unknown, context: ReadContext): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !(json.status in CLUSTER_COLOURS) || typeof json.cluster_name !== 'string') return undefined;
  if (typeof json.active_shards !== 'number' && typeof json.number_of_nodes !== 'number') return undefined;
  const state = CLUSTER_COLOURS[json.status];
  const unassigned = typeof json.unassigned_shards === 'number' && json.unassigned_shards > 0 ? `${json.unassigned_shards} unassigned shard${json.unassigned_shards === 1 ? '' : 's'}` : undefined;
  const timedOut = json.timed_out === true ? 'timed out waiting for the requested status' : undefined;
  const message = [unassigned, timedOut].filter(Boolean).join('; ');
  const indices = isObject(json.indices) ? Object.entries(json.indices).slice(0, 200).map(([name, v]): Component => ({ name, path: childPath('indices', name), status: isObject(v) && typeof v.status === 'string' ? v.status : undefined, state: isObject(v) ? CLUSTER_COLOURS[String(v.status)] ?? 'unknown' : 'unknown', details: isObject(v) ? details(v, ['unassigned_shards', 'active_shards']) : [] })) : [];
  const shards: Component = { name: json.cluster_name, path: 'cluster_name', status: json.status, state, details: details(json, SHARD_KEYS), ...(message ? { message } : {}) };
  return {
    format: 'number_of_data_nodes' in json && ('discovered_cluster_manager' in json || 'discovered_master' in json) ? 'OpenSearch cluster health' : 'Elasticsearch cluster health',
    overall: overallOf(json.status, state, message || undefined),
    checks: [shards, ...indices],
    statusExplained: context.status === undefined || context.status === 200 || (context.status === 408 && json.timed_out === true),
  };
}

const INDICATOR: Record<string, HealthState> = { green: 'healthy', yellow: 'degraded', red: 'down', unknown: 'unknown', unavailable: 'unknown' };

/** Elasticsearch `_health_report`: an overall colour and `indicators`, each with its own colour and `symptom`. */
export function readHealthReport(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !(json.status in INDICATOR) || !isObject(json.indicators)) return undefined;
  const checks = Object.entries(json.indicators).map(([name, v]): Component => {
    const o = isObject(v) ? v : {};
    const status = typeof o.status === 'string' ? o.status : undefined;
    return { name, path: childPath('indicators', name), status, state: INDICATOR[status ?? ''] ?? 'unknown', ...(typeof o.symptom === 'string' && o.symptom ? { message: o.symptom } : {}), details: isObject(o.details) ? details(o.details, Object.keys(o.details).slice(0, 12)) : [] };
  });
  return { format: 'Elasticsearch health report', overall: overallOf(json.status, INDICATOR[json.status]), checks };
}

/** etcd `/health`: `{"health":"true","reason":""}` (a string before 3.5, a boolean in 3.3); `reason` says why not. */
export function readEtcd(json: unknown): HealthReport | undefined {
  if (!isObject(json) || !('health' in json) || Object.keys(json).some((k) => k !== 'health' && k !== 'reason')) return undefined;
  const health = json.health;
  if (health !== true && health !== false && health !== 'true' && health !== 'false') return undefined;
  const ok = health === true || health === 'true';
  return { format: 'etcd', overall: overallOf(`health: ${String(health)}`, ok ? 'healthy' : 'down', json.reason), checks: [] };
}

/**
 * RabbitMQ's management health checks (`/api/health/checks/…`): `{"status":"ok"}` with 200, or
 * `{"status":"failed","reason":…}` with 503, with the resource alarms or the critical queues that failed it.
 */
export function readRabbitMq(json: unknown): HealthReport | undefined {
  if (!isObject(json) || (json.status !== 'ok' && json.status !== 'failed')) return undefined;
  const listKey = ['alarms', 'queues', 'listeners', 'vhosts'].find((k) => Array.isArray(json[k]));
  if (json.status === 'failed' ? typeof json.reason !== 'string' : !listKey) return undefined;
  const list = listKey ? (json[listKey] as unknown[]).slice(0, 200) : [];
  const checks = list.map((item, i): Component => {
    const o = isObject(item) ? item : {};
    const name = [o.resource ?? o.name, o.node ?? o.virtual_host ?? o.vhost].filter((v) => typeof v === 'string' && v).join(' on ') || `#${i + 1}`;
    return { name, path: childPath(listKey!, i), status: json.status === 'failed' ? 'failed' : 'ok', state: json.status === 'failed' ? 'down' : 'healthy', details: details(o, Object.keys(o).slice(0, 8)) };
  });
  return { ...(listKey ? { format: 'RabbitMQ' } : {}), overall: overallOf(json.status, json.status === 'ok' ? 'healthy' : 'down', json.reason), checks };
}

/** Grafana `/api/health`: `{"commit", "database": "ok", "version"}`, with 503 and `"database": "failing"` when its database is. */
export function readGrafana(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.database !== 'string' || typeof json.version !== 'string' || !('commit' in json)) return undefined;
  const state = json.database === 'ok' ? 'healthy' : classifyStatus(json.database) === 'unknown' ? 'down' : classifyStatus(json.database);
  return { format: 'Grafana', overall: overallOf(json.database === 'ok' ? 'ok' : `database ${json.database}`, state), checks: [{ name: 'database', path: 'database', status: json.database, state, details: [] }] };
}

/** Envoy's server states (`/ready` as text, `/server_info` as JSON): only LIVE takes traffic. */
export const ENVOY_STATES: Record<string, HealthState> = { LIVE: 'healthy', DRAINING: 'down', PRE_INITIALIZING: 'down', INITIALIZING: 'down' };

/** Envoy admin `/server_info`: `state` LIVE, DRAINING, PRE_INITIALIZING or INITIALIZING. */
export function readEnvoyServerInfo(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.state !== 'string' || !(json.state in ENVOY_STATES) || !('hot_restart_version' in json || 'command_line_options' in json)) return undefined;
  return { format: 'Envoy', overall: overallOf(json.state, ENVOY_STATES[json.state]), checks: [], summary: `${json.state}${typeof json.version === 'string' ? ` · ${json.version.slice(0, 80)}` : ''}` };
}

/** The worst of some checks as the body's own verdict, in the words the format uses for it. */
export function worstAs(checks: readonly Component[], words: Readonly<Record<HealthState, string>>): HealthReport['overall'] {
  const state = worstState(checks);
  return checks.length ? { text: words[state], state } : undefined;
}
