import * as vscode from 'vscode';
import { showError } from '../platform/errors';
import { registerRegionalView } from '../platform/regionalView';
import type { Services } from '../services';
import { STATUS_FILTERS, STATUS_LABEL, arnName, canRedrive, type ExecutionStatus } from '../core/stepFunctions/model';
import { executionArnFromArgument, machineFromArgument } from './arguments';
import { scopeOfArn } from '../aws/arnScope';
import { EXECUTION_LOGS_SCHEME, EXECUTION_SCHEME, ExecutionDetailsProvider, ExecutionLogsProvider, executionUri, readExecutionLogs } from './documents';
import { startExecution, type StartRequest } from './startExecution';
import { StepFunctionsStore } from './store';
import { StepFunctionsTree } from './tree';
import { notifyError, notifyInfo } from '../platform/notify';
import { confirmWrite } from '../platform/confirmWrite';
import { quoted } from '../core/text/notification';
import { showPick, withWindowProgress } from '../platform/textSinks';

const RUNNING_REFRESH_MS = 10_000;

export function activate(context: vscode.ExtensionContext, services: Services): StepFunctionsStore {
  const { session, stepFunctions: api, logs } = services;
  const store = new StepFunctionsStore(api);
  const tree = new StepFunctionsTree(store, services.accounts);
  const { view, ensureLoaded } = registerRegionalView(context, services, { viewId: 'opsLens.stepFunctions', name: 'Step Functions', tree, store, autoRefresh: true, refreshWhileHidden: true });
  const regionOf = (arn: string) => scopeOfArn(session, arn);
  const details = new ExecutionDetailsProvider(api, regionOf);
  const diagnostics = vscode.languages.createDiagnosticCollection('opsLens.executionInput');
  const logsDocuments = new ExecutionLogsProvider(api, logs, regionOf);

  // Running executions change by the second: while one is shown, its list refreshes more often.
  const runningTimer = setInterval(() => {
    if (!view.visible || !vscode.window.state.focused) return;
    for (const arn of store.machinesWithRunningExecutions()) void store.loadExecutions(arn, { reset: true });
  }, RUNNING_REFRESH_MS);

  const afterChange = async (machineArn: string, executionArn?: string) => {
    await store.loadExecutions(machineArn, { reset: true });
    if (executionArn) details.refresh(executionUri(executionArn));
  };

  const showExecution = async (arn: string) => {
    const uri = executionUri(arn);
    details.refresh(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  };

  context.subscriptions.push(
    store, tree, details, diagnostics,
    { dispose: () => clearInterval(runningTimer) },
    vscode.workspace.registerTextDocumentContentProvider(EXECUTION_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(EXECUTION_LOGS_SCHEME, logsDocuments),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.delete(doc.uri)),
    vscode.commands.registerCommand('opsLens.stepFunctions.showExecution', async (arg?: unknown) => {
      const arn = await executionArnFromArgument(store, arg);
      if (arn) await showExecution(arn);
    }),
    vscode.commands.registerCommand('opsLens.stepFunctions.loadMore', (machineArn: string) => store.loadExecutions(machineArn)),
    vscode.commands.registerCommand('opsLens.stepFunctions.filterStatus', async (arg?: unknown) => {
      const machine = await machineFromArgument(store, arg, ensureLoaded);
      if (!machine) return;
      const current = store.executionsOf(machine.arn)?.status;
      const picked = await showPick(
        [{ label: 'All statuses', status: null as ExecutionStatus | null }, ...STATUS_FILTERS.map((status) => ({ label: STATUS_LABEL[status], description: status, status }))].map((i) => ({ ...i, picked: (i.status ?? undefined) === current })),
        { title: `Show which executions of ${machine.name}?` },
      );
      if (picked) await store.loadExecutions(machine.arn, { status: picked.status });
    }),
    vscode.commands.registerCommand('opsLens.stepFunctions.startExecution', async (arg?: unknown) => {
      const request = (arg && typeof arg === 'object' && !('machine' in arg) ? arg : {}) as StartRequest & { stateMachineArn?: string };
      const machine = await machineFromArgument(store, request.stateMachineArn ?? arg, ensureLoaded);
      if (!machine) return;
      const arn = await startExecution(api, machine, request, diagnostics, services);
      if (!arn) return;
      await afterChange(machine.arn);
      void notifyInfo(`Started execution ${arnName(arn)} of ${machine.name}.`, 'Show Details').then((b) => b && showExecution(arn));
      return arn;
    }),
    vscode.commands.registerCommand('opsLens.stepFunctions.stopExecution', async (arg?: unknown, causeArg?: string) => {
      const arn = await executionArnFromArgument(store, arg, (e) => e.status === 'RUNNING', 'Stop which running execution?');
      if (!arn) return;
      let cause = typeof causeArg === 'string' ? causeArg : undefined;
      const region = await regionOf(arn);
      const message = `Stop execution ${arnName(arn)}? It ends as ABORTED; states already run are not undone.`;
      const permit = await confirmWrite(services, {
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
      // StopExecution is asynchronous: give the status a moment to leave RUNNING before reporting it.
      let description = await api.describeExecution(region, arn).catch(() => undefined);
      for (let i = 0; i < 10 && description?.status === 'RUNNING'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        description = await api.describeExecution(region, arn).catch(() => undefined);
      }
      if (description?.stateMachineArn) await afterChange(description.stateMachineArn, arn);
      void notifyInfo(`Execution ${arnName(arn)} is now ${description?.status ?? 'stopping'}.`);
    }),
    vscode.commands.registerCommand('opsLens.stepFunctions.redriveExecution', async (arg?: unknown) => {
      const arn = await executionArnFromArgument(store, arg, (e) => canRedrive(e.status, e.stopDate), 'Redrive which execution?');
      if (!arn) return;
      const region = await regionOf(arn);
      const description = await api.describeExecution(region, arn).catch((err) => void showError(err));
      if (!description) return;
      const status = (description.status ?? 'RUNNING') as ExecutionStatus;
      if (!canRedrive(status, description.stopDate)) {
        void notifyError(`Execution ${arnName(arn)} is ${status}: only failed, timed-out or aborted executions of the last 14 days can be redriven.`);
        return;
      }
      const permit = await confirmWrite(services, {
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
    }),
    vscode.commands.registerCommand('opsLens.stepFunctions.showLogs', async (arg?: unknown) => {
      const arn = await executionArnFromArgument(store, arg);
      if (!arn) return;
      // Events open as a Logs Insights results document (stack frames linked, export), when there are any.
      const read = await withWindowProgress(`Reading the logs of ${arnName(arn)}…`, () => readExecutionLogs(api, logs, arn, regionOf));
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
    }),
  );
  return store;
}
