import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { isErrorMessage } from '../../src/core/investigate/errors';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { chartPage, investigateFromPalette } from './charts';
import { formatClock, formatDay, formatSpan, zoneName } from '../../src/core/time/zone';
import { environment, waitFor, workbench } from './harness';

const ALARM = 'StepFunction-Failures';
const GENERATE_GROUP = '/aws/lambda/databanana-GenerateFunction';

async function rawEvents(group: string, start: number, end: number): Promise<{ timestamp: number; message: string }[]> {
  const logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const out: { timestamp: number; message: string }[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName: group, startTime: start, endTime: end, nextToken }));
    out.push(...(page.events ?? []).map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' })));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

describe('investigate an alarm', () => {
  after(async () => {
    await workbench().dismissNotifications();
    await workbench().closeEditors();
  });

  it(`shows ${ALARM}'s metric, related errors inside the window, failed executions and the runbook`, async () => {
    const wb = workbench();
    await wb.closeEditors();
    const since = await lastCallSeq(environment().awsEndpoint);
    const page = await investigateFromPalette(ALARM);

    // Every part arrived; none failed. The panel opens on its answer: part status folds into one line.
    const statuses = await page.locator('#parts li').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-part')}=${i.getAttribute('data-status')}`));
    assert.ok(statuses.length >= 5 && statuses.every((s) => s.endsWith('=done')), statuses.join(', '));
    assert.equal(await page.locator('#parts-box').getAttribute('open'), null, 'part status collapsed once everything arrived');
    const zone = zoneName(Date.now(), 'local');
    assert.match(await page.locator('#parts-summary').textContent() ?? '', new RegExp(`^${statuses.length} sources · 0 failed · \\d\\d:\\d\\d:\\d\\d ${zone.replace('+', '\\+')}$`));
    assert.equal(await page.locator('#parts li').first().isVisible(), false);
    const order = await page.locator('#app > *').evaluateAll((els) => els.map((e) => e.id || e.className));
    assert.ok(order.indexOf('metric') < order.indexOf('parts-box'), `the chart comes before the part status: ${order.join(', ')}`);

    // The metric, with its threshold.
    const chart = page.locator('.inv-chart');
    assert.equal(await chart.getAttribute('data-threshold'), '1');
    await waitFor(async () => Number(await chart.getAttribute('data-points')), (n) => n > 0, { message: 'the metric has no points' });

    // The related group's error events: inside the window, all of them, none from before it.
    const start = Number(await page.locator('#lanes').getAttribute('data-start'));
    const end = Number(await page.locator('#lanes').getAttribute('data-end'));
    assert.ok(end - start >= 30 * 60_000, `window ${start}..${end}`);
    const all = (await rawEvents(GENERATE_GROUP, start - 3 * 3_600_000, end)).filter((e) => isErrorMessage(e.message));
    const inside = all.filter((e) => e.timestamp >= start && e.timestamp <= end);
    assert.ok(inside.length > 0 && all.length > inside.length, `the sandbox has error events inside (${inside.length}) and before (${all.length - inside.length}) the window`);
    const lane = page.locator(`.inv-lane[data-lane="logs:${GENERATE_GROUP}"] .inv-bar`);
    const bars = await lane.evaluateAll((els) => els.map((e) => ({ minute: Number(e.getAttribute('data-minute')), count: Number(e.getAttribute('data-count')) })));
    assert.equal(bars.reduce((n, b) => n + b.count, 0), inside.length);
    assert.ok(bars.every((b) => b.minute + 60_000 > start && b.minute <= end), 'every bar is inside the window');
    const heading = await page.locator(`.inv-group[data-log-group="${GENERATE_GROUP}"] h3`).textContent();
    assert.match(heading ?? '', new RegExp(`${inside.length} error events? in the window`));

    // The failed executions of the window.
    const executions = await page.locator('.inv-executions li').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-execution')}:${i.getAttribute('data-status')}`));
    assert.ok(executions.includes('batch-b-42:FAILED') && executions.includes('batch-b-43:FAILED'), executions.join(', '));

    // The chart in words, its threshold with its operator.
    const summary = page.locator(`#${await page.locator('.inv-chart').getAttribute('aria-describedby')}`);
    assert.match(await summary.locator('.summary-lines').textContent() ?? '', /^Threshold (>|≥|<|≤) 1\.$/);
    assert.match(await summary.locator('tbody tr th').first().textContent() ?? '', /\S/);

    // Investigate Again and Save as Markdown are the title bar's; the page keeps one primary button.
    const actions = await waitFor(() => wb.editorActions(), (list) => list.includes('Investigate Again') && list.includes('Save Investigation as Markdown…'), { message: 'no investigation actions in the title bar' });
    assert.ok(actions.length >= 2);
    assert.equal(await page.locator('button:not(.secondary):not(.icon):not(.link):visible').count(), 1, 'one primary button: Investigate');

    // The runbook.
    assert.equal(await page.locator('[data-action=open-runbook]').getAttribute('data-runbook'), 'docs/MONITORING.md#Step Function Failures');

    // Each AWS call once.
    const calls = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.region === 'us-east-1' || c.region === '').map((c) => `${c.operation} ${JSON.stringify(c.input)}`);
    const investigation = calls.filter((c) => /^(DescribeAlarmHistory|ListTagsForResource|GetMetricData|DescribeStateMachine|ListExecutions|FilterLogEvents) /.test(c));
    assert.equal(new Set(investigation).size, investigation.length, investigation.join('\n'));

    await wb.screenshot('investigate-alarm');
  });

  it('writes the header, the chart axis and the timeline in one zone, with its name (the zone here is not UTC)', async () => {
    const page = chartPage();
    const zone = zoneName(Date.now(), 'local');
    assert.equal(zone, 'UTC+5:30', 'the e2e layer runs away from UTC');
    const fired = page.locator('#fired');
    const at = Number(await fired.getAttribute('data-at'));
    assert.equal(await fired.textContent(), `Fired ${formatClock(at, 'local')}`);
    const start = Number(await page.locator('#lanes').getAttribute('data-start'));
    const end = Number(await page.locator('#lanes').getAttribute('data-end'));
    assert.equal(await page.locator('#window').textContent(), formatSpan(start, end, 'local'));

    // The chart's time axis and the timeline under it: the same title, the same ticks, the same labels.
    const chart = page.locator('.inv-chart');
    assert.equal(await chart.getAttribute('data-axis-title'), `Time (${zone})`);
    assert.equal(await page.locator('#timeline-title').textContent(), `Time (${zone})`);
    const axisTicks = (await chart.getAttribute('data-ticks'))?.split(',').map(Number) ?? [];
    const axisLabels = (await chart.getAttribute('data-tick-labels'))?.split('|') ?? [];
    const timeline = await page.locator('.inv-tick').evaluateAll((els) => els.map((e) => ({ at: Number(e.getAttribute('data-at')), label: e.textContent ?? '' })));
    assert.ok(timeline.length >= 3, `${timeline.length} ticks on the timeline`);
    assert.deepEqual(timeline.map((t) => t.at), axisTicks);
    assert.deepEqual(timeline.map((t) => t.label), axisLabels);
    for (const t of timeline) {
      // A tick at the start of a day carries its date (`12-08 00:00`).
      const [, day, clock] = /^(?:(\d\d-\d\d) )?(.*)$/.exec(t.label)!;
      assert.ok(formatClock(t.at, 'local', { seconds: false }).endsWith(`${clock} ${zone}`), `${t.label} is ${formatClock(t.at, 'local')}`);
      if (day) assert.ok(formatDay(t.at, 'local').endsWith(day), `${t.label} is on ${formatDay(t.at, 'local')}`);
    }
    // Away from the cursor, the legend names the newest point's time in the zone.
    const legendTime = await page.locator('.inv-chart .u-legend .u-series').first().locator('.u-value').textContent();
    assert.match(legendTime ?? '', new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d ${zone.replace('+', '\\+')}$`));
    assert.ok([formatDay(start, 'local'), formatDay(end, 'local')].some((day) => legendTime?.startsWith(day)), `the legend's time ${legendTime} is inside the window`);
    await workbench().screenshot('investigate-time-zone');
  });

  it('investigates again from the title bar, and reads in the dark theme', async () => {
    const wb = workbench();
    const since = await lastCallSeq(environment().awsEndpoint);
    await wb.clickEditorAction('Investigate Again');
    await waitFor(async () => (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'DescribeAlarmHistory').length, (n) => n >= 1, { timeoutMs: 15000, message: 'Investigate Again read nothing' });
    const page = chartPage();
    await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: 30000 });
    await waitFor(() => page.locator('#parts-box').getAttribute('open'), (open) => open === null, { message: 'the part status did not fold again' });
    // Tab walks from the window's inputs through the links to the folded part status; Enter opens it.
    await page.locator('#after').focus();
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'parts-summary'; i++) {
      await wb.page.keyboard.press('Tab');
      focused = await page.locator(':focus').evaluate((e) => e.id || e.getAttribute('data-action') || e.tagName).catch(() => '');
    }
    assert.equal(focused, 'parts-summary');
    await wb.page.keyboard.press('Enter');
    await waitFor(() => page.locator('#parts-box').getAttribute('open'), (open) => open !== null, { timeoutMs: 5000, message: 'Enter did not open the part status' });
    assert.ok(await page.locator('#parts li').first().isVisible());
    await wb.screenshotBothThemes('investigate-alarm-again', page);
  });

  it('opens the events of a top error message as a results document', async () => {
    const wb = workbench();
    const page = chartPage();
    await page.locator(`.inv-group[data-log-group="${GENERATE_GROUP}"] [data-action=open-errors]`).first().click();
    await wb.waitForResults(20000);
    const text = await wb.activeEditorText();
    assert.match(text, /@message/);
    await wb.closeEditors();
  });

  it('investigates another state change of the alarm\'s history, chosen in the panel', async () => {
    const page = await investigateFromPalette(ALARM);
    const options = await page.locator('#moment option').evaluateAll((els) => els.map((e) => ({ value: e.getAttribute('value') ?? '', text: e.textContent ?? '' })));
    const older = options.find((o) => /ALARM → OK/.test(o.text));
    assert.ok(older, `the history offers its changes: ${options.map((o) => o.text).join(' | ')}`);
    await page.locator('#moment').selectOption(older.value);
    await waitFor(async () => (await page.locator('#facts').textContent()) ?? '', (t) => /the change to OK chosen/.test(t), { message: 'the chosen change was not investigated' });
    await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: 30000 });
    const start = Number(await page.locator('#lanes').getAttribute('data-start'));
    assert.equal(start, Number(older.value) - 30 * 60_000);
    await workbench().closeEditors();
  });

  it('saves the notes as Markdown, and their query block runs', async () => {
    const wb = workbench();
    await investigateFromPalette(ALARM);
    await wb.clickEditorAction('Save Investigation as Markdown…');
    // The save dialog asks where: accept the suggested file in the workspace.
    await waitFor(() => wb.quickInputVisible(), (v) => v, { message: 'no save dialog' });
    const suggested = (await wb.quickInputInfo()).value;
    assert.match(suggested, /incident-\d{8}-\d{4}-StepFunction-Failures\.md$/);
    await wb.acceptQuickInput();
    // The save dialog checks the path before it takes Enter: on a busy machine the first Enter can come too early.
    for (let i = 0; i < 5 && (await wb.quickInputVisible()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (await wb.quickInputVisible()) await wb.acceptQuickInput();
    }
    const title = await wb.waitForEditor(/^incident-.*\.md$/, 20000);
    const file = path.join(environment().workspace, title);
    const notes = await waitFor(async () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''), (t) => t.length > 0, { message: `${file} not written` });
    assert.match(notes, /^# Incident notes: StepFunction-Failures/);
    assert.match(notes, /batch-b-42 \| FAILED/);
    assert.match(notes, /# logGroups: \/aws\/lambda\/databanana-GenerateFunction/);

    const lines = notes.split('\n');
    const queryLine = lines.findIndex((l) => l === '# logGroups: /aws/lambda/databanana-GenerateFunction') + 1;
    await wb.goToLine(queryLine + 4);
    const lens = await wb.codeLensAboveCursor('Run in Logs Insights');
    const since = await lastCallSeq(environment().awsEndpoint);
    await lens.click();
    await wb.waitForResults();
    const results = await wb.activeEditorText();
    assert.match(results, /Status:\s+Complete/);
    // Production errors may refresh meanwhile: its queries are not the notes' query.
    const started = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'StartQuery' && !/^fields @timestamp, @message, @log\n/.test((c.input as { queryString: string }).queryString));
    assert.equal(started.length, 1);
    assert.deepEqual((started[0].input as { logGroupNames?: string[] }).logGroupNames, [GENERATE_GROUP]);
    await wb.screenshot('investigate-notes-query');
    fs.rmSync(file, { force: true });
  });
});
