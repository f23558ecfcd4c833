import type { ScopeId } from '../core/scope';
import type { FilteredLogEvent, LogsApi } from '../aws/services/logs';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { lastFailedTask } from '../core/stepFunctions/failedTask';
import { failedInvocation } from '../core/stepFunctions/invocation';
import { arnName } from '../core/stepFunctions/model';
import { ecsTaskLogsUrl, taskLogLocation } from '../core/stepFunctions/taskLogLocation';

/** What Show Failed Task's Logs found: events to open, a console page (ECS), or why there is nothing. */
export type TaskLogs =
  | { readonly kind: 'events'; readonly title: string; readonly region: ScopeId; readonly logGroups: string[]; readonly start: number; readonly end: number; readonly events: FilteredLogEvent[]; readonly truncated: boolean }
  | { readonly kind: 'console'; readonly text: string; readonly url: string }
  | { readonly kind: 'message'; readonly text: string };

/** A Lambda function logs its invocation's last lines (END, REPORT) just after the task fails. */
const LAMBDA_BEFORE_MS = 5_000;
const LAMBDA_AFTER_MS = 30_000;
/** Batch and Glue write their streams while the job runs and flush them shortly after. */
const JOB_AFTER_MS = 5 * 60_000;
const MAX_EVENTS = 10_000;

/**
 * The failed task's own logs: for a Lambda task, its invocation's events (START to REPORT) in
 * `/aws/lambda/<function>` within the task's time window, picked by request id or error message; for
 * Batch and Glue, the streams the service recorded; for ECS, the console page of the task's logs.
 */
export async function readFailedTaskLogs(api: StepFunctionsApi, logs: LogsApi, arn: string, region: ScopeId, signal?: AbortSignal): Promise<TaskLogs> {
  const task = lastFailedTask(await api.history(region, arn, { includeData: true }));
  if (!task) return { kind: 'message', text: `No task of ${arnName(arn)} failed: its failure was not in a task (a Fail state, a Map or Parallel state, or a timeout).` };
  const location = taskLogLocation(task);
  const ended = task.endedAt?.getTime() ?? Date.now();
  const started = task.startedAt?.getTime() ?? ended;
  if (location.kind === 'none') return { kind: 'message', text: `${task.state}: ${location.reason}` };
  if (location.kind === 'ecs') {
    return { kind: 'console', text: `${task.state} ran ECS task ${location.taskId} in cluster ${location.cluster}; its awslogs streams end in /${location.containers[0] ?? '<container>'}/${location.taskId}.`, url: ecsTaskLogsUrl(location) };
  }
  if (location.kind === 'streams') {
    const start = started - LAMBDA_BEFORE_MS;
    const end = ended + JOB_AFTER_MS;
    const reads = await Promise.all(location.logGroupNames.map((logGroupName) =>
      logs.filterEvents(region, { logGroupName, logStreamNames: location.logStreamNames, startTime: start, endTime: end, limit: MAX_EVENTS, signal }).catch(() => ({ events: [], truncated: false }))));
    const events = reads.flatMap((r) => r.events).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    if (events.length === 0) return { kind: 'message', text: `${location.label} logged nothing to ${location.logGroupNames.join(' or ')} (streams ${location.logStreamNames.join(', ')}) while ${task.state} ran.` };
    return { kind: 'events', title: `${task.state} — ${location.label}`, region, logGroups: [...location.logGroupNames], start, end, events, truncated: reads.some((r) => r.truncated) };
  }
  const start = started - LAMBDA_BEFORE_MS;
  const end = ended + LAMBDA_AFTER_MS;
  const read = await logs.filterEvents(region, { logGroupName: location.logGroupName, startTime: start, endTime: end, limit: MAX_EVENTS, signal });
  const invocation = failedInvocation(read.events, location);
  if (!invocation) {
    const what = location.requestId ? `request ${location.requestId}` : 'the failed invocation';
    return { kind: 'message', text: `${location.logGroupName} has no log events of ${what} between ${new Date(start).toISOString()} and ${new Date(end).toISOString()}.` };
  }
  return {
    kind: 'events',
    title: `${task.state} — ${location.functionName} ${invocation.requestId}`,
    region,
    logGroups: [location.logGroupName],
    start,
    end,
    events: invocation.events as FilteredLogEvent[],
    truncated: false,
  };
}
