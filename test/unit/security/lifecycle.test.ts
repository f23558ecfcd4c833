import * as assert from 'node:assert/strict';
import { fake, FakeEvent, installVscodeFake } from './fakeVscode';
import { asScopeId } from '../../../src/core/scope';

installVscodeFake();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AutoRefresh } = require('../../../src/platform/autoRefresh') as typeof import('../../../src/platform/autoRefresh');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ChartPanel } = require('../../../src/webview/panel') as typeof import('../../../src/webview/panel');

/** setTimeout calls of at least `minMs` made while `run` runs and until the microtasks settle. */
async function timersArmedDuring(minMs: number, run: () => Promise<void>): Promise<number> {
  const original = global.setTimeout;
  let armed = 0;
  global.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
    if ((ms ?? 0) >= minMs) armed++;
    return original(fn, ms, ...args);
  }) as typeof setTimeout;
  try {
    await run();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  } finally {
    global.setTimeout = original;
  }
  return armed;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (err: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('lifecycles: work that ends after its view closed starts nothing and throws nothing', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));
  beforeEach(() => (unhandled.length = 0));

  it('AutoRefresh does not arm its timer again when a refresh ends after dispose', async () => {
    const visibility = new FakeEvent();
    const view = { visible: true, onDidChangeVisibility: visibility.event } as never;
    const pending = deferred<boolean>();
    const auto = new AutoRefresh(view, () => pending.promise);
    const armed = await timersArmedDuring(5000, async () => {
      auto.dispose();
      auto.outcome(true);
      pending.resolve(true);
    });
    assert.equal(armed, 0);
  });

  for (const outcome of ['loads', 'fails'] as const) {
    it(`a chart panel closed while its data ${outcome === 'loads' ? 'loads' : 'is failing to load'} neither posts to the page nor rejects`, async () => {
      const load = deferred<never>();
      const loader = { load: () => load.promise, title: () => 'Dashboard x' };
      const log = { info: () => undefined, warn: () => undefined };
      const charts = new ChartPanel({ extensionUri: { path: '/ext' } as never, loader: loader as never, log: log as never });
      charts.show({ kind: 'dashboard', region: asScopeId('us-east-1'), name: `x-${outcome}` });
      const panel = fake.panels.at(-1)!;
      panel.received.fire({ type: 'ready' });
      await new Promise((r) => setImmediate(r));
      const postedBefore = panel.posted.length;
      assert.ok(postedBefore >= 1, 'the page was told it is loading');
      const armed = await timersArmedDuring(10000, async () => {
        panel.dispose();
        if (outcome === 'loads') load.resolve({ range: '3h', widgets: [] } as never);
        else load.reject(new Error('GetDashboard failed'));
      });
      await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(unhandled.map(String), []);
      assert.equal(panel.posted.length, postedBefore, 'nothing posted to a disposed webview');
      assert.equal(armed, 0, 'no auto refresh armed for a closed panel');
      charts.dispose();
    });
  }
});
