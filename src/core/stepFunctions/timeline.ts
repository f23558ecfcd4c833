import type { HistoryEvent } from '@aws-sdk/client-sfn';

export interface StateFailure {
  readonly at?: Date;
  readonly error: string;
  readonly cause: string;
}

export interface StateRun {
  readonly kind: 'state';
  readonly name: string;
  readonly type: string;
  readonly enteredAt?: Date;
  exitedAt?: Date;
  /** Task attempts: more than 1 means retries. */
  attempts: number;
  /** Set when the execution ended while the state was still open. */
  endedWith?: 'failed' | 'aborted' | 'timed out';
  readonly failures: StateFailure[];
}

export interface ExecutionMark {
  readonly kind: 'execution';
  readonly event: 'started' | 'succeeded' | 'failed' | 'aborted' | 'timed out' | 'redriven';
  readonly at?: Date;
  readonly error?: string;
  readonly cause?: string;
}

export type TimelineEntry = StateRun | ExecutionMark;

export interface Timeline {
  readonly entries: TimelineEntry[];
  readonly startedAt?: Date;
  /** The state the execution failed in, with its error and cause. */
  readonly failure?: { state?: string; error: string; cause: string };
}

const SCHEDULED = /^(Task|LambdaFunction|Activity)Scheduled$/;
const FAILED = /^(Task|LambdaFunction|Activity)(Failed|TimedOut|ScheduleFailed|StartFailed|SubmitFailed)$/;

function stateType(eventType: string): string {
  return eventType.replace(/StateEntered$/, '').replace(/StateExited$/, '');
}

function failureDetails(event: HistoryEvent): { error: string; cause: string } {
  const details = Object.entries(event).find(([key, value]) => key.endsWith('EventDetails') && value && typeof value === 'object')?.[1] as { error?: string; cause?: string } | undefined;
  return { error: details?.error ?? '', cause: details?.cause ?? '' };
}

/** Turns GetExecutionHistory events into states entered and exited, with retries and failures. */
export function buildTimeline(events: readonly HistoryEvent[]): Timeline {
  const entries: TimelineEntry[] = [];
  const open: StateRun[] = [];
  let failure: Timeline['failure'];
  let startedAt: Date | undefined;
  const sorted = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  for (const event of sorted) {
    const type = event.type ?? '';
    const at = event.timestamp ? new Date(event.timestamp) : undefined;
    if (type.endsWith('StateEntered')) {
      const run: StateRun = { kind: 'state', name: event.stateEnteredEventDetails?.name ?? '?', type: stateType(type), enteredAt: at, attempts: 0, failures: [] };
      entries.push(run);
      open.push(run);
    } else if (type.endsWith('StateExited')) {
      const name = event.stateExitedEventDetails?.name;
      const index = open.map((r) => r.name).lastIndexOf(name ?? '');
      if (index >= 0) {
        open[index].exitedAt = at;
        open.splice(index, 1);
      }
    } else if (SCHEDULED.test(type)) {
      const current = open.at(-1);
      if (current) current.attempts++;
    } else if (FAILED.test(type)) {
      open.at(-1)?.failures.push({ at, ...failureDetails(event) });
    } else if (type === 'ExecutionStarted') {
      startedAt = at;
      entries.push({ kind: 'execution', event: 'started', at });
    } else if (type === 'ExecutionSucceeded') {
      entries.push({ kind: 'execution', event: 'succeeded', at });
    } else if (type === 'ExecutionFailed' || type === 'ExecutionTimedOut' || type === 'ExecutionAborted') {
      const { error, cause } = failureDetails(event);
      const mark = type === 'ExecutionFailed' ? 'failed' : type === 'ExecutionTimedOut' ? 'timed out' : 'aborted';
      entries.push({ kind: 'execution', event: mark, at, error, cause });
      if (type !== 'ExecutionAborted') {
        const failedIn = [...entries].reverse().find((e): e is StateRun => e.kind === 'state' && (e.exitedAt === undefined || e.type === 'Fail'));
        failure = { state: failedIn?.name, error: error || (mark === 'timed out' ? 'States.Timeout' : ''), cause };
      }
      for (const run of open) {
        run.exitedAt ??= at;
        run.endedWith = mark;
      }
      open.length = 0;
    } else if (type === 'ExecutionRedriven') {
      entries.push({ kind: 'execution', event: 'redriven', at });
    }
  }
  return { entries, startedAt, failure };
}
