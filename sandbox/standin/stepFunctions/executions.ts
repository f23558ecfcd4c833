import type { MotoCaller } from '../forward';
import type { Input } from '../input';
import { epochSeconds, optionalNumber, optionalString } from '../input';
import type { OwnedExecution } from './state';

export const REDRIVABLE_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
/** AWS redrives executions that stopped within the last 14 days. */
export const REDRIVE_PERIOD_MS = 14 * 24 * 3600 * 1000;

/**
 * Why an execution cannot be redriven, in the words of DescribeExecution's redriveStatusReason
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html), or undefined.
 */
export function notRedrivableReason(status: string, stopDateMs: number | undefined, now = Date.now()): string | undefined {
  if (!REDRIVABLE_STATUSES.has(status)) return `Execution is ${status} and cannot be redriven.`;
  if (stopDateMs !== undefined && now - stopDateMs > REDRIVE_PERIOD_MS) return 'Execution redrivable period exceeded.';
  return undefined;
}

function redriveStatusFields(status: string, stopDateMs: number | undefined): Input {
  const reason = notRedrivableReason(status, stopDateMs);
  return reason ? { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason } : { redriveStatus: 'REDRIVABLE' };
}

/** A moto execution (never redriven) with the redrive fields AWS adds. */
export function withRedriveFields(execution: Input, withStatus: boolean): Input {
  const out: Input = { ...execution, redriveCount: 0 };
  const stop = optionalNumber(execution, 'stopDate');
  return withStatus ? { ...out, ...redriveStatusFields(optionalString(execution, 'status') ?? '', stop === undefined ? undefined : stop * 1000) } : out;
}

/** An execution the stand-in runs, as ListExecutions lists it. */
export function listItem(e: OwnedExecution): Input {
  return {
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: epochSeconds(e.startDate),
    ...(e.stopDate !== undefined ? { stopDate: epochSeconds(e.stopDate) } : {}),
    // A Map run's child execution processes one item (ItemBatcher is not supported).
    ...(e.mapRunArn ? { mapRunArn: e.mapRunArn, itemCount: 1 } : {}),
    redriveCount: e.redriveCount,
    ...(e.redriveDate !== undefined ? { redriveDate: epochSeconds(e.redriveDate) } : {}),
  };
}

/** An execution the stand-in runs, as DescribeExecution describes it. */
export function description(e: OwnedExecution): Input {
  return {
    ...listItem(e),
    input: e.input,
    inputDetails: { included: true },
    ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
    ...(e.error !== undefined ? { error: e.error } : {}),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
    ...redriveStatusFields(e.status, e.stopDate),
  };
}

/** Every execution of a state machine moto holds, newest first as moto lists them. */
export async function listAllExecutions(moto: MotoCaller, stateMachineArn: string): Promise<Input[]> {
  return allPages(moto, 'ListExecutions', { stateMachineArn }, 'executions');
}

/** Every history event of an execution, oldest first. */
export async function historyEvents(moto: MotoCaller, executionArn: string): Promise<Input[]> {
  return allPages(moto, 'GetExecutionHistory', { executionArn }, 'events');
}

export async function allPages(moto: MotoCaller, operation: string, request: Input, member: string): Promise<Input[]> {
  const all: Input[] = [];
  let token: string | undefined;
  do {
    const page = await moto.call(operation, { ...request, maxResults: 1000, ...(token ? { nextToken: token } : {}) });
    if (Array.isArray(page[member])) all.push(...(page[member] as Input[]));
    const next = optionalString(page, 'nextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  return all;
}
