import { downEndpointDelaySeconds } from '../core/time/backoff';
import type { EndpointStatus, HealthStore } from './store';

function consecutiveDown(status: EndpointStatus): number {
  const firstUp = status.history.findIndex((h) => h.state !== 'down');
  return firstUp < 0 ? status.history.length : firstUp;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Checks each endpoint every `intervalSeconds` while active (the window has focus); an endpoint that
 * stays down is checked less often (see downEndpointDelaySeconds). The next check is
 * due one interval after the last one ended, however it was started; when the window regains focus,
 * endpoints that are overdue are checked at once. An endpoint never checked is checked once even
 * without focus. (No `vscode` import: tested in node.)
 */
export class HealthScheduler {
  private readonly timers = new Map<string, unknown>();
  private activeValue: boolean;
  private readonly subscriptions: { dispose(): void }[];
  private readonly api: Timers;
  private readonly now: () => number;

  constructor(private readonly store: HealthStore, options: { active: boolean; timers?: Timers; now?: () => number }) {
    this.activeValue = options.active;
    this.api = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
    this.subscriptions = [
      store.onDidCheck((status) => this.schedule(status.endpoint.name)),
      store.onDidChangeEndpoints(() => this.sync()),
    ];
    this.sync();
  }

  get active(): boolean {
    return this.activeValue;
  }

  /** Pauses (window lost focus) or resumes polling. */
  setActive(active: boolean): void {
    if (active === this.activeValue) return;
    this.activeValue = active;
    this.sync();
  }

  /** Names with a timer set (for tests). */
  get scheduled(): string[] {
    return [...this.timers.keys()];
  }

  private sync(): void {
    const names = new Set(this.store.statuses.map((s) => s.endpoint.name));
    for (const name of [...this.timers.keys()]) if (!names.has(name)) this.cancel(name);
    for (const name of names) this.schedule(name);
  }

  private cancel(name: string): void {
    if (this.timers.has(name)) this.api.clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }

  private schedule(name: string): void {
    this.cancel(name);
    const status = this.store.find(name);
    if (!status || status.checking) return;
    const last = status.attemptedAt?.getTime();
    // Without focus, only the first look at an endpoint (so the view and status bar are not empty).
    if (!this.activeValue && last !== undefined) return;
    const interval = downEndpointDelaySeconds(status.endpoint.intervalSeconds, consecutiveDown(status));
    const delay = last === undefined ? 0 : Math.max(0, last + interval * 1000 - this.now());
    this.timers.set(name, this.api.setTimeout(() => {
      this.timers.delete(name);
      void this.store.checkEndpoint(name);
    }, delay));
  }

  dispose(): void {
    for (const name of [...this.timers.keys()]) this.cancel(name);
    for (const s of this.subscriptions) s.dispose();
  }
}
