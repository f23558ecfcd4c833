import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudWatchClient, DisableAlarmActionsCommand, EnableAlarmActionsCommand } from '@aws-sdk/client-cloudwatch';
import type { FrameLocator } from 'playwright-core';
import { sandboxClientConfig } from '../../sandbox/awsClients';
import { DEPLOY_ROLE, DEPLOY_SESSION, DEVELOPER_USER } from '../../sandbox/standin/cloudTrail/identities';
import { WORKSPACE_COMMITS } from '../../sandbox/workspaceHistory';
import { chartPage, investigateFromPalette } from './charts';
import { environment, waitFor, workbench } from './harness';

const ALARM = 'StepFunction-Failures';
const inside = WORKSPACE_COMMITS.find((c) => c.minutesAgo < 30)!;
const outside = WORKSPACE_COMMITS.find((c) => c.minutesAgo >= 3 * 60 && c.minutesAgo < 24 * 60)!;

async function rows(page: FrameLocator): Promise<string[]> {
  return page.locator('#aws-changes tbody tr').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-event')} ${Array.from(tr.querySelectorAll('td')).slice(1, 4).map((td) => td.textContent).join(' | ')}`));
}

describe('what changed before an alarm fired', () => {
  const settingsFile = () => path.join(environment().workspace, '.vscode', 'settings.json');
  let saved: string;

  before(async () => {
    saved = fs.readFileSync(settingsFile(), 'utf8');
    // The e2e workbench starts with Git off; this test reads the workspace's repository through it.
    fs.writeFileSync(settingsFile(), JSON.stringify({ ...JSON.parse(saved), 'git.enabled': true }, null, 2));
    await workbench().closeEditors();
  });

  after(async () => {
    fs.writeFileSync(settingsFile(), saved);
    await workbench().closeEditors();
  });

  it('lists the deploy and the commit of the window, not the commit before it, and calls out the deploy', async () => {
    const page = await investigateFromPalette(ALARM, 60000);
    const statuses = await page.locator('#parts li').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-part')}=${i.getAttribute('data-status')}`));
    assert.ok(statuses.includes('changes=done') && statuses.includes('commits=done'), statuses.join(', '));
    assert.equal(await page.locator('#aws-changes .inv-part-failed').count(), 0, 'every lookup was read (none throttled)');
    assert.match((await page.locator('#commits h3').textContent()) ?? '', /^In workspace: /);

    const aws = await rows(page);
    assert.ok(aws.some((r) => r === `UpdateStateMachine state machine definition updated | ImageGenerationStateMachine | ${DEPLOY_ROLE}/${DEPLOY_SESSION}`), aws.join('\n'));

    const commits = await page.locator('#commits li').evaluateAll((items) => items.map((i) => i.textContent ?? ''));
    assert.ok(commits.some((c) => c.includes(inside.subject) && c.includes(inside.author)), commits.join('\n'));
    assert.ok(!commits.some((c) => c.includes(outside.subject)), 'the commit of three hours before is outside the window');

    const latest = page.locator('#latest-change');
    assert.equal(await latest.getAttribute('data-source'), 'aws');
    assert.match((await latest.textContent()) ?? '', new RegExp(`state machine definition updated: ImageGenerationStateMachine by ${DEPLOY_ROLE}/${DEPLOY_SESSION}`));
    // On the time axis: one mark per change, the latest before the alarm marked.
    const marks = await page.locator('.inv-lane[data-lane=changes] .inv-mark').count();
    assert.ok(marks >= 2, `${marks} marks on the changes lane`);
    assert.equal(await page.locator('.inv-lane[data-lane=changes] .change-latest').count(), 1);
    await page.locator('#changes').scrollIntoViewIfNeeded();
    await workbench().screenshot('investigate-changes');
  });

  it("lists the alarm's own configuration change made through the API, by who made it", async () => {
    const cw = new CloudWatchClient(sandboxClientConfig(environment().awsEndpoint, 'us-east-1'));
    await cw.send(new DisableAlarmActionsCommand({ AlarmNames: [ALARM] }));
    await cw.send(new EnableAlarmActionsCommand({ AlarmNames: [ALARM] }));
    cw.destroy();
    const page = chartPage();
    await page.locator('#after').fill('24h');
    await page.locator('[data-action=rerun]').click();
    const aws = await waitFor(() => rows(page), (r) => r.some((row) => row.startsWith('EnableAlarmActions')), { timeoutMs: 60000, message: 'the alarm actions change is not listed' });
    assert.ok(aws.some((r) => r === `DisableAlarmActions alarm actions switched | ${ALARM} | ${DEVELOPER_USER}`), aws.join('\n'));
  });

  it("opens a commit's changes from the panel", async () => {
    const page = chartPage();
    await page.locator('#commits [data-action=open-commit]').first().click();
    await workbench().waitForEditor(new RegExp(inside.subject.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 30000);
    await workbench().screenshot('investigate-commit-diff');
  });
});
