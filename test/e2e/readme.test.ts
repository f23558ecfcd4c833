// Every image of the README, from the real extension on the sandbox: the still shots first, all from the
// same sandbox moment (nothing is changed between them, so their numbers agree), then the animation of
// the on-call path, which moves an alarm. Each shot in a light and a dark theme, cropped to its subject.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CloudWatchClient, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { readChunks } from '../support/apng';
import { chartPage, investigateFromPalette, openAlarmChart, openDashboard } from './charts';
import { environment, waitFor, workbench } from './harness';
import { ReadmeAnimation, readmeShot, restoreWorkbench, setDeviceScale } from './readmeShots';

const ALARM = 'StepFunction-Failures';
const REGION = 'us-east-1';
const GENERATE_GROUP = '/aws/lambda/databanana-GenerateFunction';
const MACHINE = 'ImageGenerationStateMachine';
const FAILED_EXECUTION = 'batch-b-42';

const part = (name: string) => workbench().page.locator(`.part.${name}`).first();
const editorPart = () => [part('editor')];
const sideBar = () => [part('activitybar'), part('sidebar')];
const wholeWindow = () => [part('activitybar'), part('sidebar'), part('editor'), part('statusbar')];

function credentials() {
  return { region: REGION, endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
}

/** The "what fires" status bar item's alarm count. */
async function firingCount(): Promise<string> {
  const item = (await workbench().statusBarItems()).find((i) => i.id.endsWith('opsLens.alarmsFiring'));
  return item?.text.split(' · ')[0] ?? '';
}

/** Width and height of a PNG, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const header = readChunks(fs.readFileSync(file)).find((c) => c.type === 'IHDR')!;
  return { width: header.data.readUInt32BE(0), height: header.data.readUInt32BE(4) };
}

/** Both themes' files exist, at twice the subject's CSS size, and differ (the dark one is not the light one again). */
function assertPair(files: string[], minWidth: number): void {
  assert.equal(files.length, 2);
  const [a, b] = files.map(pngSize);
  assert.deepEqual(a, b, 'light and dark have one size');
  assert.ok(a.width >= minWidth * 2, `${files[0]} is ${a.width} px wide: twice the subject's width at least ${minWidth * 2}`);
  assert.ok(!fs.readFileSync(files[0]).equals(fs.readFileSync(files[1])), 'the two themes differ');
}

async function sideBarOf(views: { open: readonly string[]; closed: readonly string[] }): Promise<void> {
  const wb = workbench();
  await wb.openOpsLens();
  for (const v of views.closed) await wb.collapseView(v);
  for (const v of views.open) await wb.expandView(v);
  // A clicked section header keeps a focus outline that is no part of the view.
  await wb.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('README images', () => {
  let chatWasShown = false;
  const workspaceSettings = () => path.join(environment().workspace, '.vscode', 'settings.json');
  let savedSettings = '';

  before(async () => {
    const wb = workbench();
    // The e2e workbench starts with Git off; a person's has it on, and the investigation lists the commits of its window.
    savedSettings = fs.readFileSync(workspaceSettings(), 'utf8');
    fs.writeFileSync(workspaceSettings(), JSON.stringify({ ...JSON.parse(savedSettings), 'git.enabled': true }, null, 2));
    await wb.closeQuickInput();
    await wb.closeEditors();
    await wb.dismissNotifications();
    // The Chat view takes a quarter of the window: the README shows Ops Lens.
    chatWasShown = await part('auxiliarybar').isVisible();
    if (chatWasShown) await wb.runCommand('View: Toggle Secondary Side Bar Visibility');
    await setDeviceScale(2);
  });

  after(async () => {
    const wb = workbench();
    fs.writeFileSync(workspaceSettings(), savedSettings);
    await restoreWorkbench();
    await wb.closeEditors();
    await wb.dismissNotifications();
    if (chatWasShown && !(await part('auxiliarybar').isVisible())) await wb.runCommand('View: Toggle Secondary Side Bar Visibility');
    await sideBarOf({ open: ['Alarms', 'Step Functions', 'Health', 'Logs'], closed: [] });
  });

  it('the Alarms view: alarms by state, the bell and the badge counting the same alarms', async () => {
    const wb = workbench();
    await sideBarOf({ open: ['Alarms'], closed: ['Step Functions', 'Health', 'Logs'] });
    const rows = await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    const inAlarm = Number(/\((\d+)\)/.exec(rows.find((r) => /^In alarm/.test(r.label))!.label)![1]);
    assert.ok(inAlarm >= 3, `${inAlarm} alarms in ALARM`);
    assertPair(await readmeShot('alarms', sideBar), 400);
  });

  it('the Health view: endpoints worst first, with why', async () => {
    const wb = workbench();
    await sideBarOf({ open: ['Health'], closed: ['Alarms', 'Step Functions', 'Logs'] });
    await wb.waitForTreeItem('Health', /.+/, 30000);
    assertPair(await readmeShot('health', sideBar), 400);
  });

  it('the Logs view: favorites first, then each region\'s log groups', async () => {
    const wb = workbench();
    await sideBarOf({ open: ['Logs'], closed: ['Alarms', 'Step Functions', 'Health'] });
    await wb.waitForTreeItem('Logs', GENERATE_GROUP, 30000);
    assertPair(await readmeShot('logs', sideBar), 400);
  });

  it('the investigation of an alarm beside the views: the hero image', async () => {
    await workbench().closeEditors();
    await sideBarOf({ open: ['Alarms', 'Step Functions'], closed: ['Health', 'Logs'] });
    const page = await investigateFromPalette(ALARM);
    await page.locator('.inv-chart').waitFor({ state: 'visible' });
    assertPair(await readmeShot('investigate', wholeWindow), 1400);
  });

  it('the error events of the investigation as a results document, their stack frames linked to the source', async () => {
    const wb = workbench();
    await chartPage().locator(`.inv-group[data-log-group="${GENERATE_GROUP}"] [data-action=open-errors]`).first().click();
    await wb.waitForResults(20000);
    assert.match(await wb.activeEditorText(), /generate\.ts:42/);
    assertPair(await readmeShot('insights-results', editorPart), 800);
    await wb.closeEditors();
  });

  it('the alarm details page', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.clickTreeItem('Alarms', 'dev-ecs-service-unhealthy');
    await chartPage().locator('h1', { hasText: 'dev-ecs-service-unhealthy' }).waitFor({ timeout: 15000 });
    assertPair(await readmeShot('alarm-details', editorPart), 800);
    await wb.closeEditors();
  });

  it('the alarm chart with its threshold and ALARM stretch', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await openAlarmChart('dev-ecs-service-unhealthy');
    assertPair(await readmeShot('alarm-chart', editorPart), 800);
    await wb.closeEditors();
  });

  it('a CloudWatch dashboard', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await openDashboard('dev-application-dashboard');
    assertPair(await readmeShot('dashboard', editorPart), 800);
    await wb.closeEditors();
  });

  it('a failed execution\'s graph with its failed state chosen', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await sideBarOf({ open: ['Alarms', 'Step Functions'], closed: ['Health', 'Logs'] });
    // With the state machine expanded, its executions are loaded and the palette's picker offers them.
    await wb.expandTreeItem('Step Functions', MACHINE);
    await wb.waitForTreeItem('Step Functions', FAILED_EXECUTION, 30000);
    await wb.runCommand('Ops Lens: Show Execution Graph');
    await wb.typeInQuickInput(FAILED_EXECUTION);
    await wb.pickQuickItem(FAILED_EXECUTION);
    await wb.waitForEditor(`Graph: ${FAILED_EXECUTION}`, 30000);
    const page = chartPage();
    await waitFor(async () => page.locator('body').getAttribute('data-state', { timeout: 1000 }), (s) => s === 'ready', { timeoutMs: 30000, message: 'the graph was not drawn' });
    await page.getByRole('button', { name: 'QuotaExceeded — failed (ImageGenerationFailed)' }).click();
    assertPair(await readmeShot('execution-graph', editorPart), 800);
    await wb.closeEditors();
  });

  it('a line that failed in production, marked in the editor', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await waitFor(() => wb.statusBarItems(), (items) => items.some((i) => /^\d+ production errors$/.test(i.text)), { timeoutMs: 60000, message: 'no production errors in the status bar' });
    await wb.openFile('src/handlers/generate.ts');
    await wb.goToLine(42);
    await wb.codeLensAboveCursor('production error');
    assertPair(await readmeShot('production-errors', editorPart), 800);
    await wb.closeEditors();
  });

  it('infrastructure code with the live state of what it defines, a drifted threshold flagged', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('infra/cdk/lib/monitoring-stack.ts');
    // From the top: the file fits, and no sticky scroll covers a lens.
    await wb.goToLine(1);
    await wb.page.locator('.part.editor .codelens-decoration a:visible', { hasText: 'Drift: live threshold 10, code 5' }).first().waitFor({ timeout: 30000 });
    assertPair(await readmeShot('infra-code', editorPart), 800);
    await wb.closeEditors();
  });

  it('the on-call path as an animation: the notification, Investigate, the error, the line of source', async () => {
    const wb = workbench();
    // The whole window, at the window's own scale: one animation frame is a window's worth.
    await setDeviceScale(1);
    await sideBarOf({ open: ['Alarms', 'Step Functions'], closed: ['Health', 'Logs'] });
    const cloudWatch = new CloudWatchClient(credentials());
    const logs = new CloudWatchLogsClient(credentials());
    try {
      // A fresh failure of the Generate function, as its Node.js runtime logs it, then the alarm moves.
      const stream = `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
      await logs.send(new CreateLogStreamCommand({ logGroupName: GENERATE_GROUP, logStreamName: stream }));
      const requestId = randomUUID();
      const at = Date.now();
      const stack = 'QuotaExceededError: Gemini API quota exceeded\n    at generateImages (/var/task/src/handlers/generate.ts:42:11)\n    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)';
      await logs.send(new PutLogEventsCommand({ logGroupName: GENERATE_GROUP, logStreamName: stream, logEvents: [
        { timestamp: at, message: `START RequestId: ${requestId} Version: $LATEST` },
        { timestamp: at + 1, message: `${new Date(at).toISOString()}\t${requestId}\tERROR\t${JSON.stringify({ level: 'ERROR', component: 'Generate', message: 'Gemini API quota exceeded', batchId: 'batch-b-61' })}\n${stack}` },
        { timestamp: at + 2, message: `END RequestId: ${requestId}` },
      ] }));
      const before = Number(await firingCount());
      await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'OK', StateReason: 'No failed executions in the last period.' }));
      await wb.runCommand('Ops Lens: Refresh All Views');
      await waitFor(firingCount, (n) => n === String(before - 1), { timeoutMs: 30000, message: 'the bell did not see the alarm go OK' });
      await wb.dismissNotifications();
      await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 out of the last 1 datapoints [1.0] was greater than or equal to the threshold (1.0).' }));
      await wb.runCommand('Ops Lens: Refresh All Views');
      await wb.waitForNotification(new RegExp(`${ALARM} \\(${REGION}\\) is in ALARM`), 30000);
      await waitFor(firingCount, (n) => n === String(before), { timeoutMs: 30000, message: 'the bell did not count the alarm' });

      // A toast hides some seconds after the pointer leaves it: the pointer rests on it between the two themes' frames.
      const toast = wb.page.locator('.notifications-toasts .notification-toast').filter({ hasText: ALARM }).first();
      await toast.hover();
      const animation = new ReadmeAnimation('on-call', wholeWindow);
      await animation.frame(2500, () => toast.hover());

      await wb.clickNotificationButton(new RegExp(ALARM), 'Investigate');
      await wb.waitForEditor(`Investigate: ${ALARM}`, 30000);
      const page = chartPage();
      await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: 30000 });
      const errors = page.locator(`.inv-group[data-log-group="${GENERATE_GROUP}"]`);
      await errors.waitFor({ state: 'visible' });
      await animation.frame(3000);
      await errors.scrollIntoViewIfNeeded();
      await animation.frame(2500, async () => errors.scrollIntoViewIfNeeded());

      await errors.locator('[data-action=open-errors]', { hasText: 'Gemini API quota exceeded' }).first().click();
      await wb.waitForResults(20000);
      const lines = (await wb.activeEditorText()).split('\n');
      const index = lines.findIndex((l) => l.includes('generate.ts:42'));
      assert.ok(index >= 0, 'the events show the frame at generate.ts:42');
      await wb.runCommand('Go to Line/Column...');
      await wb.typeInQuickInput(`:${index + 1}:${lines[index].indexOf('generate.ts:42') + 3}`);
      await wb.acceptQuickInput();
      await animation.frame(2500);

      await wb.runCommand('Open Link');
      await wb.waitForEditor('generate.ts', 15000);
      await wb.codeLensAboveCursor('production error');
      await animation.frame(3500);

      assert.equal(animation.count, 5);
      const files = animation.save();
      for (const file of files) assert.equal(readChunks(fs.readFileSync(file)).filter((c) => c.type === 'fcTL').length, 5, `${file} has five frames`);
    } finally {
      cloudWatch.destroy();
      logs.destroy();
    }
  });
});
