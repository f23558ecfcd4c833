import { strict as assert } from 'node:assert';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { lastFailedTask, type FailedTask } from '../../../src/core/stepFunctions/failedTask';
import { inlineMaps, startedExecutions } from '../../../src/core/stepFunctions/executionChildren';
import { failedInvocation, invocationsIn } from '../../../src/core/stepFunctions/invocation';
import { ecsTaskLogsUrl, lambdaFunctionName, taskLogLocation } from '../../../src/core/stepFunctions/taskLogLocation';
import { eligibleForRedrive, endOfHistory, groupFailures, redriveIneligibility, type ExecutionFailure } from '../../../src/core/stepFunctions/triage';
import { formatTriageReport } from '../../../src/core/stepFunctions/triageReport';
import { formatDateTime, zoneName } from '../../../src/core/time/zone';

const t0 = Date.parse('2026-12-07T09:00:00Z');
let id = 0;
const ev = (type: string, ms: number, extra: Record<string, unknown> = {}, previousEventId?: number): HistoryEvent =>
  ({ id: ++id, previousEventId: previousEventId ?? id - 1, type, timestamp: new Date(t0 + ms), ...extra }) as HistoryEvent;
const entered = (type: string, name: string, ms: number, previous?: number) => ev(`${type}StateEntered`, ms, { stateEnteredEventDetails: { name } }, previous);

const task = (over: Partial<FailedTask>): FailedTask => ({ state: 'Resize', resourceType: 'lambda', resource: 'invoke', error: 'Error', cause: '', ...over });

describe('the failed task of an execution', () => {
  beforeEach(() => (id = 0));

  it('finds the last failed Lambda task with its function, parameters and time window', () => {
    const parameters = JSON.stringify({ FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:thumbnails-ResizeFunction:live', Payload: { key: 'a.png' } });
    const cause = JSON.stringify({ errorType: 'CorruptImageError', errorMessage: 'cannot decode PNG b-42/0003.png: bad IHDR chunk', trace: [] });
    const events = [
      ev('ExecutionStarted', 0),
      entered('Choice', 'CheckImage', 1), ev('ChoiceStateExited', 2),
      entered('Task', 'Resize', 3),
      ev('TaskScheduled', 4, { taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters } }),
      ev('TaskStarted', 5, { taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' } }),
      ev('TaskFailed', 900, { taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', error: 'CorruptImageError', cause } }),
      ev('ExecutionFailed', 901, { executionFailedEventDetails: { error: 'CorruptImageError', cause } }),
    ];
    const failed = lastFailedTask(events.reverse())!;
    assert.deepEqual([failed.state, failed.resourceType, failed.error, failed.startedAt?.getTime(), failed.endedAt?.getTime()], ['Resize', 'lambda', 'CorruptImageError', t0 + 5, t0 + 900]);
    const location = taskLogLocation(failed);
    assert.deepEqual(location, { kind: 'lambda', functionName: 'thumbnails-ResizeFunction', logGroupName: '/aws/lambda/thumbnails-ResizeFunction', errorMessage: 'cannot decode PNG b-42/0003.png: bad IHDR chunk' });
  });

  it('reads a function given as the Resource (LambdaFunction events) and a Python error’s request id', () => {
    const cause = JSON.stringify({ errorMessage: 'boom', errorType: 'KeyError', requestId: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9', stackTrace: [] });
    const events = [
      entered('Task', 'Label', 0),
      ev('LambdaFunctionScheduled', 1, { lambdaFunctionScheduledEventDetails: { resource: 'arn:aws:lambda:eu-west-1:123456789012:function:labeler', input: '{}' } }),
      ev('LambdaFunctionStarted', 2),
      ev('LambdaFunctionFailed', 30, { lambdaFunctionFailedEventDetails: { error: 'KeyError', cause } }),
    ];
    const location = taskLogLocation(lastFailedTask(events)!);
    assert.deepEqual(location, { kind: 'lambda', functionName: 'labeler', logGroupName: '/aws/lambda/labeler', requestId: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9', errorMessage: 'boom' });
  });

  it('has no failed task when the execution failed in a Fail state', () => {
    assert.equal(lastFailedTask([entered('Fail', 'Reject', 0), ev('ExecutionFailed', 1, { executionFailedEventDetails: { error: 'X' } })]), undefined);
  });

  it('reads function names in every form Lambda accepts, and refuses anything else', () => {
    assert.deepEqual(
      ['my-fn', 'my-fn:prod', '123456789012:function:my-fn', 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:7', 'bad name', '', 'a'.repeat(65)].map(lambdaFunctionName),
      ['my-fn', 'my-fn', 'my-fn', 'my-fn', undefined, undefined, undefined],
    );
  });
});

describe('where a failed task logged', () => {
  it('finds AWS Batch streams from every attempt, in the default group or the one the job names', () => {
    const job = { JobName: 'nightly', Attempts: [{ Container: { LogStreamName: 'nightly/default/aaa' } }, { Container: { LogStreamName: 'nightly/default/bbb' } }], Container: { LogStreamName: 'nightly/default/bbb' } };
    assert.deepEqual(taskLogLocation(task({ resourceType: 'batch', resource: 'submitJob.sync', cause: JSON.stringify(job) })), {
      kind: 'streams', service: 'batch', logGroupNames: ['/aws/batch/job'], logStreamNames: ['nightly/default/bbb', 'nightly/default/aaa'], label: 'Batch job nightly',
    });
    const named = { ...job, Container: { ...job.Container, LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/batch/nightly' } } } };
    const location = taskLogLocation(task({ resourceType: 'batch', cause: JSON.stringify(named) }));
    assert.deepEqual(location.kind === 'streams' && location.logGroupNames, ['/batch/nightly']);
  });

  it('finds a Glue job run’s error and output streams by its run id', () => {
    const run = { Id: 'jr_0123456789abcdef', JobName: 'etl', JobRunState: 'FAILED', ErrorMessage: 'Out of memory' };
    assert.deepEqual(taskLogLocation(task({ resourceType: 'glue', resource: 'startJobRun.sync', cause: JSON.stringify(run) })), {
      kind: 'streams', service: 'glue', logGroupNames: ['/aws-glue/jobs/error', '/aws-glue/jobs/output'], logStreamNames: ['jr_0123456789abcdef'], label: 'Glue job run jr_0123456789abcdef',
    });
  });

  it('finds an ECS task and builds its console page only from the parts its ARN pattern admits', () => {
    const description = { TaskArn: 'arn:aws:ecs:us-east-1:123456789012:task/ai-video-cluster/0123456789abcdef0123456789abcdef', Containers: [{ Name: 'backend' }], StoppedReason: 'Essential container in task exited' };
    const location = taskLogLocation(task({ resourceType: 'ecs', resource: 'runTask.sync', cause: JSON.stringify(description) }));
    assert.deepEqual(location, { kind: 'ecs', region: 'us-east-1', cluster: 'ai-video-cluster', taskId: '0123456789abcdef0123456789abcdef', containers: ['backend'] });
    assert.equal(ecsTaskLogsUrl(location as Extract<typeof location, { kind: 'ecs' }>), 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/ai-video-cluster/tasks/0123456789abcdef0123456789abcdef/logs?region=us-east-1');
    const hostile = { TaskArn: 'arn:aws:ecs:us-east-1:123456789012:task/x/../../evil.example/0123456789abcdef0123456789abcdef' };
    assert.equal(taskLogLocation(task({ resourceType: 'ecs', cause: JSON.stringify(hostile) })).kind, 'none');
  });

  it('says why when a cause is not the service’s description, or the task is of another service', () => {
    assert.equal(taskLogLocation(task({ resourceType: 'glue', cause: 'not json' })).kind, 'none');
    assert.equal(taskLogLocation(task({ resourceType: 'dynamodb', cause: '{}' })).kind, 'none');
    assert.equal(taskLogLocation(task({ resourceType: 'batch', cause: JSON.stringify({ JobName: 'never-started' }) })).kind, 'none');
  });
});

describe('a Lambda function’s invocations in its log events', () => {
  const stream = (name: string, lines: Array<[number, string]>) => lines.map(([ms, message]) => ({ timestamp: t0 + ms, message, logStreamName: name }));
  const a = stream('env-a', [
    [0, 'START RequestId: aaaaaaaa-0000-0000-0000-000000000001 Version: $LATEST'],
    [5, '2026-12-07T09:00:00.005Z\taaaaaaaa-0000-0000-0000-000000000001\tINFO\tResizing b-42/0001.png'],
    [9, 'END RequestId: aaaaaaaa-0000-0000-0000-000000000001'],
    [9, 'REPORT RequestId: aaaaaaaa-0000-0000-0000-000000000001\tDuration: 9.00 ms'],
    [20, 'START RequestId: aaaaaaaa-0000-0000-0000-000000000003 Version: $LATEST'],
    [21, 'Traceback (most recent call last):\n  File "/var/task/app/images.py", line 25'],
    [22, 'END RequestId: aaaaaaaa-0000-0000-0000-000000000003'],
    [22, 'REPORT RequestId: aaaaaaaa-0000-0000-0000-000000000003\tDuration: 2.00 ms'],
  ]);
  const b = stream('env-b', [
    [10, 'START RequestId: bbbbbbbb-0000-0000-0000-000000000002 Version: $LATEST'],
    [12, '2026-12-07T09:00:00.012Z\tbbbbbbbb-0000-0000-0000-000000000002\tERROR\tCorruptImageError: cannot decode PNG b-42/0003.png: bad IHDR chunk'],
    [14, 'END RequestId: bbbbbbbb-0000-0000-0000-000000000002'],
    [14, 'REPORT RequestId: bbbbbbbb-0000-0000-0000-000000000002\tDuration: 4.00 ms'],
  ]);
  // FilterLogEvents returns events by time, streams interleaved.
  const all = [...a, ...b].sort((x, y) => x.timestamp - y.timestamp);

  it('splits interleaved streams into invocations, lines without a request id included', () => {
    const invocations = invocationsIn(all);
    assert.deepEqual(invocations.map((i) => [i.requestId.slice(0, 8), i.events.length]), [['aaaaaaaa', 4], ['bbbbbbbb', 4], ['aaaaaaaa', 4]]);
    assert.match(invocations[2].events[1].message ?? '', /^Traceback/);
  });

  it('picks the invocation by request id, else by the error message it logged, else the last that logged an error', () => {
    assert.equal(failedInvocation(all, { requestId: 'aaaaaaaa-0000-0000-0000-000000000001' })?.events.length, 4);
    assert.equal(failedInvocation(all, { errorMessage: 'cannot decode PNG b-42/0003.png: bad IHDR chunk' })?.requestId, 'bbbbbbbb-0000-0000-0000-000000000002');
    assert.equal(failedInvocation(all, {})?.requestId, 'aaaaaaaa-0000-0000-0000-000000000003');
    assert.equal(failedInvocation(all, { requestId: 'cccccccc-0000-0000-0000-000000000000' }), undefined);
  });
});

describe('what an execution started', () => {
  beforeEach(() => (id = 0));

  it('lists an inline Map’s iterations, failures first with the state, error and cause that ended them', () => {
    const events = [
      ev('ExecutionStarted', 0),
      entered('Map', 'LabelAll', 1),
      ev('MapStateStarted', 2, { mapStateStartedEventDetails: { length: 3 } }),
    ];
    const startOf = (index: number) => ev('MapIterationStarted', 3 + index, { mapIterationStartedEventDetails: { name: 'LabelAll', index } }, 3);
    const s0 = startOf(0);
    const s1 = startOf(1);
    const s2 = startOf(2);
    const e1 = entered('Task', 'DetectLabels', 10, s1.id);
    const failed1 = ev('TaskFailed', 11, { taskFailedEventDetails: { error: 'Rekognition.Throttling', cause: 'Rate exceeded' } }, e1.id);
    const end1 = ev('MapIterationFailed', 12, { mapIterationFailedEventDetails: { name: 'LabelAll', index: 1 } }, failed1.id);
    const end0 = ev('MapIterationSucceeded', 13, { mapIterationSucceededEventDetails: { name: 'LabelAll', index: 0 } }, s0.id);
    const end2 = ev('MapIterationAborted', 14, { mapIterationAbortedEventDetails: { name: 'LabelAll', index: 2 } }, s2.id);
    events.push(s0, s1, s2, e1, failed1, end1, end0, end2, ev('MapStateFailed', 15));
    const [map] = inlineMaps(events);
    assert.equal(map.state, 'LabelAll');
    assert.equal(map.length, 3);
    assert.deepEqual(map.iterations, [
      { index: 1, status: 'failed', error: 'Rekognition.Throttling', cause: 'Rate exceeded', failedState: 'DetectLabels' },
      { index: 2, status: 'aborted' },
      { index: 0, status: 'succeeded' },
    ]);
  });

  it('leaves distributed Maps to their Map runs, and finds executions started by tasks', () => {
    const child = 'arn:aws:states:us-east-1:123456789012:execution:ThumbnailAnnounceStateMachine:5f0c';
    const events = [
      entered('Map', 'ResizeImages', 0), ev('MapStateStarted', 1, { mapStateStartedEventDetails: { length: 4 } }), ev('MapRunStarted', 2, { mapRunStartedEventDetails: { mapRunArn: 'arn:x' } }), ev('MapStateFailed', 3),
      ev('ExecutionRedriven', 3), entered('Map', 'ResizeImages', 3), ev('MapStateStarted', 3, { mapStateStartedEventDetails: { length: 4 } }), ev('MapRunRedriven', 3, { mapRunRedrivenEventDetails: { mapRunArn: 'arn:x', redriveCount: 1 } }), ev('MapStateFailed', 3),
      entered('Task', 'AnnounceBatch', 4),
      ev('TaskSubmitted', 5, { taskSubmittedEventDetails: { resourceType: 'states', resource: 'startExecution.sync:2', output: JSON.stringify({ ExecutionArn: child, StartDate: 1 }) } }),
      ev('TaskSucceeded', 6, { taskSucceededEventDetails: { resourceType: 'states', resource: 'startExecution.sync:2', output: JSON.stringify({ ExecutionArn: child }) } }),
      ev('TaskSucceeded', 7, { taskSucceededEventDetails: { resourceType: 'states', resource: 'startExecution', output: JSON.stringify({ ExecutionArn: 'javascript:alert(1)' }) } }),
    ];
    assert.deepEqual(inlineMaps(events), []);
    assert.deepEqual(startedExecutions(events), [{ state: 'AnnounceBatch', executionArn: child }]);
  });
});

describe('triage', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const failure = (n: number, over: Partial<ExecutionFailure> = {}): ExecutionFailure => ({
    executionArn: `arn:aws:states:us-east-1:123456789012:execution:M:run-${n}`, name: `run-${n}`, status: 'FAILED', stopDate: new Date(now.getTime() - n * 60_000),
    state: 'GenerateImages', error: 'QuotaExceeded', cause: '{"errorMessage": "Gemini API quota exceeded"}', ...over,
  });

  it('groups by failing state, error and cause (whitespace aside), largest first, with first and last seen', () => {
    const failures = [
      failure(1), failure(2, { cause: '{"errorMessage":  "Gemini API quota exceeded"}\n' }), failure(3),
      failure(4, { state: 'ResizeImages', error: 'States.ExceedToleratedFailureThreshold', cause: 'too many' }),
      failure(5, { status: 'TIMED_OUT', error: undefined, cause: undefined, state: 'AwaitModeration' }),
      failure(6, { status: 'ABORTED', error: undefined, cause: undefined, state: 'AwaitModeration' }),
    ];
    const groups = groupFailures(failures);
    assert.deepEqual(groups.map((g) => [g.state, g.error, g.count]), [
      ['GenerateImages', 'QuotaExceeded', 3],
      ['ResizeImages', 'States.ExceedToleratedFailureThreshold', 1],
      ['AwaitModeration', 'States.Timeout', 1],
      ['AwaitModeration', '(aborted)', 1],
    ]);
    assert.equal(groups[0].cause, '{"errorMessage": "Gemini API quota exceeded"}');
    assert.deepEqual([groups[0].firstSeen, groups[0].lastSeen], [failure(3).stopDate, failure(1).stopDate]);
    assert.deepEqual(groups[0].executions.map((e) => e.name), ['run-1', 'run-2', 'run-3']);
  });

  it('keeps for Redrive All Eligible only Standard failures of the last 14 days not yet redriven', () => {
    const old = failure(1, { stopDate: new Date(now.getTime() - 15 * 86_400_000) });
    const redriven = failure(2, { redriveCount: 1 });
    const succeeded = failure(3, { status: 'SUCCEEDED' });
    const ok = [failure(4), failure(5, { status: 'TIMED_OUT' }), failure(6, { status: 'ABORTED' })];
    assert.deepEqual(eligibleForRedrive([old, redriven, succeeded, ...ok], 'STANDARD', now).map((f) => f.name), ['run-4', 'run-5', 'run-6']);
    assert.deepEqual([old, redriven, succeeded].map((f) => redriveIneligibility(f, 'STANDARD', now)), ['stopped more than 14 days ago', 'already redriven', 'it is succeeded']);
    assert.deepEqual(eligibleForRedrive(ok, 'EXPRESS', now), []);
  });

  it('reads where an execution ended from the newest events of its history', () => {
    const newestFirst = [
      { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' } },
      { type: 'MapRunFailed' },
      { type: 'MapStateEntered', stateEnteredEventDetails: { name: 'ResizeImages' } },
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'AnnounceBatch' } },
    ];
    assert.deepEqual(endOfHistory(newestFirst), { state: 'ResizeImages', error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' });
  });

  it('writes a document with the groups, their executions and what can be redriven', () => {
    const groups = groupFailures([failure(1), failure(2, { redriveCount: 1 })]);
    const text = formatTriageReport({ machineName: 'ImageGeneration', machineType: 'STANDARD', rangeLabel: 'the last 24 hours', groups, truncated: false, zone: 'utc', now });
    assert.match(text, /^# Failures of ImageGeneration — the last 24 hours/);
    assert.match(text, /2 executions ended without success \(2 failed, 0 timed out, 0 aborted\) in 1 group/);
    assert.match(text, /1 can be redriven/);
    assert.match(text, /## 1\. GenerateImages — QuotaExceeded \(2\)/);
    assert.match(text, /- run-2 {2}Failed {2}stopped .* \(not redrivable: already redriven\)/);
  });

  it('writes the triage\'s times in the chosen zone, with the zone, and counts one execution in the singular', () => {
    const one = failure(1);
    const groups = groupFailures([one]);
    const local = formatTriageReport({ machineName: 'ImageGeneration', machineType: 'STANDARD', rangeLabel: 'the last 24 hours', groups, truncated: false, zone: 'local', now });
    const stopped = formatDateTime(one.stopDate!.getTime(), 'local');
    assert.ok(stopped.endsWith(zoneName(one.stopDate!.getTime(), 'local')), stopped);
    assert.match(local, new RegExp(`- run-1 {2}Failed {2}stopped ${stopped.replace(/[+]/g, '\\+')} `));
    assert.match(local, new RegExp(`First seen: ${stopped.replace(/[+]/g, '\\+')}`));
    assert.match(local, /^1 execution ended without success \(1 failed, 0 timed out, 0 aborted\) in 1 group by/m);
    const utc = formatTriageReport({ machineName: 'ImageGeneration', machineType: 'STANDARD', rangeLabel: 'the last 24 hours', groups, truncated: false, zone: 'utc', now });
    assert.match(utc, /stopped \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC /);
  });

  it('groups 10,000 failures into every combination of state, error and cause they hold', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => failure(i % 1440, { state: `State${i % 7}`, error: `Error${i % 5}`, cause: `cause ${i % 3} `.repeat(40) }));
    const groups = groupFailures(many);
    assert.equal(groups.reduce((n, g) => n + g.count, 0), 10_000);
    assert.equal(groups.length, 7 * 5 * 3);
  });
});
