import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:ImageGenerationStateMachine';
const FAILURES_ALARM = 'StepFunction-Failures';

/** The databanana pipeline's alarms. Deployed as the DatabananaMonitoring stack. */
export class MonitoringStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    new cloudwatch.Alarm(this, 'StepFunctionFailures', {
      alarmName: FAILURES_ALARM,
      alarmDescription: 'ImageGenerationStateMachine executions are failing.',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/States',
        metricName: 'ExecutionsFailed',
        dimensionsMap: { StateMachineArn: STATE_MACHINE_ARN },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // Named by CloudFormation: found through the stack's resources and the synthesized template.
    new cloudwatch.Alarm(this, 'ApiHighErrors', {
      alarmDescription: 'API Gateway 4XX errors above the threshold in 5 minutes.',
      metric: new cloudwatch.Metric({
        namespace: 'AWS/ApiGateway',
        metricName: '4XXError',
        dimensionsMap: { ApiName: 'databanana-api' },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
