import { strict as assert } from 'node:assert';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  ListTagsForResourceCommand,
  PutLogAlarmCommand,
  PutMetricAlarmCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
  ValidationException,
  type PutLogAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { resetMoto } from '../../sandbox/moto';
import { rejectsWith } from './rejectsWith';
import { awsEndpoint } from './setup';

function logAlarm(name: string, overrides: Partial<PutLogAlarmCommandInput> = {}): PutLogAlarmCommandInput {
  return {
    AlarmName: name,
    AlarmDescription: 'Too many 5xx in the checkout logs',
    ScheduledQueryConfiguration: {
      QueryString: 'fields @timestamp, status | filter status >= 500',
      LogGroupIdentifiers: ['/app/checkout'],
      ScheduledQueryRoleARN: 'arn:aws:iam::123456789012:role/scheduled-query',
      ScheduleConfiguration: { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300 },
      AggregationExpression: 'count(*)',
      Tags: [{ Key: 'query-owner', Value: 'payments' }],
    },
    QueryResultsToEvaluate: 3,
    QueryResultsToAlarm: 2,
    Threshold: 10,
    ComparisonOperator: 'GreaterThanThreshold',
    AlarmActions: ['arn:aws:sns:us-east-1:123456789012:oncall'],
    Tags: [{ Key: 'team', Value: 'payments' }],
    ...overrides,
  };
}

function metricAlarm(name: string): PutMetricAlarmCommand {
  return new PutMetricAlarmCommand({ AlarmName: name, Namespace: 'App', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
}

describe('log alarms through the SDK', () => {
  let cw: CloudWatchClient;

  before(() => {
    cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  });
  after(() => cw.destroy());
  beforeEach(() => resetMoto(awsEndpoint()));

  it('keeps a log alarm and returns it only when DescribeAlarms asks for log alarms', async () => {
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx')));
    await cw.send(metricAlarm('cpu-high'));

    const byDefault = await cw.send(new DescribeAlarmsCommand({}));
    assert.deepEqual(byDefault.MetricAlarms?.map((a) => a.AlarmName), ['cpu-high']);
    assert.deepEqual(byDefault.LogAlarms, []);

    const logs = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['LogAlarm'] }));
    assert.deepEqual(logs.MetricAlarms, []);
    const alarm = logs.LogAlarms?.[0];
    assert.equal(alarm?.AlarmName, 'checkout-5xx');
    assert.equal(alarm?.AlarmArn, 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:checkout-5xx');
    assert.equal(alarm?.StateValue, 'INSUFFICIENT_DATA');
    assert.equal(alarm?.ScheduledQueryConfiguration?.QueryString, 'fields @timestamp, status | filter status >= 500');
    assert.deepEqual(alarm?.ScheduledQueryConfiguration?.LogGroupIdentifiers, ['/app/checkout']);
    assert.deepEqual(alarm?.ScheduledQueryConfiguration?.ScheduleConfiguration, { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300, EndTimeOffset: 0 });
    assert.equal(alarm?.ScheduledQueryConfiguration?.AggregationExpression, 'count(*)');
    assert.deepEqual(alarm?.ScheduledQueryConfiguration?.Tags, [{ Key: 'query-owner', Value: 'payments' }]);
    assert.match(alarm?.ScheduledQueryConfiguration?.QueryARN ?? '', /^arn:aws:logs:us-east-1:123456789012:scheduled-query:/);
    assert.equal(alarm?.QueryResultsToEvaluate, 3);
    assert.equal(alarm?.QueryResultsToAlarm, 2);
    assert.equal(alarm?.Threshold, 10);
    assert.equal(alarm?.ComparisonOperator, 'GreaterThanThreshold');
    assert.equal(alarm?.TreatMissingData, 'missing');
    assert.equal(alarm?.ActionsEnabled, true);
    assert.deepEqual(alarm?.AlarmActions, ['arn:aws:sns:us-east-1:123456789012:oncall']);
    assert.ok(alarm?.StateUpdatedTimestamp instanceof Date);

    const every = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'], AlarmNamePrefix: 'checkout' }));
    assert.deepEqual(every.LogAlarms?.map((a) => a.AlarmName), ['checkout-5xx']);
    assert.deepEqual(every.MetricAlarms, []);

    const tags = await cw.send(new ListTagsForResourceCommand({ ResourceARN: alarm?.AlarmArn }));
    assert.deepEqual(tags.Tags, [{ Key: 'team', Value: 'payments' }]);
  });

  it('moves a log alarm with SetAlarmState, filters it by state and records the change in its history', async () => {
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx')));
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'checkout-5xx', StateValue: 'ALARM', StateReason: '14 errors in the last run', StateReasonData: '{"value":14}' }));

    const inAlarm = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['LogAlarm'], StateValue: 'ALARM' }));
    assert.equal(inAlarm.LogAlarms?.[0]?.StateReason, '14 errors in the last run');
    assert.equal(inAlarm.LogAlarms?.[0]?.StateReasonData, '{"value":14}');
    const ok = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['LogAlarm'], StateValue: 'OK' }));
    assert.deepEqual(ok.LogAlarms, []);

    const metricOnly = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-5xx' }));
    assert.deepEqual(metricOnly.AlarmHistoryItems, [], 'history lists metric alarms unless asked for other types');
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-5xx', AlarmTypes: ['LogAlarm'] }));
    assert.deepEqual(history.AlarmHistoryItems?.map((h) => [h.AlarmType, h.HistoryItemType, h.HistorySummary]), [
      ['LogAlarm', 'StateUpdate', 'Alarm updated from INSUFFICIENT_DATA to ALARM'],
      ['LogAlarm', 'ConfigurationUpdate', 'Alarm "checkout-5xx" created'],
    ]);
    await rejectsWith(cw.send(new SetAlarmStateCommand({ AlarmName: 'checkout-5xx', StateValue: 'RED' as 'OK', StateReason: 'x' })), ValidationException);
  });

  it('disables and enables the actions of log and metric alarms together', async () => {
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx')));
    await cw.send(metricAlarm('cpu-high'));
    const actionsEnabled = async (): Promise<Array<[string | undefined, boolean | undefined]>> => {
      const all = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'LogAlarm'] }));
      return [...(all.MetricAlarms ?? []), ...(all.LogAlarms ?? [])].map((a) => [a.AlarmName, a.ActionsEnabled]);
    };
    await cw.send(new DisableAlarmActionsCommand({ AlarmNames: ['checkout-5xx', 'cpu-high', 'not-there'] }));
    assert.deepEqual(await actionsEnabled(), [['cpu-high', false], ['checkout-5xx', false]]);
    await cw.send(new EnableAlarmActionsCommand({ AlarmNames: ['checkout-5xx'] }));
    assert.deepEqual(await actionsEnabled(), [['cpu-high', false], ['checkout-5xx', true]]);
  });

  it('updates a log alarm in place and deletes it with DeleteAlarms', async () => {
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx')));
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx', { Threshold: 25, TreatMissingData: 'notBreaching' })));
    const updated = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['LogAlarm'] }));
    assert.equal(updated.LogAlarms?.length, 1);
    assert.equal(updated.LogAlarms?.[0]?.Threshold, 25);
    assert.equal(updated.LogAlarms?.[0]?.TreatMissingData, 'notBreaching');

    await cw.send(metricAlarm('cpu-high'));
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['checkout-5xx', 'cpu-high'] }));
    const after = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'LogAlarm'] }));
    assert.deepEqual([...(after.MetricAlarms ?? []), ...(after.LogAlarms ?? [])], []);
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-5xx', AlarmTypes: ['LogAlarm'], HistoryItemType: 'ConfigurationUpdate' }));
    assert.deepEqual(history.AlarmHistoryItems?.map((h) => h.HistorySummary), ['Alarm "checkout-5xx" deleted', 'Alarm "checkout-5xx" updated', 'Alarm "checkout-5xx" created']);
    await rejectsWith(cw.send(new SetAlarmStateCommand({ AlarmName: 'checkout-5xx', StateValue: 'OK', StateReason: 'gone' })), ResourceNotFound);
  });

  it('rejects a log alarm AWS would reject', async () => {
    const bad: Array<[string, Partial<PutLogAlarmCommandInput>, RegExp]> = [
      ['no query', { ScheduledQueryConfiguration: undefined }, /scheduledQueryConfiguration/],
      ['cron schedule', { ScheduledQueryConfiguration: { ...logAlarm('x').ScheduledQueryConfiguration!, ScheduleConfiguration: { ScheduleExpression: 'cron(0 * * * ? *)', StartTimeOffset: 300 } } }, /rate\(\)/],
      ['end offset past start', { ScheduledQueryConfiguration: { ...logAlarm('x').ScheduledQueryConfiguration!, ScheduleConfiguration: { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300, EndTimeOffset: 300 } } }, /EndTimeOffset/],
      ['M greater than N', { QueryResultsToAlarm: 4 }, /QueryResultsToAlarm/],
      ['N over 100', { QueryResultsToEvaluate: 101, QueryResultsToAlarm: 1 }, /queryResultsToEvaluate/],
      ['band operator', { ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' }, /ComparisonOperator/],
      ['log lines without a role', { ActionLogLineCount: 5 }, /ActionLogLineRoleArn/],
    ];
    for (const [what, overrides, message] of bad) {
      await rejectsWith(cw.send(new PutLogAlarmCommand(logAlarm('bad', overrides))), ValidationException, (err) => assert.match(err.message, message, what));
    }
    await cw.send(metricAlarm('cpu-high'));
    await rejectsWith(cw.send(new PutLogAlarmCommand(logAlarm('cpu-high'))), ValidationException, (err) => assert.match(err.message, /metric alarm/));
    await cw.send(new PutLogAlarmCommand(logAlarm('checkout-5xx')));
    await rejectsWith(cw.send(metricAlarm('checkout-5xx')), ValidationException, (err) => assert.match(err.message, /log alarm/));
    const listed = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['LogAlarm'] }));
    assert.deepEqual(listed.LogAlarms?.map((a) => a.AlarmName), ['checkout-5xx']);
  });
});
