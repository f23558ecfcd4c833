import * as assert from 'node:assert/strict';
import { waitFor, workbench } from './harness';

describe('workbench', () => {
  it('shows the Ops Lens container with its three views', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    const titles = await waitFor(() => wb.viewTitles(), (t) => t.length >= 3, { message: 'Ops Lens views not shown' });
    assert.deepEqual(titles, ['Alarms', 'Step Functions', 'Health']);
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

  it('leaves no notification over the views', async () => {
    const wb = workbench();
    await wb.dismissNotifications();
    assert.deepEqual(await wb.notifications(), []);
    await wb.screenshot('ops-lens-container');
  });
});
