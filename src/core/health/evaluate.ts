import { describeFailure, evaluateAssertion, type AssertionResult } from './assertions';
import { bodyExcerpt, formatBytes, parseBody } from './body';
import type { Component } from './components';
import { readHealthBody } from './formats';
import { displayUrl } from './secrets';
import { describeExpectation, statusMatches } from './expectation';
import { MAX_BODY_BYTES, worse, type EndpointConfig, type FailureCode, type HealthState, type HttpOutcome, type StatusExpectation } from './model';

/** The verdict on one check, with everything the view shows about it. Plain data. */
export interface Evaluation {
  readonly state: HealthState;
  /** Why it is not healthy, worst first; empty when healthy. */
  readonly reasons: readonly string[];
  /** The same reasons with what each is about (so a view can show components and assertions its own way). */
  readonly findings: readonly Finding[];
  readonly httpStatus?: number;
  readonly statusText?: string;
  readonly latencyMs: number;
  /** The body's own overall status (`"status": "healthy"`). */
  readonly bodyStatus?: string;
  /** The framework whose shape the body was read in ("Spring Boot Actuator"), when it is a known one. */
  readonly bodyFormat?: string;
  readonly components: readonly Component[];
  readonly assertions: readonly AssertionResult[];
  /** Facts worth knowing that do not change the state (body cut, redirects). */
  readonly notes: readonly string[];
  readonly failure?: FailureCode;
  /** The body's format documents this HTTP status, and its verdict was taken for it (Vault's 429 standby). */
  readonly statusExplained?: boolean;
}

export type EvaluationInput = Pick<EndpointConfig, 'expectStatus' | 'assertions'>;

export interface Finding {
  readonly state: HealthState;
  readonly text: string;
  /** request: no usable response; status: unexpected HTTP status; body: the body's own status. */
  readonly about: 'request' | 'status' | 'body' | 'component' | 'assertion';
}

/**
 * Healthy when the status is expected and no assertion fails. A status not expected, a critical
 * assertion, or the body's own status saying "unhealthy"/"down" → down; a warning assertion, the body
 * saying "degraded", or a dependency in `checks` failing while the service answers as expected → degraded.
 */
export function evaluateCheck(endpoint: EvaluationInput, outcome: HttpOutcome): Evaluation {
  if (outcome.kind === 'failure') {
    return { state: 'down', reasons: [outcome.message], findings: [{ state: 'down', text: outcome.message, about: 'request' }], latencyMs: outcome.elapsedMs, components: [], assertions: [], notes: redirectNotes(outcome.redirects), failure: outcome.code };
  }
  const body = parseBody(outcome.body, outcome.contentType, outcome.truncated);
  const findings: Finding[] = [];
  const notes: string[] = [];
  const statusText = outcome.statusText || '';
  const report = readHealthBody(body, outcome.contentType, outcome.status);
  const explained = report.statusExplained === true && isDefaultExpectation(endpoint.expectStatus) && !!report.overall;
  if (!explained && !statusMatches(endpoint.expectStatus, outcome.status)) {
    const excerpt = body.kind === 'text' ? report.summary ?? bodyExcerpt(body.text) : '';
    findings.push({ state: 'down', text: `HTTP ${outcome.status}${statusText ? ` ${statusText}` : ''} (expected ${describeExpectation(endpoint.expectStatus)})${excerpt ? `: ${excerpt}` : ''}`, about: 'status' });
  }
  const own = report.overall;
  if (own?.state === 'down' || own?.state === 'degraded') findings.push({ state: own.state, text: `The service reports status ${JSON.stringify(own.text)}${own.message ? ` (${oneLine(own.message)})` : ''}`, about: 'body' });
  const components = report.checks;
  for (const c of components) {
    if (c.state === 'down' || c.state === 'degraded') findings.push({ state: 'degraded', text: `${c.name}: ${c.status ?? c.state}${failingDetail(c)}`, about: 'component' });
  }
  if (!own && !components.length && report.summary && endpoint.assertions.length === 0 && !findings.some((f) => f.about === 'status')) notes.push(`The body is in no health format Ops Lens knows: ${report.summary}`);
  const assertions = endpoint.assertions.map((a) => evaluateAssertion(a, body));
  for (const r of assertions) if (r.failed) findings.push({ state: r.assertion.severity === 'critical' ? 'down' : 'degraded', text: describeFailure(r), about: 'assertion' });
  if (outcome.truncated) notes.push(`The body was cut at ${formatBytes(MAX_BODY_BYTES)}; the rest was not read.`);
  if (body.kind === 'badJson' && endpoint.assertions.length === 0) notes.push(capitalize(body.error));
  notes.push(...redirectNotes(outcome.redirects));

  let state: HealthState = 'healthy';
  for (const f of findings) state = worse(state, f.state);
  const order = (s: HealthState) => (s === 'down' ? 0 : 1);
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => order(a.f.state) - order(b.f.state) || a.i - b.i).map(({ f }) => f);
  return {
    state,
    reasons: sorted.map((f) => f.text),
    findings: sorted,
    httpStatus: outcome.status,
    statusText: statusText || undefined,
    latencyMs: outcome.elapsedMs,
    bodyStatus: own?.text,
    bodyFormat: report.format,
    components,
    assertions,
    notes,
    ...(explained && !statusMatches(endpoint.expectStatus, outcome.status) ? { statusExplained: true } : {}),
  };
}

/** The endpoint leaves the expected status at its default (any 2xx), so a format's documented codes may speak. */
function isDefaultExpectation(expect: StatusExpectation): boolean {
  return expect.codes.length === 0 && expect.classes.length === 1 && expect.classes[0] === 2;
}

function redirectNotes(redirects: readonly string[]): string[] {
  return redirects.length ? [`Redirected ${redirects.length} time${redirects.length === 1 ? '' : 's'}, to ${displayUrl(redirects[redirects.length - 1])}`] : [];
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** ` (connection refused)`, or the failing checks of a group: ` (us2: DOWN, us3: OUT_OF_SERVICE)`. */
function failingDetail(c: Component): string {
  if (c.message) return ` (${oneLine(c.message)})`;
  const failing = (c.children ?? []).filter((k) => k.state === 'down' || k.state === 'degraded');
  return failing.length ? ` (${failing.slice(0, 3).map((k) => `${k.name}: ${k.status ?? k.state}${k.message ? ` — ${oneLine(k.message, 80)}` : ''}`).join(', ')}${failing.length > 3 ? ', …' : ''})` : '';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
