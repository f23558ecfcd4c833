import * as assert from 'node:assert/strict';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchApi } from '../../../src/aws/services/cloudWatch';
import type { LogsApi } from '../../../src/aws/services/logs';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import { listAlarms } from '../../../src/agent/tools/alarms';
import { guardedChange } from '../../../src/agent/tools/accounts';
import type { ToolContext } from '../../../src/agent/tools/types';
import { asScopeId } from '../../../src/core/scope';

const alarm: MetricAlarm = { AlarmName: 'api-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed', StateUpdatedTimestamp: new Date('2026-12-07T10:00:00Z'), MetricName: '5XXError', Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [] };

function context(extra: Partial<ToolContext> = {}): ToolContext {
  const cloudWatch: Partial<CloudWatchApi> = {
    async *alarmPages() {
      yield { metricAlarms: [alarm], compositeAlarms: [] };
    },
  };
  return { cloudWatch: cloudWatch as CloudWatchApi, logs: {} as LogsApi, stepFunctions: {} as StepFunctionsApi, regions: async () => [asScopeId('prod · us-east-1'), asScopeId('dev · us-east-1')], ...extra };
}

const change = { scope: asScopeId('prod · us-east-1'), operation: 'StopExecution', action: 'Stop execution run-7', target: 'arn:aws:states:us-east-1:111111111111:execution:m:run-7' };

describe('agent tools and the user\'s account rules', () => {
  it('an answer listing resources of a marked account names its marking', async () => {
    const text = await listAlarms.run({}, context({ accountMarking: async (scope) => (scope.startsWith('prod') ? 'PRODUCTION account prod-main' : undefined) }));
    assert.match(text.split('\n')[1], /^Accounts: prod · us-east-1 \(PRODUCTION account prod-main\)\. Changes there follow the user's account rules\.$/);
    assert.doesNotMatch(text, /dev · us-east-1 \(/);
    assert.doesNotMatch(await listAlarms.run({}, context()), /Accounts:/, 'nothing said where nothing is marked');
  });

  it('a change goes through the commands\' guard, and is refused where there is none (MCP)', async () => {
    let made = 0;
    const make = async () => ++made;
    const refused = await guardedChange(context(), change, make);
    assert.deepEqual(refused, { done: false, said: 'Not done: Stop execution run-7 changes AWS, and here nobody can be asked to confirm it. Ask the user to do it in VS Code.' });
    const asked: unknown[] = [];
    const declined = await guardedChange(context({ confirmChange: async (r) => void asked.push(r) }), change, make);
    assert.equal(declined.done, false);
    assert.deepEqual(asked, [change], 'the guard sees scope, operation, action and target');
    const allowed = await guardedChange(context({ confirmChange: async () => ({ run: (c) => c() }) }), change, make);
    assert.deepEqual(allowed, { done: true, value: 1 });
    assert.equal(made, 1, 'made only once allowed');
  });
});
