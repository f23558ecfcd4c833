import type { ScopeId } from '../core/scope';
import type { ExecutionStatus as SdkStatus, StepFunctionsApi } from '../aws/services/stepFunctions';
import { executionStatus } from '../core/stepFunctions/model';
import { endOfHistory, type ExecutionFailure } from '../core/stepFunctions/triage';

/** Statuses triage reads: the ones that ended without success. */
const ENDED_BADLY: readonly SdkStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];
/** At most this many executions are read per range (each costs one history call). */
export const TRIAGE_MAX_EXECUTIONS = 10_000;
/** History calls at once: Step Functions allows GetExecutionHistory a bucket of 250 with 5 refilled per second per account and region. */
const CONCURRENCY = 5;
/** The newest events hold the execution's end and the state it failed in. */
const TAIL_EVENTS = 20;

export interface TriageProgress {
  readonly listed: number;
  readonly read: number;
}

export interface TriageRead {
  readonly failures: ExecutionFailure[];
  /** More executions ended badly in the range than were read (the cap, or a cancel). */
  readonly truncated: boolean;
}

/**
 * The executions of a state machine that failed, timed out or were aborted in [start, end], newest first,
 * each with the state it ended in and its error and cause (one short history read each). Listing stops at
 * the first execution started before `start`.
 */
export async function readFailures(api: StepFunctionsApi, scope: ScopeId, machineArn: string, window: { start: Date; end: Date }, options: { signal?: AbortSignal; onProgress?: (p: TriageProgress) => void } = {}): Promise<TriageRead> {
  const listed: ExecutionFailure[] = [];
  let truncated = false;
  for (const status of ENDED_BADLY) {
    let nextToken: string | undefined;
    do {
      if (options.signal?.aborted) return { failures: listed, truncated: true };
      const page = await api.executions(scope, machineArn, { status, nextToken, pageSize: 1000 });
      let older = false;
      const from = window.start.getTime();
      const to = window.end.getTime();
      for (const e of page.executions) {
        const started = e.startDate?.getTime();
        const at = e.stopDate?.getTime() ?? started;
        if (started !== undefined && started < from) older = true;
        if (at === undefined || at < from || at > to) continue;
        listed.push({ executionArn: e.executionArn ?? '', name: e.name ?? '', status: executionStatus(e.status), startDate: e.startDate, stopDate: e.stopDate, redriveCount: e.redriveCount });
      }
      options.onProgress?.({ listed: listed.length, read: 0 });
      if (listed.length >= TRIAGE_MAX_EXECUTIONS) {
        truncated = true;
        break;
      }
      nextToken = older ? undefined : page.nextToken;
    } while (nextToken);
  }
  const chosen = listed.slice(0, TRIAGE_MAX_EXECUTIONS);
  const failures: ExecutionFailure[] = new Array<ExecutionFailure>(chosen.length);
  let next = 0;
  let read = 0;
  const worker = async (): Promise<void> => {
    while (next < chosen.length && !options.signal?.aborted) {
      const index = next++;
      const f = chosen[index];
      let end: ReturnType<typeof endOfHistory> = {};
      try {
        end = endOfHistory(await api.historyTail(scope, f.executionArn, TAIL_EVENTS));
      } catch {
        // An execution whose history cannot be read is still counted, without its state.
      }
      failures[index] = { ...f, state: end.state, error: end.error, cause: end.cause };
      options.onProgress?.({ listed: chosen.length, read: ++read });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const done = failures.filter(Boolean);
  return { failures: done, truncated: truncated || done.length < chosen.length };
}
