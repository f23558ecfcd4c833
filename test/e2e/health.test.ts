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
      'Orders service (Spring Boot)': 'Down',
      'Cluster API readiness': 'Down',
      'Invoicing API (ASP.NET Core)': 'Degraded',
    };
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => Object.entries(expected).every(([name, state]) => stateOf(items, name) === state), { timeoutMs: 60000, message: 'endpoint states not as expected' });
    for (const [name, state] of Object.entries(expected)) assert.equal(stateOf(rows, name), state, name);
    assert.match(rows.find((r) => r.label === 'Video API dependencies')!.description, /503/);
    const down = (await wb.statusBarItems()).find((i) => /\d+ down/.test(i.text));
    assert.ok(down, 'a "N down" status bar item');
    await wb.screenshot('health-tree');
    // The view says its own count; the container's badge counts alarms in ALARM.
    const description = await wb.page.locator('.part.sidebar .pane-header').filter({ hasText: 'Health' }).first().locator('.description').textContent();
    assert.match(description ?? '', /^4 down, 2 degraded$/);
    const entry = await waitFor(() => wb.activityLabel('Ops Lens'), (label) => / - \d+ alarms? in ALARM/.test(label), { message: 'no alarm count on the Ops Lens entry' });
    assert.doesNotMatch(entry, /health endpoints/);
    // The badge covers part of the entry: it must still open the container when clicked.
    await wb.openActivity('Explorer');
    await wb.openOpsLens();
    assert.deepEqual((await wb.viewTitles()).slice(0, 4), ['Alarms', 'Step Functions', 'Health', 'Logs']);
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

  it('reads Spring Boot, Kubernetes verbose and ASP.NET Core text bodies into their failing checks', async () => {
    const wb = workbench();
    // Endpoints that are down or degraded open expanded, with their checks.
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => items.some((i) => i.label === 'paymentGateway') && items.some((i) => i.label === 'etcd'), { message: 'no paymentGateway and etcd checks' });
    const gateway = rows.find((r) => r.label === 'paymentGateway')!;
    assert.match(gateway.ariaLabel, /^paymentGateway, Down, OUT_OF_SERVICE/);
    assert.match(gateway.description, /OUT_OF_SERVICE — Provider maintenance window/);
    assert.match(rows.find((r) => r.label === 'db')!.ariaLabel, /^db, Healthy/);
    const etcd = rows.find((r) => r.label === 'etcd')!;
    assert.match(etcd.ariaLabel, /^etcd, Down, failed/);
    assert.match(etcd.description, /reason withheld/);
    assert.match(rows.find((r) => r.label === 'ping')!.ariaLabel, /^ping, Healthy/);
    assert.ok(rows.some((r) => r.label === 'The service reports status "Degraded"'), 'the ASP.NET Core endpoint says why it is degraded');
    // Room for the Health view: the other views folded while the screenshot is taken.
    const others = ['Alarms', 'Step Functions'];
    const header = (name: string) => wb.page.locator('.part.sidebar .pane .pane-header').filter({ has: wb.page.locator('h3.title', { hasText: new RegExp(`^\\s*${name}\\s*$`, 'i') }) }).first();
    for (const name of others) if ((await header(name).getAttribute('aria-expanded')) === 'true') await header(name).click();
    // Brings the last checks into the pane (a leaf does not expand); a click on an endpoint would fold it.
    await wb.expandTreeItem('Health', 'The service reports status "Degraded"');
    await wb.screenshot('health-formats');
    for (const name of others) await wb.expandView(name);
  });
});
