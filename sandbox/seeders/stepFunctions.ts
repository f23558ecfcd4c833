import {
  CreateStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, StartExecutionCommand, StopExecutionCommand,
  type DescribeExecutionCommandOutput, type HistoryEvent,
} from '@aws-sdk/client-sfn';
import type { SandboxClients } from '../awsClients';
import { PRIMARY_REGION } from '../scenario/constants';
import type { ExecutionHistory } from '../scenario/logs';
import { EXECUTIONS, EXPRESS_STATE_MACHINE, STATE_MACHINE, type ExecutionOutcome, type ExecutionSpec } from '../scenario/stateMachine';

export interface StepFunctionsSeedResult {
  stateMachineArn: string;
  executions: Record<ExecutionOutcome, string[]>;
  histories: ExecutionHistory[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates ImageGenerationStateMachine and runs its executions (moto's real-execution mode) until each is
 * where it should be; creates an express workflow beside it.
 */
export async function seedStepFunctions(clients: SandboxClients): Promise<StepFunctionsSeedResult> {
  const sfn = clients.sfn(PRIMARY_REGION);
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({
      name: STATE_MACHINE.name,
      roleArn: STATE_MACHINE.roleArn,
      definition: JSON.stringify(STATE_MACHINE.definition),
      type: 'STANDARD',
      loggingConfiguration: STATE_MACHINE.logging,
      tags: Object.entries(STATE_MACHINE.tags).map(([key, value]) => ({ key, value })),
    }),
  );
  if (!stateMachineArn) throw new Error('CreateStateMachine returned no ARN');
  await sfn.send(
    new CreateStateMachineCommand({
      name: EXPRESS_STATE_MACHINE.name,
      roleArn: EXPRESS_STATE_MACHINE.roleArn,
      definition: JSON.stringify(EXPRESS_STATE_MACHINE.definition),
      type: 'EXPRESS',
    }),
  );

  const started: { spec: ExecutionSpec; arn: string }[] = [];
  for (const spec of EXECUTIONS) {
    const out = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: spec.name, input: JSON.stringify(spec.input) }));
    if (!out.executionArn) throw new Error(`StartExecution ${spec.name} returned no ARN`);
    started.push({ spec, arn: out.executionArn });
  }

  const executions: Record<ExecutionOutcome, string[]> = { SUCCEEDED: [], FAILED: [], RUNNING: [], ABORTED: [] };
  const histories: ExecutionHistory[] = [];
  for (const { spec, arn } of started) {
    if (spec.stop) {
      await waitFor(clients, arn, (d) => d.status === 'RUNNING');
      await sfn.send(new StopExecutionCommand({ executionArn: arn, error: spec.stop.error, cause: spec.stop.cause }));
    }
    const described = await waitFor(clients, arn, (d) => (spec.expect === 'RUNNING' ? d.status === 'RUNNING' : d.status !== 'RUNNING'));
    if (described.status !== spec.expect) {
      throw new Error(`execution ${spec.name} is ${described.status}, expected ${spec.expect}`);
    }
    executions[spec.expect].push(arn);
    histories.push({
      execution: {
        name: spec.name,
        executionArn: arn,
        status: described.status,
        startDate: described.startDate?.getTime() ?? Date.now(),
        stopDate: described.stopDate?.getTime(),
        input: spec.input,
      },
      events: await history(clients, arn),
    });
  }
  return { stateMachineArn, executions, histories };
}

async function waitFor(
  clients: SandboxClients,
  executionArn: string,
  done: (d: DescribeExecutionCommandOutput) => boolean,
  timeoutMs = 10_000,
): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await clients.sfn(PRIMARY_REGION).send(new DescribeExecutionCommand({ executionArn }));
    if (done(d) || Date.now() > deadline) return d;
    await sleep(100);
  }
}

async function history(clients: SandboxClients, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.sfn(PRIMARY_REGION).send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}
