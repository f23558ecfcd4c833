import type { HandlerContext } from '../handler';
import { epochSeconds, optionalString, requiredString } from '../input';
import { executionNotRedrivable, validationException } from './errors';
import { describeWithRedrives, REDRIVABLE_STATUSES } from './executions';
import type { RedriveRecord, StepFunctionsRegion } from './state';

const MAX_NAME_LENGTH = 80;

/**
 * RedriveExecution for FAILED, TIMED_OUT and ABORTED executions.
 *
 * Approximation: AWS restarts a redriven execution from its unsuccessful state, under the same execution
 * ARN, reusing the results of the states that had succeeded. moto cannot resume an execution, so the
 * stand-in starts the same state machine again from its start, with the original input, as a sibling
 * execution named `<name>-redrive-<n>`. That sibling is hidden from ListExecutions, and DescribeExecution,
 * ListExecutions, GetExecutionHistory and StopExecution of the original report and act on the latest
 * sibling's progress, with redriveCount, redriveDate and redriveStatus as AWS sets them. A redrive whose
 * clientToken repeats the previous one's is not run again.
 */
export async function redriveExecution(state: StepFunctionsRegion, ctx: HandlerContext): Promise<unknown> {
  const requested = requiredString(ctx.input, 'executionArn', (member) => validationException(`Value null at '${member}' failed to satisfy constraint: Member must not be null`));
  const executionArn = state.ownerOf(requested) ?? requested;
  const clientToken = optionalString(ctx.input, 'clientToken');
  const current = await describeWithRedrives(ctx.moto, state, executionArn);
  const existing = state.record(executionArn);
  if (existing && clientToken !== undefined && existing.lastClientToken === clientToken) return { redriveDate: epochSeconds(existing.redriveDate) };

  const status = optionalString(current, 'status') ?? '';
  if (!REDRIVABLE_STATUSES.has(status)) {
    throw executionNotRedrivable(`Execution with ARN ${executionArn} cannot be redriven because its status is ${status}; only FAILED, TIMED_OUT and ABORTED executions can be redriven.`);
  }
  const stateMachineArn = optionalString(current, 'stateMachineArn') ?? '';
  const record: RedriveRecord = existing ?? { executionArn, stateMachineArn, attempts: [], redriveDate: Date.now() };
  const name = optionalString(current, 'name') ?? executionArn.split(':').pop() ?? 'execution';
  const suffix = `-redrive-${record.attempts.length + 1}`;
  const started = await ctx.moto.call('StartExecution', {
    stateMachineArn,
    name: `${name.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`,
    input: optionalString(current, 'input') ?? '{}',
  });
  const now = Date.now();
  state.add(record, optionalString(started, 'executionArn') ?? '', now);
  record.lastClientToken = clientToken;
  return { redriveDate: epochSeconds(now) };
}
