import { Emitter } from '../emitter';
import { RefreshBackoff } from '../time/backoff';

/** What a regional view knows of one scope (a region, or `profile · region` with several profiles). */
export interface ScopeState<T> {
  /** The scope id; named `region` because outages and the trees' roots are keyed by it. */
  readonly region: string;
  /** The last good read; kept while later reads fail. */
  readonly data?: T;
  /** When `data` was read. */
  readonly loadedAt?: Date;
  /** The latest read failed: `data` is stale. */
  readonly error?: Error;
  /** When the first read since the last good one failed. */
  readonly staleSince?: Date;
  readonly loading: boolean;
}

interface Pass {
  scopes: readonly string[];
  readonly generation: number;
  promise: Promise<boolean>;
}

/**
 * The items of every scope, refreshed together with one contract for every regional view: a refresh
 * asked for while one runs joins it (same scopes) or queues one more, never two reads of a scope at once;
 * a failed read keeps the last good data, marked stale with the time and the error; a reload never
 * empties a scope first; consecutive failed refreshes back the automatic refresh off.
 * (No `vscode` import: tested in node.)
 */
export class RegionalStore<T> {
  private readonly changed = new Emitter<void>();
  private readonly refreshed = new Emitter<boolean>();
  /** Any scope changed (loading, data or error). */
  readonly onDidChange = this.changed.event;
  /** A refresh of every scope finished; true when every read succeeded. Fires once per read, however many callers joined it. */
  readonly onDidRefresh = this.refreshed.event;
  readonly backoff = new RefreshBackoff();
  private readonly byScope = new Map<string, ScopeState<T>>();
  private order: string[] = [];
  private running: Pass | undefined;
  private queued: Pass | undefined;
  private generation = 0;
  private loadedOnce = false;

  constructor(private readonly read: (scope: string) => Promise<T>, private readonly now: () => Date = () => new Date()) {}

  /** Every scope, in the order of the latest refresh. */
  get scopes(): readonly ScopeState<T>[] {
    return this.order.map((s) => this.byScope.get(s)).filter((s) => s !== undefined);
  }

  /** A refresh has finished since the store was made (or cleared). */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  scope(id: string): ScopeState<T> | undefined {
    return this.byScope.get(id);
  }

  /** Reads every scope; resolves true when all reads succeeded. */
  refresh(scopes: readonly string[]): Promise<boolean> {
    if (this.queued) {
      this.queued.scopes = [...scopes];
      return this.queued.promise;
    }
    const running = this.running;
    if (!running) return this.start([...scopes]);
    if (running.generation === this.generation && sameScopes(running.scopes, scopes)) return running.promise;
    const queued: Pass = { scopes: [...scopes], generation: this.generation, promise: Promise.resolve(true) };
    queued.promise = running.promise.then(() => {
      this.queued = undefined;
      return this.start(queued.scopes);
    });
    this.queued = queued;
    return queued.promise;
  }

  /** Changes the data of one scope in place (a further page), unless the scope was read again meanwhile. */
  update(id: string, basis: T | undefined, change: (data: T | undefined) => T): boolean {
    const state = this.byScope.get(id);
    if (!state || state.data !== basis) return false;
    this.byScope.set(id, { ...state, data: change(state.data) });
    this.changed.fire();
    return true;
  }

  /** Forgets every scope's data: the next refresh answers another question (a new filter). Reads under way are discarded. */
  clear(): void {
    this.generation++;
    for (const [id, state] of this.byScope) this.byScope.set(id, { region: id, loading: state.loading });
    this.loadedOnce = false;
    this.changed.fire();
  }

  private start(scopes: readonly string[]): Promise<boolean> {
    const pass: Pass = { scopes, generation: this.generation, promise: Promise.resolve(true) };
    pass.promise = this.load(pass).finally(() => {
      if (this.running === pass) this.running = undefined;
    });
    this.running = pass;
    return pass.promise;
  }

  private async load(pass: Pass): Promise<boolean> {
    const { scopes } = pass;
    this.order = [...scopes];
    for (const id of [...this.byScope.keys()]) if (!scopes.includes(id)) this.byScope.delete(id);
    for (const id of scopes) this.byScope.set(id, { ...(this.byScope.get(id) ?? { region: id }), loading: true });
    this.changed.fire();
    const results = await Promise.all(scopes.map((id) => this.readScope(id, pass.generation)));
    const ok = results.every(Boolean);
    if (pass.generation === this.generation) this.loadedOnce = true;
    this.backoff.record(ok);
    this.changed.fire();
    this.refreshed.fire(ok);
    return ok;
  }

  private async readScope(id: string, generation: number): Promise<boolean> {
    try {
      const data = await this.read(id);
      const current = this.byScope.get(id);
      if (!current) return true;
      // A read begun before clear() answers the old question: drop it.
      this.byScope.set(id, generation === this.generation ? { region: id, data, loadedAt: this.now(), loading: false } : { ...current, loading: false });
      return true;
    } catch (err) {
      const previous = this.byScope.get(id);
      const error = err instanceof Error ? err : new Error(String(err));
      if (!previous) return false;
      this.byScope.set(id, generation === this.generation
        ? { region: id, data: previous.data, loadedAt: previous.loadedAt, error, staleSince: previous.staleSince ?? this.now(), loading: false }
        : { ...previous, loading: false });
      return false;
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
