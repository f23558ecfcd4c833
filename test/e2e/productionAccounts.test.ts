import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { sandboxClientConfig } from '../../sandbox/awsClients';
import { useBothAccounts } from '../../sandbox/workspace';
import { PRIMARY_REGION, STATE_MACHINE_ARN, STATE_MACHINE_NAME } from '../../sandbox/scenario/constants';
import { EXECUTIONS } from '../../sandbox/scenario/stateMachine';
import { environment, waitFor, workbench, type TreeItem } from './harness';
import { chartPage, openDashboard } from './charts';

const PRODUCTION_ROOT = /^sandbox · \d{12} · us-east-1$/;
const DIALOG = '.monaco-dialog-box';

/**
 * Sets `opsLens.aws.accounts` in the user's settings the way a person does: in Preferences: Open User
 * Settings (JSON), pasted and saved (the workbench here does not notice the file changed behind its back).
 */
async function setUserAccounts(accounts: unknown[] | undefined): Promise<void> {
  const wb = workbench();
  const file = environment().userSettingsFile;
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (accounts) settings['opsLens.aws.accounts'] = accounts;
  else delete settings['opsLens.aws.accounts'];
  const text = JSON.stringify(settings, null, 2);
  await wb.runCommand('Preferences: Open User Settings (JSON)');
  // It opens in a modal editor, not a tab.
  const editor = wb.page.locator('.monaco-editor').filter({ hasText: 'workbench.startupEditor' }).last();
  await editor.waitFor({ state: 'visible', timeout: 15000 });
  await editor.click({ position: { x: 120, y: 40 }, force: true });
  await wb.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await wb.page.keyboard.press('Control+A');
  await wb.page.keyboard.press('Control+V');
  await wb.page.keyboard.press('Control+S');
  await waitFor(async () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>, (saved) => JSON.stringify(saved['opsLens.aws.accounts']) === JSON.stringify(accounts), { timeoutMs: 10000, message: 'user settings not saved' });
  await wb.page.keyboard.press('Escape');
  await wb.closeEditors();
  await editor.waitFor({ state: 'hidden', timeout: 10000 });
}

/** An execution of the sandbox's machine that waits for moderation, so it stays RUNNING until stopped. */
async function runningExecution(sfn: SFNClient, name: string): Promise<string> {
  const waiting = EXECUTIONS.find((e) => e.expect === 'RUNNING')!;
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name, input: JSON.stringify(waiting.input) }));
  await waitFor(() => statusOf(sfn, executionArn!), (s) => s === 'RUNNING', { timeoutMs: 20000, message: `${name} is not running` });
  return executionArn!;
}

async function statusOf(sfn: SFNClient, executionArn: string): Promise<string | undefined> {
  return (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status;
}

/** The execution's row under the production root, once the tree lists it. */
async function executionRow(name: string): Promise<TreeItem> {
  const wb = workbench();
  await wb.expandTreeItem('Step Functions', STATE_MACHINE_NAME);
  const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => i.label === name), { timeoutMs: 40000, message: `${name} not in the tree` });
  return rows.find((i) => i.label === name)!;
}

async function askToStop(name: string): Promise<string> {
  const wb = workbench();
  await wb.runCommand('Ops Lens: Stop Execution…');
  await wb.typeInQuickInput(name);
  await wb.pickQuickItem(name);
  const dialog = wb.page.locator(DIALOG);
  await dialog.waitFor({ state: 'visible', timeout: 10000 });
  const message = (await dialog.innerText()).replace(/\s+/g, ' ');
  await dialog.locator('.monaco-button', { hasText: /^Stop$/ }).click();
  return message;
}

describe('production and read-only accounts (opsLens.aws.accounts in user settings)', () => {
  let workspaceSettings: string;
  let userSettings: string;
  let sfn: SFNClient;
  const started: string[] = [];

  before(async () => {
    const env = environment();
    workspaceSettings = fs.readFileSync(path.join(env.workspace, '.vscode', 'settings.json'), 'utf8');
    userSettings = fs.readFileSync(env.userSettingsFile, 'utf8');
    sfn = new SFNClient(sandboxClientConfig(env.awsEndpoint, PRIMARY_REGION));
    await workbench().openOpsLens();
    useBothAccounts(env.workspace);
    await setUserAccounts([{ profile: 'sandbox', name: 'sandbox-prod', environment: 'production' }]);
  });

  after(async () => {
    const env = environment();
    for (const arn of started) await sfn.send(new StopExecutionCommand({ executionArn: arn })).catch(() => undefined);
    sfn.destroy();
    await workbench().closeQuickInput();
    await setUserAccounts(undefined).catch(() => fs.writeFileSync(env.userSettingsFile, userSettings));
    fs.writeFileSync(path.join(env.workspace, '.vscode', 'settings.json'), workspaceSettings);
    await workbench().waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000).catch(() => undefined);
  });

  it('marks the production account\'s roots, and stops an execution there only once its name is typed', async () => {
    const wb = workbench();
    const name = `prod-guard-${Date.now().toString(36)}`;
    const arn = await runningExecution(sfn, name);
    started.push(arn);

    const rows = await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => PRODUCTION_ROOT.test(i.label) && i.description.startsWith('PRODUCTION sandbox-prod')), { timeoutMs: 40000, message: 'no production marking on the sandbox root' });
    const staging = rows.find((i) => /^staging · /.test(i.label) && i.depth === 1);
    assert.ok(staging && !/PRODUCTION/.test(staging.description), `the staging root is not marked: ${staging?.description}`);
    assert.match((await executionRow(name)).description, /^Running/);
    await wb.screenshot('production-account-root');

    // A wrong name: the input box says what to type and does not take it; nothing is stopped.
    const asked = await askToStop(name);
    assert.match(asked, new RegExp(`PRODUCTION account sandbox-prod: Stop execution ${name}\\?`));
    const box = await wb.quickInputInfo();
    assert.match(box.title, new RegExp(`Stop execution ${name} in the PRODUCTION account sandbox-prod`));
    await wb.typeInQuickInput('sandbox');
    await wb.acceptQuickInput();
    const problem = wb.page.locator('.quick-input-widget .quick-input-message');
    await waitFor(() => problem.textContent(), (t) => /Type sandbox-prod exactly/.test(t ?? ''), { timeoutMs: 10000, message: 'no validation message for a wrong name' });
    assert.ok(await wb.quickInputVisible(), 'a wrong name keeps the box open');
    await wb.screenshot('production-account-wrong-name');
    await wb.closeQuickInput();
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await statusOf(sfn, arn), 'RUNNING', 'not stopped without the account name');

    // The right name: stopped, as the Step Functions API and the tree say.
    await askToStop(name);
    await wb.typeInQuickInput('sandbox-prod');
    await wb.acceptQuickInput();
    await wb.waitForNotification(new RegExp(`${name} is now ABORTED`), 20000);
    assert.equal(await statusOf(sfn, arn), 'ABORTED');
    await waitFor(() => executionRow(name), (row) => row.description.startsWith('Aborted'), { timeoutMs: 20000, message: 'not shown as aborted' });
    await wb.dismissNotifications();
  });

  it('shows the production account as a badge, in its colour, on a dashboard and an investigation of that account', async () => {
    const wb = workbench();
    await wb.closeEditors();
    const page = await openDashboard('dev-application-dashboard');
    const badge = page.locator('#account-badge');
    await waitFor(() => badge.textContent(), (t) => t === 'PRODUCTION account sandbox-prod', { timeoutMs: 20000, message: 'no account badge on the dashboard' });
    const colors = await badge.evaluate((el) => ({ badge: getComputedStyle(el).color, text: getComputedStyle(document.body).color }));
    assert.notEqual(colors.badge, colors.text, 'the badge has the account\'s colour, not the text colour');
    await wb.screenshot('production-account-dashboard');
    await wb.closeEditors();

    await wb.runCommand('Ops Lens: Investigate Alarm');
    await wb.typeInQuickInput('StepFunction-Failures');
    await wb.pickQuickItem('StepFunction-Failures');
    await wb.waitForEditor(/Investigate: StepFunction-Failures/, 30000);
    const investigation = chartPage().locator('#account-badge');
    await waitFor(() => investigation.textContent(), (t) => t === 'PRODUCTION account sandbox-prod', { timeoutMs: 30000, message: 'no account badge on the investigation' });
    await wb.screenshot('production-account-investigation');
    await wb.closeEditors();
  });

  it('refuses to stop an execution in a read-only account, naming the setting', async () => {
    const wb = workbench();
    await setUserAccounts([{ profile: 'sandbox', name: 'sandbox-audit', environment: 'readOnly' }]);
    const name = `readonly-guard-${Date.now().toString(36)}`;
    const arn = await runningExecution(sfn, name);
    started.push(arn);
    await waitFor(() => wb.treeItems('Step Functions'), (items) => items.some((i) => PRODUCTION_ROOT.test(i.label) && i.description.startsWith('read-only sandbox-audit')), { timeoutMs: 30000, message: 'no read-only marking on the sandbox root' });
    await executionRow(name);

    await wb.runCommand('Ops Lens: Stop Execution…');
    await wb.typeInQuickInput(name);
    await wb.pickQuickItem(name);
    const refusal = await wb.waitForNotification(/read-only account sandbox-audit/, 15000);
    assert.match(refusal.message, /opsLens\.aws\.accounts in your user settings marks it read-only/);
    assert.equal(await wb.page.locator(DIALOG).count(), 0, 'no question asked');
    await wb.screenshot('read-only-account-refused');
    assert.equal(await statusOf(sfn, arn), 'RUNNING');
    await wb.dismissNotifications();
  });
});
