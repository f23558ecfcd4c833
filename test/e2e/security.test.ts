import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchClient, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import type { BrowserContext } from 'playwright-core';
import { installExtension, startCodeServer, type RunningCodeServer } from '../../sandbox/codeServer';
import { REPO_ROOT } from '../support/environment';
import { scriptFaults } from './faultControl';
import { Workbench, environment, waitFor, workbench } from './harness';

/** An alarm of the sandbox that is OK, so moving it into ALARM notifies. */
const HOSTILE_ALARM = 'dev-redis-memory-warning';
const INJECTED = '[Open runbook](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20injected%5Cn%22%7D)';
const SHOW_DETAILS = '[Show details](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20injected%5Cn%22%7D)';
const HOSTILE_REASON = `Threshold Crossed: 2 datapoints [91.2, 93.8] were greater than the threshold (80.0). ${INJECTED}`;

function cloudWatch(): CloudWatchClient {
  return new CloudWatchClient({ region: 'us-east-1', endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}

/** Clicks Refresh on the Alarms view and returns how long until the workbench is idle again. */
async function refreshAlarms(wb: Workbench): Promise<number> {
  const started = Date.now();
  await wb.clickViewAction('Alarms', 'Refresh');
  await wb.waitForIdle(60000);
  return Date.now() - started;
}

describe('security: outside text never runs anything or freezes the editor', () => {
  after(async () => {
    await cloudWatch().send(new SetAlarmStateCommand({ AlarmName: HOSTILE_ALARM, StateValue: 'OK', StateReason: 'Back to normal after the security test.' })).catch(() => undefined);
  });

  it('an alarm whose state reason carries a command: link notifies without any link', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    await wb.dismissNotifications();
    await cloudWatch().send(new SetAlarmStateCommand({ AlarmName: HOSTILE_ALARM, StateValue: 'ALARM', StateReason: HOSTILE_REASON }));
    await wb.clickViewAction('Alarms', 'Refresh');
    const notification = await wb.waitForNotification(new RegExp(`${HOSTILE_ALARM} .*is in ALARM`), 30000);
    assert.match(notification.message, /\[Open runbook\] \(command:workbench\.action\.terminal\.sendSequence/, 'the reason is shown as text');
    const toast = wb.page.locator('.notification-list-item').filter({ has: wb.page.locator('.notification-list-item-message', { hasText: HOSTILE_ALARM }) }).first();
    assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, 'no link in the message');
    // The toast slides in: photograph it once it is still.
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('security-command-link-notification', { settle: false });
    await wb.dismissNotifications();
  });

  it('a saved query whose name carries a command: link runs under a progress notification without any link', async () => {
    const wb = workbench();
    const file = path.join(environment().workspace, 'queries', 'hostile-name.insights');
    fs.writeFileSync(file, `# name: Latency ${SHOW_DETAILS}\n# logGroups: /aws/lambda/databanana-GenerateFunction\n# range: 3h\nfields @timestamp, @message\n| limit 5\n`);
    try {
      await wb.dismissNotifications();
      // Slow answers keep the progress notification up long enough to read it, as a long query would.
      await scriptFaults([{ fault: 'latency', service: 'logs', operation: 'GetQueryResults', delayMs: 5000, times: 2 }]);
      await wb.openFile('queries/hostile-name.insights');
      await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
      const progress = await wb.waitForNotification(/^Logs Insights: Latency/, 20000);
      assert.match(progress.message, /\[Show details\] \(command:workbench\.action\.terminal\.sendSequence/, 'the name is shown as text');
      const toast = wb.page.locator('.notifications-toasts .notification-list-item').filter({ has: wb.page.locator('.notification-list-item-message', { hasText: 'Logs Insights: Latency' }) }).first();
      assert.equal(await toast.locator('.notification-list-item-message a').count(), 0, 'no link in the progress notification');
      await wb.page.waitForTimeout(1000);
      assert.equal(await toast.isVisible(), true, 'the query was still running when photographed');
      await wb.screenshot('security-command-link-progress', { settle: false });
      await wb.waitForEditor(/Latency/, 60000);
    } finally {
      await scriptFaults([]);
      await wb.closeEditors();
      await wb.dismissNotifications();
      fs.rmSync(file, { force: true });
    }
  });

  it('a workspace README with the pathological heading leaves the views responsive', async function () {
    this.timeout(180000);
    const wb = workbench();
    // `# a` + spaces + `x` backtracked cubically: 16 KB of spaces took about 8 minutes per line.
    const line = `# a${' '.repeat(16 * 1024)}x`;
    const file = path.join(environment().workspace, 'HOSTILE-README.md');
    fs.writeFileSync(file, `${Array.from({ length: 20 }, () => line).join('\n\n')}\n`);
    try {
      const usual = await refreshAlarms(wb);
      // Opening it runs the markdown query-block scan; the runbook search reads every markdown file.
      await wb.openFile('HOSTILE-README.md');
      await wb.runCommand('Ops Lens: Open Runbook');
      await wb.typeInQuickInput(HOSTILE_ALARM);
      await wb.pickQuickItem(HOSTILE_ALARM);
      await wb.waitForEditor('MONITORING.md', 30000);
      const after = await refreshAlarms(wb);
      assert.ok(after < Math.max(10000, usual * 3), `the Alarms view refreshed in ${after} ms (usually ${usual} ms)`);
      await wb.waitForTreeItem('Alarms', HOSTILE_ALARM, 20000);
    } finally {
      fs.rmSync(file, { force: true });
      await wb.closeEditors();
    }
  });

  it('a README ending in an unclosed query fence and 200,000 blank lines opens, shows its lens, and leaves the views responsive', async function () {
    this.timeout(180000);
    const wb = workbench();
    // Each blank line in the fence restarted a multiline `^\s*` scan to the end: 160 K of them took 15 s.
    const file = path.join(environment().workspace, 'HOSTILE-FENCE.md');
    fs.writeFileSync(file, `# Errors runbook\n\n\`\`\`\nfields @timestamp, @message\n| filter @message like /ERROR/\n\`\`\`\n\n## Notes\n\n\`\`\`\n${'\n'.repeat(200_000)}`);
    try {
      const usual = await refreshAlarms(wb);
      await wb.openFile('HOSTILE-FENCE.md');
      await wb.page.locator('.part.editor .codelens-decoration a', { hasText: 'Run in Logs Insights' }).first().waitFor({ timeout: 30000 });
      await wb.screenshot('security-unclosed-fence-readme');
      const after = await refreshAlarms(wb);
      assert.ok(after < Math.max(10000, usual * 3), `the Alarms view refreshed in ${after} ms (usually ${usual} ms)`);
      await wb.waitForTreeItem('Alarms', HOSTILE_ALARM, 20000);
    } finally {
      fs.rmSync(file, { force: true });
      await wb.closeEditors();
    }
  });

  it("Run in Logs Insights on a dashboard's log widget runs that widget's query", async () => {
    const wb = workbench();
    await wb.runCommand('Ops Lens: Open CloudWatch Dashboard…');
    await wb.typeInQuickInput('Enterprise-Avatar-System-Monitor');
    await wb.pickQuickItem('Enterprise-Avatar-System-Monitor');
    await wb.waitForEditor('Dashboard: Enterprise-Avatar-System-Monitor', 30000);
    const page = wb.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
    await waitFor(async () => page.locator('body').getAttribute('data-state', { timeout: 1000 }), (state) => state === 'ready', { timeoutMs: 30000, message: 'the dashboard did not draw' });
    await page.locator('section[data-widget-title="Upload success rate"] [data-action=run-log-query]').click();
    await wb.waitForEditor(/Upload success rate/, 30000);
    const text = await wb.activeEditorText();
    assert.match(text, /filter operation = "avatar_upload"/, 'the widget\'s own query ran');
    await wb.closeEditors();
  });
});

describe('security: an untrusted workspace cannot choose the profile or the runbooks', function () {
  this.timeout(300000);
  let dir: string;
  let codeServer: RunningCodeServer | undefined;
  let context: BrowserContext | undefined;
  let untrusted: Workbench;

  before(async function () {
    this.timeout(300000);
    const env = environment();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-untrusted-'));
    // A cloned repository: the sandbox's files, and settings that would pick a production profile
    // and send every runbook to the repository's own site.
    const workspace = path.join(dir, 'cloned-repo');
    fs.cpSync(env.workspace, workspace, { recursive: true });
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(settingsFile, JSON.stringify({
      ...settings,
      'opsLens.aws.profile': 'production-admin',
      'opsLens.runbooks': [{ alarm: '*', target: 'https://runbooks.attacker.example/steal' }],
    }, null, 2));
    const extensionsDir = path.join(dir, 'extensions');
    // The release build the main run packed (dist/ in the repository), installed as-is.
    installExtension(REPO_ROOT, extensionsDir);
    codeServer = await startCodeServer({
      workspace,
      extensionsDir,
      userDataDir: path.join(dir, 'user-data'),
      env: env.env,
      unsetEnvPrefixes: ['AWS_'],
      trustWorkspace: false,
    });
    const browser = workbench().page.context().browser();
    assert.ok(browser, 'the e2e browser');
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(15000);
    untrusted = new Workbench(await context.newPage(), codeServer.workbenchUrl);
    await untrusted.open();
    await untrusted.setSideBarWidth(460);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await codeServer?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ignores the workspace profile and runbook mapping, and the Alarms view says why', async () => {
    await untrusted.openOpsLens();
    const rows = await untrusted.waitForTreeItem('Alarms', 'Restricted Mode: workspace settings ignored', 30000);
    const notice = rows.find((r) => r.label === 'Restricted Mode: workspace settings ignored')!;
    assert.match(notice.description, /aws\.profile/);
    assert.match(notice.description, /runbooks/);
    // The profile the repository named does not exist: alarms load only because it is not used.
    await untrusted.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    const session = (await untrusted.statusBarItems()).find((i) => / @ /.test(i.text));
    assert.ok(session && !/production-admin/.test(session.text), `status bar: ${session?.text}`);
    await untrusted.screenshot('security-restricted-mode-alarms');

    // The mapping `*` → the repository's site is not used: the runbook found is the workspace heading.
    let popup = false;
    untrusted.page.context().on('page', () => (popup = true));
    await untrusted.runCommand('Ops Lens: Open Runbook');
    await untrusted.typeInQuickInput('dev-ecs-service-unhealthy');
    await untrusted.pickQuickItem('dev-ecs-service-unhealthy');
    await untrusted.waitForEditor('MONITORING.md', 30000);
    const dialogs = await untrusted.page.locator('.monaco-dialog-box').allTextContents();
    assert.ok(!dialogs.some((d) => /attacker\.example/.test(d)), `a dialog offered the repository's link: ${dialogs.join(' | ')}`);
    assert.equal(popup, false, 'nothing opened in the browser');
    await waitFor(async () => untrusted.activeEditorTitle(), (t) => /MONITORING\.md/.test(t));
  });
});
