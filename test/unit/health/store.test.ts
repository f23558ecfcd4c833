import { strict as assert } from 'node:assert';
import type { HttpOutcome } from '../../../src/core/health/model';
import { readEndpointSettings, type SettingsLayer } from '../../../src/core/health/settings';
import type { CheckRequest } from '../../../src/health/checker';
import { HealthScheduler, type Timers } from '../../../src/health/scheduler';
import { HealthStore, type EndpointStatus } from '../../../src/health/store';
import { response } from './helpers';

type Reply = HttpOutcome | ((request: CheckRequest) => HttpOutcome | Promise<HttpOutcome>);

function settings(...layers: SettingsLayer[]) {
  return readEndpointSettings(layers);
}

function user(...entries: unknown[]): SettingsLayer {
  return { source: 'user', value: entries };
}

/** A store whose checker answers from `replies` (by endpoint URL) and records every request. */
function fakeStore(replies: Record<string, Reply>, secrets: Record<string, string> = {}) {
  const requests: CheckRequest[] = [];
  const store = new HealthStore({
    secret: async (name) => secrets[name],
    check: async (request) => {
      requests.push(request);
      const reply = replies[request.url];
      if (!reply) throw new Error(`no reply for ${request.url}`);
      return typeof reply === 'function' ? reply(request) : reply;
    },
  });
  return { store, requests };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('health store', () => {
  it('checks every endpoint and keeps state, evaluation and history', async () => {
    const { store } = fakeStore({ 'http://a/health': response(200, { status: 'healthy' }), 'http://b/health': response(503, { status: 'unhealthy' }) });
    store.update(settings(user({ name: 'a', url: 'http://a/health' }, { name: 'b', url: 'http://b/health' })), true);
    assert.deepEqual(store.statuses.map((s) => s.state), ['unknown', 'unknown']);
    await store.checkAll();
    await store.checkAll();
    const [a, b] = store.statuses;
    assert.equal(a.state, 'healthy');
    assert.equal(b.state, 'down');
    assert.equal(b.evaluation?.httpStatus, 503);
    assert.equal(b.history.length, 2);
    assert.ok(b.checkedAt instanceof Date);
    assert.deepEqual(store.counts(), { healthy: 1, degraded: 0, down: 1, unknown: 0 });
    store.dispose();
  });

  it('never runs two checks of one endpoint at once', async () => {
    const gate = deferred<HttpOutcome>();
    const { store, requests } = fakeStore({ 'http://a/health': () => gate.promise });
    store.update(settings(user({ name: 'a', url: 'http://a/health' })), true);
    const first = store.checkEndpoint('a');
    const second = store.checkEndpoint('A');
    assert.equal(first, second);
    await new Promise((r) => setImmediate(r));
    assert.equal(store.find('a')?.checking, true);
    const all = store.checkAll();
    gate.resolve(response(200, 'OK'));
    await Promise.all([first, second, all]);
    assert.equal(requests.length, 1, 'checkAll joined the running check');
    await store.checkAll();
    assert.equal(requests.length, 2);
    store.dispose();
  });

  it('runs at most 8 checks at once', async () => {
    let running = 0;
    let peak = 0;
    const replies: Record<string, Reply> = {};
    const entries = [];
    for (let i = 0; i < 20; i++) {
      const url = `http://svc${i}/health`;
      entries.push({ name: `svc${i}`, url });
      replies[url] = async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return response(200, 'OK');
      };
    }
    const { store, requests } = fakeStore(replies);
    store.update(settings(user(...entries)), true);
    await Promise.all([store.checkAll(), store.checkEndpoint('svc3'), store.checkAll()]);
    assert.equal(peak, 8);
    assert.equal(store.peakInFlight, 8);
    assert.ok(requests.length >= 20);
    store.dispose();
  });

  it('notifies once when an endpoint goes from healthy to down, and again after it recovered', async () => {
    let reply: HttpOutcome = response(200, { status: 'healthy' });
    const { store } = fakeStore({ 'http://a/health': () => reply });
    store.update(settings(user({ name: 'a', url: 'http://a/health' })), true);
    const downs: EndpointStatus[] = [];
    store.onDidEnterDown((s) => downs.push(s));
    await store.checkAll();
    reply = response(503, { status: 'unhealthy', checks: { redis: 'unhealthy' } });
    await store.checkAll();
    await store.checkAll();
    await store.checkAll();
    assert.equal(downs.length, 1);
    assert.deepEqual(downs[0].evaluation?.reasons, ['HTTP 503 Service Unavailable (expected 2xx)', 'The service reports status "unhealthy"', 'redis: unhealthy']);
    reply = response(200, { status: 'healthy' });
    await store.checkAll();
    reply = response(500, 'boom');
    await store.checkAll();
    assert.equal(downs.length, 2);
    store.dispose();
  });

  it('an endpoint that is down from its first check does not notify', async () => {
    const { store } = fakeStore({ 'http://a/health': response(503, '') });
    store.update(settings(user({ name: 'a', url: 'http://a/health' })), true);
    let downs = 0;
    store.onDidEnterDown(() => downs++);
    await store.checkAll();
    await store.checkAll();
    assert.equal(downs, 0);
    assert.equal(store.find('a')?.state, 'down');
    store.dispose();
  });

  it('a missing secret leaves the endpoint unrequested, naming the secret; once stored it is sent and kept out of results', async () => {
    const secrets: Record<string, string> = {};
    const { store, requests } = fakeStore({ 'https://a/health': (req) => response(200, { status: 'healthy', echo: `you sent ${req.headers.Authorization}` }) }, secrets);
    store.update(settings(user({ name: 'a', url: 'https://a/health', headers: { Authorization: 'Bearer ${secret:API_TOKEN}' }, assertions: [{ path: 'echo', op: '!=', value: 'nothing', severity: 'warning' }] })), true);
    await store.checkAll();
    const waiting = store.find('a')!;
    assert.equal(requests.length, 0);
    assert.equal(waiting.state, 'unknown');
    assert.deepEqual(waiting.missingSecrets, ['API_TOKEN']);
    assert.ok(waiting.attemptedAt);
    assert.deepEqual(store.usersOfSecret('API_TOKEN'), ['a']);

    secrets.API_TOKEN = 'tok-very-secret';
    await store.checkAll();
    assert.equal(requests.length, 1);
    assert.equal(requests[0].headers.Authorization, 'Bearer tok-very-secret');
    assert.deepEqual(requests[0].sensitiveHeaders, ['Authorization']);
    const checked = store.find('a')!;
    assert.deepEqual(checked.missingSecrets, []);
    assert.equal(checked.state, 'degraded');
    assert.ok(!JSON.stringify(checked).includes('tok-very-secret'), 'the secret never reaches the results');
    assert.deepEqual(checked.evaluation?.reasons, ['echo is "you sent Bearer •••" (warning when != "nothing")']);
    store.dispose();
  });

  it('in an untrusted workspace lists workspace endpoints without requesting them', async () => {
    const { store, requests } = fakeStore({ 'http://mine/health': response(200, 'OK'), 'http://repo/health': response(200, 'OK') });
    const layers = settings(user({ name: 'mine', url: 'http://mine/health' }), { source: 'workspace', value: [{ name: 'repo', url: 'http://repo/health' }] });
    store.update(layers, false);
    assert.deepEqual(store.statuses.map((s) => s.endpoint.name), ['mine']);
    assert.deepEqual(store.blocked.map((e) => e.name), ['repo']);
    await store.checkAll();
    assert.equal(await store.checkEndpoint('repo'), undefined);
    assert.deepEqual(requests.map((r) => r.url), ['http://mine/health']);
    store.update(layers, true);
    assert.deepEqual(store.blocked, []);
    await store.checkAll();
    assert.deepEqual(requests.map((r) => r.url).sort(), ['http://mine/health', 'http://mine/health', 'http://repo/health']);
    store.dispose();
  });

  it('keeps history across settings changes that do not touch the request; drops results of a changed one', async () => {
    const gate = deferred<HttpOutcome>();
    const { store } = fakeStore({ 'http://a/health': response(200, 'OK'), 'http://b/health': () => gate.promise, 'http://b2/health': response(200, 'OK') });
    store.update(settings(user({ name: 'a', url: 'http://a/health' }, { name: 'b', url: 'http://b/health' })), true);
    await store.checkEndpoint('a');
    const pending = store.checkEndpoint('b');
    store.update(settings(user({ name: 'a', url: 'http://a/health', intervalSeconds: 60 }, { name: 'b', url: 'http://b2/health' })), true);
    gate.resolve(response(503, ''));
    assert.equal(await pending, undefined, 'the old request\'s result is dropped');
    assert.equal(store.find('a')?.history.length, 1);
    assert.equal(store.find('a')?.endpoint.intervalSeconds, 60);
    assert.equal(store.find('b')?.state, 'unknown');
    store.dispose();
  });
});

describe('health scheduler', () => {
  class FakeTimers implements Timers {
    now = 1_000_000;
    private next = 1;
    readonly pending = new Map<number, { at: number; callback: () => void }>();
    setTimeout(callback: () => void, ms: number): unknown {
      const id = this.next++;
      this.pending.set(id, { at: this.now + ms, callback });
      return id;
    }
    clearTimeout(handle: unknown): void {
      this.pending.delete(handle as number);
    }
    /** Runs the timers due by now + ms, in order. */
    async advance(ms: number): Promise<void> {
      const target = this.now + ms;
      for (;;) {
        const due = [...this.pending.entries()].filter(([, t]) => t.at <= target).sort((x, y) => x[1].at - y[1].at)[0];
        if (!due) break;
        this.pending.delete(due[0]);
        this.now = Math.max(this.now, due[1].at);
        due[1].callback();
        await new Promise((r) => setImmediate(r));
      }
      this.now = target;
      await new Promise((r) => setImmediate(r));
    }
  }

  function setup(active: boolean) {
    const timers = new FakeTimers();
    const requests: string[] = [];
    const store = new HealthStore({
      secret: async () => undefined,
      now: () => new Date(timers.now),
      check: async (request) => {
        requests.push(request.url);
        return response(200, 'OK');
      },
    });
    store.update(settings(user({ name: 'fast', url: 'http://fast/', intervalSeconds: 10 }, { name: 'slow', url: 'http://slow/' })), true);
    const scheduler = new HealthScheduler(store, { active, timers, now: () => timers.now });
    return { timers, requests, store, scheduler };
  }

  it('checks every endpoint at once, then each at its own interval', async () => {
    const { timers, requests, store, scheduler } = setup(true);
    await timers.advance(0);
    assert.deepEqual(requests.sort(), ['http://fast/', 'http://slow/']);
    await timers.advance(10_000);
    assert.deepEqual(requests.filter((u) => u === 'http://fast/').length, 2);
    await timers.advance(20_000);
    assert.deepEqual(requests.filter((u) => u === 'http://fast/').length, 4);
    assert.deepEqual(requests.filter((u) => u === 'http://slow/').length, 2, 'default interval 30 s');
    scheduler.dispose();
    store.dispose();
  });

  it('pauses while the window has no focus and catches up when it returns', async () => {
    const { timers, requests, store, scheduler } = setup(true);
    await timers.advance(0);
    scheduler.setActive(false);
    assert.deepEqual(scheduler.scheduled, []);
    await timers.advance(120_000);
    assert.equal(requests.length, 2);
    scheduler.setActive(true);
    await timers.advance(0);
    assert.equal(requests.length, 4, 'both overdue: checked at once');
    scheduler.dispose();
    store.dispose();
  });

  it('without focus from the start, checks each endpoint once and then waits for focus', async () => {
    const { timers, requests, store, scheduler } = setup(false);
    await timers.advance(0);
    assert.equal(requests.length, 2);
    await timers.advance(300_000);
    assert.equal(requests.length, 2);
    assert.deepEqual(scheduler.scheduled, []);
    scheduler.setActive(true);
    await timers.advance(0);
    assert.equal(requests.length, 4);
    scheduler.dispose();
    store.dispose();
  });

  it('a manual check moves the next poll one interval after it', async () => {
    const { timers, requests, store, scheduler } = setup(true);
    await timers.advance(0);
    await timers.advance(5_000);
    await store.checkEndpoint('fast');
    await timers.advance(6_000);
    assert.equal(requests.filter((u) => u === 'http://fast/').length, 2, 'not polled 10 s after the first check');
    await timers.advance(4_000);
    assert.equal(requests.filter((u) => u === 'http://fast/').length, 3);
    scheduler.dispose();
    store.dispose();
  });

  it('checks a down endpoint less often while it stays down, and at its interval again once it is up', async () => {
    const timers = new FakeTimers();
    const start = timers.now;
    const at: number[] = [];
    let up = false;
    const store = new HealthStore({
      secret: async () => undefined,
      now: () => new Date(timers.now),
      check: async () => {
        at.push((timers.now - start) / 1000);
        return up ? response(200, 'OK') : response(503, 'Service Unavailable');
      },
    });
    store.update(settings(user({ name: 'api', url: 'http://api/', intervalSeconds: 10 })), true);
    const scheduler = new HealthScheduler(store, { active: true, timers, now: () => timers.now });
    await timers.advance(100_000);
    assert.deepEqual(at, [0, 10, 30, 70], 'down: after 10 s to confirm, then 20 s, then 40 s');
    up = true;
    await timers.advance(60_000);
    assert.deepEqual(at, [0, 10, 30, 70, 110, 120, 130, 140, 150, 160], 'up again: every 10 s');
    scheduler.dispose();
    store.dispose();
  });

  it('schedules endpoints added by a settings change, forgets removed ones', async () => {
    const { timers, requests, store, scheduler } = setup(true);
    await timers.advance(0);
    store.update(settings(user({ name: 'fast', url: 'http://fast/', intervalSeconds: 10 }, { name: 'new', url: 'http://new/' })), true);
    await timers.advance(0);
    assert.ok(requests.includes('http://new/'));
    assert.deepEqual(scheduler.scheduled.sort(), ['fast', 'new']);
    scheduler.dispose();
    store.dispose();
  });
});
