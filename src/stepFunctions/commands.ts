import * as vscode from 'vscode';
import type { LogsApi } from '../aws/services/logs';
import { STATUS_FILTERS, STATUS_LABEL, arnName, canRedrive, type ExecutionStatus } from '../core/stepFunctions/model';
import type { CommandHandlers } from '../platform/lazyCommands';
import { notifyInfo } from '../platform/notify';
import { showPick, withWindowProgress } from '../platform/textSinks';
import { executionArnFromArgument, machineFromArgument } from './arguments';
import { EXECUTION_SCHEME, arnOf, readExecutionLogs, type ExecutionLogsProvider } from './documents';
import { redriveExecution, stopExecution, type ExecutionChangeDeps } from './executionChanges';
import { startExecution, type StartRequest } from './startExecution';
import type { StepFunctionsCommand } from './commandIds';
import type { StepFunctionsStore } from './store';
import { showFailedTaskLogs } from './taskLogsCommand';
import { redriveAllEligible, triageFailures, type TriageDocuments } from './triage';

export interface StepFunctionsCommandDeps extends ExecutionChangeDeps {
  readonly store: StepFunctionsStore;
  readonly logs: LogsApi;
  readonly ensureLoaded: () => Promise<unknown>;
  readonly diagnostics: vscode.DiagnosticCollection;
  readonly logsDocuments: ExecutionLogsProvider;
  readonly triageDocuments: TriageDocuments;
}

async function filterStatus({ store, ensureLoaded }: StepFunctionsCommandDeps, arg?: unknown): Promise<void> {
  const machine = await machineFromArgument(store, arg, ensureLoaded);
  if (!machine) return;
  const current = store.executionsOf(machine.arn)?.status;
  const picked = await showPick(
    [{ label: 'All statuses', status: null as ExecutionStatus | null }, ...STATUS_FILTERS.map((status) => ({ label: STATUS_LABEL[status], description: status, status }))].map((i) => ({ ...i, picked: (i.status ?? undefined) === current })),
    { title: `Show which executions of ${machine.name}?` },
  );
  if (picked) await store.loadExecutions(machine.arn, { status: picked.status });
}

async function start(deps: StepFunctionsCommandDeps, arg?: unknown): Promise<string | undefined> {
  const request = (arg && typeof arg === 'object' && !('machine' in arg) ? arg : {}) as StartRequest & { stateMachineArn?: string };
  const machine = await machineFromArgument(deps.store, request.stateMachineArn ?? arg, deps.ensureLoaded);
  if (!machine) return undefined;
  const arn = await startExecution(deps.api, machine, request, deps.diagnostics, deps.guard);
  if (!arn) return undefined;
  await deps.afterChange(machine.arn);
  void notifyInfo(`Started execution ${arnName(arn)} of ${machine.name}.`, 'Show Details').then((b) => b && deps.showExecution(arn));
  return arn;
}

/** Events open as a Logs Insights results document (stack frames linked, export), when there are any. */
async function showLogs({ api, logs, scopeOf, logsDocuments }: StepFunctionsCommandDeps, arn: string): Promise<void> {
  const read = await withWindowProgress(`Reading the logs of ${arnName(arn)}…`, () => readExecutionLogs(api, logs, arn, scopeOf));
  if (read.kind === 'events' && read.events.length > 0) {
    await vscode.commands.executeCommand('opsLens.insights.showEvents', {
      title: `${read.executionName} logs`,
      region: read.region,
      logGroups: [read.logGroupName],
      start: read.start,
      end: read.end,
      events: read.events.map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' })),
      truncated: read.truncated,
    });
    return;
  }
  await logsDocuments.show(arn, read);
}

/** Runs `then` with the execution the argument names (or the one the user picks among those `filter` keeps). */
function withExecution(store: StepFunctionsStore, then: (arn: string) => Promise<unknown>, filter?: Parameters<typeof executionArnFromArgument>[2], title?: string) {
  return async (arg?: unknown): Promise<void> => {
    const arn = arg instanceof vscode.Uri && arg.scheme === EXECUTION_SCHEME ? arnOf(arg) : await executionArnFromArgument(store, arg, filter, title);
    if (arn) await then(arn);
  };
}

/** The handlers of the Step Functions commands, by id: a bundle of their own, loaded on the first of them. */
export function stepFunctionsCommandHandlers(deps: StepFunctionsCommandDeps): CommandHandlers<StepFunctionsCommand> {
  const { store } = deps;
  return {
    'opsLens.stepFunctions.showExecution': withExecution(store, deps.showExecution),
    'opsLens.stepFunctions.loadMore': (machineArn) => store.loadExecutions(machineArn as string),
    'opsLens.stepFunctions.filterStatus': (arg) => filterStatus(deps, arg),
    'opsLens.stepFunctions.startExecution': (arg) => start(deps, arg),
    'opsLens.stepFunctions.stopExecution': (arg, cause) =>
      withExecution(store, (arn) => stopExecution(deps, arn, cause), (e) => e.status === 'RUNNING', 'Stop which running execution?')(arg),
    'opsLens.stepFunctions.redriveExecution':
      withExecution(store, (arn) => redriveExecution(deps, arn), (e) => canRedrive(e.status, e.stopDate), 'Redrive which execution?'),
    'opsLens.stepFunctions.showLogs': withExecution(store, (arn) => showLogs(deps, arn)),
    'opsLens.stepFunctions.showTaskLogs':
      withExecution(store, (arn) => showFailedTaskLogs(deps, arn), (e) => e.status !== 'RUNNING' && e.status !== 'SUCCEEDED', 'Show the failed task\'s logs of which execution?'),
    'opsLens.stepFunctions.triage': (arg, range) => triageFailures(deps, deps.triageDocuments, arg, range),
    'opsLens.stepFunctions.redriveEligible': (uri) => redriveAllEligible(deps, deps.triageDocuments, uri),
  };
}
