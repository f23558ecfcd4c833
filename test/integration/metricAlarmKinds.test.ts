import { strict as assert } from 'node:assert';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmContributorsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  InvalidNextToken,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  ResourceNotFoundException,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { resetMoto } from '../../sandbox/moto';
import { rejectsWith } from './rejectsWith';
import { awsEndpoint } from './setup';

const PROMQL: PutMetricAlarmCommandInput = {
  AlarmName: 'api-latency-promql',
  AlarmDescription: 'p99 latency per service',
  EvaluationCriteria: { PromQLCriteria: { Query: 'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5', PendingPeriod: 300, RecoveryPeriod: 600 } },
  EvaluationInterval: 60,
  AlarmActions: ['arn:aws:sns:us-east-1:123456789012:oncall'],
};

const MULTI_SERIES: PutMetricAlarmCommandInput = {
  AlarmName: 'cpu-by-instance',
  Metrics: [{ Id: 'q1', Expression: 'SELECT MAX(CPUUtilization) FROM SCHEMA("App/EC2", InstanceId) GROUP BY InstanceId ORDER BY MAX() DESC', Period: 60, ReturnData: true }],
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  Threshold: 80,
  ComparisonOperator: 'GreaterThanThreshold',
};

describe('PromQL, anomaly-band and multi-series alarms through the SDK', () => {
  let cw: CloudWatchClient;

  before(() => {
    cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  });
  after(() => cw.destroy());
  beforeEach(() => resetMoto(awsEndpoint()));

  it('keeps a PromQL alarm with its evaluation criteria and no metric of its own', async () => {
    await cw.send(new PutMetricAlarmCommand(PROMQL));
    const listed = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['api-latency-promql'] }));
    const alarm = listed.MetricAlarms?.[0];
    assert.equal(alarm?.AlarmName, 'api-latency-promql');
    assert.deepEqual(alarm?.EvaluationCriteria, PROMQL.EvaluationCriteria);
    assert.equal(alarm?.EvaluationInterval, 60);
    assert.equal(alarm?.MetricName, undefined);
    assert.equal(alarm?.Threshold, undefined);
    assert.equal(alarm?.ComparisonOperator, undefined);
    assert.deepEqual(alarm?.AlarmActions, ['arn:aws:sns:us-east-1:123456789012:oncall']);

    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-latency-promql' }));
    const created = JSON.parse(history.AlarmHistoryItems?.[0]?.HistoryData ?? '{}') as { createdAlarm?: { evaluationCriteria?: unknown } };
    assert.deepEqual(created.createdAlarm?.evaluationCriteria, PROMQL.EvaluationCriteria);

    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['api-latency-promql'] }));
    await cw.send(new PutMetricAlarmCommand({ AlarmName: 'api-latency-promql', Namespace: 'App', MetricName: 'Latency', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
    const plain = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['api-latency-promql'] }));
    assert.equal(plain.MetricAlarms?.[0]?.EvaluationCriteria, undefined, 'a deleted alarm leaves no criteria behind');
    assert.equal(plain.MetricAlarms?.[0]?.MetricName, 'Latency');
  });

  it('rejects PromQL alarm definitions AWS would reject', async () => {
    await rejectsWith(cw.send(new PutMetricAlarmCommand({ ...PROMQL, Threshold: 1 })), InvalidParameterCombinationException, (err) => assert.match(err.message, /Threshold/));
    await rejectsWith(cw.send(new PutMetricAlarmCommand({ ...PROMQL, EvaluationInterval: undefined })), InvalidParameterValueException, (err) => assert.match(err.message, /EvaluationInterval/));
    await rejectsWith(cw.send(new PutMetricAlarmCommand({ ...PROMQL, EvaluationInterval: 45 })), InvalidParameterValueException);
    await rejectsWith(
      cw.send(new PutMetricAlarmCommand({ ...MULTI_SERIES, AlarmName: 'interval-without-promql', EvaluationInterval: 60 })),
      InvalidParameterCombinationException,
    );
    const listed = await cw.send(new DescribeAlarmsCommand({}));
    assert.deepEqual(listed.MetricAlarms, []);
  });

  it('returns an anomaly-detection band alarm with its band and threshold metric intact', async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'latency-band',
        Metrics: [
          { Id: 'm1', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'api' }] }, Period: 300, Stat: 'Average' }, ReturnData: true },
          { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', Label: 'Latency (expected)', ReturnData: true },
        ],
        ThresholdMetricId: 'ad1',
        ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        WarmUpConfiguration: { WarmUpPeriodDurationInMinutes: 30 },
      }),
    );
    const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['latency-band'] }))).MetricAlarms?.[0];
    assert.equal(alarm?.ThresholdMetricId, 'ad1');
    assert.equal(alarm?.ComparisonOperator, 'LessThanLowerOrGreaterThanUpperThreshold');
    assert.deepEqual(alarm?.Metrics?.map((m) => [m.Id, m.Expression, m.MetricStat?.Metric?.MetricName]), [
      ['m1', undefined, 'Latency'],
      ['ad1', 'ANOMALY_DETECTION_BAND(m1, 2)', undefined],
    ]);
    assert.deepEqual(alarm?.WarmUpConfiguration, { WarmUpPeriodDurationInMinutes: 30 });
  });

  it('lists the contributors of a multi-series alarm that breach, with their attributes, reason and since', async () => {
    await cw.send(new PutMetricAlarmCommand(MULTI_SERIES));
    const now = Date.now();
    const minute = (ago: number): Date => new Date(now - ago * 60_000);
    const cpu = (instance: string, values: number[]) =>
      cw.send(new PutMetricDataCommand({ Namespace: 'App/EC2', MetricData: values.map((v, i) => ({ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: instance }], Timestamp: minute(i), Value: v })) }));
    await cpu('i-hot', [95, 91, 40]);
    await cpu('i-calm', [20, 25, 30]);
    await cpu('i-blip', [90, 10, 10]);

    const first = await cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'cpu-by-instance' }));
    assert.equal(first.AlarmContributors?.length, 1);
    const hot = first.AlarmContributors?.[0];
    assert.deepEqual(hot?.ContributorAttributes, { InstanceId: 'i-hot' });
    assert.match(hot?.ContributorId ?? '', /^[0-9a-f]{32}$/);
    assert.match(hot?.StateReason ?? '', /^Threshold Crossed: 2 out of the last 3 datapoints \[95 \(.+\), 91 \(.+\)\] were greater than the threshold \(80\)/);
    assert.ok(hot?.StateTransitionedTimestamp instanceof Date);

    await cpu('i-calm', [99, 99]);
    const second = await cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'cpu-by-instance' }));
    assert.deepEqual(second.AlarmContributors?.map((c) => c.ContributorAttributes?.InstanceId).sort(), ['i-calm', 'i-hot']);
    const hotAgain = second.AlarmContributors?.find((c) => c.ContributorId === hot?.ContributorId);
    assert.equal(hotAgain?.StateTransitionedTimestamp?.getTime(), hot?.StateTransitionedTimestamp?.getTime(), 'a contributor keeps the time it went into ALARM');
  });

  it('answers DescribeAlarmContributors for other alarms and unknown names as documented', async () => {
    await cw.send(new PutMetricAlarmCommand(PROMQL));
    await cw.send(new PutMetricAlarmCommand({ AlarmName: 'single', Namespace: 'App', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
    assert.deepEqual((await cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'api-latency-promql' }))).AlarmContributors, []);
    assert.deepEqual((await cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'single' }))).AlarmContributors, []);
    await rejectsWith(cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'no-such-alarm' })), ResourceNotFoundException);
    await rejectsWith(cw.send(new DescribeAlarmContributorsCommand({ AlarmName: 'single', NextToken: 'garbage' })), InvalidNextToken);
  });
});
