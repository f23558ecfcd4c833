import { strict as assert } from 'node:assert';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { buildGraph } from '../../../src/core/stepFunctions/graphModel';
import { DATA_CHARS, executionPath, stateSummary, transitionKey } from '../../../src/core/stepFunctions/graphStatus';
import { graphView } from '../../../src/core/stepFunctions/graphView';
import { describeGraphPath } from '../../../src/core/stepFunctions/graphSummary';

const t0 = Date.parse('2026-11-22T02:00:00.000Z');

/** Writes a history as Step Functions does: ids in order, each event pointing at the one before it (or at `after`). */
class History {
  readonly events: HistoryEvent[] = [];
  private clock = t0;

  add(type: string, details: Record<string, unknown> = {}, after?: number): number {
    const id = this.events.length + 1;
    this.clock += 1000;
    this.events.push({ id, previousEventId: after ?? id - 1, type: type as HistoryEvent['type'], timestamp: new Date(this.clock), ...details });
    return id;
  }

  enter(type: string, name: string, input = '{}', after?: number): number {
    return this.add(`${type}StateEntered`, { stateEnteredEventDetails: { name, input } }, after);
  }

  exit(type: string, name: string, output = '{}', after?: number): number {
    return this.add(`${type}StateExited`, { stateExitedEventDetails: { name, output } }, after);
  }

  /** A state that runs and exits; a Task schedules, starts and succeeds in between. */
  pass(type: string, name: string, output = '{}'): number {
    this.enter(type, name);
    if (type === 'Task') this.task('succeeded');
    return this.exit(type, name, output);
  }

  task(outcome: 'succeeded' | 'failed', error = 'Lambda.Unknown', cause = 'boom'): number {
    this.add('TaskScheduled', { taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{}' } });
    this.add('TaskStarted', { taskStartedEventDetails: { resourceType: 'lambda', resource: 'invoke' } });
    return outcome === 'succeeded'
      ? this.add('TaskSucceeded', { taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke', output: '{}' } })
      : this.add('TaskFailed', { taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', error, cause } });
  }
}

describe('Step Functions graph: execution history → what each state did', () => {
  it('a Choice that routes to a Fail state: the path taken, the Fail state failed, the untaken branches not reached', () => {
    const h = new History();
    h.add('ExecutionStarted', { executionStartedEventDetails: { input: '{}' } });
    h.pass('Pass', 'ValidateBatch', '{"batch_id":"b-42"}');
    h.pass('Choice', 'RouteBatch');
    h.enter('Fail', 'QuotaExceeded');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'ImageGenerationFailed', cause: 'quota exceeded' } });
    const path = executionPath(h.events);
    assert.deepEqual(path.order, ['ValidateBatch', 'RouteBatch', 'QuotaExceeded']);
    assert.equal(path.states.get('ValidateBatch')?.status, 'succeeded');
    assert.equal(path.states.get('ValidateBatch')?.output, '{"batch_id":"b-42"}');
    assert.equal(path.states.get('QuotaExceeded')?.status, 'failed');
    assert.equal(path.states.get('QuotaExceeded')?.error, 'ImageGenerationFailed');
    assert.ok(path.transitions.has(transitionKey('', 'ValidateBatch')));
    assert.ok(path.transitions.has(transitionKey('RouteBatch', 'QuotaExceeded')));
    assert.equal(stateSummary('QuotaExceeded', path.states.get('QuotaExceeded')), 'QuotaExceeded — failed (ImageGenerationFailed)');
    assert.equal(stateSummary('RejectBatch', path.states.get('RejectBatch')), 'RejectBatch — not reached');

    const view = graphView(buildGraph({
      StartAt: 'ValidateBatch',
      States: {
        ValidateBatch: { Type: 'Pass', Next: 'RouteBatch' },
        RouteBatch: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 100, Next: 'RejectBatch' }, { Variable: '$.q', NumericEquals: 0, Next: 'QuotaExceeded' }], Default: 'Generate' },
        RejectBatch: { Type: 'Fail' },
        QuotaExceeded: { Type: 'Fail' },
        Generate: { Type: 'Succeed' },
      },
    }), path);
    const byName = (name: string) => view.nodes.find((n) => n.name === name)!;
    assert.deepEqual(view.nodes.filter((n) => n.kind === 'state').map((n) => n.label), [
      'ValidateBatch — succeeded', 'RouteBatch — succeeded', 'RejectBatch — not reached', 'QuotaExceeded — failed (ImageGenerationFailed)', 'Generate — not reached',
    ]);
    const taken = view.edges.filter((e) => e.taken).map((e) => `${view.nodes.find((n) => n.id === e.from)?.name}→${view.nodes.find((n) => n.id === e.to)?.name}`);
    assert.deepEqual(taken, ['Start→ValidateBatch', 'ValidateBatch→RouteBatch', 'RouteBatch→QuotaExceeded', 'QuotaExceeded→End']);
    assert.equal(byName('ValidateBatch').facts?.durationMs, 1000);
    assert.equal(byName('Generate').facts, undefined);
  });

  it('retries: a task that failed twice and then succeeded is "succeeded after retries", with its retry count', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Task', 'Resize');
    h.task('failed', 'Lambda.TooManyRequestsException');
    h.task('failed', 'Lambda.TooManyRequestsException');
    h.task('succeeded');
    h.exit('Task', 'Resize');
    h.add('ExecutionSucceeded');
    const resize = executionPath(h.events).states.get('Resize')!;
    assert.equal(resize.status, 'retried');
    assert.equal(resize.retries, 2);
    assert.equal(resize.error, 'Lambda.TooManyRequestsException', 'the error that was retried');
    assert.equal(stateSummary('Resize', resize), 'Resize — succeeded after retries');
  });

  it('catches: a task that failed and went to its Catch is "failed, caught", and the catch edge is the one taken', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Task', 'Resize');
    h.task('failed', 'States.Timeout', 'took too long');
    h.task('failed', 'States.Timeout', 'took too long');
    h.exit('Task', 'Resize', '{"Error":"States.Timeout"}');
    h.pass('Pass', 'Cleanup');
    h.add('ExecutionSucceeded');
    const path = executionPath(h.events);
    const resize = path.states.get('Resize')!;
    assert.equal(resize.status, 'caught');
    assert.equal(resize.retries, 1);
    assert.equal(resize.error, 'States.Timeout');
    assert.equal(resize.cause, 'took too long');
    assert.equal(stateSummary('Resize', resize), 'Resize — failed, caught (1 retry, States.Timeout)');
    const view = graphView(buildGraph({
      StartAt: 'Resize',
      States: {
        Resize: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Cleanup' }], Next: 'Done' },
        Cleanup: { Type: 'Pass', End: true },
        Done: { Type: 'Succeed' },
      },
    }), path);
    assert.deepEqual(view.edges.map((e) => `${e.kind}:${e.taken}`), ['next:true', 'next:false', 'retry:true', 'catch:true', 'next:true', 'next:false']);
  });

  it('an uncaught failure after retries is "failed" with its error and retries', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Task', 'Charge');
    h.task('failed', 'Payment.Declined');
    h.task('failed', 'Payment.Declined', 'card declined');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'Payment.Declined', cause: 'card declined' } });
    const charge = executionPath(h.events).states.get('Charge')!;
    assert.equal(charge.status, 'failed');
    assert.equal(charge.cause, 'card declined');
    assert.equal(stateSummary('Charge', charge), 'Charge — failed (1 retry, Payment.Declined)');
  });

  it('a redriven execution: states that succeeded before keep their status, the failed state is re-entered and its new outcome shows', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.pass('Pass', 'Prepare');
    h.enter('Task', 'Upload');
    h.task('failed', 'S3.SlowDown');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'S3.SlowDown' } });
    const redriven = h.add('ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: 1 } });
    h.enter('Task', 'Upload', '{}', redriven);
    h.task('succeeded');
    h.exit('Task', 'Upload');
    h.pass('Pass', 'Notify');
    h.add('ExecutionSucceeded');
    const path = executionPath(h.events);
    assert.equal(path.redrives, 1);
    assert.equal(path.states.get('Prepare')?.status, 'succeeded');
    assert.equal(path.states.get('Prepare')?.redriven, false);
    const upload = path.states.get('Upload')!;
    assert.equal(upload.status, 'succeeded');
    assert.equal(upload.runs, 2);
    assert.equal(upload.redriven, true);
    assert.equal(upload.error, undefined);
    assert.equal(stateSummary('Upload', upload), 'Upload — succeeded (after redrive)');
    assert.ok(path.transitions.has(transitionKey('Upload', 'Notify')));
    assert.ok(!path.transitions.has(transitionKey('', 'Upload')), 'a redrive is not a start');
  });

  it('a redrive that fails again shows the new failure', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Task', 'Upload');
    h.task('failed', 'S3.SlowDown');
    h.add('ExecutionFailed');
    h.add('ExecutionRedriven');
    h.enter('Task', 'Upload');
    h.task('failed', 'S3.AccessDenied');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'S3.AccessDenied' } });
    const upload = executionPath(h.events).states.get('Upload')!;
    assert.equal(upload.status, 'failed');
    assert.equal(upload.error, 'S3.AccessDenied');
    assert.equal(upload.retries, 0);
  });

  it('running and stopped: an open state is running; an aborted execution leaves it stopped', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.pass('Pass', 'A');
    h.enter('Wait', 'AwaitModeration');
    assert.equal(executionPath(h.events).states.get('AwaitModeration')?.status, 'running');
    h.add('ExecutionAborted', { executionAbortedEventDetails: { error: 'Operator.Cancelled' } });
    const wait = executionPath(h.events).states.get('AwaitModeration')!;
    assert.equal(wait.status, 'stopped');
    assert.equal(wait.error, undefined);
  });

  it('a Parallel whose branch failed: the failing state and the Parallel failed, the other branch stopped', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Parallel', 'Both');
    const started = h.add('ParallelStateStarted');
    h.enter('Pass', 'Thumbs', '{}', started);
    h.enter('Task', 'Labels', '{}', started);
    h.add('TaskScheduled', {}, h.events.length);
    h.add('TaskFailed', { taskFailedEventDetails: { error: 'Rekognition.Throttled', cause: 'slow down' } });
    h.add('ParallelStateFailed', { parallelStateFailedEventDetails: { error: 'Rekognition.Throttled' } } as Record<string, unknown>);
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'Rekognition.Throttled' } });
    const path = executionPath(h.events);
    assert.equal(path.states.get('Labels')?.status, 'failed');
    assert.equal(path.states.get('Labels')?.error, 'Rekognition.Throttled');
    assert.equal(path.states.get('Both')?.status, 'failed');
    assert.equal(path.states.get('Thumbs')?.status, 'stopped');
    assert.ok(path.transitions.has(transitionKey('Both', 'Labels')));
    assert.ok(path.transitions.has(transitionKey('Both', 'Thumbs')));
  });

  it('an inline Map counts its iterations and failed ones; a distributed Map keeps its Map run; a task keeps the child execution it started', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Map', 'EachImage');
    h.add('MapStateStarted', { mapStateStartedEventDetails: { length: 3 } });
    for (let i = 0; i < 3; i++) {
      h.add('MapIterationStarted', { mapIterationStartedEventDetails: { name: 'EachImage', index: i } });
      h.pass('Pass', 'Thumb');
      h.add(i === 1 ? 'MapIterationFailed' : 'MapIterationSucceeded', { mapIterationSucceededEventDetails: { name: 'EachImage', index: i } });
    }
    h.add('MapStateSucceeded');
    h.exit('Map', 'EachImage');
    h.enter('Map', 'EachBatch');
    h.add('MapStateStarted');
    h.add('MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: 'arn:aws:states:us-east-1:123456789012:mapRun:M/EachBatch:abc' } });
    h.add('MapRunFailed', { mapRunFailedEventDetails: { error: 'States.ExceedToleratedFailureThreshold', cause: 'too many items failed' } });
    h.add('MapStateFailed');
    h.exit('Map', 'EachBatch');
    h.enter('Task', 'Child');
    h.add('TaskScheduled', { taskScheduledEventDetails: { resourceType: 'states', resource: 'startExecution.sync:2' } });
    h.add('TaskSubmitted', { taskSubmittedEventDetails: { resourceType: 'states', resource: 'startExecution.sync:2', output: '{"ExecutionArn":"arn:aws:states:us-east-1:123456789012:execution:Child:run-1","StartDate":1}' } });
    h.add('TaskSucceeded', { taskSucceededEventDetails: { resourceType: 'states', resource: 'startExecution.sync:2', output: '{"ExecutionArn":"arn:aws:states:us-east-1:123456789012:execution:Child:run-1","Status":"SUCCEEDED"}' } });
    h.exit('Task', 'Child');
    h.add('ExecutionSucceeded');
    const path = executionPath(h.events);
    const inline = path.states.get('EachImage')!;
    assert.deepEqual(inline.iterations, { started: 3, failed: 1 });
    assert.equal(path.states.get('Thumb')?.runs, 3);
    assert.equal(stateSummary('EachImage', inline), 'EachImage — succeeded (1 of 3 iterations failed)');
    const batch = path.states.get('EachBatch')!;
    assert.deepEqual(batch.mapRunArns, ['arn:aws:states:us-east-1:123456789012:mapRun:M/EachBatch:abc']);
    assert.equal(batch.status, 'caught');
    assert.equal(batch.error, 'States.ExceedToleratedFailureThreshold');
    assert.deepEqual(path.states.get('Child')?.childExecutionArns, ['arn:aws:states:us-east-1:123456789012:execution:Child:run-1']);
  });

  it('keeps each state\'s input and output to a cap, free of control characters', () => {
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Pass', 'Big', `"${'x'.repeat(DATA_CHARS * 3)}"`);
    h.exit('Pass', 'Big', '"\u001b[31mred\u202e"');
    const big = executionPath(h.events).states.get('Big')!;
    assert.ok(big.input!.length < DATA_CHARS + 100);
    assert.match(big.input!, /characters, cut\)$/);
    assert.equal(big.output, '"red"');
  });

  it('reads tens of thousands of events in linear time, in any order', function () {
    this.timeout(60_000);
    const history = (runs: number) => {
      const h = new History();
      h.add('ExecutionStarted');
      for (let i = 0; i < runs; i++) {
        h.enter('Task', `S${i % 500}`);
        h.add('TaskScheduled');
        h.exit('Task', `S${i % 500}`);
      }
      return [...h.events].reverse();
    };
    const fastest = (events: HistoryEvent[]) => Math.min(...[0, 1, 2, 3, 4].map(() => {
      const started = performance.now();
      executionPath(events);
      return performance.now() - started;
    }));
    const small = history(4_000);
    const large = history(16_000);
    const path = executionPath(large);
    assert.equal(path.states.size, 500);
    assert.equal(path.states.get('S0')?.runs, 32);
    // Four times the events: about four times the time when linear, sixteen when quadratic.
    const ratio = fastest(large) / fastest(small);
    assert.ok(ratio < 10, `4× the events took ${ratio.toFixed(1)}× the time`);
  });

  it('a definition without an execution names each state by its type', () => {
    const view = graphView(buildGraph({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }));
    assert.equal(view.withExecution, false);
    assert.equal(view.nodes.find((n) => n.kind === 'state')?.label, 'A — Task state, lambda:invoke');
    assert.ok(view.edges.every((e) => !e.taken));
  });

  it('describes the graph compactly for the agent tools: path, failure, catches, retries, not reached, redrives, Map runs', () => {
    const definition = JSON.stringify({
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Each' }], Next: 'Each' },
        Each: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'One', States: { One: { Type: 'Pass', End: true } } }, Next: 'Upload' },
        Upload: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done' },
        Skipped: { Type: 'Pass', End: true },
        Done: { Type: 'Succeed' },
      },
    });
    const h = new History();
    h.add('ExecutionStarted');
    h.enter('Task', 'Prepare');
    h.task('failed', 'Lambda.Unknown');
    h.exit('Task', 'Prepare');
    h.enter('Map', 'Each');
    h.add('MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: 'arn:aws:states:us-east-1:1:mapRun:M/Each:r1' } });
    h.add('MapRunSucceeded');
    h.exit('Map', 'Each');
    h.enter('Task', 'Upload');
    h.task('failed', 'S3.SlowDown');
    h.task('failed', 'S3.SlowDown');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'S3.SlowDown' } });
    h.add('ExecutionRedriven');
    h.enter('Task', 'Upload');
    h.task('failed', 'S3.AccessDenied');
    h.add('ExecutionFailed', { executionFailedEventDetails: { error: 'S3.AccessDenied' } });
    assert.deepEqual(describeGraphPath(definition, h.events), [
      'Path taken (3 of 5 states): Prepare → Each → Upload',
      'Failed in: Upload (S3.AccessDenied)',
      'Failed and caught: Prepare (Lambda.Unknown)',
      'Not reached (2): Skipped, Done',
      'Redriven 1×: each state\'s latest run counts.',
      'Map runs: arn:aws:states:us-east-1:1:mapRun:M/Each:r1',
    ]);
    const view = graphView(buildGraph(JSON.parse(definition)), executionPath(h.events));
    assert.equal(view.nodes.find((n) => n.name === 'One')?.label, 'One — runs in the Map run\'s child executions');
    assert.equal(view.nodes.find((n) => n.name === 'One')?.status, undefined);
    assert.deepEqual(view.nodes.find((n) => n.name === 'Each')?.facts?.mapRunArns, ['arn:aws:states:us-east-1:1:mapRun:M/Each:r1']);
    assert.deepEqual(describeGraphPath('not json', []), ['Graph: the definition could not be read (The definition is not valid JSON.).']);
  });
});
