import * as vscode from 'vscode';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import { arnName, canRedrive, type ExecutionStatus } from '../core/stepFunctions/model';
import { quoted } from '../core/text/notification';
import { confirmWrite, type WriteGuard } from '../platform/confirmWrite';
import { showError } from '../platform/errors';
import { notifyError, notifyInfo } from '../platform/notify';
import type { ScopeId } from '../core/scope';
import type { ScopeOfArn } from './documents';

/** What stopping or redriving an execution needs: the API, the write guard, and the view's reactions. */
export interface ExecutionChangeDeps {
  readonly api: StepFunctionsApi;
  readonly guard: WriteGuard;
  readonly scopeOf: ScopeOfArn;
  /** Reloads the machine's executions (and the execution's details) after a change. */
  readonly afterChange: (machineArn: string, executionArn?: string) => Promise<void>;
  readonly showExecution: (arn: string) => Promise<void>;
}

/** StopExecution is asynchronous: gives the status a moment (up to 2 s) to leave RUNNING before reporting it. */
async function settledDescription(api: StepFunctionsApi, region: ScopeId, arn: string) {
  let description = await api.describeExecution(region, arn).catch(() => undefined);
  for (let i = 0; i < 10 && description?.status === 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    description = await api.describeExecution(region, arn).catch(() => undefined);
  }
  return description;
}

/** Stops a running execution after confirmation, with a cause given or asked for, then reports where it ended. */
export async function stopExecution({ api, guard, scopeOf, afterChange }: ExecutionChangeDeps, arn: string, causeArg?: unknown): Promise<void> {
  let cause = typeof causeArg === 'string' ? causeArg : undefined;
  const region = await scopeOf(arn);
  const message = `Stop execution ${arnName(arn)}? It ends as ABORTED; states already run are not undone.`;
  const permit = await confirmWrite(guard, {
    scope: region, operation: 'StopExecution', action: `Stop execution ${arnName(arn)}`, target: arn,
    question: cause !== undefined ? { message, detail: `Cause: ${quoted(cause, 400)}`, buttons: ['Stop'] } : { message, buttons: ['Stop', 'Stop with Cause…'] },
  });
  if (!permit) return;
  if (permit.choice === 'Stop with Cause…') {
    cause = await vscode.window.showInputBox({ title: `Stop ${arnName(arn)}`, prompt: 'Cause (recorded in the execution history)' });
    if (cause === undefined) return;
  }
  try {
    await permit.run(() => api.stop(region, arn, cause));
  } catch (err) {
    await showError(err, `Could not stop ${arnName(arn)}`);
    return;
  }
  const description = await settledDescription(api, region, arn);
  if (description?.stateMachineArn) await afterChange(description.stateMachineArn, arn);
  void notifyInfo(`Execution ${arnName(arn)} is now ${description?.status ?? 'stopping'}.`);
}

/** Redrives a failed, timed-out or aborted execution of the last 14 days from its failed state, after confirmation. */
export async function redriveExecution({ api, guard, scopeOf, afterChange, showExecution }: ExecutionChangeDeps, arn: string): Promise<void> {
  const region = await scopeOf(arn);
  const description = await api.describeExecution(region, arn).catch((err) => void showError(err));
  if (!description) return;
  const status = (description.status ?? 'RUNNING') as ExecutionStatus;
  if (!canRedrive(status, description.stopDate)) {
    void notifyError(`Execution ${arnName(arn)} is ${status}: only failed, timed-out or aborted executions of the last 14 days can be redriven.`);
    return;
  }
  const permit = await confirmWrite(guard, {
    scope: region, operation: 'RedriveExecution', action: `Redrive execution ${arnName(arn)}`, target: arn,
    question: { message: `Redrive execution ${arnName(arn)}? It runs again from its failed state.`, buttons: ['Redrive'] },
  });
  if (!permit) return;
  try {
    await permit.run(() => api.redrive(region, arn));
  } catch (err) {
    await showError(err, `Could not redrive ${arnName(arn)}`);
    return;
  }
  await afterChange(description.stateMachineArn ?? '', arn);
  void notifyInfo(`Execution ${arnName(arn)} was redriven from its failed state.`, 'Show Details').then((b) => b && showExecution(arn));
}
