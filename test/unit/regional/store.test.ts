import { strict as assert } from 'node:assert';
import { RegionalStore } from '../../../src/core/regional/store';
import { staleMarker } from '../../../src/core/time/stale';
import { asScopeId } from '../../../src/core/scope';

/** A read per scope that the test answers or fails by hand, counting reads at once per scope. */
class Reads {
  private readonly waiting: { scope: string; resolve: (v: string[]) => void; reject: (e: Error) => void }[] = [];
  readonly started: string[] = [];
  readonly inFlight = new Map<string, number>();
  peak = 0;

  read = (scope: string): Promise<string[]> => {
    this.started.push(scope);
    const n = (this.inFlight.get(scope) ?? 0) + 1;
    this.inFlight.set(scope, n);
    this.peak = Math.max(this.peak, n);
    return new Promise((resolve, reject) => this.waiting.push({ scope, resolve, reject })).finally(() => this.inFlight.set(scope, (this.inFlight.get(scope) ?? 1) - 1)) as Promise<string[]>;
  };

  async answer(scope: string, items: string[] | Error): Promise<void> {
    await settle();
    const i = this.waiting.findIndex((w) => w.scope === scope);
    assert.ok(i >= 0, `no read of ${scope} is waiting`);
    const [w] = this.waiting.splice(i, 1);
    if (items instanceof Error) w.reject(items);
    else w.resolve(items);
    await settle();
  }

  get pending(): string[] {
    return this.waiting.map((w) => w.scope);
  }
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

const EAST = asScopeId('us-east-1');
const NORTH = asScopeId('eu-north-1');
const at = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00`);

describe('regional store: one refresh contract for every regional view', () => {
  let reads: Reads;
  let clock: Date;
  let store: RegionalStore<string[]>;
  beforeEach(() => {
    reads = new Reads();
    clock = at('10:00');
    store = new RegionalStore(reads.read, () => clock);
  });
  afterEach(() => store.dispose());

  it('is loading until the first read, then shows data, then an error row that keeps the data', async () => {
    assert.equal(store.loaded, false);
    const first = store.refresh([EAST]);
    assert.deepEqual(store.scopes, [{ region: EAST, loading: true }]);
    await reads.answer(EAST, ['cpu']);
    assert.equal(await first, true);
    assert.equal(store.loaded, true);
    assert.deepEqual(store.scope(EAST), { region: EAST, data: ['cpu'], loadedAt: at('10:00'), loading: false });

    clock = at('10:05');
    const second = store.refresh([EAST]);
    await reads.answer(EAST, new Error('Throttling in us-east-1'));
    assert.equal(await second, false);
    const stale = store.scope(EAST)!;
    assert.deepEqual(stale.data, ['cpu'], 'the last good data stays');
    assert.equal(stale.loadedAt?.getTime(), at('10:00').getTime(), 'marked with the time of the last good read');
    assert.equal(stale.staleSince?.getTime(), at('10:05').getTime(), 'and since when it is stale');
    assert.equal(stale.error?.message, 'Throttling in us-east-1', 'and why');
    assert.match(staleMarker(stale.staleSince!, stale.error!.message, 'utc'), /^stale since \d\d:\d\d UTC — Throttling in us-east-1$/);
  });

  it('keeps the first failure time while reads keep failing, and clears the mark on the next good read', async () => {
    void store.refresh([EAST]);
    await reads.answer(EAST, ['cpu']);
    clock = at('10:05');
    void store.refresh([EAST]);
    await reads.answer(EAST, new Error('down'));
    clock = at('10:07');
    void store.refresh([EAST]);
    await reads.answer(EAST, new Error('still down'));
    assert.equal(store.scope(EAST)?.staleSince?.getTime(), at('10:05').getTime());
    assert.equal(store.scope(EAST)?.error?.message, 'still down');
    clock = at('10:09');
    void store.refresh([EAST]);
    await reads.answer(EAST, ['cpu', 'memory']);
    assert.deepEqual(store.scope(EAST), { region: EAST, data: ['cpu', 'memory'], loadedAt: at('10:09'), loading: false });
  });

  it('a scope that never loaded has no data, only the error', async () => {
    void store.refresh([EAST]);
    await reads.answer(EAST, new Error('AccessDenied'));
    assert.equal(store.scope(EAST)?.data, undefined);
    assert.equal(store.scope(EAST)?.loadedAt, undefined);
    assert.equal(store.scope(EAST)?.error?.message, 'AccessDenied');
  });

  it('never empties a scope while it reloads', async () => {
    void store.refresh([EAST]);
    await reads.answer(EAST, ['cpu']);
    const seen: (readonly string[] | undefined)[] = [];
    const sub = store.onDidChange(() => seen.push(store.scope(EAST)?.data));
    void store.refresh([EAST]);
    await settle();
    assert.equal(store.scope(EAST)?.loading, true);
    assert.deepEqual(store.scope(EAST)?.data, ['cpu'], 'the old items are shown while the new ones load');
    await reads.answer(EAST, ['memory']);
    sub.dispose();
    assert.deepEqual(seen, [['cpu'], ['memory']]);
  });

  it('a refresh asked for while one runs joins it: one read per scope, one outcome', async () => {
    const outcomes: boolean[] = [];
    store.onDidRefresh((ok) => outcomes.push(ok));
    const a = store.refresh([EAST, NORTH]);
    const b = store.refresh([EAST, NORTH]);
    assert.equal(a, b);
    await reads.answer(EAST, ['cpu']);
    await reads.answer(NORTH, ['disk']);
    assert.deepEqual(await Promise.all([a, b]), [true, true]);
    assert.deepEqual(reads.started, [EAST, NORTH]);
    assert.deepEqual(outcomes, [true], 'listeners hear of the refresh once');
  });

  it('a refresh of other scopes while one runs queues one more, never two reads of a scope at once', async () => {
    const a = store.refresh([EAST]);
    const b = store.refresh([EAST, NORTH]);
    const c = store.refresh([NORTH]);
    assert.equal(b, c, 'later asks join the queued refresh, which reads the latest scopes');
    await settle();
    assert.deepEqual(reads.pending, [EAST], 'the queued refresh waits');
    await reads.answer(EAST, ['cpu']);
    assert.equal(await a, true);
    assert.deepEqual(reads.pending, [NORTH]);
    await reads.answer(NORTH, ['disk']);
    assert.equal(await c, true);
    assert.equal(reads.peak, 1);
    assert.deepEqual(store.scopes.map((s) => s.region), [NORTH], 'a scope no longer asked for is removed');
  });

  it('adds and removes scopes in the order asked, keeping the data of those that stay', async () => {
    void store.refresh([EAST, NORTH]);
    await reads.answer(EAST, ['cpu']);
    await reads.answer(NORTH, ['disk']);
    void store.refresh([asScopeId('dev · eu-west-1'), EAST]);
    await settle();
    assert.deepEqual(store.scopes.map((s) => [s.region, s.data, s.loading]), [['dev · eu-west-1', undefined, true], [EAST, ['cpu'], true]]);
    assert.equal(store.scope(NORTH), undefined);
    await reads.answer('dev · eu-west-1', ['queue']);
    await reads.answer(EAST, ['cpu']);
    assert.deepEqual(store.scopes.map((s) => s.data), [['queue'], ['cpu']]);
  });

  it('clear() forgets the data and makes the next refresh read again, dropping the answer of a read under way', async () => {
    void store.refresh([EAST]);
    await reads.answer(EAST, ['/aws/lambda/a']);
    const old = store.refresh([EAST]);
    store.clear();
    assert.equal(store.scope(EAST)?.data, undefined);
    const next = store.refresh([EAST]);
    assert.notEqual(old, next, 'not joined: the running read answers the old question');
    await reads.answer(EAST, ['/aws/lambda/a']);
    await old;
    assert.equal(store.scope(EAST)?.data, undefined, 'the old answer is dropped');
    await reads.answer(EAST, ['/ecs/b']);
    assert.equal(await next, true);
    assert.deepEqual(store.scope(EAST)?.data, ['/ecs/b']);
  });

  it('update() adds to a scope unless it was read again meanwhile', async () => {
    void store.refresh([EAST]);
    await reads.answer(EAST, ['a']);
    const basis = store.scope(EAST)?.data;
    assert.equal(store.update(EAST, basis, (d) => [...(d ?? []), 'b']), true);
    assert.deepEqual(store.scope(EAST)?.data, ['a', 'b']);
    assert.equal(store.update(EAST, basis, (d) => [...(d ?? []), 'c']), false, 'the basis is gone');
  });

  it('backs the automatic refresh off while refreshes fail, and resets after one succeeds', async () => {
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      void store.refresh([EAST, NORTH]);
      await reads.answer(EAST, ['cpu']);
      await reads.answer(NORTH, new Error('down'));
      delays.push(store.backoff.delaySeconds(60));
    }
    assert.deepEqual(delays, [120, 240, 480, 600, 600, 600], 'one failing scope is a failed refresh; capped at ten minutes');
    assert.equal(store.backoff.consecutiveFailures, 6);
    void store.refresh([EAST, NORTH]);
    await reads.answer(EAST, ['cpu']);
    await reads.answer(NORTH, ['disk']);
    assert.equal(store.backoff.delaySeconds(60), 60);
  });
});
