import type { HandlerContext } from '../handler';
import type { Input } from '../input';
import { epochSeconds, optionalString, optionalTimeMs, requiredString } from '../input';
import { parseDefinition } from './definition';
import { beginRedrive, drive } from './driver';
import { executionNotRedrivable, missingMember } from './errors';
import { historyEvents, notRedrivableReason } from './executions';
import { driveEnv } from './starting';
import { type ExecutionStatus, type OwnedExecution, type StepFunctionsRegion } from './state';

/**
 * RedriveExecution, as https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html describes:
 * the execution keeps its ARN, its history gains `ExecutionRedriven`, and it continues from the top-level
 * state that failed (or was running when it was stopped or timed out) with the input that state entered
 * with; the states that had succeeded are not run again. Refused with ExecutionNotRedrivable for Express
 * workflows, executions that are running or succeeded, and those that stopped more than 14 days ago.
 * A failed distributed Map redrives its Map run (see mapRun.ts). Approximations: a failed Parallel or
 * inline Map state runs again whole (AWS re-runs only its failed branches or iterations), and variables
 * assigned before the failed state are not restored.
 */
export async function redriveExecution(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const executionArn = requiredString(ctx.input, 'executionArn', missingMember);
  const clientToken = optionalString(ctx.input, 'clientToken');
  const owned = state.execution(executionArn);
  if (owned && clientToken !== undefined && owned.lastClientToken === clientToken && owned.redriveDate !== undefined) {
    return { redriveDate: epochSeconds(owned.redriveDate) };
  }
  const execution = owned ?? (await adopt(ctx, executionArn));
  const reason = notRedrivableReason(execution.status, execution.stopDate);
  if (reason) throw executionNotRedrivable(`Execution with ARN ${executionArn} cannot be redriven: ${reason}`);
  const now = Date.now();
  state.executions.set(executionArn, execution);
  execution.lastClientToken = clientToken;
  const resumeAt = beginRedrive(execution, now);
  const failedRun = state.mapRunsOf(executionArn).reverse().find((r) => r.stateName === resumeAt.state);
  if (failedRun && failedRun.status !== 'SUCCEEDED') execution.redriveMapRun = failedRun.mapRunArn;
  void drive(driveEnv(ctx.moto, state, ctx.region), execution, resumeAt.state, resumeAt.input);
  return { redriveDate: epochSeconds(now) };
}

/** Takes over an execution moto ran, with its history, so the stand-in can continue it. */
async function adopt(ctx: HandlerContext, executionArn: string): Promise<OwnedExecution> {
  const described = await ctx.moto.call('DescribeExecution', { executionArn });
  const stateMachineArn = optionalString(described, 'stateMachineArn') ?? '';
  const machine: Input = await ctx.moto.call('DescribeStateMachine', { stateMachineArn });
  if (machine.type === 'EXPRESS') throw executionNotRedrivable(`Execution with ARN ${executionArn} cannot be redriven: Express workflows cannot be redriven.`);
  const definition = parseDefinition(optionalString(machine, 'definition') ?? '');
  if (!definition) throw executionNotRedrivable(`Execution with ARN ${executionArn} cannot be redriven: its state machine definition could not be read.`);
  return {
    executionArn,
    stateMachineArn,
    name: optionalString(described, 'name') ?? executionArn.split(':').pop() ?? '',
    input: optionalString(described, 'input') ?? '{}',
    roleArn: optionalString(machine, 'roleArn') ?? '',
    definition,
    startDate: optionalTimeMs(described, 'startDate') ?? Date.now(),
    stopDate: optionalTimeMs(described, 'stopDate'),
    status: (optionalString(described, 'status') ?? 'FAILED') as ExecutionStatus,
    error: optionalString(described, 'error'),
    cause: optionalString(described, 'cause'),
    events: await historyEvents(ctx.moto, executionArn),
    redriveCount: 0,
  };
}
