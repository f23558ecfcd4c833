import * as assert from 'node:assert/strict';
import { waitFor, workbench } from './harness';

describe('workbench', () => {
  it('shows the Ops Lens container with its four views', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    const titles = await waitFor(() => wb.viewTitles(), (t) => t.length >= 4, { message: 'Ops Lens views not shown' });
    assert.deepEqual(titles, ['Alarms', 'Step Functions', 'Health', 'Logs']);
  });

  it('shows the profile @ region status bar item', async () => {
    const wb = workbench();
    const items = await waitFor(
      () => wb.statusBarItems(),
      (list) => list.some((i) => i.text.includes(' @ ') && i.text.includes('us-east-1')),
      { message: 'no "profile @ us-east-1" status bar item' },
    );
    const item = items.find((i) => i.text.includes(' @ '))!;
    assert.match(item.text, /^\S+ @ .*\bus-east-1\b/);
    assert.match(item.id, /opsLens\.session$/);
  });

  it('raises no notification from start-up to loaded views and a refresh', async function () {
    const wb = workbench();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    await wb.waitForTreeItem('Step Functions', 'ImageGenerationStateMachine', 30000);
    await wb.waitForTreeItem('Health', 'Video API liveness', 30000);
    await wb.runCommand('Ops Lens: Refresh All Views');
    await wb.waitForIdle();
    // The workbench's own prompts are off (quiet settings), so any notification here is the extension's.
    // (A toast shows its source only once expanded, so it cannot be filtered by source.)
    const raised = (await wb.recordedNotifications()).filter((n) => n.test === '' || n.test === this.test!.fullTitle());
    assert.deepEqual(raised, [], 'notifications raised before any test asked for one');
    await wb.dismissNotifications();
    await wb.screenshot('ops-lens-container');
  });
});
