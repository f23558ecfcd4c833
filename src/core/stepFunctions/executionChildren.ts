import type { HistoryEvent } from '@aws-sdk/client-sfn';

export interface MapIteration {
  readonly index: number;
  readonly status: 'running' | 'succeeded' | 'failed' | 'aborted';
  readonly error?: string;
  readonly cause?: string;
  /** The state inside the iteration that failed. */
  readonly failedState?: string;
}

/** An inline Map state as one run of it: its iterations, failures first. */
export interface InlineMap {
  readonly state: string;
  /** The MapStateEntered event's id, so a state run twice (retried, redriven) is listed twice. */
  readonly enteredEventId: number;
  readonly length?: number;
  readonly iterations: MapIteration[];
}

/** An execution a `states:startExecution` task started. */
export interface StartedExecution {
  readonly state: string;
  readonly executionArn: string;
}

const EXECUTION_ARN = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:execution:[^\s"]{1,400}$/;
/** Steps followed back along previousEventId from an iteration's end to its failure. */
const MAX_WALK = 500;

function details(event: HistoryEvent): Record<string, unknown> | undefined {
  return Object.entries(event).find(([k, v]) => k.endsWith('EventDetails') && v && typeof v === 'object')?.[1] as Record<string, unknown> | undefined;
}

/**
 * The inline Map states of a history (distributed ones are Map runs, listed by ListMapRuns), each with its
 * iterations from the MapIteration* events; a failed iteration carries the error, cause and state found by
 * following its events back from MapIterationFailed.
 */
export function inlineMaps(events: readonly HistoryEvent[]): InlineMap[] {
  const byId = new Map<number, HistoryEvent>();
  for (const e of events) if (e.id !== undefined) byId.set(e.id, e);
  const sorted = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const maps: Array<{ state: string; enteredEventId: number; length?: number; iterations: Map<number, MapIteration>; distributed: boolean }> = [];
  const open: typeof maps = [];
  for (const event of sorted) {
    const type = event.type ?? '';
    if (type === 'MapStateEntered') {
      const map = { state: event.stateEnteredEventDetails?.name ?? '?', enteredEventId: event.id ?? 0, iterations: new Map<number, MapIteration>(), distributed: false };
      maps.push(map);
      open.push(map);
    } else if (type === 'MapStateStarted') {
      const map = open.at(-1);
      if (map) map.length = event.mapStateStartedEventDetails?.length;
    } else if (type === 'MapRunStarted' || type === 'MapRunRedriven') {
      const map = open.at(-1);
      if (map) map.distributed = true;
    } else if (type === 'MapStateExited' || type === 'MapStateFailed' || type === 'MapStateAborted' || type === 'MapStateSucceeded') {
      if (type !== 'MapStateSucceeded') open.pop();
    } else if (type.startsWith('MapIteration')) {
      const iteration = event.mapIterationStartedEventDetails ?? event.mapIterationSucceededEventDetails ?? event.mapIterationFailedEventDetails ?? event.mapIterationAbortedEventDetails;
      const name = iteration?.name;
      const index = iteration?.index;
      const map = [...open].reverse().find((m) => m.state === name) ?? open.at(-1);
      if (!map || index === undefined) continue;
      if (type === 'MapIterationStarted') map.iterations.set(index, { index, status: 'running' });
      else if (type === 'MapIterationSucceeded') map.iterations.set(index, { index, status: 'succeeded' });
      else if (type === 'MapIterationAborted') map.iterations.set(index, { index, status: 'aborted' });
      else if (type === 'MapIterationFailed') map.iterations.set(index, { index, status: 'failed', ...failureBefore(event, byId) });
    }
  }
  const order = { failed: 0, aborted: 1, running: 2, succeeded: 3 };
  return maps
    .filter((m) => !m.distributed)
    .map((m) => ({ state: m.state, enteredEventId: m.enteredEventId, length: m.length, iterations: [...m.iterations.values()].sort((a, b) => order[a.status] - order[b.status] || a.index - b.index) }));
}

/** The error, cause and state of the failure that ended an iteration, following previousEventId back. */
function failureBefore(end: HistoryEvent, byId: ReadonlyMap<number, HistoryEvent>): Pick<MapIteration, 'error' | 'cause' | 'failedState'> {
  let error: string | undefined;
  let cause: string | undefined;
  let at = byId.get(end.previousEventId ?? 0);
  for (let steps = 0; at && steps < MAX_WALK; steps++, at = byId.get(at.previousEventId ?? 0)) {
    const type = at.type ?? '';
    if (type.endsWith('StateEntered')) return { error, cause, failedState: at.stateEnteredEventDetails?.name };
    if (error === undefined) {
      const d = details(at);
      if (typeof d?.error === 'string') {
        error = d.error;
        cause = typeof d.cause === 'string' ? d.cause : undefined;
      }
    }
    if (type === 'MapIterationStarted') break;
  }
  return { error, cause };
}

/** Executions started by `states:startExecution` tasks, from their TaskSubmitted/TaskSucceeded/TaskFailed output or cause. */
export function startedExecutions(events: readonly HistoryEvent[]): StartedExecution[] {
  const sorted = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  const found: StartedExecution[] = [];
  const seen = new Set<string>();
  let state = '';
  for (const event of sorted) {
    if ((event.type ?? '').endsWith('StateEntered')) state = event.stateEnteredEventDetails?.name ?? '';
    const d = event.taskSubmittedEventDetails ?? event.taskSucceededEventDetails ?? event.taskFailedEventDetails;
    if (!d || d.resourceType !== 'states' || !(d.resource ?? '').startsWith('startExecution')) continue;
    const body = 'output' in d ? d.output : 'cause' in d ? d.cause : undefined;
    const arn = executionArnIn(body);
    if (arn && !seen.has(arn)) {
      seen.add(arn);
      found.push({ state, executionArn: arn });
    }
  }
  return found;
}

function executionArnIn(text: string | undefined): string | undefined {
  if (!text || text.length > 262_144) return undefined;
  try {
    const parsed = JSON.parse(text) as { ExecutionArn?: unknown; executionArn?: unknown };
    const arn = parsed?.ExecutionArn ?? parsed?.executionArn;
    return typeof arn === 'string' && EXECUTION_ARN.test(arn) ? arn : undefined;
  } catch {
    return undefined;
  }
}
