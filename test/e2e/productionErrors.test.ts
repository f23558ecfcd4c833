import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { awsCalls } from '../support/awsCalls';
import { environment, waitFor, workbench } from './harness';

/**
 * Events of the last 24 h whose trace names generate.ts:42, read from the endpoint itself: the four the
 * sandbox seeds, plus any an earlier test wrote (the Live Tail test writes one).
 */
async function eventsAtGenerateLine42(): Promise<number> {
  const logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  let count = 0;
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/databanana-GenerateFunction', startTime: Date.now() - 24 * 3600_000, filterPattern: '"src/handlers/generate.ts:42"', nextToken }));
    count += page.events?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  logs.destroy();
  return count;
}

describe('production errors in the source', () => {
  afterEach(async () => {
    await workbench().closeQuickInput();
  });

  it('marks generate.ts:42 with its seeded errors; the lens opens them; the Problems panel lists the line', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Refresh Production Errors');
    await waitFor(() => wb.statusBarItems(), (items) => items.some((i) => /^\d+ production errors$/.test(i.text)), { timeoutMs: 60000, message: 'no production errors in the status bar' });
    // The command joins the refresh the window started on opening, if that one is still running.
    const started = (await awsCalls(environment().awsEndpoint)).filter((c) => c.operation === 'StartQuery' && /^fields @timestamp, @message, @log\n/.test((c.input as { queryString: string }).queryString));
    assert.ok(started.length >= 1, 'the refresh ran Logs Insights');
    const input = started[0].input as { queryString: string; logGroupNames?: string[] };
    assert.ok(input.logGroupNames?.includes('/aws/lambda/databanana-GenerateFunction'), 'over the configured groups');

    await wb.openFile('src/handlers/generate.ts');
    await wb.goToLine(42);
    const expected = await eventsAtGenerateLine42();
    assert.ok(expected >= 4, `the sandbox seeds four errors at generate.ts:42 (found ${expected})`);
    const lens = await wb.codeLensAboveCursor('production error');
    await waitFor(async () => (await lens.textContent()) ?? '', (t) => t.startsWith(`⚠ ${expected} production errors`), { timeoutMs: 30000, message: `the lens does not count ${expected} errors` });
    // The sandbox's Node traces throw at /var/task/src/handlers/generate.ts:42 four times (sandbox/scenario/logs/generateFunction.ts).
    assert.match((await lens.textContent()) ?? '', new RegExp(`^⚠ ${expected} production errors \\(24h\\) · QuotaExceededError: Gemini API quota exceeded · (?:just now|(?:\\d+ min|\\d+ h) ago)$`));
    await wb.parkPointer();
    await wb.screenshot('production-errors-codelens');

    await lens.click();
    await wb.waitForEditor(/Production errors at src-handlers-generate\.ts-42|Production errors at/, 30000);
    const text = await wb.activeEditorText();
    assert.equal(text.split('\n').filter((l) => l.includes('QuotaExceededError: Gemini API quota exceeded')).length >= 4, true, 'the four events are shown');
    assert.match(text, new RegExp(`Records:\\s+${expected} matched`));
    assert.match(text, /\/var\/task\/src\/handlers\/generate\.ts:42/);
    await wb.screenshot('production-errors-occurrences');
    await wb.closeEditors();

    await wb.runCommand('Problems: Focus on Problems View');
    const panel = wb.page.locator('.markers-panel');
    // Other features' problems (earlier tests') can push this file's rows out of the panel's visible rows.
    await wb.filterProblems('generate.ts');
    const problems = await waitFor(() => panel.innerText(), (t) => new RegExp(`${expected} production errors in 24h: QuotaExceededError: Gemini API quota exceeded`).test(t), { timeoutMs: 20000, message: 'the Problems panel does not list generate.ts:42' });
    assert.match(problems, /generate\.ts/);
    assert.match(problems, /CloudWatch/);
    assert.match(problems, /\[Ln 42, Col \d+\]/);
    await wb.screenshot('production-errors-problems');
    await wb.filterProblems('');
    await wb.runCommand('View: Toggle Panel Visibility');
    await panel.waitFor({ state: 'hidden', timeout: 5000 });
  });

  it('lists the failing lines, most frequent first, and opens the one picked at its line', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Show Lines That Failed in Production…');
    const items = await waitFor(() => wb.quickPickItems(), (list) => list.length > 0, { message: 'no failing lines listed' });
    // The sandbox's Spring Boot service declines a charge at ChargeService.java:28 ten times, the most of any line.
    assert.match(items[0].label, /ChargeService\.java:28/);
    assert.match(items[0].description ?? '', /^10× ChargeDeclinedException: card declined/);
    const expected = await eventsAtGenerateLine42();
    assert.ok(items.some((i) => /generate\.ts:42/.test(i.label) && new RegExp(`^${expected}× QuotaExceededError`).test(i.description ?? '')), JSON.stringify(items.map((i) => `${i.label} ${i.description}`)));
    await wb.screenshot('production-errors-all');
    await wb.pickQuickItem(items[0].label);
    await wb.waitForEditor('ChargeService.java', 15000);
    const lineOf = async () => Number(/Ln (\d+)/.exec((await wb.statusBarItems()).find((i) => /Ln \d+/.test(i.text))?.text ?? '')?.[1] ?? 0);
    assert.equal(await waitFor(lineOf, (l) => l === 28, { message: 'not at line 28' }), 28);
    await wb.closeEditors();
  });
});
