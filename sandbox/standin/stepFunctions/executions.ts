import type { MotoCaller } from '../forward';
import type { Input } from '../input';
import { epochSeconds, optionalString } from '../input';
import type { RedriveRecord, StepFunctionsRegion } from './state';

export const REDRIVABLE_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

/** The execution as AWS would describe it after its redrives: the latest re-run's progress under the original's identity. */
export async function describeWithRedrives(moto: MotoCaller, state: StepFunctionsRegion, executionArn: string): Promise<Input> {
  const original = await moto.call('DescribeExecution', { executionArn });
  const record = state.record(executionArn);
  const latestArn = record?.attempts[record.attempts.length - 1];
  const described: Input = { ...original };
  if (record && latestArn) {
    const latest = await moto.call('DescribeExecution', { executionArn: latestArn });
    for (const key of ['status', 'stopDate', 'output', 'outputDetails', 'error', 'cause']) {
      if (latest[key] === undefined) delete described[key];
      else described[key] = latest[key];
    }
  }
  return withRedriveFields(described, record, true);
}

/** Adds redriveCount/redriveDate (and, for DescribeExecution, redriveStatus and its reason). */
export function withRedriveFields(execution: Input, record: RedriveRecord | undefined, withStatus: boolean): Input {
  const status = optionalString(execution, 'status') ?? '';
  const out: Input = { ...execution, redriveCount: record?.attempts.length ?? 0 };
  if (record) out.redriveDate = epochSeconds(record.redriveDate);
  if (withStatus) {
    if (REDRIVABLE_STATUSES.has(status)) {
      out.redriveStatus = 'REDRIVABLE';
      delete out.redriveStatusReason;
    } else {
      out.redriveStatus = 'NOT_REDRIVABLE';
      out.redriveStatusReason = `Execution is ${status} and cannot be redriven`;
    }
  }
  return out;
}

/** Every execution of a state machine moto holds, newest first as moto lists them. */
export async function listAllExecutions(moto: MotoCaller, stateMachineArn: string): Promise<Input[]> {
  const all: Input[] = [];
  let token: string | undefined;
  do {
    const page = await moto.call('ListExecutions', { stateMachineArn, maxResults: 1000, ...(token ? { nextToken: token } : {}) });
    if (Array.isArray(page.executions)) all.push(...(page.executions as Input[]));
    const next = optionalString(page, 'nextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  return all;
}

/** Every history event of an execution, oldest first. */
export async function historyEvents(moto: MotoCaller, executionArn: string): Promise<Input[]> {
  const events: Input[] = [];
  let token: string | undefined;
  do {
    const page = await moto.call('GetExecutionHistory', { executionArn, maxResults: 1000, ...(token ? { nextToken: token } : {}) });
    if (Array.isArray(page.events)) events.push(...(page.events as Input[]));
    const next = optionalString(page, 'nextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  return events;
}
