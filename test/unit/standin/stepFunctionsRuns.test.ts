import { strict as assert } from 'node:assert';
import { lastTopLevelEntry } from '../../../sandbox/standin/stepFunctions/driver';
import { childExecutionResource, standInStates } from '../../../sandbox/standin/stepFunctions/definition';
import { notRedrivableReason, REDRIVE_PERIOD_MS } from '../../../sandbox/standin/stepFunctions/executions';
import { exceeded } from '../../../sandbox/standin/stepFunctions/mapRun';
import { applyResultPaths, evaluateTemplate, writePath } from '../../../sandbox/standin/stepFunctions/paths';
import type { MapRun } from '../../../sandbox/standin/stepFunctions/state';

const NOW = Date.parse('2026-12-07T12:00:00Z');

function run(tolerance: Partial<Pick<MapRun, 'toleratedFailureCount' | 'toleratedFailurePercentage'>>, totalItems = 10): MapRun {
  return { mapRunArn: '', executionArn: '', stateName: 'M', stateMachineArn: '', startDate: NOW, status: 'RUNNING', maxConcurrency: 0, toleratedFailureCount: 0, toleratedFailurePercentage: 0, totalItems, notStarted: 0, children: [], childByIndex: [], redriveCount: 0, ...tolerance };
}

describe('stand-in Step Functions runs', () => {
  it('refuses to redrive what AWS refuses, in the words of redriveStatusReason', () => {
    assert.equal(notRedrivableReason('FAILED', NOW - 1000, NOW), undefined);
    assert.equal(notRedrivableReason('ABORTED', NOW - REDRIVE_PERIOD_MS + 60_000, NOW), undefined);
    assert.equal(notRedrivableReason('TIMED_OUT', NOW - REDRIVE_PERIOD_MS - 60_000, NOW), 'Execution redrivable period exceeded.');
    assert.equal(notRedrivableReason('RUNNING', undefined, NOW), 'Execution is RUNNING and cannot be redriven.');
    assert.equal(notRedrivableReason('SUCCEEDED', NOW, NOW), 'Execution is SUCCEEDED and cannot be redriven.');
  });

  it('fails a Map run once its failures pass the tolerated count or percentage', () => {
    assert.equal(exceeded(run({}), 0), false);
    assert.equal(exceeded(run({}), 1), true, 'no tolerance: one failure fails the run');
    assert.equal(exceeded(run({ toleratedFailureCount: 2 }), 2), false);
    assert.equal(exceeded(run({ toleratedFailureCount: 2 }), 3), true);
    assert.equal(exceeded(run({ toleratedFailurePercentage: 20 }), 2), false);
    assert.equal(exceeded(run({ toleratedFailurePercentage: 20 }), 3), true);
    assert.equal(exceeded(run({ toleratedFailureCount: 5, toleratedFailurePercentage: 10 }), 2), true, 'either threshold fails it');
  });

  it('picks the states it runs itself: distributed Maps, startExecution tasks and Lambda tasks', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'X', States: { X: { Type: 'Succeed' } } }, Next: 'B' },
        B: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'X', States: { X: { Type: 'Succeed' } } }, Next: 'C' },
        C: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Next: 'D' },
        D: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'E' },
        E: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:labeler:live', Next: 'F' },
        F: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true },
      },
    };
    assert.deepEqual([...standInStates(definition)], ['A', 'C', 'D', 'E']);
    assert.equal(childExecutionResource(definition.States.C), 'startExecution.sync:2');
    assert.equal(childExecutionResource({ Type: 'Task', Resource: 'arn:aws:states:::states:startExecution' }), 'startExecution');
  });

  it('resumes a redrive at the last top-level state entered, with its input', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Parallel' }, Q: { Type: 'Pass' } } };
    const events = [
      { type: 'PassStateEntered', stateEnteredEventDetails: { name: 'Q', input: '{"a":1}' } },
      { type: 'ParallelStateEntered', stateEnteredEventDetails: { name: 'P', input: '{"a":2}' } },
      { type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'InsideBranch', input: '{}' } },
      { type: 'ExecutionFailed' },
    ];
    assert.deepEqual(lastTopLevelEntry({ definition, events }), { state: 'P', input: '{"a":2}' });
  });

  it('evaluates Parameters, ResultSelector, ResultPath and OutputPath', () => {
    const context = { Execution: { Id: 'arn:exec' }, Map: { Item: { Index: 2, Value: { id: 7 } } } };
    assert.deepEqual(evaluateTemplate({ 'id.$': '$$.Map.Item.Value.id', 'by.$': '$$.Execution.Id', 'first.$': '$.list[0]', fixed: { n: 1 } }, { list: ['a'] }, context), { id: 7, by: 'arn:exec', first: 'a', fixed: { n: 1 } });
    assert.deepEqual(writePath({ a: 1 }, '$.b.c', 2), { a: 1, b: { c: 2 } });
    assert.deepEqual(writePath({ a: 1 }, null, 2), { a: 1 });
    assert.deepEqual(applyResultPaths({ ResultSelector: { 'out.$': '$.Output' }, ResultPath: '$.child', OutputPath: '$.child' }, { a: 1 }, { Output: 5 }, {}), { out: 5 });
  });
});
