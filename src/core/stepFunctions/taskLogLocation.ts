import type { FailedTask } from './failedTask';

/**
 * Where a failed task's own logs are, as far as the task's parameters and its error's cause say:
 * - a Lambda function's invocation, in `/aws/lambda/<function>` (found by its request id);
 * - log streams the service names (AWS Batch's `LogStreamName`, an AWS Glue job run's id);
 * - an ECS task, whose awslogs stream is `<prefix>/<container>/<task id>` in the group its task definition names.
 */
export type TaskLogLocation =
  | { readonly kind: 'lambda'; readonly functionName: string; readonly logGroupName: string; readonly requestId?: string; readonly errorMessage?: string }
  | { readonly kind: 'streams'; readonly service: 'batch' | 'glue'; readonly logGroupNames: readonly string[]; readonly logStreamNames: readonly string[]; readonly label: string }
  | { readonly kind: 'ecs'; readonly region: string; readonly cluster: string; readonly taskId: string; readonly containers: readonly string[] }
  | { readonly kind: 'none'; readonly reason: string };

/** Step Functions keeps a cause to 32,768 characters; anything longer is not parsed. */
const MAX_JSON = 262_144;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const REQUEST_ID = /^[0-9a-fA-F-]{8,64}$/;
const SAFE_NAME = /^[A-Za-z0-9_./#$[\]:@+=-]{1,512}$/;
const ECS_TASK_ARN = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):\d{12}:task\/([A-Za-z0-9_-]{1,255})\/([0-9a-f]{32}|[0-9a-f-]{36})$/;
const DEFAULT_BATCH_GROUP = '/aws/batch/job';
const DEFAULT_GLUE_GROUP = '/aws-glue';

type Json = Record<string, unknown>;

function parseObject(text: string | undefined): Json | undefined {
  if (!text || text.length > MAX_JSON) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** A member by its service-response name (`TaskArn`) or its SDK name (`taskArn`). */
function member(object: unknown, name: string): unknown {
  if (!object || typeof object !== 'object') return undefined;
  const o = object as Json;
  return o[name] ?? o[name[0].toLowerCase() + name.slice(1)];
}

function text(object: unknown, name: string): string | undefined {
  const value = member(object, name);
  return typeof value === 'string' ? value : undefined;
}

/** `name`, `name:alias`, `123456789012:function:name[:qualifier]` or a full function ARN → `name`. */
export function lambdaFunctionName(reference: string): string | undefined {
  const parts = reference.split(':');
  const at = parts.indexOf('function');
  const name = at >= 0 ? parts[at + 1] : parts[0];
  return name && FUNCTION_NAME.test(name) ? name : undefined;
}

function lambdaLocation(task: FailedTask): TaskLogLocation {
  const parameters = parseObject(task.parameters);
  const reference = task.resource.startsWith('arn:') && task.resource.includes(':function:') ? task.resource : text(parameters, 'FunctionName');
  const functionName = reference ? lambdaFunctionName(reference) : undefined;
  if (!functionName) return { kind: 'none', reason: 'The task does not name its Lambda function in a form Ops Lens can read.' };
  const cause = parseObject(task.cause);
  const requestId = text(cause, 'RequestId');
  const errorMessage = text(cause, 'ErrorMessage');
  return {
    kind: 'lambda',
    functionName,
    logGroupName: `/aws/lambda/${functionName}`,
    ...(requestId && REQUEST_ID.test(requestId) ? { requestId } : {}),
    ...(errorMessage ? { errorMessage: errorMessage.slice(0, 1000) } : {}),
  };
}

/** AWS Batch: each attempt's container names its log stream; the group is `/aws/batch/job` unless the job's awslogs options name another. */
function batchLocation(job: Json): TaskLogLocation {
  const containers = [member(job, 'Container'), ...asArray(member(job, 'Attempts')).map((a) => member(a, 'Container'))];
  const streams = unique(containers.map((c) => text(c, 'LogStreamName')));
  const options = member(member(member(job, 'Container'), 'LogConfiguration'), 'Options');
  const group = options && typeof options === 'object' ? (options as Json)['awslogs-group'] : undefined;
  const logGroupName = typeof group === 'string' && SAFE_NAME.test(group) ? group : DEFAULT_BATCH_GROUP;
  if (streams.length === 0) return { kind: 'none', reason: 'The Batch job did not record a log stream (it may not have started).' };
  return { kind: 'streams', service: 'batch', logGroupNames: [logGroupName], logStreamNames: streams, label: `Batch job ${text(job, 'JobName') ?? text(job, 'JobId') ?? ''}`.trim() };
}

/** AWS Glue: a job run logs to `<group>/jobs/error` and `<group>/jobs/output` in a stream named by its run id. */
function glueLocation(run: Json): TaskLogLocation {
  const id = text(run, 'Id') ?? text(run, 'JobRunId');
  if (!id || !SAFE_NAME.test(id)) return { kind: 'none', reason: 'The Glue job run did not record its run id.' };
  const configured = text(run, 'LogGroupName');
  const base = configured && SAFE_NAME.test(configured) ? configured : DEFAULT_GLUE_GROUP;
  return { kind: 'streams', service: 'glue', logGroupNames: [`${base}/jobs/error`, `${base}/jobs/output`], logStreamNames: [id], label: `Glue job run ${id}` };
}

function ecsLocation(description: Json): TaskLogLocation {
  const match = ECS_TASK_ARN.exec(text(description, 'TaskArn') ?? '');
  if (!match) return { kind: 'none', reason: 'The ECS task did not record its task ARN (it may not have started).' };
  const containers = unique(asArray(member(description, 'Containers')).map((c) => text(c, 'Name'))).filter((n) => SAFE_NAME.test(n));
  return { kind: 'ecs', region: match[1], cluster: match[2], taskId: match[3], containers };
}

/** Where the failed task's logs are, from its resource, parameters and cause alone (no call). */
export function taskLogLocation(task: FailedTask): TaskLogLocation {
  const type = task.resourceType;
  if (type === 'lambda') return lambdaLocation(task);
  const described = parseObject(task.cause);
  if (type === 'batch' || type === 'glue' || type === 'ecs') {
    if (!described) return { kind: 'none', reason: `The ${type.toUpperCase() === 'GLUE' ? 'Glue' : type.toUpperCase()} task's cause is not the service's description of the run.` };
    return type === 'batch' ? batchLocation(described) : type === 'glue' ? glueLocation(described) : ecsLocation(described);
  }
  return { kind: 'none', reason: type ? `Tasks of ${type} do not record where their logs are.` : 'The failure was not in a task.' };
}

/** The AWS console page of an ECS task's logs; every part is checked by the ARN pattern above. */
export function ecsTaskLogsUrl(location: Extract<TaskLogLocation, { kind: 'ecs' }>): string {
  return `https://${location.region}.console.aws.amazon.com/ecs/v2/clusters/${location.cluster}/tasks/${location.taskId}/logs?region=${location.region}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, 100) : [];
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v && SAFE_NAME.test(v)))];
}
