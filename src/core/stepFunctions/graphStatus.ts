// What one execution did in each state, from its GetExecutionHistory events: entered, retried,
// caught, failed, still running or never reached; the transitions taken; Map runs and child
// executions started. One pass over the events, each looked at once.
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { sanitizeText } from '../insights/results/sanitize';
import { shortText } from './graphLabels';

export type StateStatus = 'succeeded' | 'failed' | 'caught' | 'retried' | 'running' | 'stopped' | 'notReached';

/** Worst first: the status a state shows when its runs differ. */
const SEVERITY: readonly StateStatus[] = ['failed', 'stopped', 'running', 'caught', 'retried', 'succeeded', 'notReached'];

export const STATUS_WORDS: Record<StateStatus, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  caught: 'failed, caught',
  retried: 'succeeded after retries',
  running: 'running',
  stopped: 'stopped',
  notReached: 'not reached',
};

export interface StateOutcome {
  readonly status: StateStatus;
  /** Times the state was entered (a Map's iterations and loops enter it more than once). */
  readonly runs: number;
  /** Task attempts beyond the first, in the runs that decide the status. */
  readonly retries: number;
  readonly enteredAt?: number;
  readonly exitedAt?: number;
  readonly input?: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** Entered again after the execution was redriven. */
  readonly redriven: boolean;
  /** An inline Map's iterations. */
  readonly iterations?: { readonly started: number; readonly failed: number };
  readonly mapRunArns: readonly string[];
  readonly childExecutionArns: readonly string[];
}

export interface ExecutionPath {
  /** By state name. States never entered are absent. */
  readonly states: ReadonlyMap<string, StateOutcome>;
  /** `from → to` state names (`''` for the execution's start) that the execution took. */
  readonly transitions: ReadonlySet<string>;
  readonly redrives: number;
  /** The states entered, in the order first entered. */
  readonly order: readonly string[];
}

export const DATA_CHARS = 8_192;
const MAX_LINKS = 50;

export const transitionKey = (from: string, to: string) => `${from}\u0000${to}`;

interface Run {
  readonly name: string;
  readonly type: string;
  readonly epoch: number;
  readonly enteredAt?: number;
  exitedAt?: number;
  input?: string;
  output?: string;
  attempts: number;
  lastAttemptFailed: boolean;
  error?: string;
  cause?: string;
  ended?: 'failed' | 'stopped';
}

interface StateRecord {
  readonly runs: Run[];
  iterations?: { started: number; failed: number };
  readonly mapRunArns: string[];
  readonly childExecutionArns: string[];
  redriven: boolean;
}

const ENTERED = /^(\w+)StateEntered$/;
const EXITED = /^\w+StateExited$/;
const SCHEDULED = /^(Task|LambdaFunction|Activity)Scheduled$/;
const TASK_FAILED = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|ScheduleFailed|StartFailed|SubmitFailed)$/;
const CONTAINER_EVENT = /^(Parallel|Map)(State(Started|Failed|Succeeded|Aborted)|Iteration\w+|Run\w+)$/;
const CHILD_ARN = /"ExecutionArn"\s*:\s*"(arn:aws[a-z-]*:states:[^"\\]{1,300})"/;

function details(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const key in event) {
    const value = (event as unknown as Record<string, unknown>)[key];
    if (key.endsWith('EventDetails') && value && typeof value === 'object') return value as Record<string, unknown>;
  }
  return undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const capped = (v: unknown) => (typeof v === 'string' ? sanitizeText(v.length > DATA_CHARS ? `${v.slice(0, DATA_CHARS)}… (${v.length} characters, cut)` : v) : undefined);
const time = (event: HistoryEvent) => (event.timestamp ? new Date(event.timestamp).getTime() : undefined);

function runStatus(run: Run): StateStatus {
  if (run.ended) return run.ended;
  if (run.exitedAt === undefined) return 'running';
  if (run.lastAttemptFailed) return 'caught';
  return run.attempts > 1 ? 'retried' : 'succeeded';
}

/** Reads an execution's events (in any order; sorted by id) into what each state did. */
export function executionPath(events: readonly HistoryEvent[]): ExecutionPath {
  const records = new Map<string, StateRecord>();
  const transitions = new Set<string>();
  const order: string[] = [];
  /** The state each event belongs to, by event id. */
  const owner = new Map<number, Run>();
  const exitedBy = new Map<number, string>();
  const open: Run[] = [];
  let epoch = 0;
  let startId: number | undefined;

  const record = (name: string): StateRecord => {
    let r = records.get(name);
    if (!r) {
      r = { runs: [], mapRunArns: [], childExecutionArns: [], redriven: false };
      records.set(name, r);
      order.push(name);
    }
    return r;
  };
  const close = (run: Run) => {
    const at = open.lastIndexOf(run);
    if (at >= 0) open.splice(at, 1);
  };
  const innermost = (type?: string) => {
    for (let i = open.length - 1; i >= 0; i--) if (!type || open[i].type === type) return open[i];
    return undefined;
  };
  const fail = (run: Run | undefined, d: Record<string, unknown> | undefined) => {
    if (!run) return;
    run.lastAttemptFailed = true;
    run.error = text(d?.error) ?? run.error;
    run.cause = text(d?.cause) ?? run.cause;
  };

  const sorted = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  for (const event of sorted) {
    const type = event.type ?? '';
    const id = event.id ?? 0;
    const previous = event.previousEventId ?? 0;
    const d = details(event);
    const entered = ENTERED.exec(type);
    if (type === 'ExecutionStarted' || type === 'ExecutionRedriven') {
      if (type === 'ExecutionStarted') startId = id;
      else epoch++;
      continue;
    }
    if (entered) {
      const name = text(d?.name) ?? '';
      const rec = record(name);
      if (epoch > 0 && rec.runs.length > 0 && rec.runs[rec.runs.length - 1].epoch < epoch) rec.redriven = true;
      const run: Run = { name, type: entered[1], epoch, enteredAt: time(event), input: capped(d?.input), attempts: 0, lastAttemptFailed: false };
      rec.runs.push(run);
      open.push(run);
      owner.set(id, run);
      const from = exitedBy.get(previous) ?? (previous === startId ? '' : owner.get(previous)?.name);
      if (from !== undefined && from !== name) transitions.add(transitionKey(from, name));
      continue;
    }
    const container = CONTAINER_EVENT.exec(type);
    const run = container ? innermost(container[1]) ?? owner.get(previous) : owner.get(previous) ?? innermost();
    if (run) owner.set(id, run);
    if (EXITED.test(type)) {
      const exiting = run && run.name === text(d?.name) ? run : [...open].reverse().find((r) => r.name === text(d?.name));
      if (exiting) {
        exiting.exitedAt = time(event);
        exiting.output = capped(d?.output);
        close(exiting);
        exitedBy.set(id, exiting.name);
      }
    } else if (SCHEDULED.test(type) && run) {
      run.attempts++;
      run.lastAttemptFailed = false;
    } else if (TASK_FAILED.test(type) || type === 'EvaluationFailed' || type === 'MapRunFailed' || type === 'ParallelStateFailed' || type === 'MapStateFailed') {
      fail(run, d);
    } else if (type === 'MapIterationStarted' || type === 'MapIterationFailed') {
      const rec = run && records.get(run.name);
      if (rec) {
        rec.iterations ??= { started: 0, failed: 0 };
        if (type === 'MapIterationStarted') rec.iterations.started++;
        else rec.iterations.failed++;
      }
    } else if (type === 'MapRunStarted') {
      const arn = text(d?.mapRunArn);
      const rec = run && records.get(run.name);
      if (arn && rec && rec.mapRunArns.length < MAX_LINKS && !rec.mapRunArns.includes(arn)) rec.mapRunArns.push(arn);
    } else if ((type === 'TaskSubmitted' || type === 'TaskSucceeded') && d?.resourceType === 'states' && /^startExecution/.test(text(d.resource) ?? '')) {
      const arn = CHILD_ARN.exec(text(d.output)?.slice(0, 65_536) ?? '')?.[1];
      const rec = run && records.get(run.name);
      if (arn && rec && rec.childExecutionArns.length < MAX_LINKS && !rec.childExecutionArns.includes(arn)) rec.childExecutionArns.push(arn);
    } else if (type === 'ExecutionFailed' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted') {
      const culprit = run && open.includes(run) ? run : undefined;
      if (type !== 'ExecutionAborted' && culprit && !culprit.lastAttemptFailed) fail(culprit, d ?? { error: type === 'ExecutionTimedOut' ? 'States.Timeout' : undefined });
      for (const r of open) {
        const failed = type !== 'ExecutionAborted' && (r.lastAttemptFailed || r.type === 'Fail' || r.type === 'Parallel' || r.type === 'Map');
        r.ended = failed ? 'failed' : 'stopped';
        r.exitedAt ??= time(event);
        if (failed && !r.error) fail(r, d);
      }
      open.length = 0;
    }
  }
  return { states: outcomes(records), transitions, redrives: epoch, order };
}

function outcomes(records: Map<string, StateRecord>): Map<string, StateOutcome> {
  const out = new Map<string, StateOutcome>();
  for (const [name, rec] of records) {
    const latestEpoch = rec.runs[rec.runs.length - 1].epoch;
    const current = rec.runs.filter((r) => r.epoch === latestEpoch);
    let decisive = current[current.length - 1];
    for (const r of current) if (SEVERITY.indexOf(runStatus(r)) < SEVERITY.indexOf(runStatus(decisive))) decisive = r;
    const status = runStatus(decisive);
    out.set(name, {
      status,
      runs: rec.runs.length,
      retries: current.reduce((sum, r) => sum + Math.max(0, r.attempts - 1), 0),
      ...(decisive.enteredAt !== undefined ? { enteredAt: decisive.enteredAt } : {}),
      ...(decisive.exitedAt !== undefined ? { exitedAt: decisive.exitedAt } : {}),
      ...(decisive.input !== undefined ? { input: decisive.input } : {}),
      ...(decisive.output !== undefined ? { output: decisive.output } : {}),
      ...(decisive.error !== undefined && status !== 'succeeded' ? { error: shortText(decisive.error, 300) } : {}),
      ...(decisive.cause !== undefined && status !== 'succeeded' ? { cause: capped(decisive.cause) } : {}),
      redriven: rec.redriven,
      ...(rec.iterations ? { iterations: { ...rec.iterations } } : {}),
      mapRunArns: rec.mapRunArns,
      childExecutionArns: rec.childExecutionArns,
    });
  }
  return out;
}

/** `<state> — <what happened>`: the state's accessible name in the graph. */
export function stateSummary(name: string, outcome: StateOutcome | undefined): string {
  if (!outcome) return `${name} — ${STATUS_WORDS.notReached}`;
  const extra: string[] = [];
  if (outcome.retries > 0 && outcome.status !== 'retried') extra.push(`${outcome.retries} ${outcome.retries === 1 ? 'retry' : 'retries'}`);
  if (outcome.error && (outcome.status === 'failed' || outcome.status === 'caught')) extra.push(outcome.error);
  if (outcome.iterations?.failed) extra.push(`${outcome.iterations.failed} of ${outcome.iterations.started} iterations failed`);
  if (outcome.redriven) extra.push('after redrive');
  return `${name} — ${STATUS_WORDS[outcome.status]}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}
