import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useBothAccounts } from '../../sandbox/workspace';
import { STAGING_ALARMS, STAGING_STATE_MACHINE } from '../../sandbox/scenario/staging';
import { environment, waitFor, workbench } from './harness';

describe('AWS accounts side by side', () => {
  let settingsFile: string;
  let original: string;

  before(() => {
    settingsFile = path.join(environment().workspace, '.vscode', 'settings.json');
    original = fs.readFileSync(settingsFile, 'utf8');
  });

  after(async () => {
    // Back to the single profile the other tests expect.
    fs.writeFileSync(settingsFile, original);
    await workbench().waitForTreeItem('Alarms', /^In alarm \(\d+\)$/, 30000).catch(() => undefined);
  });

  it('with two profiles, each account under its own roots in Alarms and Step Functions, and the status bar per account', async () => {
    const wb = workbench();
    await wb.openOpsLens();
    useBothAccounts(environment().workspace);
    const rows = await wb.waitForTreeItem('Alarms', 'staging · us-east-1', 30000);
    const labels = rows.map((r) => r.label);
    assert.ok(labels.includes('sandbox · us-east-1') && labels.includes('sandbox · eu-north-1'), `roots: ${labels.join(' | ')}`);
    // The regions setting applies to every profile: each profile's roots, in profile order.
    assert.deepEqual(rows.filter((r) => r.depth === 1 && / · /.test(r.label)).map((r) => r.label), ['sandbox · us-east-1', 'sandbox · eu-north-1', 'staging · us-east-1', 'staging · eu-north-1']);
    const firingStaging = STAGING_ALARMS.filter((a) => a.state === 'ALARM').length;
    await wb.waitForTreeItem('Alarms', STAGING_ALARMS.find((a) => a.state === 'ALARM')!.name, 30000);
    const bell = await waitFor(
      async () => (await wb.statusBarItems()).find((i) => i.id.endsWith('opsLens.alarmsFiring')),
      (item) => !!item && /staging/.test(item.text),
      { timeoutMs: 20000, message: 'no per-account alarm summary in the status bar' },
    );
    assert.match(bell!.text, new RegExp(`sandbox \\d+ in alarm · staging ${firingStaging} in alarm`));
    await wb.screenshot('accounts-alarms-two-profiles');

    const machines = await wb.waitForTreeItem('Step Functions', STAGING_STATE_MACHINE, 30000);
    const roots = machines.filter((r) => r.depth === 1).map((r) => r.label);
    assert.ok(roots.includes('staging · us-east-1') && roots.includes('sandbox · us-east-1'), `roots: ${roots.join(' | ')}`);
    const stagingAt = machines.findIndex((r) => r.label === 'staging · us-east-1');
    assert.ok(machines.findIndex((r) => r.label === STAGING_STATE_MACHINE) > stagingAt, 'the staging machine sits under the staging root');
    await wb.screenshot('accounts-step-functions-two-profiles');
  });
});
