import * as assert from 'node:assert/strict';
import { zoneName } from '../../src/core/time/zone';
import { waitFor, workbench, type TreeItem } from './harness';

const MACHINE = 'ThumbnailBatchStateMachine';
const EXECUTION = 'thumbnails-b-42';
const FRAME = '/var/task/src/handlers/resize.ts:18:11';

async function cursorLine(): Promise<number> {
  const items = await waitFor(() => workbench().statusBarItems(), (list) => list.some((i) => /Ln \d+, Col \d+/.test(i.text)), { message: 'no cursor position in the status bar' });
  return Number(/Ln (\d+)/.exec(items.find((i) => /Ln \d+/.test(i.text))!.text)![1]);
}

/** The failed item of the thumbnail batch's Map run, listed under the run under its parent execution. */
async function failedItem(): Promise<TreeItem> {
  const wb = workbench();
  await wb.expandTreeItem('Step Functions', MACHINE);
  await wb.waitForTreeItem('Step Functions', EXECUTION, 30000);
  await wb.expandTreeItem('Step Functions', EXECUTION);
  await wb.waitForTreeItem('Step Functions', 'Map run ResizeImages', 30000);
  await wb.expandTreeItem('Step Functions', 'Map run ResizeImages');
  const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => {
    const run = items.findIndex((i) => i.label === 'Map run ResizeImages');
    return run >= 0 && items[run + 1]?.depth === items[run].depth + 1 && items[run + 1].description.startsWith('Failed');
  }, { timeoutMs: 30000, message: 'no failed item under the Map run' });
  return rows[rows.findIndex((i) => i.label === 'Map run ResizeImages') + 1];
}

describe('Step Functions failures: Map runs, a failed task’s logs, triage and redrive', () => {
  afterEach(async () => {
    await workbench().dismissNotifications();
  });

  it('lists the Map run and the child execution under the failed execution, and opens the Map run’s failed item', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Step Functions', MACHINE, 30000);
    const item = await failedItem();
    const rows = await wb.treeItems('Step Functions');
    const run = rows.find((r) => r.label === 'Map run ResizeImages')!;
    assert.match(run.description, /^failed · 1 failed, .* of 4 · tolerates no failure$/);
    const parent = rows.findIndex((r) => r.label === EXECUTION);
    const under = rows.slice(parent + 1).filter((r) => r.depth === rows[parent].depth + 1).map((r) => r.description.split(' · ')[0]);
    assert.ok(under.includes('Succeeded'), `the announcement execution started by the batch is listed under it: ${under.join(', ')}`);
    await wb.screenshot('step-functions-map-run');

    await wb.clickTreeItem('Step Functions', item.label);
    await wb.waitForEditor(new RegExp(item.label));
    const text = await wb.activeEditorText();
    assert.match(text, /Status:\s+Failed \(FAILED\)/);
    assert.match(text, /State: Resize\nError: CorruptImageError/);
    assert.match(text, /cannot decode PNG b-42\/0003\.png: bad IHDR chunk/);
  });

  it('opens the failed task’s Lambda invocation from the execution’s title bar, and its stack frame opens the workspace line', async () => {
    const wb = workbench();
    const item = await failedItem();
    await wb.clickTreeItem('Step Functions', item.label);
    await wb.waitForEditor(new RegExp(item.label));
    await wb.page.locator('.part.editor .editor-actions a.action-label[aria-label^="Show Failed Task\'s Logs"]').first().click();
    await wb.waitForEditor(/^Resize . thumbnails-ResizeFunction/, 20000);
    const text = await wb.activeEditorText();
    assert.match(text, /Log groups:\s+\/aws\/lambda\/thumbnails-ResizeFunction/);
    const requestId = /START RequestId: (\S+)/.exec(text)?.[1];
    assert.ok(requestId, 'the invocation’s START line');
    assert.match(text, new RegExp(`REPORT RequestId: ${requestId}`));
    const lines = text.split('\n');
    const lineOfFrame = lines.findIndex((l) => l.includes(FRAME)) + 1;
    assert.ok(lineOfFrame > 0, 'the stack frame is in the document');
    const column = lines[lineOfFrame - 1]!.indexOf(FRAME) + 1;
    await wb.runCommand('Go to Line/Column...');
    await wb.typeInQuickInput(`:${lineOfFrame}:${column + 5}`);
    await wb.acceptQuickInput();
    await wb.screenshot('step-functions-task-logs');
    await wb.runCommand('Open Link');
    await wb.waitForEditor('resize.ts', 15000);
    assert.equal(await waitFor(cursorLine, (line) => line === 18, { message: 'not at line 18' }), 18);
    await wb.closeEditors();
  });

  it('triages the image pipeline’s failures into groups by state, error and cause', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Triage Failures…');
    await wb.pickQuickItem('ImageGenerationStateMachine');
    // Once the range pick has replaced the machine pick, narrowed to one row: no re-render can move the click.
    await waitFor(() => wb.quickPickItems(), (items) => items.some((i) => i.label === '24h'), { timeoutMs: 15000, message: 'no range pick' });
    await wb.typeInQuickInput('24h');
    await wb.pickQuickItem('24h');
    await wb.waitForEditor('ImageGenerationStateMachine failures.md', 30000);
    const text = await wb.activeEditorText();
    assert.match(text, /^# Failures of ImageGenerationStateMachine — the last 24 hours/);
    const groups = [...text.matchAll(/^## \d+\. (\S+) — (\S+) \((\d+)\)$/gm)];
    assert.ok(groups.length >= 2, `groups: ${groups.map((g) => g[0]).join(' | ')}`);
    assert.ok(groups.some((g) => g[1] === 'QuotaExceeded' && g[2] === 'ImageGenerationFailed'), 'the quota failures form a group at their Fail state');
    // Times in the chosen zone (the e2e layer runs away from UTC), with its name.
    const zone = zoneName(Date.now(), 'local').replace('+', '\\+');
    assert.match(text, new RegExp(`First seen: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${zone}\n`));
    assert.match(text, new RegExp(`stopped \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${zone} `));
    await wb.screenshot('step-functions-triage');
    await wb.closeEditors();
  });

  it('redrives all eligible failures after one confirmation, and the batch resumes at its failed Map state', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Triage Failures…');
    await wb.pickQuickItem(MACHINE);
    // Once the range pick has replaced the machine pick, narrowed to one row: no re-render can move the click.
    await waitFor(() => wb.quickPickItems(), (items) => items.some((i) => i.label === '24h'), { timeoutMs: 15000, message: 'no range pick' });
    await wb.typeInQuickInput('24h');
    await wb.pickQuickItem('24h');
    await wb.waitForEditor(`${MACHINE} failures.md`, 30000);
    const triage = await wb.activeEditorText();
    assert.match(triage, /## 1\. ResizeImages — States\.ExceedToleratedFailureThreshold \(1\)/);
    assert.match(triage, /^1 execution ended without success \(1 failed, 0 timed out, 0 aborted\) in 1 group by/m);
    await wb.clickNotificationButton(/1 can be redriven/, 'Redrive All Eligible…');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await dialog.innerText(), new RegExp(`Redrive 1 execution of ${MACHINE}\\?[\\s\\S]*${EXECUTION}`));
    await wb.screenshot('step-functions-redrive-all');
    await dialog.locator('.monaco-button', { hasText: /^Redrive All$/ }).click();
    await wb.waitForNotification(/Redrove 1 execution of ThumbnailBatchStateMachine/, 20000);
    await wb.closeEditors();

    const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => /^Failed .*redriven 1×/.test(items.find((i) => i.label === EXECUTION)?.description ?? ''), { timeoutMs: 30000, message: 'the execution does not show its redrive' });
    assert.ok(rows.some((r) => r.label === EXECUTION));
    await wb.expandTreeItem('Step Functions', EXECUTION);
    const under = await waitFor(() => wb.treeItems('Step Functions'), (items) => /^failed .*redriven 1×/.test(items.find((i) => i.label === 'Map run ResizeImages')?.description ?? ''), { timeoutMs: 30000, message: 'the Map run does not show it failed again after its redrive' });
    assert.ok(!under.some((r) => r.label.startsWith('Map ResizeImages')), 'the redriven distributed Map is its Map run, not an inline Map');
    await wb.clickTreeItem('Step Functions', EXECUTION);
    await wb.waitForEditor(new RegExp(EXECUTION));
    const text = await waitFor(() => wb.activeEditorText(), (t) => /Redriven:\s+1 time/.test(t) && /Status:\s+Failed/.test(t), { timeoutMs: 20000, message: 'the redrive did not finish' });
    const timeline = text.slice(text.indexOf('## Timeline'));
    const afterRedrive = timeline.slice(timeline.indexOf('↻ Execution redriven'));
    assert.ok(timeline.includes('↻ Execution redriven'), 'the timeline shows the redrive');
    assert.match(afterRedrive, /ResizeImages \(Map\)/, 'the redrive ran the failed Map state again');
    assert.doesNotMatch(afterRedrive, /Prepare|AnnounceBatch/, 'the states before it did not run again');
    await wb.screenshot('step-functions-redriven');
    await wb.closeEditors();
  });
});
