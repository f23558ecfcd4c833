import { MotoFailure } from '../forward';
import { AwsError } from '../protocol';
import type { StateDefinition } from './definition';
import { contextOf, type DriveEnv, type StateOutcome } from './driver';
import { applyInputPath, applyResultPaths, evaluateTemplate, parseJson, type Json } from './paths';
import { appendEvent, type OwnedExecution } from './state';

const POLL_MS = 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function epochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 1e11 ? value : Math.round(value * 1000);
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  return undefined;
}

/**
 * A `states:startExecution` task: starts an execution of the named state machine with the task's Input
 * (the parent passes `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` in it, usually from `$$.Execution.Id`);
 * `.sync` waits for it and returns its description with Output as text, `.sync:2` with Output as JSON.
 * See https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
export async function runChildExecution(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json, resource: string): Promise<StateOutcome> {
  appendEvent(execution, 'TaskStateEntered', { stateEnteredEventDetails: { name, input: JSON.stringify(input), inputDetails: { truncated: false } } });
  const context = contextOf(execution, name);
  const parameters = evaluateTemplate((state.Parameters ?? state.Arguments ?? {}) as Json, applyInputPath(input, state.InputPath), context) as Record<string, Json>;
  const task = { resourceType: 'states', resource };
  appendEvent(execution, 'TaskScheduled', { taskScheduledEventDetails: { ...task, region: env.region, parameters: JSON.stringify(parameters) } });
  appendEvent(execution, 'TaskStarted', { taskStartedEventDetails: task });
  const failed = (error: string, cause: string): StateOutcome => {
    appendEvent(execution, 'TaskFailed', { taskFailedEventDetails: { ...task, error, cause } });
    return { ok: false, error, cause };
  };

  const machineArn = typeof parameters.StateMachineArn === 'string' ? parameters.StateMachineArn : '';
  const childInput = parameters.Input === undefined ? '{}' : typeof parameters.Input === 'string' ? parameters.Input : JSON.stringify(parameters.Input);
  let started: { executionArn: string; startDate: number };
  try {
    started = await env.startExecution(machineArn, typeof parameters.Name === 'string' ? parameters.Name : undefined, childInput);
  } catch (err) {
    const { code, message } = errorOf(err);
    return failed(`StepFunctions.${code}Exception`, message);
  }
  const submitted = { ExecutionArn: started.executionArn, StartDate: started.startDate };
  if (resource === 'startExecution') return succeeded(execution, name, state, input, submitted, task, context);

  appendEvent(execution, 'TaskSubmitted', { taskSubmittedEventDetails: { ...task, output: JSON.stringify(submitted) } });
  let described: Record<string, unknown>;
  for (;;) {
    described = await env.describeExecution(started.executionArn);
    if (described.status !== 'RUNNING' || execution.stopRequested) break;
    await sleep(POLL_MS);
  }
  const asJson = resource.endsWith(':2');
  const text = (key: string): Json | undefined => (typeof described[key] === 'string' ? (asJson ? parseJson(described[key] as string) : (described[key] as string)) : undefined);
  const result: Record<string, Json> = {
    ExecutionArn: started.executionArn,
    Input: text('input') ?? null,
    InputDetails: { Included: true },
    Name: String(described.name ?? ''),
    StartDate: started.startDate,
    StateMachineArn: machineArn,
    Status: String(described.status ?? ''),
    StopDate: epochMs(described.stopDate) ?? null,
  };
  if (described.status === 'SUCCEEDED') {
    result.Output = text('output') ?? null;
    result.OutputDetails = { Included: true };
    return succeeded(execution, name, state, input, result, task, context);
  }
  if (typeof described.error === 'string') result.Error = described.error;
  if (typeof described.cause === 'string') result.Cause = described.cause;
  return failed('States.TaskFailed', JSON.stringify(result));
}

/** The error code and message of a failed StartExecution, answered by moto or by the stand-in. */
function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof AwsError) return { code: err.type, message: err.message };
  if (err instanceof MotoFailure) {
    const body = parseJson(err.response.body.toString('utf8'));
    const record = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
    const type = typeof record.__type === 'string' ? record.__type : 'StateMachineDoesNotExist';
    return { code: type.slice(type.lastIndexOf('#') + 1), message: typeof record.message === 'string' ? record.message : err.message };
  }
  return { code: 'StepFunctions', message: err instanceof Error ? err.message : String(err) };
}

function succeeded(execution: OwnedExecution, name: string, state: StateDefinition, input: Json, result: Json, task: object, context: Json): StateOutcome {
  appendEvent(execution, 'TaskSucceeded', { taskSucceededEventDetails: { ...task, output: JSON.stringify(result), outputDetails: { truncated: false } } });
  const output = applyResultPaths(state, input, result, context);
  appendEvent(execution, 'TaskStateExited', { stateExitedEventDetails: { name, output: JSON.stringify(output), outputDetails: { truncated: false } } });
  return { ok: true, output };
}
