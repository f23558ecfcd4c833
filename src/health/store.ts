import { Emitter } from '../core/emitter';
import type * as Evaluate from '../core/health/evaluate';
import type { Evaluation } from '../core/health/evaluate';
import { historyEntry, type HistoryEntry } from '../core/health/format';
import { HISTORY_SIZE, HistoryRing } from '../core/health/history';
import type { EndpointConfig, HealthState, HttpFailure } from '../core/health/model';
import { redactSecrets, resolveSecretHeaders, secretNames, secretRefusal, type StoredSecret } from '../core/health/secrets';
import type { EndpointSettings, SettingsProblem } from '../core/health/settings';
import { enteredDown } from '../core/health/transitions';
import { httpCheck, type Checker } from './checker';
import { Limiter } from './limiter';

/** The verdict's body formats and assertions, a bundle of their own loaded with the first check. */
function bodyEvaluation(): typeof Evaluate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../core/health/evaluate') as typeof Evaluate;
}

export const MAX_IN_FLIGHT = 8;

/** What the view shows about one endpoint; a new object after every change. */
export interface EndpointStatus {
  readonly endpoint: EndpointConfig;
  readonly state: HealthState;
  /** The last completed check. */
  readonly evaluation?: Evaluation;
  readonly checkedAt?: Date;
  /** When the last attempt ended, whether it could send the request or not (schedules the next one). */
  readonly attemptedAt?: Date;
  /** Last results, newest first, at most 20. */
  readonly history: readonly HistoryEntry[];
  readonly checking: boolean;
  /** Secrets its headers reference that are not stored: it was not requested. */
  readonly missingSecrets: readonly string[];
}

export interface HealthStoreOptions {
  /** Reads a secret by name (VS Code SecretStorage in the extension); a plain string has no origins. */
  readonly secret: (name: string) => Promise<string | StoredSecret | undefined>;
  readonly check?: Checker;
  readonly maxInFlight?: number;
  readonly now?: () => Date;
}

interface Entry {
  endpoint: EndpointConfig;
  readonly ring: HistoryRing<HistoryEntry>;
  state: HealthState;
  /** Last state a request decided (healthy, degraded or down), for transitions. */
  lastKnown?: HealthState;
  evaluation?: Evaluation;
  checkedAt?: Date;
  attemptedAt?: Date;
  missingSecrets: readonly string[];
  checking: boolean;
  inFlight?: Promise<EndpointStatus | undefined>;
  controller?: AbortController;
  snapshot?: EndpointStatus;
}

function sameConfig(a: EndpointConfig, b: EndpointConfig): boolean {
  const key = (e: EndpointConfig) => JSON.stringify([e.url, e.method, e.headers, e.body, e.timeoutMs, e.expectStatus, e.assertions, e.source]);
  return key(a) === key(b);
}

function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)])) as T;
  return value;
}

/**
 * The endpoints from settings and their latest results. Runs checks (never two of one endpoint at once,
 * at most 8 in all); the tree, status bar and scheduler only read it. (No `vscode` import: tested in node.)
 */
export class HealthStore {
  private readonly changed = new Emitter<void>();
  private readonly checked = new Emitter<EndpointStatus>();
  private readonly wentDown = new Emitter<EndpointStatus>();
  private readonly endpointsChanged = new Emitter<void>();
  /** Anything the view shows changed. */
  readonly onDidChange = this.changed.event;
  /** A check of one endpoint ended (requested or not). */
  readonly onDidCheck = this.checked.event;
  /** An endpoint seen healthy or degraded is now down: once per outage. */
  readonly onDidEnterDown = this.wentDown.event;
  /** The list of endpoints changed (settings or trust). */
  readonly onDidChangeEndpoints = this.endpointsChanged.event;

  private entries = new Map<string, Entry>();
  private order: string[] = [];
  private blockedList: readonly EndpointConfig[] = [];
  private problemList: readonly SettingsProblem[] = [];
  private readonly limiter: Limiter;
  private readonly check: Checker;
  private readonly now: () => Date;
  private disposed = false;

  constructor(private readonly options: HealthStoreOptions) {
    this.limiter = new Limiter(options.maxInFlight ?? MAX_IN_FLIGHT);
    this.check = options.check ?? httpCheck;
    this.now = options.now ?? (() => new Date());
  }

  /** Endpoints that are checked, in settings order (user settings first). */
  get statuses(): readonly EndpointStatus[] {
    return this.order.map((name) => this.snapshot(this.entries.get(name)!));
  }

  /** Endpoints from workspace settings that are not requested because the workspace is not trusted. */
  get blocked(): readonly EndpointConfig[] {
    return this.blockedList;
  }

  get problems(): readonly SettingsProblem[] {
    return this.problemList;
  }

  /** The most checks that ran at once so far. */
  get peakInFlight(): number {
    return this.limiter.peak;
  }

  find(name: string): EndpointStatus | undefined {
    const entry = this.entries.get(name) ?? [...this.entries.values()].find((e) => e.endpoint.name.toLowerCase() === name.toLowerCase());
    return entry && this.snapshot(entry);
  }

  counts(): Record<HealthState, number> {
    const counts: Record<HealthState, number> = { healthy: 0, degraded: 0, down: 0, unknown: 0 };
    for (const e of this.entries.values()) counts[e.state]++;
    return counts;
  }

  /**
   * Takes new settings. Endpoints whose request did not change keep their results and history; the
   * others start unknown. In an untrusted workspace, endpoints from workspace settings are only listed.
   */
  update(settings: EndpointSettings, trusted: boolean): void {
    const runnable = settings.endpoints.filter((e) => trusted || e.source === 'user');
    this.blockedList = settings.endpoints.filter((e) => !trusted && e.source !== 'user');
    this.problemList = settings.problems;
    const next = new Map<string, Entry>();
    for (const endpoint of runnable) {
      const previous = this.entries.get(endpoint.name);
      if (previous && sameConfig(previous.endpoint, endpoint)) {
        previous.endpoint = endpoint;
        previous.snapshot = undefined;
        next.set(endpoint.name, previous);
      } else {
        previous?.controller?.abort();
        next.set(endpoint.name, { endpoint, ring: new HistoryRing(HISTORY_SIZE), state: 'unknown', missingSecrets: [], checking: false });
      }
    }
    for (const [name, entry] of this.entries) if (!next.has(name)) entry.controller?.abort();
    this.entries = next;
    this.order = runnable.map((e) => e.name);
    this.endpointsChanged.fire();
    this.changed.fire();
  }

  /** Checks one endpoint now; while a check of it runs, returns that one instead of starting another. */
  checkEndpoint(name: string): Promise<EndpointStatus | undefined> {
    const entry = this.entries.get(name) ?? [...this.entries.values()].find((e) => e.endpoint.name.toLowerCase() === name.toLowerCase());
    if (!entry || this.disposed) return Promise.resolve(undefined);
    entry.inFlight ??= this.run(entry).finally(() => (entry.inFlight = undefined));
    return entry.inFlight;
  }

  /** Checks every endpoint (at most 8 at once); resolves when all are done. */
  async checkAll(): Promise<readonly EndpointStatus[]> {
    await Promise.all(this.order.map((name) => this.checkEndpoint(name)));
    return this.statuses;
  }

  /** Names of the endpoints whose headers use the secret. */
  usersOfSecret(secret: string): string[] {
    return this.order.filter((name) => secretNames(Object.values(this.entries.get(name)!.endpoint.headers)).includes(secret));
  }

  private async run(entry: Entry): Promise<EndpointStatus | undefined> {
    const controller = new AbortController();
    entry.controller = controller;
    entry.checking = true;
    this.touch(entry);
    type Result = { kind: 'missing'; missing: readonly string[] } | { kind: 'done'; evaluation: Evaluation } | undefined;
    let result: Result;
    try {
      result = await this.limiter.run(async (): Promise<Result> => {
        if (controller.signal.aborted) return undefined;
        const { endpoint } = entry;
        const names = secretNames(Object.values(endpoint.headers));
        const values = new Map<string, string | undefined>();
        const refusals: string[] = [];
        for (const name of names) {
          const found = await this.options.secret(name).catch(() => undefined);
          const secret = typeof found === 'string' ? { value: found } : found;
          values.set(name, secret?.value);
          const refusal = secret && secretRefusal(name, secret, endpoint.url, endpoint.source);
          if (refusal) refusals.push(refusal);
        }
        const resolved = resolveSecretHeaders(endpoint.headers, values);
        if (!resolved.ok) return { kind: 'missing', missing: resolved.missing };
        if (refusals.length) {
          const refused: HttpFailure = { kind: 'failure', url: endpoint.url, code: 'invalidRequest', message: `Not requested: ${refusals.join('; ')}`, elapsedMs: 0, redirects: [] };
          return { kind: 'done', evaluation: bodyEvaluation().evaluateCheck(endpoint, refused) };
        }
        const outcome = await this.check({
          url: endpoint.url,
          method: endpoint.method,
          headers: resolved.headers,
          body: endpoint.body,
          timeoutMs: endpoint.timeoutMs,
          sensitiveHeaders: resolved.secretHeaders,
        }, controller.signal);
        return { kind: 'done', evaluation: redactDeep(bodyEvaluation().evaluateCheck(endpoint, outcome), resolved.values) };
      });
    } finally {
      entry.checking = false;
      entry.controller = undefined;
    }
    // Settings changed or the store was disposed while the request ran: the result belongs to nothing.
    if (!result || controller.signal.aborted || this.entries.get(entry.endpoint.name) !== entry) return undefined;
    const at = this.now();
    entry.attemptedAt = at;
    let down = false;
    if (result.kind === 'missing') {
      entry.missingSecrets = result.missing;
      entry.state = 'unknown';
      entry.evaluation = undefined;
    } else {
      const { evaluation } = result;
      entry.missingSecrets = [];
      entry.evaluation = evaluation;
      entry.checkedAt = at;
      entry.ring.push(historyEntry(at, evaluation));
      down = enteredDown(entry.lastKnown, evaluation.state);
      entry.state = evaluation.state;
      entry.lastKnown = evaluation.state;
    }
    entry.snapshot = undefined;
    const status = this.snapshot(entry);
    if (down) this.wentDown.fire(status);
    this.checked.fire(status);
    this.changed.fire();
    return status;
  }

  private touch(entry: Entry): void {
    entry.snapshot = undefined;
    this.changed.fire();
  }

  private snapshot(entry: Entry): EndpointStatus {
    entry.snapshot ??= {
      endpoint: entry.endpoint,
      state: entry.state,
      evaluation: entry.evaluation,
      checkedAt: entry.checkedAt,
      attemptedAt: entry.attemptedAt,
      history: entry.ring.newestFirst(),
      checking: entry.checking,
      missingSecrets: entry.missingSecrets,
    };
    return entry.snapshot;
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) entry.controller?.abort();
    this.changed.dispose();
    this.checked.dispose();
    this.wentDown.dispose();
    this.endpointsChanged.dispose();
  }
}
