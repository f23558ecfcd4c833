import * as vscode from 'vscode';
import { scopeOfArn } from '../aws/arnScope';
import { registerRegionalView } from '../platform/regionalView';
import type { Services } from '../services';
import { registerStepFunctionsCommands } from './commands';
import { registerGraphCommand } from './graphCommand';
import { EXECUTION_LOGS_SCHEME, EXECUTION_SCHEME, ExecutionDetailsProvider, ExecutionLogsProvider, executionUri } from './documents';
import { StepFunctionsStore } from './store';
import { StepFunctionsTree } from './tree';

const RUNNING_REFRESH_MS = 10_000;

export function activate(context: vscode.ExtensionContext, services: Services): StepFunctionsStore {
  const { session, stepFunctions: api, logs } = services;
  const store = new StepFunctionsStore(api);
  const tree = new StepFunctionsTree(store, services.accounts);
  const { view, ensureLoaded } = registerRegionalView(context, services, { viewId: 'opsLens.stepFunctions', name: 'Step Functions', tree, store, autoRefresh: true, refreshWhileHidden: true });
  const scopeOf = (arn: string) => scopeOfArn(session, arn);
  const details = new ExecutionDetailsProvider(api, scopeOf);
  const diagnostics = vscode.languages.createDiagnosticCollection('opsLens.executionInput');
  const logsDocuments = new ExecutionLogsProvider(api, logs, scopeOf);

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
    ...registerStepFunctionsCommands({ store, api, logs, guard: services, scopeOf, ensureLoaded, diagnostics, logsDocuments, afterChange, showExecution }),
    registerGraphCommand(context, services, store, ensureLoaded, scopeOf),
  );
  return store;
}
