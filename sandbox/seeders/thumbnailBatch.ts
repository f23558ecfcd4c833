import { CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { SandboxClients } from '../awsClients';
import { PRIMARY_REGION, STEP_FUNCTIONS_ROLE_ARN } from '../scenario/constants';
import {
  THUMBNAIL_ANNOUNCE_DEFINITION, THUMBNAIL_ANNOUNCE_MACHINE, THUMBNAIL_BATCH_DEFINITION, THUMBNAIL_BATCH_EXECUTION, THUMBNAIL_BATCH_INPUT, THUMBNAIL_BATCH_MACHINE,
} from '../scenario/thumbnailBatch';

export interface ThumbnailBatchSeedResult {
  stateMachineArn: string;
  /** The FAILED execution whose Map run failed on the corrupt image. */
  executionArn: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the thumbnail workflows and runs one batch to its failure (needs the stand-in in front of moto). */
export async function seedThumbnailBatch(clients: SandboxClients, timeoutMs = 120_000): Promise<ThumbnailBatchSeedResult> {
  const sfn = clients.sfn(PRIMARY_REGION);
  const create = async (name: string, definition: object): Promise<string> => {
    const out = await sfn.send(new CreateStateMachineCommand({ name, roleArn: STEP_FUNCTIONS_ROLE_ARN, definition: JSON.stringify(definition), type: 'STANDARD' }));
    if (!out.stateMachineArn) throw new Error(`CreateStateMachine ${name} returned no ARN`);
    return out.stateMachineArn;
  };
  await create(THUMBNAIL_ANNOUNCE_MACHINE, THUMBNAIL_ANNOUNCE_DEFINITION);
  const stateMachineArn = await create(THUMBNAIL_BATCH_MACHINE, THUMBNAIL_BATCH_DEFINITION);
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: THUMBNAIL_BATCH_EXECUTION, input: JSON.stringify(THUMBNAIL_BATCH_INPUT) }));
  if (!executionArn) throw new Error(`StartExecution ${THUMBNAIL_BATCH_EXECUTION} returned no ARN`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status === 'FAILED') return { stateMachineArn, executionArn };
    if (status !== 'RUNNING' || Date.now() > deadline) throw new Error(`execution ${THUMBNAIL_BATCH_EXECUTION} is ${status}, expected FAILED`);
    await sleep(100);
  }
}
