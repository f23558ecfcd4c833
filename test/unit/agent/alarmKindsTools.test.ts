import { strict as assert } from 'node:assert';
import type { CloudWatchApi } from '../../../src/aws/services/cloudWatch';
import type { LogsApi } from '../../../src/aws/services/logs';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import { describeAlarm, listAlarms } from '../../../src/agent/tools/alarms';
import type { ToolContext } from '../../../src/agent/tools';
import { asScopeId } from '../../../src/core/scope';

const denied = (action: string) => Object.assign(new Error(`User is not authorized to perform: cloudwatch:${action}`), { name: 'AccessDenied' });

function context(overrides: Partial<CloudWatchApi>): ToolContext {
  const cloudWatch: CloudWatchApi = {
    async *alarmPages(_scope, filter) {
      const logAlarms = [{ AlarmName: 'checkout-5xx-logs', StateValue: 'ALARM' as const, StateReason: 'query results above threshold', ScheduledQueryConfiguration: { QueryString: 'filter status >= 500', LogGroupIdentifiers: ['/aws/lambda/checkout'], ScheduledQueryRoleARN: 'r', ScheduleConfiguration: { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300 }, AggregationExpression: 'count(*)' }, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold' as const }];
      const metricAlarms = [{ AlarmName: 'worker-cpu', StateValue: 'ALARM' as const, StateReason: '1 contributor', Metrics: [{ Id: 'q1', Expression: 'SELECT MAX(CPUUtilization) FROM SCHEMA("Workers/EC2", InstanceId) GROUP BY InstanceId' }], Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' as const }];
      const keep = (a: { AlarmName?: string }) => !filter?.names || filter.names.includes(a.AlarmName!);
      yield { metricAlarms: metricAlarms.filter(keep), compositeAlarms: [], logAlarms: logAlarms.filter(keep) };
    },
    alarmHistory: async () => [],
    tags: async () => ({}),
    muteRuleSummaries: async () => [{ name: 'patching' }],
    muteRule: async () => ({ name: 'patching', expression: `at(${new Date(Date.now() - 60_000).toISOString().slice(0, 16)})`, duration: 'PT2H', alarmNames: ['worker-cpu'] }),
    putMuteRule: async () => undefined,
    deleteMuteRule: async () => undefined,
    alarmContributors: async () => [{ id: 'c1', attributes: [{ name: 'InstanceId', value: 'i-0worker1' }], reason: '3 datapoints above 80' }],
    ...overrides,
  };
  return { cloudWatch, logs: {} as LogsApi, stepFunctions: {} as StepFunctionsApi, regions: async () => [asScopeId('us-east-1')] };
}

describe('agent tools: alarms of every type, mutes and contributors', () => {
  it('lists log and multi-series alarms with their type, and which are muted by which rule', async () => {
    const text = await listAlarms.run({}, context({}));
    assert.match(text, /checkout-5xx-logs \| us-east-1 \| log: count\(\*\) > 10/);
    assert.match(text, /worker-cpu \| us-east-1 \| multi-series: .*\| muted until .* by patching/);
  });

  it('describes a multi-series alarm with its contributors and its mute', async () => {
    const text = await describeAlarm.run({ name: 'worker-cpu' }, context({}));
    assert.match(text, /Multi-series alarm \(Metrics Insights\)/);
    assert.match(text, /Actions muted \(not disabled\) until .* by the alarm mute rule patching/);
    assert.match(text, /InstanceId=i-0worker1 \| - \| 3 datapoints above 80/);
  });

  it('answers what it could read when history, contributors and mute rules are denied, and says why for each', async () => {
    const text = await describeAlarm.run({ name: 'worker-cpu' }, context({
      alarmHistory: async () => { throw denied('DescribeAlarmHistory'); },
      alarmContributors: async () => { throw denied('DescribeAlarmContributors'); },
      muteRuleSummaries: async () => { throw denied('ListAlarmMuteRules'); },
    }));
    assert.match(text, /^Alarm worker-cpu \(us-east-1, Multi-series alarm/);
    assert.match(text, /History \(DescribeAlarmHistory\): User is not authorized to perform: cloudwatch:DescribeAlarmHistory/);
    assert.match(text, /Contributors \(DescribeAlarmContributors\): User is not authorized/);
    assert.match(text, /Mute rules \(ListAlarmMuteRules\/GetAlarmMuteRule\): us-east-1: User is not authorized/);
    assert.match(text, /1 contributor/, 'the state reason is still given');
  });

  it('describes a log alarm by its query, log groups and schedule', async () => {
    const text = await describeAlarm.run({ name: 'checkout-5xx-logs' }, context({}));
    assert.match(text, /Log alarm/);
    assert.match(text, /filter status >= 500/);
    assert.match(text, /Log groups: \/aws\/lambda\/checkout/);
    assert.match(text, /Schedule: rate\(5 minutes\)/);
  });
});
