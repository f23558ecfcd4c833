import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { faultedCalls, lastProxiedCall, scriptFaults } from './faultControl';
import { environment, waitFor, workbench } from './harness';

const STALE = /^Stale: alarms as of \d\d:\d\d:\d\d UTC\+5:30 — refresh failed$/;

describe('faults: outages and throttling, as a user sees them', () => {
  afterEach(async () => {
    await scriptFaults([]);
    await workbench().dismissNotifications();
  });

  it('keeps the Alarms tree during an outage of us-east-1, marked stale, with one message, and shows it fresh after', async function () {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openOpsLens();
    const before = await wb.waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000);
    const alarmsBefore = before.filter((r) => r.depth === 3).map((r) => r.label);
    assert.ok(alarmsBefore.includes('dev-ecs-service-unhealthy'), alarmsBefore.join(', '));

    const since = await lastProxiedCall();
    await scriptFaults([{ fault: 'unavailable', service: 'cloudwatch', operation: 'DescribeAlarms', region: 'us-east-1' }]);
    await wb.runCommand('Ops Lens: Refresh All Views');
    const stale = await waitFor(() => wb.treeItems('Alarms'), (rows) => rows.some((r) => STALE.test(r.label)), { timeoutMs: 30000, message: 'no stale row in the Alarms tree' });
    const east = stale.find((r) => r.label === 'us-east-1')!;
    assert.match(east.description, /stale since \d\d:\d\d UTC\+5:30 — CloudWatch had a temporary failure in us-east-1/, 'the region says since when and why');
    assert.equal(stale.find((r) => r.label === 'eu-north-1')?.description.includes('stale'), false, 'the other region is fresh');
    assert.ok(stale.some((r) => r.label === 'dev-ecs-service-unhealthy'), 'the last good alarms are still listed');
    const row = stale.find((r) => STALE.test(r.label))!;
    assert.match(row.ariaLabel, /CloudWatch had a temporary failure in us-east-1 \(ServiceUnavailable\)/);
    await wb.waitForNotification('Alarms of us-east-1 could not be refreshed', 20000);
    await wb.screenshot('faults-alarms-stale');

    await wb.runCommand('Ops Lens: Refresh All Views');
    await waitFor(() => faultedCalls('DescribeAlarms', since), (n) => n >= 6, { timeoutMs: 20000, message: 'the second refresh did not reach the endpoint' });
    await scriptFaults([]);
    await wb.runCommand('Ops Lens: Refresh All Views');
    const fresh = await waitFor(() => wb.treeItems('Alarms'), (rows) => !rows.some((r) => STALE.test(r.label)) && rows.some((r) => r.label === 'us-east-1' && !r.description.includes('stale')), { timeoutMs: 30000, message: 'the Alarms tree did not recover' });
    assert.deepEqual(fresh.filter((r) => r.depth === 3).map((r) => r.label), alarmsBefore, 'the same alarms, fresh');
    await wb.dismissNotifications();
    await wb.screenshot('faults-alarms-fresh');

    const mine = (await wb.recordedNotifications()).filter((n) => n.test === this.test?.fullTitle());
    assert.deepEqual(mine.filter((n) => /could not be refreshed/.test(n.message)).length, 1, 'one message for the outage, not one per refresh');
    assert.deepEqual(mine.filter((n) => /is in ALARM|moved into ALARM/.test(n.message)), [], 'no alarm "moved into ALARM" because it reappeared');
  });

  it('completes a Logs Insights query whose GetQueryResults polls are throttled', async function () {
    const wb = workbench();
    const file = path.join(environment().workspace, 'queries', 'throttled-errors.insights');
    fs.writeFileSync(file, '# name: Errors through throttling\n# logGroups: /aws/lambda/databanana-GenerateFunction\n# range: 3h\nfields @timestamp, @message\n| filter @message like /ERROR/\n| limit 5\n');
    try {
      // Four throttled answers: every SDK attempt of the first poll, and the first of the next.
      const since = await lastProxiedCall();
      await scriptFaults([{ fault: 'throttle', service: 'logs', operation: 'GetQueryResults', times: 4 }]);
      await wb.openFile('queries/throttled-errors.insights');
      await wb.runCommand('Ops Lens: Run Logs Insights Query in Editor');
      await wb.waitForEditor(/Errors through throttling/, 60000);
      const text = await wb.activeEditorText();
      assert.match(text, /Status:\s+Complete/);
      assert.equal(await faultedCalls('GetQueryResults', since), 4, 'the polls were throttled');
      const mine = (await wb.recordedNotifications()).filter((n) => n.test === this.test?.fullTitle());
      assert.deepEqual(mine.filter((n) => /Could not run|failed|ended as/.test(n.message)), [], 'never reported as failed');
      await wb.screenshot('faults-insights-throttled');
    } finally {
      await wb.closeEditors();
      fs.rmSync(file, { force: true });
    }
  });
});
