// An alarm that just fired with three related log groups (one from its FunctionName dimension, one from
// its opsLens:logGroups tag, one from its state machine's logging configuration) and one state machine
// (from its opsLens:stateMachines tag) with a failed execution: for the investigation's integration
// test and bench. Error events are put inside the default window and 45 minutes before the moment.
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

export const INVESTIGATED_ALARM = 'inv-checkout-errors';
export const FUNCTION_GROUP = '/aws/lambda/inv-checkout';
export const TAGGED_GROUP = '/inv/orders-api';
export const MACHINE_GROUP = '/aws/vendedlogs/states/InvOrderFlow';
const REGION = 'us-east-1';
const MIN = 60_000;

const definition = JSON.stringify({
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Failed' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
    Failed: { Type: 'Fail', Error: 'PaymentDeclined', Cause: 'card declined' },
  },
});

export interface InvestigationScenario {
  readonly machineArn: string;
  readonly failedExecution: string;
  /** Messages put inside the window, and the one put before it. */
  readonly inside: readonly string[];
  readonly outside: string;
}

/** Seeds the scenario in the account of `credentials` (moto files it under that key's account). */
export async function seedInvestigation(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = { accessKeyId: 'testing', secretAccessKey: 'testing' }): Promise<InvestigationScenario> {
  const cw = new CloudWatchClient({ region: REGION, endpoint, credentials });
  const logs = new CloudWatchLogsClient({ region: REGION, endpoint, credentials });
  const sfn = new SFNClient({ region: REGION, endpoint, credentials });
  const now = Date.now();

  const inside = [
    'ERROR PaymentDeclinedError: card declined for order 1001',
    'ERROR PaymentDeclinedError: card declined for order 1002',
    'Task timed out after 3.00 seconds: Error',
  ];
  const outside = 'ERROR StaleCacheError: an error long before the alarm';
  for (const group of [FUNCTION_GROUP, TAGGED_GROUP, MACHINE_GROUP]) {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' }));
    await logs.send(new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: 's1',
      logEvents: [
        { timestamp: now - 45 * MIN, message: outside },
        { timestamp: now - 6 * MIN, message: inside[0] },
        { timestamp: now - 5 * MIN, message: 'INFO order 1003 paid' },
        { timestamp: now - 4 * MIN, message: inside[1] },
        { timestamp: now - 3 * MIN, message: inside[2] },
      ],
    }));
  }

  const machineArn = (await sfn.send(new CreateStateMachineCommand({
    name: 'InvOrderFlow',
    definition,
    roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole',
    loggingConfiguration: { level: 'ERROR', includeExecutionData: false, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:${REGION}:123456789012:log-group:${MACHINE_GROUP}:*` } }] },
  }))).stateMachineArn!;
  const failed = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'order-1002', input: '{"fail":true}' }));
  const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn: machineArn, name: 'order-1003', input: '{}' }));
  for (const arn of [failed.executionArn!, ok.executionArn!]) {
    for (let i = 0; i < 50; i++) {
      const out = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      if (out.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  await cw.send(new PutMetricDataCommand({
    Namespace: 'AWS/Lambda',
    MetricData: [-20, -10, -6, -4, -3].map((m, i) => ({ MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: 'inv-checkout' }], Timestamp: new Date(now + m * MIN), Value: i < 2 ? 0 : 2, Unit: 'Count' })),
  }));
  await cw.send(new PutMetricAlarmCommand({
    AlarmName: INVESTIGATED_ALARM,
    AlarmDescription: 'Checkout errors',
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    Dimensions: [{ Name: 'FunctionName', Value: 'inv-checkout' }],
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    Tags: [{ Key: 'opsLens:logGroups', Value: TAGGED_GROUP }, { Key: 'opsLens:stateMachines', Value: machineArn }],
  }));
  await cw.send(new SetAlarmStateCommand({ AlarmName: INVESTIGATED_ALARM, StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 datapoint [2.0] was greater than or equal to the threshold (1.0).' }));
  return { machineArn, failedExecution: 'order-1002', inside, outside };
}
