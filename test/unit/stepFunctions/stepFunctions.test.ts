import { strict as assert } from 'node:assert';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { buildTimeline } from '../../../src/core/stepFunctions/timeline';
import { formatExecutionDetails, formatTimeline } from '../../../src/core/stepFunctions/details';
import { defaultExecutionName, executionNameProblem } from '../../../src/core/stepFunctions/executionName';
import { validateExecutionInput } from '../../../src/core/stepFunctions/input';
import { canRedrive, arnName, arnRegion } from '../../../src/core/stepFunctions/model';
import { formatExecutionLogs, logGroupNameFromArn } from '../../../src/core/stepFunctions/logs';

const t0 = new Date('2026-11-22T02:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
let id = 0;
const ev = (type: string, ms: number, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({ id: ++id, type: type as HistoryEvent['type'], timestamp: at(ms), ...extra });
const entered = (type: string, name: string, ms: number) => ev(`${type}StateEntered`, ms, { stateEnteredEventDetails: { name } });
const exited = (type: string, name: string, ms: number) => ev(`${type}StateExited`, ms, { stateExitedEventDetails: { name } });

describe('execution history → timeline', () => {
  beforeEach(() => (id = 0));

  it('pairs states entered and exited, counts retries, and names the failing state', () => {
    const cause = '{"errorMessage":"Gemini API quota exceeded","errorType":"QuotaExceeded","batch_id":"b-42"}';
    const events = [
      ev('ExecutionStarted', 0),
      entered('Pass', 'PrepareBatch', 5), exited('Pass', 'PrepareBatch', 12),
      entered('Task', 'GenerateImages', 12),
      ev('TaskScheduled', 13), ev('TaskFailed', 2000, { taskFailedEventDetails: { error: 'States.Timeout', cause: 'took too long' } as HistoryEvent['taskFailedEventDetails'] }),
      ev('TaskScheduled', 4000), ev('TaskFailed', 6000, { taskFailedEventDetails: { error: 'QuotaExceeded', cause } as HistoryEvent['taskFailedEventDetails'] }),
      ev('ExecutionFailed', 6001, { executionFailedEventDetails: { error: 'QuotaExceeded', cause } }),
    ];
    const timeline = buildTimeline(events.reverse());
    assert.deepEqual(timeline.failure, { state: 'GenerateImages', error: 'QuotaExceeded', cause });
    const task = timeline.entries.find((e) => e.kind === 'state' && e.name === 'GenerateImages');
    assert.ok(task && task.kind === 'state');
    assert.equal(task.attempts, 2);
    assert.equal(task.failures.length, 2);
    const lines = formatTimeline(timeline, at(10000));
    assert.match(lines[0], /^\+0 ms\s+▶ Execution started/);
    assert.match(lines[1], /PrepareBatch \(Pass\)\s+7 ms\s+done/);
    assert.match(lines[2], /GenerateImages \(Task\)\s+6 s\s+failed, 1 retry/);
    assert.match(lines[3], /attempt 1 failed: States\.Timeout — took too long/);
    assert.match(lines.at(-1)!, /✖ Execution failed: QuotaExceeded/);
  });

  it('names the Fail state of a Choice → Fail path', () => {
    const events = [ev('ExecutionStarted', 0), entered('Choice', 'CheckQuota', 1), exited('Choice', 'CheckQuota', 2), entered('Fail', 'QuotaFailed', 3), ev('ExecutionFailed', 3, { executionFailedEventDetails: { error: 'ImageGenerationFailed', cause: 'quota' } })];
    assert.equal(buildTimeline(events).failure?.state, 'QuotaFailed');
  });

  it('shows a running Wait state as in progress and an aborted execution without a failure', () => {
    const running = buildTimeline([ev('ExecutionStarted', 0), entered('Wait', 'WaitForRender', 1)]);
    assert.match(formatTimeline(running, at(65000)).join('\n'), /WaitForRender \(Wait\)\s+running 1 min 05 s\s+in progress/);
    const aborted = buildTimeline([ev('ExecutionStarted', 0), entered('Wait', 'W', 1), ev('ExecutionAborted', 500, { executionAbortedEventDetails: { cause: 'stopped by on-call' } })]);
    assert.equal(aborted.failure, undefined);
    assert.match(formatTimeline(aborted).join('\n'), /Execution aborted: stopped by on-call/);
  });
});

describe('execution details document', () => {
  it('shows status, duration, the failing state, a pretty JSON cause, input and timeline', () => {
    const doc = formatExecutionDetails({
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:ImageGenerationStateMachine:nightly-batch-42',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ImageGenerationStateMachine',
      name: 'nightly-batch-42', status: 'FAILED', startDate: t0, stopDate: at(125000),
      input: '{"context":"cat on windowsill","image_count":10}', error: 'ImageGenerationFailed', cause: '{"errorMessage":"Gemini API quota exceeded"}',
    }, { entries: [], failure: { state: 'CheckQuota', error: 'ImageGenerationFailed', cause: '' } });
    assert.match(doc, /Status:\s+Failed \(FAILED\)/);
    assert.match(doc, /State machine: ImageGenerationStateMachine/);
    assert.match(doc, /Duration:\s+2 min 05 s/);
    assert.match(doc, /State: CheckQuota\nError: ImageGenerationFailed/);
    assert.match(doc, /```json\n\{\n {2}"errorMessage": "Gemini API quota exceeded"\n\}\n```/);
    assert.match(doc, /"image_count": 10/);
  });

  it('keeps backticks in data from closing its code blocks', () => {
    const doc = formatExecutionDetails({ executionArn: 'a:b', stateMachineArn: 'x', name: 'n', status: 'SUCCEEDED', output: '"```\\n# injected"' }, { entries: [] });
    assert.match(doc, /````json\n"```\\n# injected"\n````/);
  });
});

describe('start, stop and redrive rules', () => {
  it('validates execution names like AWS', () => {
    assert.equal(executionNameProblem('nightly-batch-42'), undefined);
    assert.match(executionNameProblem('has space') ?? '', /spaces/);
    assert.match(executionNameProblem('a/b') ?? '', /"\/"/);
    assert.match(executionNameProblem('x'.repeat(81)) ?? '', /80/);
    assert.equal(executionNameProblem(''), 'Enter a name.');
    const name = defaultExecutionName(t0, () => 0.5);
    assert.equal(name, 'manual-2026-11-22T02-00-00-7fff');
    assert.equal(executionNameProblem(name), undefined);
  });

  it('says where execution input is not JSON', () => {
    assert.equal(validateExecutionInput('{"a": 1}'), undefined);
    const problem = validateExecutionInput('{\n  "context": "cat",\n  "image_count": 10,\n}');
    assert.ok(problem);
    assert.equal(problem.line, 3);
    assert.match(problem.message, /^Invalid JSON/);
    assert.match(validateExecutionInput('  ')?.message ?? '', /empty/);
  });

  it('allows redrive of failed, timed-out and aborted executions of the last 14 days', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    assert.equal(canRedrive('FAILED', new Date('2026-11-20T00:00:00Z'), now), true);
    assert.equal(canRedrive('ABORTED', undefined, now), true);
    assert.equal(canRedrive('FAILED', new Date('2026-11-01T00:00:00Z'), now), false);
    assert.equal(canRedrive('SUCCEEDED', now, now), false);
    assert.equal(canRedrive('RUNNING', undefined, now), false);
  });

  it('reads names and regions from ARNs', () => {
    assert.equal(arnName('arn:aws:states:eu-north-1:1:execution:M:run-1'), 'run-1');
    assert.equal(arnRegion('arn:aws:states:eu-north-1:1:execution:M:run-1'), 'eu-north-1');
    assert.equal(logGroupNameFromArn('arn:aws:logs:us-east-1:1:log-group:/aws/vendedlogs/states/ImageGeneration:*'), '/aws/vendedlogs/states/ImageGeneration');
  });

  it('lists execution log events one per line', () => {
    const text = formatExecutionLogs({ executionName: 'run-1', logGroupName: '/aws/states/x', level: 'ALL', truncated: false, events: [{ timestamp: t0.getTime(), message: '{"type":"TaskFailed","details":{"error":"Boom","cause":"<script>"}}' }] });
    assert.match(text, /1 events/);
    assert.match(text, /2026-11-22 02:00:00\.000 {2}TaskFailed {2}Boom {2}<script>/);
  });
});
