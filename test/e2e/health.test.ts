import * as assert from 'node:assert/strict';
import { waitFor, workbench, type TreeItem } from './harness';

function stateOf(rows: TreeItem[], name: string): string | undefined {
  return /^[^,]+, (Healthy|Degraded|Down|Unknown),/.exec(rows.find((r) => r.label === name)?.ariaLabel ?? '')?.[1];
}

describe('Health view', () => {
  it('shows the sandbox endpoints as healthy, degraded or down', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    const expected: Record<string, string> = {
      'Video API liveness': 'Healthy',
      'Video API dependencies': 'Down',
      'Pose Generator health': 'Healthy',
      'Pose Generator metrics': 'Degraded',
      'Avatar system': 'Healthy',
      'Legacy billing (hangs)': 'Down',
    };
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => Object.entries(expected).every(([name, state]) => stateOf(items, name) === state), { timeoutMs: 60000, message: 'endpoint states not as expected' });
    for (const [name, state] of Object.entries(expected)) assert.equal(stateOf(rows, name), state, name);
    assert.match(rows.find((r) => r.label === 'Video API dependencies')!.description, /503/);
    const down = (await wb.statusBarItems()).find((i) => /\d+ down/.test(i.text));
    assert.ok(down, 'a "N down" status bar item');
    await wb.screenshot('health-tree');
    const entry = await waitFor(() => wb.activityLabel('Ops Lens'), (label) => /2 health endpoints down/.test(label), { message: 'no "2 health endpoints down" badge on the Ops Lens entry' });
    assert.match(entry, /^Ops Lens - 2 health endpoints down/);
    // The badge covers part of the entry: it must still open the container when clicked.
    await wb.openActivity('Explorer');
    await wb.openOpsLens();
    assert.deepEqual((await wb.viewTitles()).slice(0, 3), ['Alarms', 'Step Functions', 'Health']);
  });

  it('expands an endpoint to its checks and failed assertions', async () => {
    const wb = workbench();
    await wb.expandTreeItem('Health', 'Pose Generator health');
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => items.some((i) => i.label === 'queue'), { message: 'no queue check' });
    assert.ok(rows.some((r) => r.label === 'database'), 'database check listed');
    assert.match(rows.find((r) => r.label === 'queue')!.description, /waiting/);
    await wb.expandTreeItem('Health', 'Pose Generator metrics');
    const metrics = await waitFor(() => wb.treeItems('Health'), (items) => items.some((i) => /successRate/.test(i.label)), { message: 'no failed assertion' });
    assert.match(metrics.find((r) => /successRate/.test(r.label))!.label + metrics.find((r) => /successRate/.test(r.label))!.description, /93\.33/);
    await wb.screenshot('health-expanded');
  });
});
