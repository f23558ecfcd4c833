import { ACCOUNT_ID, LOG_GROUPS, PRIMARY_REGION, STATE_MACHINE_ARN, STATE_MACHINE_NAME } from './constants';

/** A deployed CloudFormation stack of the scenario: the resources its templates in `workspace/infra/` define. */
export interface StackSpec {
  readonly name: string;
  readonly region: string;
  readonly resources: readonly { logicalId: string; physicalId: string; type: string }[];
}

/**
 * The stacks the workspace's CDK app and SAM template deploy. Their logical ids are those of
 * `infra/cdk/cdk.out/DatabananaMonitoring.template.json` and `infra/sam/template.yaml`; the physical ids are
 * the seeded alarms, state machine, functions' and log groups' names.
 */
export const SANDBOX_STACKS: readonly StackSpec[] = [
  {
    name: 'DatabananaMonitoring',
    region: PRIMARY_REGION,
    resources: [
      { logicalId: 'StepFunctionFailures0C7E1D5B', physicalId: 'StepFunction-Failures', type: 'AWS::CloudWatch::Alarm' },
      { logicalId: 'ApiHighErrors4F3E2A1B', physicalId: 'API-High-Errors', type: 'AWS::CloudWatch::Alarm' },
    ],
  },
  {
    name: 'databanana-pipeline',
    region: PRIMARY_REGION,
    resources: [
      { logicalId: 'GenerateFunction', physicalId: 'databanana-GenerateFunction', type: 'AWS::Lambda::Function' },
      { logicalId: 'ProcessImagesFunction', physicalId: 'databanana-ProcessImagesFunction', type: 'AWS::Lambda::Function' },
      { logicalId: 'StateMachineLogs', physicalId: LOG_GROUPS.stateMachine, type: 'AWS::Logs::LogGroup' },
      { logicalId: STATE_MACHINE_NAME, physicalId: STATE_MACHINE_ARN, type: 'AWS::StepFunctions::StateMachine' },
    ],
  },
];

export function stackId(stack: StackSpec): string {
  return `arn:aws:cloudformation:${stack.region}:${ACCOUNT_ID}:stack/${stack.name}/00000000-0000-4000-8000-${stack.name.length.toString().padStart(12, '0')}`;
}
