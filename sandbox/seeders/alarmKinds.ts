import {
  PutAlarmMuteRuleCommand,
  PutLogAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { SandboxClients } from '../awsClients';
import { ACCOUNT_ID, OPS_ALERTS_TOPIC, PRIMARY_REGION } from '../scenario/constants';

/** The alarms of each kind CloudWatch has beyond metric and composite alarms, and the mute rule over one of them. */
export interface AlarmKindsSeed {
  readonly logAlarm: string;
  readonly promQlAlarm: string;
  readonly multiSeriesAlarm: string;
  readonly anomalyBandAlarm: string;
  readonly muteRule: string;
}

export const ALARM_KINDS: AlarmKindsSeed = {
  logAlarm: 'checkout-5xx-logs',
  promQlAlarm: 'api-p99-latency-promql',
  multiSeriesAlarm: 'worker-cpu-by-instance',
  anomalyBandAlarm: 'checkout-latency-band',
  muteRule: 'worker-patching',
};

/** The log group the log alarm's query reads. */
export const CHECKOUT_LOG_GROUP = '/aws/lambda/checkout';

/**
 * Checkout's access log over the last 90 minutes, a request a minute, answering 5xx for a few requests per
 * 5 minutes and for most of them in the last 15 minutes: the log alarm's query counts them.
 */
async function seedCheckoutLog(clients: SandboxClients, now: Date): Promise<void> {
  const logs = clients.logs(PRIMARY_REGION);
  await logs.send(new CreateLogGroupCommand({ logGroupName: CHECKOUT_LOG_GROUP }));
  const stream = '2026/checkout/[$LATEST]0001';
  await logs.send(new CreateLogStreamCommand({ logGroupName: CHECKOUT_LOG_GROUP, logStreamName: stream }));
  const events: { timestamp: number; message: string }[] = [];
  for (let ago = 90; ago >= 1; ago--) {
    const at = now.getTime() - ago * 60_000;
    for (let k = 0; k < 4; k++) {
      const failing = ago <= 15 ? k < 3 : (ago + k) % 7 === 0;
      events.push({
        timestamp: at + k * 10_000,
        message: JSON.stringify(failing
          ? { level: 'ERROR', status: 503, path: '/checkout', message: 'Error: payment service timed out after 3000 ms' }
          : { level: 'INFO', status: 200, path: '/checkout', message: 'order placed' }),
      });
    }
  }
  await logs.send(new PutLogEventsCommand({ logGroupName: CHECKOUT_LOG_GROUP, logStreamName: stream, logEvents: events }));
}

/** Checkout's latency every 5 minutes for 3 hours: steady, then well above its expected band for the last 15 minutes. */
async function seedCheckoutLatency(clients: SandboxClients, now: Date): Promise<void> {
  const step = 5 * 60_000;
  const last = Math.floor(now.getTime() / step) * step;
  const points = Array.from({ length: 37 }, (_, i) => {
    const at = last - (36 - i) * step;
    const value = i >= 34 ? 240 + (i - 34) * 15 : 100 + ((i * 7) % 11) - 5;
    return { MetricName: 'Latency', Timestamp: new Date(at), Value: value, Unit: 'Milliseconds' as const };
  });
  await clients.cloudWatch(PRIMARY_REGION).send(new PutMetricDataCommand({ Namespace: 'Checkout', MetricData: points }));
}

/**
 * Seeds one alarm of each kind in the primary region: a log alarm in ALARM over checkout's log, a PromQL alarm, a
 * Metrics Insights alarm with one instance breaching (a contributor), an anomaly-detection band alarm in ALARM
 * (checkout's latency has left its band), and a mute rule active now
 * over the multi-series alarm until the end of the day. Not part of the default scenario (its alarm counts stay).
 */
export async function seedAlarmKinds(clients: SandboxClients, now: Date): Promise<AlarmKindsSeed> {
  const cw = clients.cloudWatch(PRIMARY_REGION);
  await seedCheckoutLog(clients, now);
  await seedCheckoutLatency(clients, now);
  await cw.send(
    new PutLogAlarmCommand({
      AlarmName: ALARM_KINDS.logAlarm,
      AlarmDescription: 'Checkout answers 5xx in its logs',
      ScheduledQueryConfiguration: {
        QueryString: 'fields @timestamp, status | filter status >= 500',
        LogGroupIdentifiers: ['/aws/lambda/checkout'],
        ScheduledQueryRoleARN: `arn:aws:iam::${ACCOUNT_ID}:role/cloudwatch-scheduled-query`,
        ScheduleConfiguration: { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300 },
        AggregationExpression: 'count(*)',
      },
      QueryResultsToEvaluate: 3,
      QueryResultsToAlarm: 2,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [OPS_ALERTS_TOPIC],
    }),
  );
  await cw.send(new SetAlarmStateCommand({ AlarmName: ALARM_KINDS.logAlarm, StateValue: 'ALARM', StateReason: 'Threshold Crossed: 2 out of the last 3 query results [17.0, 23.0] were greater than the threshold (10.0).' }));
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM_KINDS.promQlAlarm,
      AlarmDescription: 'p99 latency per service above 500 ms',
      EvaluationCriteria: { PromQLCriteria: { Query: 'histogram_quantile(0.99, sum by (service, le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5', PendingPeriod: 300, RecoveryPeriod: 600 } },
      EvaluationInterval: 60,
      AlarmActions: [OPS_ALERTS_TOPIC],
    }),
  );
  const minute = (ago: number): Date => new Date(now.getTime() - ago * 60_000);
  // A point a minute from three minutes ago to two hours ahead (CloudWatch takes timestamps up to two hours in the
  // future), so the worker stays a contributor while a sandbox runs, not only in the minutes after it starts.
  const minutes = Array.from({ length: 123 }, (_, i) => i - 120);
  for (const [instance, values] of [['i-0worker1', [96, 93, 91]], ['i-0worker2', [35, 41, 38]]] as const) {
    await cw.send(new PutMetricDataCommand({ Namespace: 'Workers/EC2', MetricData: minutes.map((ago, i) => ({ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: instance }], Timestamp: minute(ago), Value: values[i % values.length], Unit: 'Percent' })) }));
  }
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM_KINDS.multiSeriesAlarm,
      AlarmDescription: 'Any worker instance above 80% CPU',
      Metrics: [{ Id: 'q1', Expression: 'SELECT MAX(CPUUtilization) FROM SCHEMA("Workers/EC2", InstanceId) GROUP BY InstanceId', Period: 60, ReturnData: true }],
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  await cw.send(new SetAlarmStateCommand({ AlarmName: ALARM_KINDS.multiSeriesAlarm, StateValue: 'ALARM', StateReason: '1 contributor is in ALARM.' }));
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM_KINDS.anomalyBandAlarm,
      AlarmDescription: 'Checkout latency outside its expected band',
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: { Namespace: 'Checkout', MetricName: 'Latency' }, Period: 300, Stat: 'Average' }, ReturnData: true },
        { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', Label: 'Latency (expected)', ReturnData: true },
      ],
      ThresholdMetricId: 'ad1',
      ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
    }),
  );
  await cw.send(new SetAlarmStateCommand({ AlarmName: ALARM_KINDS.anomalyBandAlarm, StateValue: 'ALARM', StateReason: 'Thresholds Crossed: 2 out of the last 3 datapoints [255.0, 240.0] were greater than the upper thresholds [113.6, 112.8].' }));
  const endOfDay = new Date(now);
  endOfDay.setUTCHours(23, 59, 0, 0);
  await cw.send(
    new PutAlarmMuteRuleCommand({
      Name: ALARM_KINDS.muteRule,
      Description: 'Workers are being patched',
      Rule: { Schedule: { Expression: `at(${new Date(now.getTime() - 10 * 60_000).toISOString().slice(0, 16)})`, Duration: 'P1D' } },
      MuteTargets: { AlarmNames: [ALARM_KINDS.multiSeriesAlarm] },
      ExpireDate: endOfDay.getTime() > now.getTime() ? endOfDay : new Date(now.getTime() + 60 * 60_000),
    }),
  );
  return ALARM_KINDS;
}
