import { DescribeStateMachineCommand, SFNClient, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { DEPLOY_ACCESS_KEY_ID } from '../standin/cloudTrail/identities';
import { PRIMARY_REGION } from '../scenario/constants';

/**
 * The release that went out just before the failures: the deploy pipeline (its own credentials, so the
 * event history names it) updates the state machine's definition. Made before the alarms are seeded, so it
 * is the latest change before StepFunction-Failures fires.
 */
export async function seedDeploy(endpoint: string, stateMachineArn: string): Promise<{ eventName: string; at: string }> {
  const sfn = new SFNClient({ endpoint, region: PRIMARY_REGION, credentials: { accessKeyId: DEPLOY_ACCESS_KEY_ID, secretAccessKey: 'testing' }, maxAttempts: 2 });
  try {
    const current = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    const definition = JSON.parse(current.definition ?? '{}') as Record<string, unknown>;
    definition.Comment = 'Image generation: batch size raised to 8 (release 2026-12)';
    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: JSON.stringify(definition) }));
    return { eventName: 'UpdateStateMachine', at: new Date().toISOString() };
  } finally {
    sfn.destroy();
  }
}
