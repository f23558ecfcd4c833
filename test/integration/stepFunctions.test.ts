import { strict as assert } from 'node:assert';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { AwsSession } from '../../src/aws/session';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { AwsUserError } from '../../src/aws/errors';
import { StepFunctionsStore } from '../../src/stepFunctions/store';
import { buildTimeline } from '../../src/core/stepFunctions/timeline';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const definition = JSON.stringify({
  StartAt: 'CheckQuota',
  States: {
    CheckQuota: { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'QuotaExceeded' }, { Variable: '$.slow', BooleanEquals: true, Next: 'WaitForRender' }], Default: 'Prepare' },
    Prepare: { Type: 'Pass', Next: 'Done' },
    Done: { Type: 'Succeed' },
    WaitForRender: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
    QuotaExceeded: { Type: 'Fail', Error: 'ImageGenerationFailed', Cause: '{"errorMessage":"Gemini API quota exceeded"}' },
  },
});

async function settle(client: SFNClient, arn: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const out = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    if (out.status !== 'RUNNING') return out.status ?? '';
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'RUNNING';
}

describe('Step Functions against moto (real execution)', () => {
  let raw: SFNClient;
  let session: AwsSession;
  let api: SdkStepFunctions;
  let machineArn: string;

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    raw = new SFNClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    machineArn = (await raw.send(new CreateStateMachineCommand({ name: 'ImageGenerationStateMachine', definition, roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole' }))).stateMachineArn!;
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    api = new SdkStepFunctions(session);
  });

  afterEach(() => session.reset());

  it('lists executions newest first, page by page, with a status filter', async () => {
    for (let i = 0; i < 4; i++) {
      const { executionArn } = await api.start(asScopeId('us-east-1'), machineArn, `ok-${i}`, '{}');
      await settle(raw, executionArn);
    }
    const failed = await api.start(asScopeId('us-east-1'), machineArn, 'quota-fail', '{"fail":true}');
    assert.equal(await settle(raw, failed.executionArn), 'FAILED');
    const store = new StepFunctionsStore(api, 2);
    await store.refresh([asScopeId('us-east-1')]);
    assert.deepEqual(store.regions[0].machines.map((m) => m.name), ['ImageGenerationStateMachine']);
    await store.loadExecutions(machineArn);
    const list = store.executionsOf(machineArn)!;
    assert.equal(list.executions.length, 2);
    assert.ok(list.nextToken, 'a continuation token for "Load more…"');
    await store.loadExecutions(machineArn);
    await store.loadExecutions(machineArn);
    assert.equal(store.executionsOf(machineArn)!.executions.length, 5);
    assert.equal(store.executionsOf(machineArn)!.nextToken, undefined);
    await store.loadExecutions(machineArn, { status: 'FAILED' });
    assert.deepEqual(store.executionsOf(machineArn)!.executions.map((e) => [e.name, e.status]), [['quota-fail', 'FAILED']]);
  });

  it('does not ask Step Functions for the executions of an express state machine', async () => {
    await raw.send(new CreateStateMachineCommand({ name: 'ingest-express', type: 'EXPRESS', definition, roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole' }));
    let listed = 0;
    const counting = Object.create(api) as SdkStepFunctions;
    counting.executions = (...args: Parameters<SdkStepFunctions['executions']>) => {
      listed++;
      return api.executions(...args);
    };
    const store = new StepFunctionsStore(counting, 10);
    await store.refresh([asScopeId('us-east-1')]);
    const express = store.regions[0].machines.find((m) => m.name === 'ingest-express');
    assert.equal(express?.type, 'EXPRESS');
    assert.equal(await store.loadExecutions(express!.arn), true);
    assert.equal(listed, 0);
    assert.equal(await store.loadExecutions(machineArn), true);
    assert.equal(listed, 1);
  });

  it('reads the failed execution with its error, cause and history', async () => {
    const { executionArn } = await api.start(asScopeId('us-east-1'), machineArn, 'nightly-batch-42', '{"fail":true}');
    await settle(raw, executionArn);
    const description = await api.describeExecution(asScopeId('us-east-1'), executionArn);
    assert.equal(description.status, 'FAILED');
    const timeline = buildTimeline(await api.history(asScopeId('us-east-1'), executionArn));
    assert.equal(timeline.failure?.state, 'QuotaExceeded');
    assert.equal(timeline.failure?.error, 'ImageGenerationFailed');
    assert.match(timeline.failure?.cause ?? '', /quota exceeded/);
  });

  it('stops a running execution, which turns ABORTED', async () => {
    const { executionArn } = await api.start(asScopeId('us-east-1'), machineArn, 'long-render', '{"slow":true}');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await api.describeExecution(asScopeId('us-east-1'), executionArn)).status, 'RUNNING');
    await api.stop(asScopeId('us-east-1'), executionArn, 'stopped by on-call');
    // StopExecution is asynchronous: the status changes shortly after the call returns.
    assert.equal(await settle(raw, executionArn), 'ABORTED');
  });

  it('says a name is taken with the error code the UI turns into a suggestion', async () => {
    await raw.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'same-name', input: '{"slow":true}' }));
    await assert.rejects(api.start(asScopeId('us-east-1'), machineArn, 'same-name', '{"slow":true,"retry":1}'), (err: unknown) => {
      assert.ok(err instanceof AwsUserError);
      assert.equal(err.code, 'ExecutionAlreadyExists');
      return true;
    });
  });
});
