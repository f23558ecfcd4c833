import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { formatDateTime } from '../../src/core/time/zone';
import { environment, waitFor, workbench } from './harness';

async function cursor(): Promise<{ line: number; column: number }> {
  const items = await waitFor(() => workbench().statusBarItems(), (list) => list.some((i) => /Ln \d+, Col \d+/.test(i.text)), { message: 'no cursor position in the status bar' });
  const m = /Ln (\d+), Col (\d+)/.exec(items.find((i) => /Ln \d+/.test(i.text))!.text)!;
  return { line: Number(m[1]), column: Number(m[2]) };
}

describe('Logs Insights', () => {
  afterEach(async () => {
    await workbench().dismissNotifications();
  });

  it('runs "Error Rate by Endpoint" from the palette into a results document with the counts', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.runCommand('Ops Lens: Run Saved Logs Insights Query…');
    await wb.typeInQuickInput('Error Rate by Endpoint');
    const items = await waitFor(() => wb.quickPickItems(), (list) => list.some((i) => i.label === 'Error Rate by Endpoint'), { timeoutMs: 20000, message: 'query not offered' });
    assert.ok(items.length >= 2, 'found in more than one source (query definition, .insights file, runbook)');
    await wb.pickQuickItem('Error Rate by Endpoint');
    await wb.waitForEditor(/Error Rate by Endpoint/, 30000);
    const text = await wb.activeEditorText();
    assert.match(text, /Status:\s+Complete/);
    assert.match(text, /endpoint\s+error_count/);
    assert.match(text, /\/api\/videos\s+\d+/);
    assert.match(text, /Records:\s+\d+ matched, \d+ scanned/);
    await wb.screenshot('insights-results');
  });

  it('opens src/handlers/generate.ts at line 42 from a stack frame in the results', async () => {
    const wb = workbench();
    const file = path.join(environment().workspace, 'queries', 'generate-errors.insights');
    fs.writeFileSync(file, '# name: Generate errors\n# logGroups: /aws/lambda/databanana-GenerateFunction\n# range: 3h\nfields @timestamp, @message\n| filter @message like /generate.ts:42/\n| limit 5\n');
    await wb.openFile('queries/generate-errors.insights');
    await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
    await wb.waitForEditor(/Generate errors/, 30000);
    const text = await wb.activeEditorText();
    const lineOfFrame = text.split('\n').findIndex((l) => l.includes('/var/task/src/handlers/generate.ts:42')) + 1;
    assert.ok(lineOfFrame > 0, 'the results show the stack frame');
    await wb.goToLine(lineOfFrame);
    const column = text.split('\n')[lineOfFrame - 1].indexOf('/var/task/src/handlers/generate.ts:42') + 1;
    await wb.runCommand('Go to Line/Column...');
    await wb.typeInQuickInput(`:${lineOfFrame}:${column + 5}`);
    await wb.acceptQuickInput();
    await wb.screenshot('insights-stack-frames');
    await wb.runCommand('Open Link');
    await wb.waitForEditor('generate.ts', 15000);
    assert.equal((await waitFor(cursor, (c) => c.line === 42, { message: 'not at line 42' })).line, 42);
    await wb.closeEditors();
    fs.rmSync(file, { force: true });
  });

  it('runs the markdown block next to the cursor from its CodeLens, and that block\'s query is what is sent', async () => {
    const wb = workbench();
    await wb.openFile('docs/MONITORING.md');
    const source = fs.readFileSync(path.join(environment().workspace, 'docs', 'MONITORING.md'), 'utf8').split('\n');
    // Not the file's first block: the lens clicked must be this block's own.
    const inside = source.findIndex((l) => l.startsWith('| parse @message /duration=(?<duration>')) + 1;
    assert.ok(inside > 0, 'the guide has the "Slowest API Endpoints" block');
    await wb.goToLine(inside);
    const lens = await wb.codeLensAboveCursor('Run in Logs Insights');
    await wb.screenshot('insights-codelens');
    const since = await lastCallSeq(environment().awsEndpoint);
    await lens.click();
    await wb.waitForResults();
    const text = await wb.activeEditorText();
    assert.match(text, /Status:\s+Complete/);
    assert.match(text, /endpoint\s+avg_duration\s+max_duration\s+request_count/);
    // Other features (production errors) may query meanwhile: only this block's query text counts.
    const started = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'StartQuery');
    const thisBlock = started.filter((c) => /stats avg\(duration\) as avg_duration, max\(duration\) as max_duration, count\(\) as request_count by endpoint/.test((c.input as { queryString: string }).queryString));
    assert.equal(thisBlock.length, 1, 'the block at the cursor was sent once');
    assert.ok(started.every((c) => !/^fields @timestamp, @message\n\| filter @message like \/ERROR\/\n\| sort/.test((c.input as { queryString: string }).queryString)), 'the file\'s first block was not sent');
    await wb.closeEditors();
  });

  it('sends seed 004\'s query that the local check warns about, and marks Logs Insights\' own error at the bin(...) line', async () => {
    const wb = workbench();
    const source = fs.readFileSync(path.join(environment().workspace, 'docs', 'MONITORING.md'), 'utf8').split('\n');
    const binLine = source.findIndex((l) => /^\| bin\(fileSize/.test(l)) + 1;
    assert.ok(binLine > 0, 'the guide has seed 004\'s query');
    await wb.openFile('docs/MONITORING.md');
    const lens = wb.page.locator('.part.editor .codelens-decoration a', { hasText: 'Run in Logs Insights' });
    await wb.goToLine(binLine);
    const lenses = await waitFor(async () => lens.count(), (n) => n > 0, { message: 'no lens near the block' });
    assert.ok(lenses > 0);
    const since = await lastCallSeq(environment().awsEndpoint);
    await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
    // Sent although the local check warns; the stand-in answers as Logs Insights does, with the position.
    await wb.waitForNotification(/Logs Insights rejected .*unexpected symbol found bin at line 3 and position 3/, 15000);
    const sent = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'StartQuery' && /\| bin\(fileSize/.test((c.input as { queryString: string }).queryString));
    assert.equal(sent.length, 1, 'the query reached the endpoint once');
    await wb.page.keyboard.press('Control+Home');
    await wb.runCommand('Go to Next Problem (Error, Warning, Info)');
    const at = await waitFor(cursor, (c) => c.line === binLine, { message: 'the error is not marked on the bin line' });
    assert.deepEqual(at, { line: binLine, column: 3 });
    await wb.screenshot('insights-malformed-query');
    await wb.closeEditors();
  });

  it('runs a SOURCE query from its CodeLens without asking for log groups', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('queries/lambda-cold-starts.insights');
    // Hover help on the command: its one-line description and AWS's page.
    const word = wb.page.locator('.part.editor .view-lines .view-line span span', { hasText: /^SOURCE$/ }).first();
    await word.waitFor({ state: 'visible', timeout: 10000 });
    const hover = wb.page.locator('.monaco-hover-content', { hasText: 'Names the log groups' }).first();
    // A hover shows after the pointer rests on the word; move away and back until it does.
    await waitFor(
      async () => {
        await wb.parkPointer();
        await word.hover();
        return hover.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
      },
      (shown) => shown,
      { timeoutMs: 20000, message: 'no hover help for SOURCE' },
    );
    const help = await waitFor(async () => (await hover.textContent()) ?? '', (t) => /Names the log groups/.test(t), { message: 'no hover help for SOURCE' });
    assert.match(help, /Logs Insights documentation/);
    // The hover fades in; the screenshot waits until it is opaque.
    await waitFor(() => hover.evaluate((el) => getComputedStyle(el.closest('.monaco-hover') ?? el).opacity), (o) => o === '1', { message: 'hover not shown' });
    await wb.screenshot('insights-hover', { settle: false });
    await wb.page.keyboard.press('Escape');
    const lens = wb.page.locator('.part.editor .codelens-decoration a', { hasText: 'Run in Logs Insights' }).first();
    await lens.waitFor({ state: 'visible', timeout: 20000 });
    const since = await lastCallSeq(environment().awsEndpoint);
    await lens.click();
    let asked = false;
    await waitFor(
      async () => {
        asked ||= await wb.quickInputVisible();
        return wb.activeEditorTitle();
      },
      (title) => /Lambda Cold Starts/.test(title) || asked,
      { timeoutMs: 30000, message: 'no results' },
    );
    assert.equal(asked, false, 'no log group prompt');
    await wb.waitForEditor(/Lambda Cold Starts/, 30000);
    const text = await wb.activeEditorText();
    assert.match(text, /Log groups:\s+named in the query/);
    assert.match(text, /Status:\s+Complete/);
    assert.match(text, /@log\s+invocations\s+coldStarts\s+slowestInitMs/);
    assert.match(text, /databanana-GenerateFunction\s+\d+\s+\d+/);
    const [started] = (await awsCalls(environment().awsEndpoint, since)).filter((c) => c.operation === 'StartQuery' && /^SOURCE /.test((c.input as { queryString: string }).queryString));
    const input = started.input as { queryString: string; logGroupNames?: string[]; logGroupIdentifiers?: string[] };
    assert.match(input.queryString, /^SOURCE logGroups\(namePrefix:/);
    assert.equal(input.logGroupNames, undefined, 'SOURCE queries are started with no log group names');
    assert.equal(input.logGroupIdentifiers, undefined, 'nor identifiers');
    await wb.screenshot('insights-source-query');
    await wb.closeEditors();
  });

  it('shows the exact window of a saved query with an absolute range in its header, in the chosen zone with its name', async () => {
    const wb = workbench();
    const minute = 60_000;
    const end = Math.floor(Date.now() / minute) * minute;
    const start = end - 3 * 60 * minute;
    // The start is written in UTC+02:00, the end in UTC: the header shows both in the zone of opsLens.timeZone (local here).
    const local = new Date(start + 2 * 60 * minute).toISOString().slice(0, 16);
    const range = `${local}+02:00..${new Date(end).toISOString().slice(0, 16)}Z`;
    const file = path.join(environment().workspace, 'queries', 'incident-window.insights');
    fs.writeFileSync(file, `# name: Incident window\n# logGroups: /ecs/dev/ai-video-backend\n# range: ${range}\nstats count(*) as events by bin(30m)\n| sort @timestamp asc\n`);
    try {
      await wb.openFile('queries/incident-window.insights');
      await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
      await wb.waitForEditor(/Incident window/, 30000);
      const text = await wb.activeEditorText();
      const shown = `${formatDateTime(start, 'local', { bare: true })} → ${formatDateTime(end, 'local')}`;
      assert.ok(shown.endsWith(' UTC+5:30'), shown);
      assert.ok(text.includes(`Range:       ${shown}`), text.split('\n').find((l) => l.startsWith('Range:')));
      assert.match(text, /Status:\s+Complete/);
      assert.match(text, /bin\(30m\)\s+events/);
      await wb.screenshot('insights-absolute-range');
      await wb.closeEditors();
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
