import { childPath, componentFrom, isObject, rank, type Component } from '../components';
import type { HealthState } from '../model';

/** What a health body says, read in the shape its framework writes. Plain data. */
export interface HealthReport {
  /** The framework or convention the body was read as ("Spring Boot Actuator"); absent for a body in no known shape. */
  readonly format?: string;
  /** The body's own verdict on the whole service. */
  readonly overall?: { readonly text: string; readonly state: HealthState; readonly message?: string };
  readonly checks: readonly Component[];
  /** A short account of the body, for a text body or one in no known shape. */
  readonly summary?: string;
  /**
   * The format documents what its HTTP statuses mean (Vault's 429 for a standby, Consul's 429 for a warning):
   * its verdict stands in for the expected-status rule while the endpoint keeps the default expectation.
   */
  readonly statusExplained?: boolean;
}

/** What a reader may know besides the body. */
export interface ReadContext {
  readonly contentType?: string;
  readonly status?: number;
}

/** The worst state among checks (unknown when there are none). */
export function worstState(checks: readonly Component[]): HealthState {
  return checks.reduce<HealthState>((w, c) => (rank(c.state) > rank(w) ? c.state : w), 'unknown');
}

/** Each entry of an object of checks, read as one check under `container`. */
export function checksOf(container: string, value: Record<string, unknown>): Component[] {
  return Object.entries(value).map(([name, v]) => componentFrom(name, childPath(container, name), v));
}

/** `{ "status": … }` as the overall verdict, with the classification the reader gives it. */
export function overallOf(text: unknown, state: HealthState, message?: unknown): HealthReport['overall'] {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  return typeof message === 'string' && message.trim() ? { text, state, message } : { text, state };
}

export function stringField(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}
