// The smoke run on the minimum supported VS Code: the container, its views, and one command of each
// feature, each checked by what a user sees.
import * as assert from 'node:assert/strict';
import { chartBodies, openDashboard } from './charts';
import { waitFor, workbench } from './harness';

describe('smoke', () => {
  afterEach(async () => {
    await workbench().dismissNotifications();
    await workbench().closeEditors();
  });

  it('shows the Ops Lens container with its views filled from the sandbox', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    assert.deepEqual((await waitFor(() => wb.viewTitles(), (t) => t.length >= 4, { message: 'Ops Lens views not shown' })).slice(0, 4), ['Alarms', 'Step Functions', 'Health', 'Logs']);
    await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    await wb.waitForTreeItem('Step Functions', 'ImageGenerationStateMachine', 30000);
    await wb.waitForTreeItem('Health', 'Video API liveness', 30000);
    await wb.screenshot('smoke-container');
  });

  it('alarms: opens an alarm\'s details', async () => {
    const wb = workbench();
    await wb.clickTreeItem('Alarms', 'dev-ecs-service-unhealthy');
    // The details page is a webview: two nested frames.
    const page = wb.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
    await page.locator('h1', { hasText: 'dev-ecs-service-unhealthy' }).waitFor({ timeout: 15000 });
    assert.match(await page.locator('body').innerText(), /In alarm \(ALARM\) since/);
    await wb.closeEditors();
  });

  it('Step Functions: opens an execution', async () => {
    const wb = workbench();
    await wb.expandTreeItem('Step Functions', 'ImageGenerationStateMachine');
    const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => i.description.startsWith('Failed')), { timeoutMs: 30000, message: 'no failed execution listed' });
    const failed = rows.find((r) => r.description.startsWith('Failed'))!;
    await wb.clickTreeItem('Step Functions', failed.label);
    await wb.waitForEditor(new RegExp(failed.label));
    assert.match(await wb.activeEditorText(), /Status:\s+Failed \(FAILED\)/);
  });

  it('health: checks the endpoints now and shows their states', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Check Health Now');
    const rows = await waitFor(() => wb.treeItems('Health'), (items) => items.some((i) => /^Video API dependencies, Down,/.test(i.ariaLabel)), { timeoutMs: 30000, message: 'Video API dependencies not shown as down' });
    assert.match(rows.find((r) => r.label === 'Video API liveness')!.ariaLabel, /, Healthy,/);
  });

  it('metrics: opens a CloudWatch dashboard with its charts drawn', async () => {
    const page = await openDashboard('dev-application-dashboard');
    const charts = await waitFor(() => chartBodies(page), (list) => list.length > 0 && list.every((c) => c.points > 0), { message: 'a metric widget has no points' });
    assert.ok(charts.length >= 1);
    await workbench().screenshot('smoke-dashboard');
  });

  it('Logs Insights: runs a saved query into a results document', async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Run Saved Logs Insights Query…');
    await wb.typeInQuickInput('Error Rate by Endpoint');
    await waitFor(() => wb.quickPickItems(), (list) => list.some((i) => i.label === 'Error Rate by Endpoint'), { timeoutMs: 20000, message: 'query not offered' });
    await wb.pickQuickItem('Error Rate by Endpoint');
    await wb.waitForEditor(/Error Rate by Endpoint/, 30000);
    const text = await wb.activeEditorText();
    assert.match(text, /Status:\s+Complete/);
    assert.match(text, /\/api\/videos\s+\d+/);
  });
});
