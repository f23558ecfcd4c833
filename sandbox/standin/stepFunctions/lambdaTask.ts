import { randomBytes, randomUUID } from 'node:crypto';
import { MotoFailure, type MotoCaller } from '../forward';
import { LOGS } from '../protocol';
import { SANDBOX_FUNCTIONS, type FunctionEvent, type FunctionRun } from '../lambda/functions';
import type { StateDefinition } from './definition';
import { contextOf, type DriveEnv, type StateOutcome } from './driver';
import { applyInputPath, applyResultPaths, evaluateTemplate, type Json } from './paths';
import { appendEvent, type OwnedExecution } from './state';

/**
 * A Lambda task (`arn:aws:states:::lambda:invoke` with FunctionName, or a function ARN as Resource): the
 * function runs as sandbox/standin/lambda/functions.ts describes it, and its invocation is logged to
 * `/aws/lambda/<function>` as the Node.js runtime logs one (START, console lines, END, REPORT), with the
 * request id the history's result names. The events follow
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html (TaskScheduled… for the
 * integration, LambdaFunctionScheduled… for a function ARN). Retry is not applied.
 */
export async function runLambdaTask(env: DriveEnv, execution: OwnedExecution, name: string, state: StateDefinition, input: Json): Promise<StateOutcome> {
  appendEvent(execution, 'TaskStateEntered', { stateEnteredEventDetails: { name, input: JSON.stringify(input), inputDetails: { truncated: false } } });
  const context = contextOf(execution, name);
  const effective = applyInputPath(input, state.InputPath);
  const byArn = typeof state.Resource === 'string' && state.Resource.includes(':function:');
  const parameters = (state.Parameters ?? state.Arguments) === undefined ? undefined : evaluateTemplate((state.Parameters ?? state.Arguments) as Json, effective, context);
  const reference = byArn ? String(state.Resource) : String((parameters as Record<string, Json> | undefined)?.FunctionName ?? '');
  const payload = (byArn ? parameters ?? effective : (parameters as Record<string, Json> | undefined)?.Payload ?? {}) as Json;
  const task = { resourceType: 'lambda', resource: 'invoke' };
  if (byArn) {
    appendEvent(execution, 'LambdaFunctionScheduled', { lambdaFunctionScheduledEventDetails: { resource: reference, input: JSON.stringify(payload), inputDetails: { truncated: false } } });
    appendEvent(execution, 'LambdaFunctionStarted');
  } else {
    appendEvent(execution, 'TaskScheduled', { taskScheduledEventDetails: { ...task, region: env.region, parameters: JSON.stringify(parameters ?? {}) } });
    appendEvent(execution, 'TaskStarted', { taskStartedEventDetails: task });
  }
  const functionName = functionNameOf(reference);
  const run = SANDBOX_FUNCTIONS[functionName];
  const failed = (error: string, cause: string): StateOutcome => {
    if (byArn) appendEvent(execution, 'LambdaFunctionFailed', { lambdaFunctionFailedEventDetails: { error, cause } });
    else appendEvent(execution, 'TaskFailed', { taskFailedEventDetails: { ...task, error, cause } });
    return { ok: false, error, cause };
  };
  if (!run) return failed('Lambda.ResourceNotFoundException', `Function not found: arn:aws:lambda:${env.region}:${env.account}:function:${functionName} (Service: Lambda, Status Code: 404)`);

  const result = run(payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as FunctionEvent) : {});
  const requestId = randomUUID();
  await writeInvocationLogs(env.moto, functionName, requestId, Date.now(), result);
  if (result.error) return failed(result.error.errorType, JSON.stringify(result.error));
  const output: Json = byArn
    ? (result.output as Json)
    : { ExecutedVersion: '$LATEST', Payload: result.output as Json, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: { RequestId: requestId }, StatusCode: 200 };
  if (byArn) appendEvent(execution, 'LambdaFunctionSucceeded', { lambdaFunctionSucceededEventDetails: { output: JSON.stringify(output), outputDetails: { truncated: false } } });
  else appendEvent(execution, 'TaskSucceeded', { taskSucceededEventDetails: { ...task, output: JSON.stringify(output), outputDetails: { truncated: false } } });
  const stateOutput = applyResultPaths(state, input, output, context);
  appendEvent(execution, 'TaskStateExited', { stateExitedEventDetails: { name, output: JSON.stringify(stateOutput), outputDetails: { truncated: false } } });
  return { ok: true, output: stateOutput };
}

/** `name`, `name:alias`, `123456789012:function:name` or a function ARN → `name`. */
export function functionNameOf(reference: string): string {
  const parts = reference.split(':');
  const at = parts.indexOf('function');
  return (at >= 0 ? parts[at + 1] : parts[0]) ?? '';
}

/** The invocation's log events in a stream of their own (a fresh execution environment), as the Node.js runtime writes them. */
async function writeInvocationLogs(moto: MotoCaller, functionName: string, requestId: string, start: number, run: FunctionRun): Promise<void> {
  const logs = moto.forService(LOGS);
  const logGroupName = `/aws/lambda/${functionName}`;
  const day = new Date(start).toISOString().slice(0, 10).replace(/-/g, '/');
  const logStreamName = `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
  await logs.call('CreateLogGroup', { logGroupName }).catch((err: unknown) => {
    if (!(err instanceof MotoFailure && err.response.body.toString('utf8').includes('ResourceAlreadyExists'))) throw err;
  });
  await logs.call('CreateLogStream', { logGroupName, logStreamName });
  const step = run.durationMs / (run.logs.length + 1);
  const end = start + Math.ceil(run.durationMs);
  const logEvents = [
    { timestamp: start, message: `START RequestId: ${requestId} Version: $LATEST` },
    ...run.logs.map((line, i) => {
      const at = start + Math.round(step * (i + 1));
      return { timestamp: at, message: `${new Date(at).toISOString()}\t${requestId}\t${line.level}\t${line.text}` };
    }),
    { timestamp: end, message: `END RequestId: ${requestId}` },
    { timestamp: end, message: `REPORT RequestId: ${requestId}\tDuration: ${run.durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(run.durationMs)} ms\tMemory Size: 512 MB\tMax Memory Used: 88 MB` },
  ];
  await logs.call('PutLogEvents', { logGroupName, logStreamName, logEvents });
}
