import { randomUUID } from 'node:crypto';
import { itemProcessorDefinition, type StateDefinition } from './definition';
import { beginRedrive, contextOf, drive, type DriveEnv, type StateOutcome } from './driver';
import { applyInputPath, applyResultPaths, evaluateTemplate, parseJson, readPath, type Json } from './paths';
import { appendEvent, type MapRun, type OwnedExecution } from './state';

/** The stand-in runs at most this many child executions of a Map run at once, whatever MaxConcurrency says. */
const CONCURRENCY_CAP = 4;
/** A sandbox bound on the items of one Map run (AWS has none), so a hostile input cannot start unbounded executions. */
const MAX_ITEMS = 1000;
export const TOLERANCE_EXCEEDED = { error: 'States.ExceedToleratedFailureThreshold', cause: 'The specified tolerated failure threshold was exceeded' };

function numberField(state: StateDefinition, name: string, fallback: number): number {
  const value = state[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** `arn:…:<kind>:<machine>/<label>[:<id>]`, the shape AWS gives Map runs, their state machine and child executions. */
function runArn(env: DriveEnv, kind: string, machineName: string, label: string, id?: string): string {
  return `arn:aws:states:${env.region}:${env.account}:${kind}:${machineName}/${label}${id ? `:${id}` : ''}`;
}

/**
 * A distributed Map state: a Map run whose items each run as a child execution of the item processor.
 * When the parent is redriven at this state, the same Map run is redriven: its unsuccessful child
 * executions are redriven and items never started are started (the succeeded ones keep their results).
 * Approximations: items come from ItemsPath (or Items when given as a literal array) — an ItemReader
 * (S3 objects, CSV, manifests) is not read, so a definition that uses one gets the state input; ItemBatcher
 * and ResultWriter are ignored; children run at most {@link CONCURRENCY_CAP} at a time.
 */
export async function runDistributedMap(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json): Promise<StateOutcome> {
  const entered = appendEvent(execution, 'MapStateEntered', { stateEnteredEventDetails: { name, input: JSON.stringify(input), inputDetails: { truncated: false } } });
  const context = contextOf(execution, name);
  const effective = applyInputPath(input, state.InputPath);
  const items = Array.isArray(state.Items) ? (state.Items as Json[]) : typeof state.ItemsPath === 'string' ? readPath(effective, state.ItemsPath) : effective;
  const processor = itemProcessorDefinition(state, execution.definition);
  if (!Array.isArray(items) || !processor || items.length > MAX_ITEMS) {
    const cause = !processor ? 'The Map state has no ItemProcessor' : !Array.isArray(items) ? 'Items of the Map state are not an array' : `The sandbox runs at most ${MAX_ITEMS} items in a Map run`;
    appendEvent(execution, 'MapStateFailed', {}, entered);
    return { ok: false, error: 'States.Runtime', cause };
  }
  appendEvent(execution, 'MapStateStarted', { mapStateStartedEventDetails: { length: items.length } });

  const redriven = execution.redriveMapRun === undefined ? undefined : env.state.mapRuns.get(execution.redriveMapRun);
  execution.redriveMapRun = undefined;
  const run = redriven ?? newMapRun(env, execution, name, state, items.length);
  if (redriven) {
    Object.assign(run, { status: 'RUNNING', redriveCount: run.redriveCount + 1, redriveDate: Date.now(), stopDate: undefined });
    appendEvent(execution, 'MapRunRedriven', { mapRunRedrivenEventDetails: { mapRunArn: run.mapRunArn, redriveCount: run.redriveCount } });
  } else {
    env.state.mapRuns.set(run.mapRunArn, run);
    appendEvent(execution, 'MapRunStarted', { mapRunStartedEventDetails: { mapRunArn: run.mapRunArn } });
  }

  const outputs: Json[] = new Array<Json>(items.length).fill(null);
  let next = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !exceeded(run, failed) && !execution.stopRequested) {
      const index = next++;
      const earlier = env.state.execution(run.childByIndex[index] ?? '');
      let child: OwnedExecution;
      if (earlier?.status === 'SUCCEEDED') {
        child = earlier;
      } else if (earlier) {
        // Redriving the Map run redrives its unsuccessful child executions, under their own ARNs.
        const resumeAt = beginRedrive(earlier);
        child = earlier;
        await drive(env, child, resumeAt.state, resumeAt.input);
      } else {
        const itemContext = { ...(context as Record<string, Json>), Map: { Item: { Index: index, Value: items[index] } } };
        const itemInput = state.ItemSelector !== undefined ? evaluateTemplate(state.ItemSelector as Json, effective, itemContext) : items[index];
        child = startChild(env, execution, run, index, processor, itemInput);
        await drive(env, child, processor.StartAt, child.input);
      }
      if (child.status === 'SUCCEEDED') outputs[index] = parseJson(child.output);
      else failed++;
    }
  };
  const limit = Math.max(1, Math.min(CONCURRENCY_CAP, run.maxConcurrency || CONCURRENCY_CAP));
  await Promise.all(Array.from({ length: limit }, worker));
  run.notStarted = run.childByIndex.filter((c) => c === undefined).length + (items.length - run.childByIndex.length);
  run.stopDate = Date.now();

  if (execution.stopRequested) {
    run.status = 'ABORTED';
    appendEvent(execution, 'MapRunAborted');
    return { ok: false, error: 'States.Aborted', cause: 'The execution was stopped' };
  }
  if (exceeded(run, failed)) {
    run.status = 'FAILED';
    appendEvent(execution, 'MapRunFailed', { mapRunFailedEventDetails: TOLERANCE_EXCEEDED });
    appendEvent(execution, 'MapStateFailed');
    return { ok: false, ...TOLERANCE_EXCEEDED };
  }
  run.status = 'SUCCEEDED';
  appendEvent(execution, 'MapRunSucceeded');
  appendEvent(execution, 'MapStateSucceeded');
  const output = applyResultPaths(state, input, outputs, context);
  appendEvent(execution, 'MapStateExited', { stateExitedEventDetails: { name, output: JSON.stringify(output), outputDetails: { truncated: false } } });
  return { ok: true, output };
}

/** More failures than the run tolerates: ToleratedFailureCount and ToleratedFailurePercentage, either one. */
export function exceeded(run: MapRun, failed: number): boolean {
  if (failed === 0) return false;
  const byCount = failed > run.toleratedFailureCount;
  const byPercentage = (failed * 100) / Math.max(1, run.totalItems) > run.toleratedFailurePercentage;
  const hasCount = run.toleratedFailureCount > 0;
  const hasPercentage = run.toleratedFailurePercentage > 0;
  if (hasCount && hasPercentage) return byCount || byPercentage;
  if (hasCount) return byCount;
  if (hasPercentage) return byPercentage;
  return true;
}

function newMapRun(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, totalItems: number): MapRun {
  const machineName = (execution.stateMachineArn.split(':').pop() ?? '').split('/')[0];
  const label = typeof state.Label === 'string' ? state.Label : randomUUID();
  return {
    mapRunArn: runArn(env, 'mapRun', machineName, label, randomUUID()),
    executionArn: execution.executionArn,
    stateName: name,
    stateMachineArn: runArn(env, 'stateMachine', machineName, label),
    startDate: Date.now(),
    status: 'RUNNING',
    maxConcurrency: numberField(state, 'MaxConcurrency', 0),
    toleratedFailureCount: numberField(state, 'ToleratedFailureCount', 0),
    toleratedFailurePercentage: numberField(state, 'ToleratedFailurePercentage', 0),
    totalItems,
    notStarted: 0,
    children: [],
    childByIndex: [],
    redriveCount: 0,
  };
}

function startChild(env: DriveEnv, parent: OwnedExecution, run: MapRun, index: number, definition: OwnedExecution['definition'], input: Json): OwnedExecution {
  const id = randomUUID();
  const [machineName, label] = (run.stateMachineArn.split(':').pop() ?? '').split('/');
  const child: OwnedExecution = {
    executionArn: runArn(env, 'execution', machineName, label, id),
    stateMachineArn: run.stateMachineArn,
    name: id,
    input: JSON.stringify(input),
    roleArn: parent.roleArn,
    definition,
    startDate: Date.now(),
    status: 'RUNNING',
    events: [],
    redriveCount: 0,
    mapRunArn: run.mapRunArn,
  };
  appendEvent(child, 'ExecutionStarted', { executionStartedEventDetails: { input: child.input, inputDetails: { truncated: false }, roleArn: child.roleArn } });
  env.state.executions.set(child.executionArn, child);
  run.children.push(child.executionArn);
  run.childByIndex[index] = child.executionArn;
  return child;
}
