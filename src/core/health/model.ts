/** Health of one endpoint, worst last. `unknown`: not checked yet, or it could not be requested. */
export type HealthState = 'healthy' | 'degraded' | 'down' | 'unknown';

export const STATE_LABEL: Record<HealthState, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  down: 'Down',
  unknown: 'Unknown',
};

const RANK: Record<HealthState, number> = { unknown: 0, healthy: 1, degraded: 2, down: 3 };

/** The worse of two states (down > degraded > healthy > unknown). */
export function worse(a: HealthState, b: HealthState): HealthState {
  return RANK[b] > RANK[a] ? b : a;
}

export type AssertionOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export const ASSERTION_OPS: readonly AssertionOp[] = ['<', '<=', '>', '>=', '==', '!='];

export type Severity = 'warning' | 'critical';

/**
 * A threshold on a value of the JSON body, stated like an alarm: the condition describes the bad case.
 * `{ path: "successRate", op: "<", value: 90, severity: "critical" }` fails (→ down) when the rate is below 90.
 */
export interface Assertion {
  readonly path: string;
  readonly op: AssertionOp;
  readonly value: string | number | boolean | null;
  readonly severity: Severity;
}

/** Accepted statuses: exact codes and whole classes (2 = any 2xx). */
export interface StatusExpectation {
  readonly codes: readonly number[];
  readonly classes: readonly number[];
}

export const DEFAULT_EXPECT: StatusExpectation = { codes: [], classes: [2] };

/** Where an endpoint was configured. Workspace and folder settings need a trusted workspace. */
export type SettingsSource = 'user' | 'workspace' | 'workspaceFolder';

export const SOURCE_LABEL: Record<SettingsSource, string> = {
  user: 'user settings',
  workspace: 'workspace settings',
  workspaceFolder: 'folder settings',
};

/** One valid entry of `opsLens.health.endpoints`, defaults applied. */
export interface EndpointConfig {
  readonly name: string;
  readonly url: string;
  readonly method: string;
  /** Values may hold `${secret:NAME}` references; they are resolved only for the request. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly intervalSeconds: number;
  readonly expectStatus: StatusExpectation;
  readonly assertions: readonly Assertion[];
  readonly source: SettingsSource;
  /** Position in its settings array, from 0. */
  readonly index: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_INTERVAL_SECONDS = 30;
export const MIN_INTERVAL_SECONDS = 5;
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 3;

export type FailureCode =
  | 'timeout'
  | 'refused'
  | 'notFound'
  | 'reset'
  | 'tls'
  | 'redirectLoop'
  | 'tooManyRedirects'
  | 'badRedirect'
  | 'invalidRequest'
  | 'aborted'
  | 'network';

/** What one HTTP check produced: a response (any status) or no usable response. Plain data. */
export type HttpOutcome = HttpResponse | HttpFailure;

export interface HttpResponse {
  readonly kind: 'response';
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly contentType?: string;
  /** Decoded text, at most MAX_BODY_BYTES of it. */
  readonly body: string;
  readonly bodyBytes: number;
  /** The body was longer than the limit and was cut. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
  /** The URLs redirected to, in order. */
  readonly redirects: readonly string[];
}

export interface HttpFailure {
  readonly kind: 'failure';
  readonly url: string;
  readonly code: FailureCode;
  /** A sentence a person understands, e.g. "No response within 5 s". */
  readonly message: string;
  /** The system or TLS error code, when there is one (ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT). */
  readonly detail?: string;
  readonly elapsedMs: number;
  readonly redirects: readonly string[];
}
