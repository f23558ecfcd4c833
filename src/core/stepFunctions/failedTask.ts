import type { HistoryEvent } from '@aws-sdk/client-sfn';

/** The last task of an execution that failed: what it called, when, and how it failed. */
export interface FailedTask {
  readonly state: string;
  /** `lambda`, `ecs`, `batch`, `glue`, `states`… (the service integration), or `lambda` for a function ARN resource. */
  readonly resourceType: string;
  readonly resource: string;
  /** The task's parameters as sent (JSON text), when the history includes them. */
  readonly parameters?: string;
  readonly startedAt?: Date;
  readonly endedAt?: Date;
  readonly error: string;
  readonly cause: string;
}

const TASK_FAILED = /^(Task|LambdaFunction)(Failed|TimedOut|StartFailed|SubmitFailed)$/;
/** How far back from a failure the task's scheduling is looked for (events of one task are close together). */
const LOOKBACK = 200;

type Details = { error?: string; cause?: string; resource?: string; resourceType?: string; parameters?: string; input?: string; name?: string };

function detailsOf(event: HistoryEvent): Details {
  const entry = Object.entries(event).find(([key, value]) => key.endsWith('EventDetails') && value && typeof value === 'object');
  return (entry?.[1] ?? {}) as Details;
}

/**
 * The last failed task attempt in `events` (oldest first): a service-integration task (TaskFailed…) or a
 * Lambda function given by ARN (LambdaFunctionFailed…), with its state and the scheduling event's parameters.
 */
export function lastFailedTask(events: readonly HistoryEvent[]): FailedTask | undefined {
  const sorted = [...events].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  let at = -1;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (TASK_FAILED.test(sorted[i].type ?? '')) {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const failure = sorted[at];
  const failed = detailsOf(failure);
  let scheduled: HistoryEvent | undefined;
  let started: HistoryEvent | undefined;
  let state = '';
  for (let i = at - 1; i >= Math.max(0, at - LOOKBACK) && !state; i--) {
    const type = sorted[i].type ?? '';
    if (!scheduled && /^(Task|LambdaFunction)Scheduled$/.test(type)) scheduled = sorted[i];
    else if (!started && /^(Task|LambdaFunction)Started$/.test(type)) started = sorted[i];
    else if (type.endsWith('StateEntered')) state = sorted[i].stateEnteredEventDetails?.name ?? '';
  }
  const plan = scheduled ? detailsOf(scheduled) : {};
  const lambdaByArn = (failure.type ?? '').startsWith('LambdaFunction');
  return {
    state,
    resourceType: lambdaByArn ? 'lambda' : failed.resourceType ?? plan.resourceType ?? '',
    resource: failed.resource ?? plan.resource ?? '',
    parameters: lambdaByArn ? plan.input : plan.parameters,
    startedAt: timeOf(started ?? scheduled),
    endedAt: timeOf(failure),
    error: failed.error ?? '',
    cause: failed.cause ?? '',
  };
}

function timeOf(event: HistoryEvent | undefined): Date | undefined {
  return event?.timestamp ? new Date(event.timestamp) : undefined;
}
