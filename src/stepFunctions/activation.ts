import * as vscode from 'vscode';
import { scopeOfArn } from '../aws/arnScope';
import { registerRegionalView } from '../platform/regionalView';
import type { Services } from '../services';
import type * as Commands from './commands';
import { STEP_FUNCTIONS_COMMANDS } from './commandIds';
import { registerLazyCommands } from '../platform/lazyCommands';
import { registerGraphCommand } from './graphCommand';
import { EXECUTION_LOGS_SCHEME, EXECUTION_SCHEME, ExecutionDetailsProvider, ExecutionLogsProvider, executionUri } from './documents';
import { ExecutionChildrenStore } from './executionChildren';
import { StepFunctionsStore } from './store';
import { canRedrive } from '../core/stepFunctions/model';
import { StepFunctionsTree } from './tree';
import { TRIAGE_SCHEME, TriageDocuments } from './triage';

const RUNNING_REFRESH_MS = 10_000;

/** Context keys for the active execution document's title bar: Stop while it runs, Redrive while it can be redriven. */
function executionTitleContext(details: ExecutionDetailsProvider): vscode.Disposable[] {
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const shown = uri?.scheme === EXECUTION_SCHEME ? details.statuses.get(uri.toString()) : undefined;
    void vscode.commands.executeCommand('setContext', 'opsLens.stepFunctions.executionRunning', shown?.status === 'RUNNING');
    void vscode.commands.executeCommand('setContext', 'opsLens.stepFunctions.executionRedrivable', !!shown && canRedrive(shown.status, shown.stopDate));
  };
  return [vscode.window.onDidChangeActiveTextEditor(update), details.onDidChangeStatus(update)];
}

export function activate(context: vscode.ExtensionContext, services: Services): StepFunctionsStore {
  const { session, stepFunctions: api, logs } = services;
  const store = new StepFunctionsStore(api);
  const children = new ExecutionChildrenStore(api);
  const tree = new StepFunctionsTree(store, services.accounts, children);
  const { view, ensureLoaded } = registerRegionalView(context, services, { viewId: 'opsLens.stepFunctions', name: 'Step Functions', tree, store, autoRefresh: true, refreshWhileHidden: true });
  const scopeOf = (arn: string) => scopeOfArn(session, arn);
  const details = new ExecutionDetailsProvider(api, scopeOf);
  const diagnostics = vscode.languages.createDiagnosticCollection('opsLens.executionInput');
  const logsDocuments = new ExecutionLogsProvider(api, logs, scopeOf);
  const triageDocuments = new TriageDocuments();

  // Running executions change by the second: while one is shown, its list refreshes more often.
  const runningTimer = setInterval(() => {
    if (!view.visible || !vscode.window.state.focused) return;
    for (const arn of store.machinesWithRunningExecutions()) void store.loadExecutions(arn, { reset: true });
  }, RUNNING_REFRESH_MS);
  const afterChange = async (machineArn: string, executionArn?: string) => {
    await store.loadExecutions(machineArn, { reset: true });
    children.clear();
    if (executionArn) details.refresh(executionUri(executionArn));
  };
  const showExecution = async (arn: string) => {
    const uri = executionUri(arn);
    details.refresh(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  };

  context.subscriptions.push(
    store, children, tree, details, diagnostics,
    { dispose: () => clearInterval(runningTimer) },
    vscode.workspace.registerTextDocumentContentProvider(EXECUTION_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(EXECUTION_LOGS_SCHEME, logsDocuments),
    vscode.workspace.registerTextDocumentContentProvider(TRIAGE_SCHEME, triageDocuments),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      diagnostics.delete(doc.uri);
      details.statuses.delete(doc.uri.toString());
      if (doc.uri.scheme === TRIAGE_SCHEME) triageDocuments.forget(doc.uri);
    }),
    ...executionTitleContext(details),
    ...registerLazyCommands(STEP_FUNCTIONS_COMMANDS, () =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./commands') as typeof Commands).stepFunctionsCommandHandlers({ store, api, logs, guard: services, scopeOf, ensureLoaded, diagnostics, logsDocuments, triageDocuments, afterChange, showExecution })),
    registerGraphCommand(context, services, store, ensureLoaded, scopeOf),
  );
  return store;
}
