import * as assert from 'node:assert/strict';
import { waitFor, workbench, type TreeItem } from './harness';

const MACHINE = 'ImageGenerationStateMachine';

async function executions(): Promise<TreeItem[]> {
  const wb = workbench();
  await wb.expandTreeItem('Step Functions', MACHINE);
  const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => /^(Succeeded|Failed|Running|Aborted)/.test(i.description)), { timeoutMs: 30000, message: 'no executions listed' });
  return rows.filter((r) => /^(Succeeded|Failed|Running|Aborted|Timed out)/.test(r.description));
}

describe('Step Functions view', () => {
  it('lists ImageGenerationStateMachine with succeeded, failed, running and aborted executions', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Step Functions', MACHINE, 30000);
    const rows = await executions();
    const statuses = new Set(rows.map((r) => r.description.split(' · ')[0]));
    for (const s of ['Succeeded', 'Failed', 'Running', 'Aborted']) assert.ok(statuses.has(s), `no ${s} execution: ${rows.map((r) => `${r.label} ${r.description}`).join(' | ')}`);
    assert.ok(rows.every((r) => / ago|just now/.test(r.description)), 'each execution says when it started');
    await wb.screenshot('step-functions-tree');
  });

  it('opens the failed execution with its error and cause', async () => {
    const wb = workbench();
    const failed = (await executions()).find((r) => r.description.startsWith('Failed'))!;
    await wb.clickTreeItem('Step Functions', failed.label);
    await wb.waitForEditor(new RegExp(failed.label));
    const text = await wb.activeEditorText();
    assert.match(text, /Status:\s+Failed \(FAILED\)/);
    assert.match(text, /## Failure\n\nState: \S+\nError: \S+/);
    assert.match(text, /Cause:/);
    assert.match(text, /## Timeline/);
    await wb.screenshot('step-functions-failed-execution');
    await wb.closeEditors();
  });

  it('shows the failed execution\'s log events as a results document', async () => {
    const wb = workbench();
    const failed = (await executions()).find((r) => r.description.startsWith('Failed'))!;
    await wb.runCommand('Ops Lens: Show Execution Logs');
    await wb.typeInQuickInput(failed.label);
    await wb.pickQuickItem(failed.label);
    await wb.waitForEditor(new RegExp(`${failed.label} logs`), 20000);
    const text = await wb.activeEditorText();
    assert.match(text, /Log groups:\s+\S*ImageGenerationStateMachine/);
    assert.match(text, /Records:\s+[1-9]\d* matched/);
    assert.match(text, new RegExp(`execution:ImageGenerationStateMachine:${failed.label}`));
    await wb.screenshot('step-functions-execution-logs');
    await wb.closeEditors();
  });

  it('starts a new execution that appears in the tree', async () => {
    const wb = workbench();
    const before = (await executions()).map((r) => r.label);
    await wb.runCommand('Ops Lens: Start Execution…');
    await wb.pickQuickItem(MACHINE);
    // The name box replaces the state machine pick a moment after the pick is accepted.
    const { value } = await waitFor(() => wb.quickInputInfo(), (info) => /^manual-/.test(info.value), { timeoutMs: 10000, message: 'a generated default name' });
    await wb.acceptQuickInput();
    await wb.pickQuickItem('$(circle-slash) No input ({})'.replace('$(circle-slash) ', ''));
    await wb.waitForNotification(new RegExp(`Started execution ${value}`), 20000);
    const after = await waitFor(executions, (rows) => rows.some((r) => r.label === value), { timeoutMs: 20000, message: 'new execution not in the tree' });
    assert.ok(!before.includes(value) && after.some((r) => r.label === value));
    await wb.dismissNotifications();
  });

  it('stops the running execution, which turns aborted', async () => {
    const wb = workbench();
    const running = (await executions()).find((r) => r.description.startsWith('Running') && !r.label.startsWith('manual-'))!;
    assert.ok(running, 'a running execution');
    await wb.runCommand('Ops Lens: Stop Execution…');
    await wb.typeInQuickInput(running.label);
    await wb.pickQuickItem(running.label);
    const stop = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Stop$/ });
    await stop.waitFor({ state: 'visible', timeout: 10000 });
    await stop.click();
    await wb.waitForNotification(new RegExp(`${running.label} is now ABORTED`), 20000);
    const rows = await waitFor(executions, (list) => list.find((r) => r.label === running.label)?.description.startsWith('Aborted') ?? false, { timeoutMs: 20000, message: 'execution not shown as aborted' });
    assert.ok(rows.length > 0);
    await wb.screenshot('step-functions-after-stop');
    await wb.dismissNotifications();
  });

  it('says where the runs of an express workflow are instead of listing executions', async () => {
    const wb = workbench();
    await wb.expandTreeItem('Step Functions', 'ThumbnailResizeExpress');
    const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => i.label.startsWith('Express workflow')), { message: 'no express note' });
    const machine = rows.find((r) => r.label === 'ThumbnailResizeExpress')!;
    assert.match(machine.description, /express/);
    assert.match(rows.find((r) => r.label.startsWith('Express workflow'))!.label, /CloudWatch Logs/);
    await wb.screenshot('step-functions-express');
  });
});
