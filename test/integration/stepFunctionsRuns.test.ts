import { strict as assert } from 'node:assert';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  DescribeStateMachineForExecutionCommand,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { seedThumbnailBatch } from '../../sandbox/seeders/thumbnailBatch';
import { awsEndpoint, testEnv } from './setup';

const ROLE = 'arn:aws:iam::123456789012:role/StepFunctionsRole';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const checkItem = {
  StartAt: 'CheckItem',
  States: {
    CheckItem: { Type: 'Choice', Choices: [{ Variable: '$.broken', BooleanEquals: true, Next: 'RejectItem' }], Default: 'ItemDone' },
    ItemDone: { Type: 'Pass', Result: 'resized', End: true },
    RejectItem: { Type: 'Fail', Error: 'Thumbnail.Corrupt', Cause: 'the image could not be decoded' },
  },
};

function distributedMap(extra: Record<string, unknown>): string {
  return JSON.stringify({
    StartAt: 'ListImages',
    States: {
      ListImages: { Type: 'Pass', Next: 'ResizeAll' },
      ResizeAll: {
        Type: 'Map',
        Label: 'ResizeAll',
        ItemsPath: '$.images',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...checkItem },
        ...extra,
        Next: 'Report',
      },
      Report: { Type: 'Pass', End: true },
    },
  });
}

describe('Step Functions redrive, Map runs and child executions (stand-in)', function () {
  this.timeout(60000);
  let sfn: SFNClient;

  const create = async (name: string, definition: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> =>
    (await sfn.send(new CreateStateMachineCommand({ name, type, roleArn: ROLE, definition: typeof definition === 'string' ? definition : JSON.stringify(definition) }))).stateMachineArn ?? '';
  const start = async (stateMachineArn: string, name: string, input: unknown): Promise<string> =>
    (await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }))).executionArn ?? '';

  async function settled(executionArn: string): Promise<string> {
    for (let i = 0; i < 300; i++) {
      const out = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (out.status !== 'RUNNING') return out.status ?? '';
      await sleep(100);
    }
    assert.fail(`${executionArn} never finished`);
  }

  async function history(executionArn: string): Promise<HistoryEvent[]> {
    return (await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
  }

  const entered = (events: HistoryEvent[], state: string): number => events.filter((e) => e.stateEnteredEventDetails?.name === state).length;

  async function rejects<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T, message?: RegExp): Promise<void> {
    await assert.rejects(promise, (err: unknown) => {
      assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
      if (message) assert.match(err.message, message);
      return true;
    });
  }

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    const config = { region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: testEnv.AWS_ACCESS_KEY_ID, secretAccessKey: testEnv.AWS_SECRET_ACCESS_KEY }, maxAttempts: 1 };
    sfn = new SFNClient(config);
  });

  afterEach(() => {
    sfn.destroy();
  });

  describe('redrive', () => {
    it('resumes at the failed state: the states that succeeded run once, the history says ExecutionRedriven', async () => {
      const machine = await create('render-page', {
        StartAt: 'Prepare',
        States: {
          Prepare: { Type: 'Pass', Result: { page: 7 }, ResultPath: '$.prepared', Next: 'Validate' },
          Validate: { Type: 'Choice', Choices: [{ Variable: '$.valid', BooleanEquals: true, Next: 'Publish' }], Default: 'Reject' },
          Publish: { Type: 'Succeed' },
          Reject: { Type: 'Fail', Error: 'Page.Invalid', Cause: 'the page has no title' },
        },
      });
      const arn = await start(machine, 'render-7', { valid: false });
      assert.equal(await settled(arn), 'FAILED');
      const failed = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      assert.deepEqual([failed.redriveCount, failed.redriveStatus], [0, 'REDRIVABLE']);

      const { redriveDate } = await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
      assert.ok(redriveDate instanceof Date);
      assert.equal(await settled(arn), 'FAILED', 'the same input fails the same state again');
      const after = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      assert.equal(after.executionArn, arn, 'the same execution ARN');
      assert.deepEqual([after.redriveCount, after.redriveDate?.getTime(), after.redriveStatus, after.error], [1, redriveDate.getTime(), 'REDRIVABLE', 'Page.Invalid']);

      const events = await history(arn);
      assert.deepEqual([entered(events, 'Prepare'), entered(events, 'Validate'), entered(events, 'Reject')], [1, 1, 2], 'the states that had succeeded are not run again');
      const redriven = events.findIndex((e) => e.type === 'ExecutionRedriven');
      assert.equal(events[redriven]?.executionRedrivenEventDetails?.redriveCount, 1);
      assert.equal(events[redriven - 1]?.type, 'ExecutionFailed');
      assert.equal(events[redriven + 1]?.stateEnteredEventDetails?.name, 'Reject', 'the redrive continues from the failed state');
      assert.equal(events[redriven + 1]?.stateEnteredEventDetails?.input, JSON.stringify({ valid: false, prepared: { page: 7 } }), 'with the input it failed with');
      assert.deepEqual(events.map((e) => e.id), events.map((_, i) => i + 1));

      const other = await start(machine, 'render-8', { valid: true });
      assert.equal(await settled(other), 'SUCCEEDED');
      const succeeded = await sfn.send(new DescribeExecutionCommand({ executionArn: other }));
      assert.deepEqual([succeeded.redriveStatus, succeeded.redriveStatusReason], ['NOT_REDRIVABLE', 'Execution is SUCCEEDED and cannot be redriven.']);
      const redrivenOnly = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine, redriveFilter: 'REDRIVEN' }));
      assert.deepEqual(redrivenOnly.executions?.map((e) => [e.name, e.redriveCount]), [['render-7', 1]]);
      const notRedriven = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine, redriveFilter: 'NOT_REDRIVEN' }));
      assert.deepEqual(notRedriven.executions?.map((e) => e.name), ['render-8']);
      const machines = await sfn.send(new ListStateMachinesCommand({}));
      assert.deepEqual(machines.stateMachines?.map((m) => m.name), ['render-page'], 'nothing the redrive ran shows as a state machine');
    });

    it('refuses what AWS refuses: running, succeeded, Express, unknown executions', async () => {
      const standard = await create('waiting', { StartAt: 'Check', States: { Check: { Type: 'Choice', Choices: [{ Variable: '$.wait', BooleanEquals: true, Next: 'Hold' }], Default: 'Done' }, Hold: { Type: 'Wait', Seconds: 3600, Next: 'Done' }, Done: { Type: 'Succeed' } } });
      const running = await start(standard, 'holding', { wait: true });
      await rejects(sfn.send(new RedriveExecutionCommand({ executionArn: running })), ExecutionNotRedrivable, /RUNNING/);
      const done = await start(standard, 'done', { wait: false });
      assert.equal(await settled(done), 'SUCCEEDED');
      await rejects(sfn.send(new RedriveExecutionCommand({ executionArn: done })), ExecutionNotRedrivable, /SUCCEEDED/);

      const express = await create('ingest', { StartAt: 'Broken', States: { Broken: { Type: 'Fail', Error: 'Ingest.Failed' } } }, 'EXPRESS');
      const expressRun = await start(express, 'ingest-1', {});
      await sleep(300);
      await rejects(sfn.send(new RedriveExecutionCommand({ executionArn: expressRun })), ExecutionNotRedrivable, /Express/);

      await rejects(sfn.send(new RedriveExecutionCommand({ executionArn: `${standard.replace(':stateMachine:', ':execution:')}:missing` })), ExecutionDoesNotExist);
    });
  });

  describe('distributed Map', () => {
    it('runs a Map run whose failed item fails it, with counts and child executions listed by mapRunArn', async () => {
      const machine = await create('thumbnails', distributedMap({}));
      const arn = await start(machine, 'batch-1', { images: [{ id: 1 }, { id: 2, broken: true }, { id: 3 }, { id: 4 }] });
      assert.equal(await settled(arn), 'FAILED');
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      assert.equal(execution.error, 'States.ExceedToleratedFailureThreshold');

      const runs = (await sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns ?? [];
      assert.equal(runs.length, 1);
      const mapRunArn = runs[0].mapRunArn ?? '';
      assert.match(mapRunArn, new RegExp(`^arn:aws:states:us-east-1:123456789012:mapRun:thumbnails/ResizeAll:${UUID}$`));
      assert.equal(runs[0].stateMachineArn, 'arn:aws:states:us-east-1:123456789012:stateMachine:thumbnails/ResizeAll');

      const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      assert.equal(run.status, 'FAILED');
      assert.equal(run.executionArn, arn);
      assert.deepEqual([run.toleratedFailureCount, run.toleratedFailurePercentage], [0, 0]);
      assert.equal(run.executionCounts?.total, 4);
      assert.equal(run.executionCounts?.failed, 1);
      assert.equal(run.itemCounts?.failed, 1);
      assert.equal((run.executionCounts?.succeeded ?? 0) + (run.executionCounts?.failed ?? 0) + (run.executionCounts?.aborted ?? 0), 4);

      const children = (await sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
      assert.equal(children.length, 4 - (run.executionCounts?.aborted ?? 0));
      for (const child of children) {
        assert.match(child.executionArn ?? '', new RegExp(`^arn:aws:states:us-east-1:123456789012:execution:thumbnails/ResizeAll:${UUID}$`));
        assert.equal(child.mapRunArn, mapRunArn);
      }
      const failedChildren = (await sfn.send(new ListExecutionsCommand({ mapRunArn, statusFilter: 'FAILED' }))).executions ?? [];
      assert.equal(failedChildren.length, 1);
      const failedChild = await sfn.send(new DescribeExecutionCommand({ executionArn: failedChildren[0].executionArn }));
      assert.deepEqual([failedChild.error, JSON.parse(failedChild.input ?? '{}')], ['Thumbnail.Corrupt', { id: 2, broken: true }]);
      assert.equal(failedChild.mapRunArn, mapRunArn);
      const childMachine = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: failedChildren[0].executionArn }));
      assert.deepEqual([childMachine.name, childMachine.label, childMachine.mapRunArn], ['thumbnails', 'ResizeAll', mapRunArn]);
      assert.equal((JSON.parse(childMachine.definition ?? '{}') as { StartAt?: string }).StartAt, 'CheckItem', 'the item processor is the child executions’ definition');

      const types = (await history(arn)).map((e) => e.type);
      assert.deepEqual(types.filter((t) => t?.startsWith('MapRun')), ['MapRunStarted', 'MapRunFailed']);
      assert.equal(types.at(-1), 'ExecutionFailed');
      const listed = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine }))).executions ?? [];
      assert.deepEqual(listed.map((e) => e.name), ['batch-1'], 'child executions are not listed under the parent state machine');
    });

    it('redriving the parent redrives the same Map run: only its failed child executions run again', async () => {
      const machine = await create('thumbnails-redrive', distributedMap({ MaxConcurrency: 1 }));
      const arn = await start(machine, 'batch-3', { images: [{ id: 1 }, { id: 2, broken: true }] });
      assert.equal(await settled(arn), 'FAILED');
      const [run] = (await sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns ?? [];
      const mapRunArn = run?.mapRunArn ?? '';

      await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
      assert.equal(await settled(arn), 'FAILED', 'the broken image is still broken');
      assert.equal((await sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns?.length, 1, 'no second Map run');
      const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      assert.deepEqual([described.status, described.redriveCount, described.executionCounts?.succeeded, described.executionCounts?.failed], ['FAILED', 1, 1, 1]);
      assert.ok(described.redriveDate instanceof Date);

      const children = (await sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
      assert.deepEqual(children.map((c) => [c.status, c.redriveCount]).sort(), [['FAILED', 1], ['SUCCEEDED', 0]], 'the succeeded child was not run again');
      const types = (await history(arn)).map((e) => e.type);
      assert.deepEqual(types.filter((t) => t?.startsWith('MapRun')), ['MapRunStarted', 'MapRunFailed', 'MapRunRedriven', 'MapRunFailed']);
      assert.equal(entered(await history(arn), 'ListImages'), 1);
    });

    it('stops with its parent: the Map run and its running child executions are aborted', async () => {
      const slowItems = { StartAt: 'Render', States: { Render: { Type: 'Wait', Seconds: 3600, End: true } } };
      const machine = await create('slow-thumbnails', {
        StartAt: 'ResizeAll',
        States: { ResizeAll: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...slowItems }, End: true } },
      });
      const arn = await start(machine, 'batch-4', [{ id: 1 }, { id: 2 }]);
      let mapRunArn = '';
      for (let i = 0; i < 50 && !mapRunArn; i++) {
        mapRunArn = (await sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns?.[0]?.mapRunArn ?? '';
        await sleep(100);
      }
      await sleep(300);
      assert.equal((await sfn.send(new DescribeMapRunCommand({ mapRunArn }))).executionCounts?.running, 2);
      await sfn.send(new StopExecutionCommand({ executionArn: arn, error: 'Operator.Stopped', cause: 'stopped by on-call' }));
      assert.equal(await settled(arn), 'ABORTED');
      const run = await sfn.send(new DescribeMapRunCommand({ mapRunArn }));
      assert.deepEqual([run.status, run.executionCounts?.aborted, run.executionCounts?.running], ['ABORTED', 2, 0]);
      const described = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      assert.deepEqual([described.error, described.cause, described.redriveStatus], ['Operator.Stopped', 'stopped by on-call', 'REDRIVABLE']);
      assert.equal((await history(arn)).at(-1)?.type, 'ExecutionAborted');
    });

    it('succeeds within ToleratedFailureCount and passes the items’ results on', async () => {
      const machine = await create('thumbnails-tolerant', distributedMap({ ToleratedFailureCount: 1 }));
      const arn = await start(machine, 'batch-2', { images: [{ id: 1 }, { id: 2, broken: true }, { id: 3 }] });
      assert.equal(await settled(arn), 'SUCCEEDED');
      const output = JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).output ?? 'null') as unknown;
      assert.deepEqual(output, ['resized', null, 'resized']);
      const [run] = (await sfn.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns ?? [];
      const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn: run?.mapRunArn }));
      assert.deepEqual([described.status, described.toleratedFailureCount, described.executionCounts?.succeeded, described.executionCounts?.failed], ['SUCCEEDED', 1, 2, 1]);
      const types = (await history(arn)).map((e) => e.type);
      assert.ok(types.includes('MapRunSucceeded'));
    });
  });

  describe('child executions', () => {
    it('starts the named state machine with the parent’s execution id and waits for it (.sync:2)', async () => {
      const child = await create('render-one', { StartAt: 'Render', States: { Render: { Type: 'Pass', Parameters: { 'rendered.$': '$.page' }, End: true } } });
      const parent = await create('render-book', {
        StartAt: 'RenderCover',
        States: {
          RenderCover: {
            Type: 'Task',
            Resource: 'arn:aws:states:::states:startExecution.sync:2',
            Parameters: { StateMachineArn: child, Input: { 'page.$': '$.cover', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' } },
            ResultSelector: { 'cover.$': '$.Output' },
            End: true,
          },
        },
      });
      const arn = await start(parent, 'book-1', { cover: 'front' });
      assert.equal(await settled(arn), 'SUCCEEDED');
      assert.deepEqual(JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).output ?? '{}'), { cover: { rendered: 'front' } });

      const children = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: child }))).executions ?? [];
      assert.equal(children.length, 1);
      const started = await sfn.send(new DescribeExecutionCommand({ executionArn: children[0].executionArn }));
      assert.equal(started.status, 'SUCCEEDED');
      assert.equal((JSON.parse(started.input ?? '{}') as Record<string, unknown>).AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID, arn);

      const events = await history(arn);
      assert.deepEqual(events.map((e) => e.type), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
      assert.equal(events[2].taskScheduledEventDetails?.resource, 'startExecution.sync:2');
    });

    it('fails the parent when its child fails, and a redrive after the fix resumes at that task', async () => {
      const child = await create('charge-card', { StartAt: 'Decline', States: { Decline: { Type: 'Fail', Error: 'Card.Declined', Cause: 'insufficient funds' } } });
      const parent = await create('checkout', {
        StartAt: 'Reserve',
        States: {
          Reserve: { Type: 'Pass', Next: 'Charge' },
          Charge: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: child, 'Input.$': '$' }, Next: 'Ship' },
          Ship: { Type: 'Succeed' },
        },
      });
      const arn = await start(parent, 'order-1', { order: 1 });
      assert.equal(await settled(arn), 'FAILED');
      const failed = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      assert.equal(failed.error, 'States.TaskFailed');
      assert.equal((JSON.parse(failed.cause ?? '{}') as { Error?: string }).Error, 'Card.Declined');

      await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: child, definition: JSON.stringify({ StartAt: 'Approve', States: { Approve: { Type: 'Succeed' } } }) }));
      await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
      assert.equal(await settled(arn), 'SUCCEEDED');
      const events = await history(arn);
      assert.deepEqual([entered(events, 'Reserve'), entered(events, 'Charge'), entered(events, 'Ship')], [1, 2, 1]);
      assert.equal((await sfn.send(new ListExecutionsCommand({ stateMachineArn: child }))).executions?.length, 2);
    });
  });

  describe('the optional thumbnail batch workflow', () => {
    it('seeds a failed execution with a Parallel state, a child execution and a Map run failed by one image', async () => {
      const clients = sandboxClients(awsEndpoint());
      const seeded = await seedThumbnailBatch(clients).finally(() => clients.destroy());
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: seeded.executionArn }));
      assert.deepEqual([execution.status, execution.error], ['FAILED', 'States.ExceedToleratedFailureThreshold']);
      const events = await history(seeded.executionArn);
      assert.deepEqual(['Prepare', 'AnnounceBatch', 'ResizeImages', 'Publish'].map((s) => entered(events, s)), [1, 1, 1, 0]);

      const [run] = (await sfn.send(new ListMapRunsCommand({ executionArn: seeded.executionArn }))).mapRuns ?? [];
      const counts = (await sfn.send(new DescribeMapRunCommand({ mapRunArn: run?.mapRunArn }))).executionCounts;
      assert.deepEqual([counts?.total, counts?.failed, (counts?.succeeded ?? 0) + (counts?.aborted ?? 0)], [4, 1, 3]);
      const announce = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines?.find((m) => m.name === 'ThumbnailAnnounceStateMachine');
      const [child] = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: announce?.stateMachineArn }))).executions ?? [];
      const childInput = JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: child?.executionArn }))).input ?? '{}') as Record<string, unknown>;
      assert.equal(childInput.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID, seeded.executionArn);
    });
  });
});
