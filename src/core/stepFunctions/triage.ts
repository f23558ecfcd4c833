import type { ExecutionStatus } from './model';

/** One failed, timed-out or aborted execution with where and how it ended. */
export interface ExecutionFailure {
  readonly executionArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate?: Date;
  readonly stopDate?: Date;
  readonly redriveCount?: number;
  readonly state?: string;
  readonly error?: string;
  readonly cause?: string;
}

export interface FailureGroup {
  readonly state: string;
  readonly error: string;
  /** The cause shared by the group, shortened and with whitespace collapsed. */
  readonly cause: string;
  readonly count: number;
  readonly firstSeen?: Date;
  readonly lastSeen?: Date;
  /** The group's executions, newest first. */
  readonly executions: ExecutionFailure[];
}

/** Causes longer than this are grouped (and shown) by their beginning. */
export const CAUSE_KEY_CHARS = 300;

function causeKey(cause: string | undefined): string {
  if (!cause) return '';
  // Whitespace runs collapse to one space; a cap of 4× the key length keeps the work bounded for any cause.
  return cause.slice(0, CAUSE_KEY_CHARS * 4).replace(/\s+/g, ' ').trim().slice(0, CAUSE_KEY_CHARS);
}

const UNKNOWN_STATE = '(no state)';

/** Failures grouped by failing state, error and cause; the largest group first, then the most recent. */
export function groupFailures(failures: readonly ExecutionFailure[]): FailureGroup[] {
  const groups = new Map<string, { state: string; error: string; cause: string; executions: ExecutionFailure[]; first?: number; last?: number }>();
  // Failures of one kind repeat the same cause word for word: each is shortened once.
  const keys = new Map<string, string>();
  for (const f of failures) {
    const state = f.state || UNKNOWN_STATE;
    const error = f.error || (f.status === 'TIMED_OUT' ? 'States.Timeout' : f.status === 'ABORTED' ? '(aborted)' : '(no error)');
    let cause = keys.get(f.cause ?? '');
    if (cause === undefined) {
      cause = causeKey(f.cause);
      keys.set(f.cause ?? '', cause);
    }
    const key = `${state}\u0000${error}\u0000${cause}`;
    let group = groups.get(key);
    if (!group) {
      group = { state, error, cause, executions: [] };
      groups.set(key, group);
    }
    group.executions.push(f);
    const at = (f.stopDate ?? f.startDate)?.getTime();
    if (at !== undefined) {
      if (group.first === undefined || at < group.first) group.first = at;
      if (group.last === undefined || at > group.last) group.last = at;
    }
  }
  const at = (f: ExecutionFailure) => (f.stopDate ?? f.startDate)?.getTime() ?? 0;
  return [...groups.values()]
    .map((g) => ({
      state: g.state,
      error: g.error,
      cause: g.cause,
      count: g.executions.length,
      firstSeen: g.first === undefined ? undefined : new Date(g.first),
      lastSeen: g.last === undefined ? undefined : new Date(g.last),
      executions: g.executions.sort((a, b) => at(b) - at(a)),
    }))
    .sort((a, b) => b.count - a.count || (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0));
}

/** AWS redrives executions that stopped within the last 14 days. */
export const REDRIVE_WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * Why Redrive All Eligible leaves an execution out, or undefined when it is eligible: Standard workflows
 * only, FAILED, TIMED_OUT or ABORTED, stopped within AWS's 14 days, and not redriven already.
 * https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html
 */
export function redriveIneligibility(failure: ExecutionFailure, machineType: string, now = new Date()): string | undefined {
  if (machineType !== 'STANDARD') return 'Express workflows cannot be redriven';
  if (failure.status !== 'FAILED' && failure.status !== 'TIMED_OUT' && failure.status !== 'ABORTED') return `it is ${failure.status.toLowerCase()}`;
  if (failure.redriveCount && failure.redriveCount > 0) return 'already redriven';
  if (failure.stopDate && now.getTime() - failure.stopDate.getTime() >= REDRIVE_WINDOW_MS) return 'stopped more than 14 days ago';
  return undefined;
}

export function eligibleForRedrive(failures: readonly ExecutionFailure[], machineType: string, now = new Date()): ExecutionFailure[] {
  return failures.filter((f) => redriveIneligibility(f, machineType, now) === undefined);
}

type Ending = { error?: string; cause?: string };
type TailEvent = {
  type?: string;
  stateEnteredEventDetails?: { name?: string };
  executionFailedEventDetails?: Ending;
  executionTimedOutEventDetails?: Ending;
  executionAbortedEventDetails?: Ending;
};

/**
 * Where and how an execution ended, from the newest events of its history (newest first, as
 * GetExecutionHistory with reverseOrder returns them): the execution's error and cause, and the last
 * state it entered.
 */
export function endOfHistory(newestFirst: readonly TailEvent[]): { state?: string; error?: string; cause?: string } {
  let ending: Ending | undefined;
  for (const event of newestFirst) {
    const type = event.type ?? '';
    if (!ending && (type === 'ExecutionFailed' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted')) {
      ending = event.executionFailedEventDetails ?? event.executionTimedOutEventDetails ?? event.executionAbortedEventDetails ?? {};
    } else if (type.endsWith('StateEntered')) {
      return { state: event.stateEnteredEventDetails?.name, error: ending?.error, cause: ending?.cause };
    }
  }
  return { error: ending?.error, cause: ending?.cause };
}
