import type { ScopeId } from '../core/scope';
import { isCredentialProblem } from './errors';

export interface RegionOutcome {
  readonly region: ScopeId;
  /** The refresh of this region failed with this error. */
  readonly error?: Error;
}

/** A failure worth one message: the first of its outage. */
export interface OutageStart {
  readonly scope: string;
  readonly region: ScopeId;
  readonly error: Error;
  /** Expired or rejected credentials: one outage for the whole session, whichever view met it. */
  readonly credentials: boolean;
}

const CREDENTIALS = 'credentials';

/**
 * One message per outage: remembers which view (scope) and region are failing, says which failures
 * start an outage, and forgets an outage once a refresh of it succeeds. A credential failure is one
 * outage for every view until any call works again. (No `vscode` import: tested in node.)
 */
export class OutageNotices {
  private readonly open = new Set<string>();

  /** The outcome of one refresh of `scope` (e.g. "Alarms"); returns the failures that start an outage. */
  update(scope: string, outcomes: readonly RegionOutcome[]): OutageStart[] {
    const started: OutageStart[] = [];
    if (outcomes.some((o) => !o.error)) this.open.delete(CREDENTIALS);
    for (const { region, error } of outcomes) {
      const key = `${scope}|${region}`;
      if (!error) {
        this.open.delete(key);
        continue;
      }
      const credentials = isCredentialProblem(error);
      const outageKey = credentials ? CREDENTIALS : key;
      if (!this.open.has(outageKey)) started.push({ scope, region, error, credentials });
      this.open.add(outageKey);
    }
    return started;
  }

  /** Outages still open (for tests and the log). */
  get openOutages(): string[] {
    return [...this.open];
  }
}
