import * as vscode from 'vscode';
import { afterActivation } from '../platform/afterActivation';
import type { Services } from '../services';
import { createHealthApi, type HealthApi } from './api';
import { checkNames, registerHealthCommands } from './commands';
import { notifyDown } from './notifications';
import { logChecks, reloadSettings } from './outputLog';
import { HealthScheduler } from './scheduler';
import { HealthSecrets } from './secrets';
import { ENDPOINTS_KEY } from './settingsReader';
import { HealthStore } from './store';
import { HealthTree } from './tree';
import { viewStateUpdater } from './viewState';

export type { HealthApi } from './api';

/** Health view: endpoints from settings polled while the window has focus; commands, trust (the status bar item is the firing one's). */
export function activate(context: vscode.ExtensionContext, services: Services): HealthApi {
  const { log } = services;
  const secrets = new HealthSecrets(context.secrets);
  const store = new HealthStore({ secret: (name) => secrets.get(name) });
  const tree = new HealthTree(store);
  const view = vscode.window.createTreeView('opsLens.health', { treeDataProvider: tree, showCollapseAll: true });
  services.views.set('opsLens.health', view as vscode.TreeView<unknown>);
  const scheduler = new HealthScheduler(store, { active: vscode.window.state.focused });
  const updateUi = viewStateUpdater(store, view as vscode.TreeView<unknown>);
  const reload = () => reloadSettings(store, log);

  context.subscriptions.push(
    store, tree, view, scheduler, secrets,
    store.onDidChange(updateUi),
    logChecks(store, log),
    store.onDidEnterDown((status) => void notifyDown(status)),
    services.refresh.add(() => store.checkAll()),
    vscode.window.onDidChangeWindowState((e) => scheduler.setActive(e.focused)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`opsLens.${ENDPOINTS_KEY}`) && reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => reload()),
    secrets.onDidChange((name) => void checkNames(store, store.usersOfSecret(name))),
    ...registerHealthCommands({ store, secrets, log }),
  );
  afterActivation(context, () => {
    reload();
    updateUi();
  });
  return createHealthApi(store, secrets);
}
