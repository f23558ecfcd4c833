import * as assert from 'node:assert/strict';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { sandboxClientConfig } from '../../sandbox/awsClients';
import { environment, waitFor, workbench } from './harness';

/** The lens's words for an alarm's state as CloudWatch has it now (an earlier test may have changed it). */
async function liveStateWords(name: string): Promise<string> {
  const cw = new CloudWatchClient(sandboxClientConfig(environment().awsEndpoint, 'us-east-1'));
  try {
    const state = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0]?.StateValue;
    return state === 'ALARM' ? 'In alarm since' : state === 'OK' ? 'OK since' : 'Insufficient data since';
  } finally {
    cw.destroy();
  }
}

const ENTRY = 'Go to Definition in Infrastructure Code';

async function cursorLine(): Promise<number> {
  const items = await waitFor(() => workbench().statusBarItems(), (list) => list.some((i) => /Ln \d+, Col \d+/.test(i.text)), { message: 'no cursor position in the status bar' });
  return Number(/Ln (\d+)/.exec(items.find((i) => /Ln \d+/.test(i.text))!.text)![1]);
}

/** Right-clicks a row, picks Go to Definition, and waits for the file it opens; a swallowed pick is tried again. */
async function goToDefinition(view: string, row: string, file: string): Promise<number> {
  const wb = workbench();
  for (let attempt = 1; ; attempt++) {
    const entries = await wb.treeItemContextMenu(view, row);
    assert.ok(entries.includes(ENTRY), `the context menu of ${row} offers ${ENTRY}: ${entries.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 300));
    await wb.pickContextMenuItem(ENTRY);
    try {
      await wb.waitForEditor(file, 30000);
      return await cursorLine();
    } catch (err) {
      if (attempt === 3) throw err;
      await wb.page.keyboard.press('Escape');
    }
  }
}

/** The text of the lens with this title closest above `line` of the open file. */
async function lensAbove(line: number, title: string): Promise<string> {
  const wb = workbench();
  await wb.goToLine(line);
  const lens = await wb.codeLensAboveCursor(title);
  return ((await lens.textContent()) ?? '').trim();
}

describe('infrastructure code: from a live resource to its definition, and back', () => {
  afterEach(async () => {
    await workbench().dismissNotifications();
  });

  it('opens the CDK construct of an alarm CloudFormation named, through its stack and the synthesized template', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openOpsLens();
    await wb.waitForTreeItem('Alarms', 'API-High-Errors', 30000);
    assert.equal(await goToDefinition('Alarms', 'API-High-Errors', 'monitoring-stack.ts'), 30);
    await wb.screenshot('infra-code-go-to-cdk');
  });

  it('opens the Terraform resource of an alarm named in the code', async () => {
    const wb = workbench();
    await wb.closeEditors();
    assert.equal(await goToDefinition('Alarms', 'dev-ecs-service-unhealthy', 'main.tf'), 18);
  });

  it('opens the SAM resource of the state machine', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.waitForTreeItem('Step Functions', 'ImageGenerationStateMachine', 30000);
    assert.equal(await goToDefinition('Step Functions', 'ImageGenerationStateMachine', 'template.yaml'), 36);
    await wb.screenshot('infra-code-go-to-sam');
  });

  it('shows each CDK alarm’s live state, and flags the threshold changed in the console', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('infra/cdk/lib/monitoring-stack.ts');
    assert.match(await lensAbove(31, 'In alarm since'), /^In alarm since \d\d:\d\d UTC|^In alarm since \d{4}-/);
    assert.equal(await lensAbove(31, 'Drift'), 'Drift: live threshold 10, code 5');
    assert.ok(await lensAbove(31, 'Investigate'));
    assert.ok(await lensAbove(31, 'Chart'));
    // StepFunction-Failures agrees with its code: no drift lens between its line and the next construct.
    const drifts = await wb.page.locator('.codelens-decoration a', { hasText: 'Drift' }).count();
    assert.equal(drifts, 1, 'only the drifted alarm is flagged');
    await wb.parkPointer();
    await wb.screenshot('infra-code-cdk-lenses');
  });

  it('shows the Terraform alarm, log group and dashboard live', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('infra/terraform/main.tf');
    assert.match(await lensAbove(14, 'stored'), /^\d+(\.\d)? (B|KB|MB) stored, kept 7 days$/);
    assert.match(await lensAbove(19, 'In alarm since'), /In alarm since/);
    const rdsCpu = await liveStateWords('dev-rds-cpu-critical');
    assert.ok((await lensAbove(39, rdsCpu)).includes(rdsCpu));
    assert.match(await lensAbove(57, 'Dashboard'), /Dashboard dev-application-dashboard: Open/);
    await wb.parkPointer();
    await wb.screenshot('infra-code-terraform-lenses');
  });

  it('shows the SAM state machine’s recent executions and failures, and its functions’ log groups', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('infra/sam/template.yaml');
    assert.match(await lensAbove(37, 'recent execution'), /\d+\+? recent executions?, (\d+ failed|none failed)/);
    assert.ok(await lensAbove(37, 'Show'), 'Show Graph or Show Execution');
    assert.match(await lensAbove(12, 'stored'), /stored, kept 30 days/);
    assert.match(await lensAbove(31, 'stored'), /stored, kept 30 days/);
    await wb.parkPointer();
    await wb.screenshot('infra-code-sam-lenses');
  });

  it('clicking the drift lens’s Investigate opens the alarm’s investigation', async () => {
    const wb = workbench();
    await wb.closeEditors();
    await wb.openFile('infra/cdk/lib/monitoring-stack.ts');
    await wb.goToLine(31);
    await (await wb.codeLensAboveCursor('Investigate')).click();
    await wb.waitForEditor(/API-High-Errors/, 60000);
  });
});
