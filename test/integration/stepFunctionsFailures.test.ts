import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { asScopeId } from '../../src/core/scope';
import { groupFailures } from '../../src/core/stepFunctions/triage';
import { ExecutionChildrenStore } from '../../src/stepFunctions/executionChildren';
import { readFailedTaskLogs } from '../../src/stepFunctions/taskLogs';
import { readFailures } from '../../src/stepFunctions/triageRead';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { seedThumbnailBatch, type ThumbnailBatchSeedResult } from '../../sandbox/seeders/thumbnailBatch';
import { awsEndpoint, testEnv } from './setup';

const region = asScopeId('us-east-1');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Step Functions failures through the product’s seams (stand-in): Map runs, a failed task’s logs, triage, redrive', () => {
  let session: AwsSession;
  let api: SdkStepFunctions;
  let logs: SdkLogs;
  let seeded: ThumbnailBatchSeedResult;

  before(async function () {
    this.timeout(90_000);
    await resetMoto(awsEndpoint());
    Object.assign(process.env, testEnv);
    const clients = sandboxClients(awsEndpoint());
    seeded = await seedThumbnailBatch(clients).finally(() => clients.destroy());
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    api = new SdkStepFunctions(session);
    logs = new SdkLogs(session);
  });

  after(() => session.reset());

  it('lists under the execution its Map run (items by status, tolerance) and the execution it started; the failed item first', async () => {
    const children = new ExecutionChildrenStore(api);
    await children.loadChildren({ arn: seeded.executionArn, region });
    const found = children.childrenOf(seeded.executionArn)!;
    assert.equal(found.error, undefined);
    assert.equal(found.mapRuns.length, 1);
    const [run] = found.mapRuns;
    assert.deepEqual([run.label, run.status, run.items.total, run.items.failed, run.toleratedFailureCount, run.toleratedFailurePercentage], ['ResizeImages', 'FAILED', 4, 1, 0, 0]);
    assert.deepEqual(found.started.map((e) => [e.stateMachineArn.split(':').pop(), e.status]), [['ThumbnailAnnounceStateMachine', 'SUCCEEDED']]);
    assert.deepEqual(found.inlineMaps, []);

    await children.loadItems(run);
    const items = children.itemsOf(run.mapRunArn)!.executions;
    assert.equal(items[0].status, 'FAILED');
    assert.ok(items.slice(1).every((e) => e.status !== 'FAILED'));
    const failedItem = await api.describeExecution(region, items[0].arn);
    assert.deepEqual([failedItem.error, JSON.parse(failedItem.input ?? '{}').key], ['CorruptImageError', 'b-42/0003.png']);
  });

  it('opens the failed item’s Lambda invocation: START to REPORT of one request, with the stack frame into the workspace source', async () => {
    const children = new ExecutionChildrenStore(api);
    await children.loadChildren({ arn: seeded.executionArn, region });
    const [run] = children.childrenOf(seeded.executionArn)!.mapRuns;
    await children.loadItems(run);
    const failedItem = children.itemsOf(run.mapRunArn)!.executions[0];

    const read = await readFailedTaskLogs(api, logs, failedItem.arn, region);
    assert.equal(read.kind, 'events', read.kind === 'message' ? read.text : '');
    if (read.kind !== 'events') return;
    assert.deepEqual(read.logGroups, ['/aws/lambda/thumbnails-ResizeFunction']);
    const messages = read.events.map((e) => e.message ?? '');
    const requestId = /^START RequestId: (\S+)/.exec(messages[0])?.[1];
    assert.ok(requestId, messages[0]);
    assert.match(messages.at(-1) ?? '', new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: `));
    assert.ok(messages.includes(`END RequestId: ${requestId}`));
    assert.ok(messages.slice(1, -2).every((m) => m.includes(`\t${requestId}\t`)), 'only this invocation’s lines');
    const frame = messages.find((m) => m.includes('CorruptImageError: cannot decode PNG b-42/0003.png'));
    assert.match(frame ?? '', /at readHeader \(\/var\/task\/src\/handlers\/resize\.ts:18:11\)/);
    const source = fs.readFileSync(path.join(__dirname, '../../sandbox/workspace/src/handlers/resize.ts'), 'utf8').split('\n');
    assert.match(source[17], /throw new CorruptImageError/, 'the frame points at the line that throws');
  });

  it('triages the range: one group at the failing Map state, and it can be redriven', async () => {
    const window = { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 60_000) };
    const progress: number[] = [];
    const read = await readFailures(api, region, seeded.stateMachineArn, window, { onProgress: (p) => progress.push(p.read) });
    assert.equal(read.truncated, false);
    const groups = groupFailures(read.failures);
    assert.deepEqual(groups.map((g) => [g.state, g.error, g.count]), [['ResizeImages', 'States.ExceedToleratedFailureThreshold', 1]]);
    assert.ok(progress.includes(1));
    const empty = await readFailures(api, region, seeded.stateMachineArn, { start: new Date(Date.now() - 7_200_000), end: new Date(Date.now() - 3_600_000) });
    assert.deepEqual(empty.failures, []);
  });

  it('triages executions moto runs too: their history read newest first names the Fail state they ended in', async () => {
    const sfn = new SFNClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const definition = { StartAt: 'Validate', States: { Validate: { Type: 'Pass', Next: 'Route' }, Route: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Reject' }, Done: { Type: 'Succeed' }, Reject: { Type: 'Fail', Error: 'Batch.Invalid', Cause: 'no images' } } };
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'triage-moto', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole' }));
    for (const name of ['bad-1', 'bad-2']) {
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{"ok":false}' }));
      for (let i = 0; i < 50 && (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status === 'RUNNING'; i++) await sleep(100);
    }
    sfn.destroy();
    const tail = await api.historyTail(region, `${stateMachineArn!.replace(':stateMachine:', ':execution:')}:bad-1`, 3);
    assert.deepEqual(tail.map((e) => e.type), ['ExecutionFailed', 'FailStateEntered', 'ChoiceStateExited']);
    const read = await readFailures(api, region, stateMachineArn!, { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 60_000) });
    assert.deepEqual(groupFailures(read.failures).map((g) => [g.state, g.error, g.cause, g.count]), [['Reject', 'Batch.Invalid', 'no images', 2]]);
  });

  it('redrives the execution from its failed Map state: the states before it do not run again', async () => {
    const { redriveDate } = await api.redrive(region, seeded.executionArn);
    for (let i = 0; i < 200 && (await api.describeExecution(region, seeded.executionArn)).status === 'RUNNING'; i++) await sleep(100);
    const events = await api.history(region, seeded.executionArn);
    const entered = (name: string) => events.filter((e) => e.stateEnteredEventDetails?.name === name).length;
    assert.deepEqual(['Prepare', 'AnnounceBatch', 'ResizeImages'].map(entered), [1, 1, 2]);
    const redriven = events.findIndex((e) => e.type === 'ExecutionRedriven');
    assert.equal(events[redriven + 1]?.stateEnteredEventDetails?.name, 'ResizeImages');
    const [listed] = (await api.executions(region, seeded.stateMachineArn, {})).executions;
    assert.deepEqual([listed.redriveCount, listed.redriveDate?.getTime()], [1, redriveDate?.getTime()]);
    const again = await readFailures(api, region, seeded.stateMachineArn, { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 60_000) });
    assert.deepEqual(again.failures.map((f) => f.redriveCount), [1], 'a redriven execution is no longer eligible');
  });
});
