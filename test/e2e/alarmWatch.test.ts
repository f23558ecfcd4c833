import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchClient, DescribeAlarmsCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { SCENARIO_REGIONS } from '../../sandbox/scenario/constants';
import { environment, waitFor, workbench } from './harness';

/** Short, so the test sees two of them; the extension reads no more often than every 5 s. */
const INTERVAL_SECONDS = 10;
const ALARM = 'dev-rds-storage-critical';
const REGION = 'us-east-1';

function cloudWatch(region: string): CloudWatchClient {
  return new CloudWatchClient({ region, endpoint: environment().awsEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}

async function firingInSandbox(): Promise<number> {
  let n = 0;
  for (const region of SCENARIO_REGIONS) {
    const out = await cloudWatch(region).send(new DescribeAlarmsCommand({ StateValue: 'ALARM', MaxRecords: 100, AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'] }));
    n += (out.MetricAlarms?.length ?? 0) + (out.CompositeAlarms?.length ?? 0) + (out.LogAlarms?.length ?? 0);
  }
  return n;
}

/** The "what fires" item: its text (alarms first, `·`, health), and whether VS Code draws it on the error background. */
async function firingItem(): Promise<{ alarms: string; text: string; error: boolean } | undefined> {
  const wb = workbench();
  const item = (await wb.statusBarItems()).find((i) => i.id.endsWith('opsLens.alarmsFiring'));
  if (!item) return undefined;
  const className = await wb.page.locator(`.part.statusbar .statusbar-item[id$="opsLens.alarmsFiring"]`).first().getAttribute('class');
  return { alarms: item.text.split(' · ')[0], text: item.text, error: /\berror-kind\b/.test(className ?? '') };
}

describe('alarm watch: an alarm never goes unseen', () => {
  let settingsFile: string;
  let original: string;

  before(() => {
    settingsFile = path.join(environment().workspace, '.vscode', 'settings.json');
    original = fs.readFileSync(settingsFile, 'utf8');
  });

  after(async () => {
    const wb = workbench();
    await cloudWatch(REGION).send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'OK', StateReason: 'Back to normal after the watch test.' }));
    fs.writeFileSync(settingsFile, original);
    // Back to the sandbox's count before the next file's tests count alarms.
    const expected = String(await firingInSandbox());
    await wb.runCommand('Ops Lens: Refresh All Views');
    await waitFor(firingItem, (item) => item?.alarms === expected, { timeoutMs: 30000, message: 'the status bar did not return to the sandbox count' }).catch(() => undefined);
    await wb.closeEditors();
    await wb.dismissNotifications();
  });

  it('with the Explorer in front and every Ops Lens view hidden, notifies a move into ALARM (with Investigate) and counts it in the status bar within two refresh intervals', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    const settings = JSON.parse(original) as Record<string, unknown>;
    settings['opsLens.refreshIntervalSeconds'] = INTERVAL_SECONDS;
    fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
    const before = await firingInSandbox();
    await waitFor(firingItem, (item) => item?.alarms === String(before), { timeoutMs: 30000, message: 'the status bar does not count the sandbox alarms' });

    await wb.openActivity('Explorer');
    assert.deepEqual(await wb.viewTitles().then((t) => t.filter((v) => ['Alarms', 'Step Functions', 'Health', 'Logs'].includes(v))), [], 'no Ops Lens view is shown');
    await wb.dismissNotifications();
    const changed = Date.now();
    await cloudWatch(REGION).send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 datapoint [96.1] was greater than the threshold (90.0).' }));

    const deadline = 2 * INTERVAL_SECONDS * 1000;
    const notification = await wb.waitForNotification(new RegExp(`${ALARM} \\(${REGION}\\) is in ALARM`), deadline);
    assert.match(notification.message, /96\.1/);
    const toast = wb.page.locator('.notification-list-item').filter({ has: wb.page.locator('.notification-list-item-message', { hasText: ALARM }) }).first();
    const buttons = await toast.locator('.monaco-button').allTextContents();
    assert.deepEqual(buttons.map((b) => b.trim()).filter((b) => b === 'Investigate' || b === 'Open Runbook'), ['Investigate', 'Open Runbook']);
    assert.equal(await toast.locator('.monaco-button', { hasText: 'Investigate' }).first().isVisible(), true, 'Investigate is on the notification');
    const counted = await waitFor(firingItem, (item) => item?.alarms === String(before + 1), { timeoutMs: Math.max(1000, changed + deadline - Date.now()), message: 'the status bar did not count the alarm' });
    const elapsed = Date.now() - changed;
    assert.ok(elapsed <= deadline, `notified and counted ${elapsed} ms after the change (two intervals: ${deadline} ms)`);
    assert.equal(counted?.error, true, 'alarms in ALARM: the error background');
    assert.match(await wb.activityLabel('Ops Lens'), new RegExp(`^Ops Lens - ${before + 1} alarms in ALARM`), 'the activity-bar badge counts alarms in ALARM');
    assert.match(await wb.sideBarTitle(), /^explorer/i, 'the Explorer is still in front');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('alarm-watch-notification', { settle: false });

    await wb.clickNotificationButton(new RegExp(ALARM), 'Investigate');
    await wb.waitForEditor(new RegExp(`Investigate: ${ALARM}`), 30000);
    await wb.closeEditors();
  });
});
