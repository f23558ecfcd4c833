// Bodies that state an overall `status` and hold their checks under one key, as objects with a `status` each:
// Spring Boot Actuator, MicroProfile Health, ASP.NET Core's JSON writers, @nestjs/terminus, alexliesenfeld/health.
import { childPath, classifyStatus, componentFrom, extractComponents, isCheckGroup, isObject, type Component } from '../components';
import type { HealthState } from '../model';
import { checksOf, overallOf, type HealthReport } from './report';

const SPRING: Record<string, HealthState> = { UP: 'healthy', DOWN: 'down', OUT_OF_SERVICE: 'down', UNKNOWN: 'unknown' };
const ASPNET: Record<string, HealthState> = { Healthy: 'healthy', Degraded: 'degraded', Unhealthy: 'down' };
const TERMINUS: Record<string, HealthState> = { ok: 'healthy', error: 'down', shutting_down: 'down' };

/**
 * Spring Boot Actuator 2.2+ (`components`) and 2.0–2.1 (`details`), nested groups included; OUT_OF_SERVICE is down.
 * A custom status code (upper-case, as Spring Boot writes its own) is classified by its words.
 */
export function readSpringBoot(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !/^[A-Z][A-Z_]{0,40}$/.test(json.status)) return undefined;
  const key = isCheckGroup(json.components) ? 'components' : isCheckGroup(json.details) ? 'details' : undefined;
  if (!key) return undefined;
  // Micronaut writes the same tree with the application's `name` beside each status.
  const micronaut = typeof json.name === 'string' && Object.values(json[key] as Record<string, unknown>).every((c) => isObject(c) && typeof c.name === 'string');
  return {
    format: micronaut ? 'Micronaut' : 'Spring Boot Actuator',
    overall: overallOf(json.status, SPRING[json.status] ?? classifyStatus(json.status)),
    checks: checksOf(key, json[key] as Record<string, unknown>),
  };
}

/** MicroProfile Health: `{ "status": "UP", "checks": [{ "name", "status", "data" }] }`. */
export function readMicroProfile(json: unknown): HealthReport | undefined {
  if (!isObject(json) || (json.status !== 'UP' && json.status !== 'DOWN') || !Array.isArray(json.checks)) return undefined;
  if (!json.checks.every((c) => isObject(c) && typeof c.name === 'string')) return undefined;
  return { format: 'MicroProfile Health', overall: overallOf(json.status, SPRING[json.status]), checks: extractComponents(json) };
}

/** ASP.NET Core health checks written as JSON: `entries` (HealthChecks.UI) or `results` (the documented custom writer). */
export function readAspNetJson(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !(json.status in ASPNET)) return undefined;
  const key = isObject(json.entries) ? 'entries' : isObject(json.results) ? 'results' : undefined;
  if (!key) return undefined;
  return { format: 'ASP.NET Core health checks', overall: overallOf(json.status, ASPNET[json.status]), checks: checksOf(key, json[key] as Record<string, unknown>) };
}

/** @nestjs/terminus: `status` ok/error/shutting_down, checks in `details` (or `info` and `error`). */
export function readTerminus(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !(json.status in TERMINUS)) return undefined;
  const groups = ['details', 'info', 'error'].filter((k) => isObject(json[k]));
  if (!groups.length || !groups.every((k) => Object.keys(json[k] as object).length === 0 || isCheckGroup(json[k]))) return undefined;
  let checks: Component[];
  if (isCheckGroup(json.details)) checks = checksOf('details', json.details);
  else {
    checks = [];
    for (const k of ['error', 'info']) if (isCheckGroup(json[k])) checks.push(...checksOf(k, json[k] as Record<string, unknown>));
  }
  const failing = checks.find((c) => c.state === 'down' && c.message);
  return { format: '@nestjs/terminus', overall: overallOf(json.status, TERMINUS[json.status], failing?.message), checks };
}

/** alexliesenfeld/health (Go): `{ "status": "up"|"down"|"unknown", "details": { name: { status, timestamp, error } } }`. */
export function readGoDetails(json: unknown): HealthReport | undefined {
  if (!isObject(json) || (json.status !== 'up' && json.status !== 'down' && json.status !== 'unknown') || !isCheckGroup(json.details)) return undefined;
  return { format: 'Go health (details)', overall: overallOf(json.status, classifyStatus(json.status)), checks: checksOf('details', json.details) };
}

/** hellofresh/health-go: `status` OK / Partially Available / Unavailable, failing checks in `failures` as name → error. */
export function readHealthGo(json: unknown): HealthReport | undefined {
  if (!isObject(json) || typeof json.status !== 'string' || !['OK', 'Partially Available', 'Unavailable'].includes(json.status)) return undefined;
  if (!isObject(json.failures) && !isObject(json.system) && !isObject(json.component)) return undefined;
  const failures = isObject(json.failures) ? json.failures : {};
  const checks = Object.entries(failures).map(([name, error]): Component => ({
    ...componentFrom(name, childPath('failures', name), undefined),
    status: 'failed',
    state: 'down',
    ...(typeof error === 'string' && error ? { message: error } : {}),
  }));
  return { format: 'health-go', overall: overallOf(json.status, classifyStatus(json.status)), checks };
}
