import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateStateMachineCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { STAGING_ALARMS, STAGING_CREDENTIALS, STAGING_LOG_GROUP, STAGING_REGION, STAGING_ROLE_ARN, STAGING_STATE_MACHINE } from '../scenario/staging';

const DEFINITION = JSON.stringify({ StartAt: 'Reserve', States: { Reserve: { Type: 'Pass', Next: 'Ship' }, Ship: { Type: 'Pass', End: true } } });

/** Seeds the staging account (its own credentials, so moto files everything under its account id). */
export async function seedStaging(endpoint: string, now: Date): Promise<{ alarms: number; stateMachineArn: string }> {
  const config = { endpoint, region: STAGING_REGION, credentials: { ...STAGING_CREDENTIALS }, maxAttempts: 2 };
  const cloudWatch = new CloudWatchClient(config);
  const sfn = new SFNClient(config);
  const logs = new CloudWatchLogsClient(config);
  try {
    for (const alarm of STAGING_ALARMS) {
      await cloudWatch.send(new PutMetricAlarmCommand({ AlarmName: alarm.name, MetricName: alarm.metric, Namespace: alarm.namespace, Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
      await cloudWatch.send(new SetAlarmStateCommand({ AlarmName: alarm.name, StateValue: alarm.state, StateReason: alarm.state === 'ALARM' ? 'Threshold Crossed: 1 datapoint [4.2] was greater than the threshold (1.0).' : 'Threshold Crossed: no datapoints were greater than the threshold (1.0).' }));
    }
    const machine = await sfn.send(new CreateStateMachineCommand({ name: STAGING_STATE_MACHINE, definition: DEFINITION, roleArn: STAGING_ROLE_ARN }));
    await sfn.send(new StartExecutionCommand({ stateMachineArn: machine.stateMachineArn, name: 'order-staging-0001', input: '{"orderId":"st-0001"}' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: STAGING_LOG_GROUP }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: STAGING_LOG_GROUP, logStreamName: '2026/staging/[$LATEST]0001' }));
    const t = now.getTime() - 60_000;
    await logs.send(new PutLogEventsCommand({ logGroupName: STAGING_LOG_GROUP, logStreamName: '2026/staging/[$LATEST]0001', logEvents: [
      { timestamp: t, message: 'START RequestId: 0b1c Version: $LATEST' },
      { timestamp: t + 5, message: '[ERROR] OrderNotFound: order st-0001 not found' },
      { timestamp: t + 10, message: 'END RequestId: 0b1c' },
    ] }));
    return { alarms: STAGING_ALARMS.length, stateMachineArn: machine.stateMachineArn! };
  } finally {
    cloudWatch.destroy();
    sfn.destroy();
    logs.destroy();
  }
}
