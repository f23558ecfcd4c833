import * as assert from 'node:assert/strict';
import { chartPage, investigateFromPalette, readyChartPage } from './charts';
import { waitFor, workbench } from './harness';

const LOG_ALARM = 'checkout-5xx-logs';
const BAND_ALARM = 'checkout-latency-band';
const CHECKOUT_GROUP = '/aws/lambda/checkout';

/** Part ids and how each ended, as the investigation page lists them. */
async function partStatuses(): Promise<string[]> {
  return chartPage().locator('#parts li').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-part')}=${i.getAttribute('data-status')}`));
}

async function showAlarmChart(alarm: string): Promise<void> {
  const wb = workbench();
  await wb.closeEditors();
  await wb.runCommand('Ops Lens: Show Alarm Chart');
  await wb.typeInQuickInput(alarm);
  await wb.pickQuickItem(alarm);
  await wb.waitForEditor(`Alarm: ${alarm}`, 30000);
}

describe('alarms of every type: investigated and charted', () => {
  after(async () => {
    await workbench().dismissNotifications();
    await workbench().closeEditors();
  });

  it('investigates a log alarm from the tree: its query, log groups and schedule, and its log groups\' errors instead of a metric', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Alarms', LOG_ALARM, 30000);
    const menu = await wb.treeItemContextMenu('Alarms', LOG_ALARM);
    assert.ok(menu.includes('Investigate Alarm') && menu.includes('Show Alarm Chart'), menu.join(' | '));
    await wb.pickContextMenuItem('Investigate Alarm');
    await wb.waitForEditor(`Investigate: ${LOG_ALARM}`, 30000);
    const page = chartPage();
    await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: 30000 });

    const statuses = await partStatuses();
    assert.ok(statuses.includes('alarm=done') && statuses.includes(`logs:${CHECKOUT_GROUP}=done`), statuses.join(', '));
    // Commits come from VS Code's Git extension, whatever the alarm's type; every part read from AWS arrived.
    assert.ok(statuses.filter((s) => !s.startsWith('commits=')).every((s) => s.endsWith('=done')), `no part failed: ${statuses.join(', ')}`);
    assert.ok(!statuses.some((s) => s.startsWith('metric=')), 'no metric part for an alarm without a metric');

    const facts = (await page.locator('#facts').textContent()) ?? '';
    assert.match(facts, /ALARM us-east-1 · count\(\*\) > 10 ·/);
    const box = page.locator('#metric');
    assert.equal(await box.getAttribute('data-log-alarm'), LOG_ALARM);
    const shown = (await box.textContent()) ?? '';
    assert.match(shown, /Runs rate\(5 minutes\), each run reading the 5 min up to each run; in ALARM when count\(\*\) > 10 in 2 of its last 3 runs\./);
    assert.match(shown, /fields @timestamp, status \| filter status >= 500/);
    assert.match(shown, /Log groups: \/aws\/lambda\/checkout/);
    assert.match(await page.locator('#log-alarm-instead').textContent() ?? '', /has no metric to chart\. Shown instead: the error events of its log groups/);

    const bars = await page.locator(`.inv-lane[data-lane="logs:${CHECKOUT_GROUP}"] .inv-bar`).count();
    assert.ok(bars > 0, 'the log group\'s errors are on the timeline');
    assert.match(await page.locator(`.inv-group[data-log-group="${CHECKOUT_GROUP}"] h3`).textContent() ?? '', /\d+ error events? in the window/);
    const related = (await page.locator('#related').textContent()) ?? '';
    assert.match(related, /\/aws\/lambda\/checkout\s*query: the log alarm's query/);
    await wb.parkPointer();
    await wb.screenshot('investigate-log-alarm');
  });

  it('investigates an anomaly-band alarm from the palette: the metric over its shaded band', async () => {
    const page = await investigateFromPalette(BAND_ALARM);
    const statuses = await partStatuses();
    assert.ok(statuses.includes('metric=done'), statuses.join(', '));
    const chart = page.locator('.inv-chart');
    assert.equal(await chart.getAttribute('data-expected-band'), 'Latency (expected)');
    assert.match(await chart.getAttribute('data-band-fill') ?? '', /^rgba\(.*0\.25\)$/);
    await waitFor(async () => Number(await chart.getAttribute('data-points')), (n) => n > 0, { message: 'the metric has no points' });
    const legend = await page.locator('.inv-metric .u-legend .u-label').allTextContents();
    assert.ok(legend.includes('Latency (expected) (upper)') && legend.includes('Latency (expected) (lower)'), `the band's edges are named in the legend: ${legend.join(' | ')}`);
    await workbench().screenshot('investigate-anomaly-band');
  });

  it('charts an anomaly-band alarm as a shaded band with the metric over it', async () => {
    await showAlarmChart(BAND_ALARM);
    const page = await readyChartPage();
    const body = page.locator('.widget-body.chart');
    await waitFor(async () => Number(await body.getAttribute('data-points')), (n) => n > 0, { message: 'the band chart has no points' });
    assert.equal(await body.getAttribute('data-expected-band'), 'Latency (expected)');
    assert.equal(await body.getAttribute('data-series'), '3', 'the metric and the band\'s two edges');
    assert.equal(await body.getAttribute('data-alarm-state'), 'ALARM');
    assert.match(await page.locator('.widget-notes').textContent() ?? '', /Shaded band: Latency \(expected\), the range the alarm expects the metric in; it fires when the metric is outside it\./);
    // uPlot shades between the two edges in the theme's muted colour, translucent.
    assert.match(await body.locator('[data-band-fill]').getAttribute('data-band-fill') ?? '', /^rgba\(.*0\.25\)$/);
    await workbench().screenshot('alarm-chart-anomaly-band');
  });

  it('charts a log alarm from its Logs Insights query only after the person allows the cost, against its threshold', async () => {
    const wb = workbench();
    await showAlarmChart(LOG_ALARM);
    const page = await readyChartPage();
    const ask = page.locator('section[data-widget-type="log alarm"]');
    assert.match(await ask.textContent() ?? '', /is a log alarm: its values come from a Logs Insights query, not a metric\. .*Logs Insights charges per GB it scans\./);
    await wb.screenshot('alarm-chart-log-alarm-ask');
    await page.locator('[data-action=allowLogAlarmQuery]').click();
    const dialog = wb.page.locator('.monaco-dialog-box', { hasText: `Run the query of log alarm "${LOG_ALARM}"` });
    await dialog.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await dialog.textContent() ?? '', /Logs Insights charges per GB scanned/);
    await dialog.locator('.monaco-button', { hasText: /^Run the query$/ }).click();

    const body = page.locator('.widget-body.chart');
    await waitFor(async () => Number(await body.getAttribute('data-points').catch(() => '0')), (n) => n > 0, { timeoutMs: 30000, message: 'the log alarm chart has no points' });
    assert.equal(await body.getAttribute('data-threshold'), '10');
    assert.equal(await body.getAttribute('data-alarm-state'), 'ALARM');
    assert.match(await page.locator('#subtitle').textContent() ?? '', /log alarm · count\(\*\) > 10 · In alarm · bin 5 min/);
    assert.match(await page.locator('.widget-notes').textContent() ?? '', /From Logs Insights: the alarm's query with count\(\*\) per 5 min bin \(its schedule\)/);
    await wb.screenshot('alarm-chart-log-alarm');
  });
});
