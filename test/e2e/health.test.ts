import * as assert from 'node:assert/strict';
import { waitFor, workbench, type TreeItem } from './harness';

function stateOf(rows: TreeItem[], name: string): string | undefined {
  return /^[^,]+, (Healthy|Degraded|Down|Unknown),/.exec(rows.find((r) => r.label === name)?.ariaLabel ?? '')?.[1];
}

/** A screenshot of the Health view scrolled to `row`, with room made for it: the other views folded meanwhile. */
async function screenshotHealthAt(wb: ReturnType<typeof workbench>, row: string, name: string): Promise<void> {
  const others = ['Alarms', 'Step Functions'];
  const header = (view: string) => wb.page.locator('.part.sidebar .pane .pane-header').filter({ has: wb.page.locator('h3.title', { hasText: new RegExp(`^\\s*${view}\\s*$`, 'i') }) }).first();
  for (const view of others) if ((await header(view).getAttribute('aria-expanded')) === 'true') await header(view).click();
  await wb.expandTreeItem('Health', row);
  await wb.screenshot(name);
  for (const view of others) await wb.expandView(view);
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
      'Secrets (Vault standby)': 'Healthy',
      'Search cluster (Elasticsearch)': 'Degraded',
    };
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => Object.entries(expected).every(([name, state]) => stateOf(items, name) === state), { timeoutMs: 60000, message: 'endpoint states not as expected' });
    for (const [name, state] of Object.entries(expected)) assert.equal(stateOf(rows, name), state, name);
    assert.match(rows.find((r) => r.label === 'Video API dependencies')!.description, /503/);
    const down = (await wb.statusBarItems()).find((i) => /\d+ down/.test(i.text));
    assert.ok(down, 'a "N down" status bar item');
    await wb.screenshot('health-tree');
    // The view says its own count; the container's badge counts alarms in ALARM.
    const description = await wb.page.locator('.part.sidebar .pane-header').filter({ hasText: 'Health' }).first().locator('.description').textContent();
    assert.match(description ?? '', /^4 down, 3 degraded$/);
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
    // Brings the last checks into the pane (a leaf does not expand); a click on an endpoint would fold it.
    await screenshotHealthAt(wb, 'The service reports status "Degraded"', 'health-formats');
  });

  it('shows a Vault standby and a yellow Elasticsearch cluster in their documented states', async () => {
    const wb = workbench();
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => stateOf(items, 'Secrets (Vault standby)') === 'Healthy' && stateOf(items, 'Search cluster (Elasticsearch)') === 'Degraded', { timeoutMs: 60000, message: 'Vault and Elasticsearch not in their documented states' });
    const vault = rows.find((r) => r.label === 'Secrets (Vault standby)')!;
    assert.match(vault.description, /^429 standby · /);
    // A degraded endpoint opens expanded, with the cluster and why it is yellow.
    const cluster = await waitFor(() => wb.treeItems('Health'), (items) => items.some((i) => i.label === 'search-sandbox'), { message: 'no search-sandbox check' });
    assert.match(cluster.find((r) => r.label === 'search-sandbox')!.ariaLabel, /^search-sandbox, Degraded, yellow/);
    assert.ok(cluster.some((r) => r.label === 'The service reports status "yellow" (6 unassigned shards)'), 'the Elasticsearch endpoint says why it is degraded');
    await screenshotHealthAt(wb, 'The service reports status "yellow" (6 unassigned shards)', 'health-vault-elasticsearch');
  });
});
