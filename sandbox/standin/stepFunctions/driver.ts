import type { MotoCaller } from '../forward';
import { catcherFor, childExecutionResource, isDistributedMap, isLambdaTask, standInStates, type StateDefinition } from './definition';
import { parseJson, writePath, type Json } from './paths';
import { runSegment } from './segments';
import { appendEvent, type OwnedExecution, type StepFunctionsRegion } from './state';

/** What a state the stand-in runs itself ends with. */
export type StateOutcome = { ok: true; output: Json } | { ok: false; error: string; cause: string };

/** What the stand-in's own states need around them. */
export interface DriveEnv {
  readonly moto: MotoCaller;
  readonly state: StepFunctionsRegion;
  readonly region: string;
  readonly account: string;
  /** Starts an execution as StartExecution would (moto's or the stand-in's), for child-execution tasks. */
  startExecution(stateMachineArn: string, name: string | undefined, input: string): Promise<{ executionArn: string; startDate: number }>;
  /** DescribeExecution as a client would see it. */
  describeExecution(executionArn: string): Promise<Record<string, unknown>>;
  runDistributedMap(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json): Promise<StateOutcome>;
  runChildExecution(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json, resource: string): Promise<StateOutcome>;
  runLambdaTask(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json): Promise<StateOutcome>;
}

/** The context object (`$$`) of a state the stand-in runs. */
export function contextOf(execution: OwnedExecution, stateName: string): Json {
  return {
    Execution: { Id: execution.executionArn, Name: execution.name, StartTime: new Date(execution.startDate).toISOString(), Input: parseJson(execution.input), RoleArn: execution.roleArn, RedriveCount: execution.redriveCount },
    StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineArn.split(':').pop() ?? '' },
    State: { Name: stateName, EnteredTime: new Date().toISOString() },
  };
}

/**
 * Runs `execution` from top-level state `from` with `input` to its end. moto runs the states it can, in
 * segments; the stand-in runs distributed Map states, `states:startExecution` tasks and Lambda tasks
 * (lambdaTask.ts) itself between segments. Approximation: Retry on those is not applied, and the context
 * object inside moto's segments names a segment execution rather than this one.
 */
export async function drive(env: DriveEnv, execution: OwnedExecution, from: string, input: string): Promise<void> {
  const own = standInStates(execution.definition);
  let at = from;
  let data = input;
  try {
    for (;;) {
      if (execution.stopRequested) return abort(execution);
      const segment = await runSegment(env.moto, execution, at, data, own);
      if (execution.stopRequested && segment.status !== 'SUCCEEDED') return abort(execution);
      if (segment.status !== 'SUCCEEDED') return fail(execution, segment.status, segment.error, segment.cause, lastTopLevelEntry(execution));
      if (!segment.handoff) return succeed(execution, segment.output ?? '{}');
      const name = segment.handoff;
      const state = execution.definition.States[name] ?? {};
      const stateInput = parseJson(segment.output);
      const resource = childExecutionResource(state);
      const outcome = isDistributedMap(state)
        ? await env.runDistributedMap(env, execution, name, state, stateInput)
        : isLambdaTask(state)
          ? await env.runLambdaTask(env, execution, name, state, stateInput)
          : await env.runChildExecution(env, execution, name, state, stateInput, resource ?? '');
      if (execution.stopRequested) return abort(execution);
      if (!outcome.ok) {
        const catcher = catcherFor(state, outcome.error);
        if (!catcher) return fail(execution, 'FAILED', outcome.error, outcome.cause, { state: name, input: JSON.stringify(stateInput) });
        at = catcher.Next;
        data = JSON.stringify(writePath(stateInput, catcher.ResultPath, { Error: outcome.error, Cause: outcome.cause }));
        continue;
      }
      if (state.End === true || typeof state.Next !== 'string') return succeed(execution, JSON.stringify(outcome.output));
      at = state.Next;
      data = JSON.stringify(outcome.output);
    }
  } catch (err) {
    fail(execution, 'FAILED', 'States.Runtime', err instanceof Error ? err.message : String(err), lastTopLevelEntry(execution));
  }
}

function succeed(execution: OwnedExecution, output: string): void {
  appendEvent(execution, 'ExecutionSucceeded', { executionSucceededEventDetails: { output, outputDetails: { truncated: false } } });
  Object.assign(execution, { status: 'SUCCEEDED', output, stopDate: Date.now(), resumeAt: undefined });
}

function fail(execution: OwnedExecution, status: string, error: string | undefined, cause: string | undefined, resumeAt: OwnedExecution['resumeAt']): void {
  const last = execution.events[execution.events.length - 1];
  if (last?.type !== 'ExecutionFailed' && last?.type !== 'ExecutionTimedOut' && last?.type !== 'ExecutionAborted') {
    appendEvent(execution, 'ExecutionFailed', { executionFailedEventDetails: { ...(error ? { error } : {}), ...(cause ? { cause } : {}) } });
  }
  Object.assign(execution, { status: status === 'RUNNING' ? 'FAILED' : status, error, cause, stopDate: Date.now(), resumeAt });
}

function abort(execution: OwnedExecution): void {
  const { error, cause } = execution.stopRequested ?? {};
  const last = execution.events[execution.events.length - 1];
  if (last?.type !== 'ExecutionAborted') appendEvent(execution, 'ExecutionAborted', { executionAbortedEventDetails: { ...(error ? { error } : {}), ...(cause ? { cause } : {}) } });
  Object.assign(execution, { status: 'ABORTED', error, cause, stopDate: Date.now(), resumeAt: lastTopLevelEntry(execution), stopRequested: undefined });
}

/** The last top-level state the execution entered, with its input: where a redrive picks up. */
export function lastTopLevelEntry(execution: Pick<OwnedExecution, 'definition' | 'events'>): OwnedExecution['resumeAt'] {
  for (let i = execution.events.length - 1; i >= 0; i--) {
    const event = execution.events[i];
    const details = event.stateEnteredEventDetails as { name?: unknown; input?: unknown } | undefined;
    if (typeof details?.name === 'string' && Object.hasOwn(execution.definition.States, details.name)) {
      return { state: details.name, input: typeof details.input === 'string' ? details.input : '{}' };
    }
  }
  return undefined;
}

/** Marks an execution redriven (count, date, ExecutionRedriven event) and says where it resumes. */
export function beginRedrive(execution: OwnedExecution, now = Date.now()): NonNullable<OwnedExecution['resumeAt']> {
  const resumeAt = execution.resumeAt ?? lastTopLevelEntry(execution) ?? { state: execution.definition.StartAt, input: execution.input };
  Object.assign(execution, { status: 'RUNNING', redriveCount: execution.redriveCount + 1, redriveDate: now });
  for (const key of ['stopDate', 'output', 'error', 'cause', 'resumeAt'] as const) delete execution[key];
  appendEvent(execution, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: execution.redriveCount } });
  return resumeAt;
}
