// The health endpoints' state changes while Ops Lens runs, kept for investigations: a bounded ring
// (the newest changes), filled from the health store's checks. No `vscode` import.
import type { HealthChange } from '../core/investigate/model';

export const MAX_HEALTH_CHANGES = 1000;

export interface CheckedStatus {
  readonly endpoint: { readonly name: string };
  readonly state: string;
  readonly checkedAt?: Date;
  readonly evaluation?: { readonly httpStatus?: number; readonly failure?: string };
}

export class HealthChangeLog {
  private readonly changes: HealthChange[] = [];
  private readonly last = new Map<string, string>();
  readonly since: number;

  constructor(now = Date.now(), private readonly capacity = MAX_HEALTH_CHANGES) {
    this.since = now;
  }

  /** A check ended: recorded when the endpoint's state differs from its previous check's. */
  record(status: CheckedStatus): void {
    if (!status.checkedAt || status.state === 'unknown') return;
    const name = status.endpoint.name;
    const previous = this.last.get(name);
    this.last.set(name, status.state);
    if (previous === undefined || previous === status.state) return;
    const e = status.evaluation;
    const detail = e?.failure ?? (e?.httpStatus !== undefined ? `HTTP ${e.httpStatus}` : undefined);
    this.changes.push({ endpoint: name, at: status.checkedAt.getTime(), from: previous, to: status.state, ...(detail ? { detail } : {}) });
    if (this.changes.length > this.capacity) this.changes.splice(0, this.changes.length - this.capacity);
  }

  /** Changes of these endpoints (all when none are named) inside [start, end], oldest first. */
  between(endpoints: readonly string[], start: number, end: number): HealthChange[] {
    const wanted = new Set(endpoints.map((e) => e.toLowerCase()));
    return this.changes.filter((c) => c.at >= start && c.at <= end && (wanted.size === 0 || wanted.has(c.endpoint.toLowerCase())));
  }
}
