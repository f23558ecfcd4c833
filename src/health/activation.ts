import * as vscode from 'vscode';
import { FAILURE_LABEL } from '../core/health/format';
import { STATE_LABEL, type HealthState } from '../core/health/model';
import { originOf, secretNames } from '../core/health/secrets';
import { describeError } from '../platform/errors';
import type { Services } from '../services';
import { askNewEndpoint, endpointsFromArgument } from './commands';
import { notifyDown } from './notifications';
import { HealthScheduler } from './scheduler';
import { HealthSecrets, promptAndStoreSecret } from './secrets';
import { appendEndpoint, ENDPOINTS_KEY, readHealthSettings } from './settingsReader';
import { HealthStatusBar } from './statusBar';
import { HealthStore, type EndpointStatus } from './store';
import { HealthTree } from './tree';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { withViewProgress } from '../platform/textSinks';

/**
 * What code in the extension host (other extensions, the extension-host tests) may call directly:
 * the same changes as the commands, without their prompts. Links can reach commands, never this.
 */
export interface HealthApi {
  readonly store: HealthStore;
  addEndpoint(entry: { name: string; url: string }): Promise<vscode.ConfigurationTarget>;
  /** Stores the secret for the origins of the endpoints using it (or those given); '' deletes it. */
  setSecret(name: string, value: string, origins?: readonly string[]): Promise<void>;
}

/** Health view: endpoints from settings polled while the window has focus; commands, status bar, trust. */
export function activate(context: vscode.ExtensionContext, services: Services): HealthApi {
  const { log } = services;
  const secrets = new HealthSecrets(context.secrets);
  const store = new HealthStore({ secret: (name) => secrets.get(name) });
  const tree = new HealthTree(store);
  const view = vscode.window.createTreeView('opsLens.health', { treeDataProvider: tree, showCollapseAll: true });
  services.views.set('opsLens.health', view as vscode.TreeView<unknown>);
  const scheduler = new HealthScheduler(store, { active: vscode.window.state.focused });

  const contextKeys = new Map<string, boolean>();
  const setContext = (key: string, value: boolean) => {
    if (contextKeys.get(key) === value) return;
    contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const updateUi = () => {
    const counts = store.counts();
    setContext('opsLens.health.configured', store.statuses.length + store.blocked.length + store.problems.length > 0);
    setContext('opsLens.health.blockedByTrust', store.blocked.length > 0);
    setContext('opsLens.health.anyDown', counts.down > 0);
    view.badge = counts.down ? { value: counts.down, tooltip: `${counts.down} health endpoint${counts.down === 1 ? '' : 's'} down` } : undefined;
  };

  const reload = () => {
    const settings = readHealthSettings();
    store.update(settings, vscode.workspace.isTrusted);
    for (const p of settings.problems) log.warn(`health settings (${p.source}${p.index !== undefined ? `, entry ${p.index + 1}` : ''}): ${p.messages.join('; ')}`);
    if (store.blocked.length) log.info(`health: ${store.blocked.length} endpoint(s) from workspace settings not checked: the workspace is not trusted`);
  };

  const lastState = new Map<string, HealthState>();
  const logCheck = (status: EndpointStatus) => {
    const { endpoint, evaluation } = status;
    const previous = lastState.get(endpoint.name);
    lastState.set(endpoint.name, status.state);
    if (!evaluation) {
      if (status.missingSecrets.length && previous !== 'unknown') log.warn(`health: ${endpoint.name} not requested: secret ${status.missingSecrets.join(', ')} not set`);
      return;
    }
    const what = evaluation.httpStatus ?? FAILURE_LABEL[evaluation.failure ?? 'network'];
    const line = `health: ${endpoint.name} ${STATE_LABEL[status.state].toLowerCase()} (${what}, ${evaluation.latencyMs} ms)${evaluation.reasons.length ? `: ${evaluation.reasons.join('; ')}` : ''}`;
    if (previous !== status.state) log.info(line);
    else log.trace(line);
  };

  const checkNames = async (names: readonly string[]): Promise<EndpointStatus[]> => {
    const results = await withViewProgress('opsLens.health', () => Promise.all(names.map((n) => store.checkEndpoint(n))));
    return results.filter((s): s is EndpointStatus => s !== undefined);
  };

  /** Origins of the endpoints whose headers use the secret: where it may be sent. */
  const originsOf = (name: string) => [...new Set(store.usersOfSecret(name).map((n) => originOf(store.find(n)!.endpoint.url)).filter((o): o is string => o !== undefined))];

  context.subscriptions.push(
    store, tree, view, scheduler, secrets,
    new HealthStatusBar(store),
    store.onDidChange(updateUi),
    store.onDidCheck(logCheck),
    store.onDidEnterDown((status) => void notifyDown(status)),
    services.refresh.add(() => store.checkAll()),
    vscode.window.onDidChangeWindowState((e) => scheduler.setActive(e.focused)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`opsLens.${ENDPOINTS_KEY}`) && reload()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => reload()),
    secrets.onDidChange((name) => void checkNames(store.usersOfSecret(name))),
    vscode.commands.registerCommand('opsLens.health.checkNow', async (arg?: unknown): Promise<EndpointStatus[]> => {
      const names = endpointsFromArgument(store, arg);
      if (!names) return [];
      if (names.length === 0) {
        const picked = await notifyInfo('No health endpoints to check.', 'Add Health Endpoint…');
        if (picked) await vscode.commands.executeCommand('opsLens.health.addEndpoint');
        return [];
      }
      return checkNames(names);
    }),
    vscode.commands.registerCommand('opsLens.health.addEndpoint', async (arg?: unknown) => {
      const entry = await askNewEndpoint(store, arg);
      if (!entry) return undefined;
      try {
        const target = await appendEndpoint(entry);
        const where = target === vscode.ConfigurationTarget.Workspace ? 'workspace settings' : 'user settings';
        if (target === vscode.ConfigurationTarget.Workspace && !vscode.workspace.isTrusted) {
          void notifyWarning(`Added "${entry.name}" to ${where}. It is checked once you trust this workspace.`, 'Manage Workspace Trust')
            .then((b) => b && vscode.commands.executeCommand('workbench.trust.manage'));
        } else {
          void notifyInfo(`Added "${entry.name}" to ${where}; checking it now. Add assertions, headers and an interval in settings.`, 'Open Settings')
            .then((b) => b && vscode.commands.executeCommand(target === vscode.ConfigurationTarget.Workspace ? 'workbench.action.openWorkspaceSettingsFile' : 'workbench.action.openSettingsJson'));
        }
        return entry;
      } catch (err) {
        void notifyError(`Could not add the health endpoint: ${quoted(describeError(err))}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('opsLens.health.setSecret', async (arg?: unknown, value?: unknown) => {
      const referenced = secretNames(store.statuses.flatMap((s) => Object.values(s.endpoint.headers)));
      const result = await promptAndStoreSecret(secrets, referenced, originsOf, arg, value);
      if (!result) return undefined;
      const users = store.usersOfSecret(result.name);
      log.info(`health: secret ${result.name} ${result.deleted ? 'deleted' : 'stored'} (used by ${users.length} endpoint${users.length === 1 ? '' : 's'})`);
      void notifyInfo(result.deleted
        ? `Deleted the health secret ${result.name}.`
        : `Stored the health secret ${result.name} in VS Code's secret storage${users.length ? `; checking ${users.join(', ')}` : '; reference it in a header as ${secret:' + result.name + '}'}.`);
      return result.name;
    }),
  );
  reload();
  updateUi();
  return {
    store,
    addEndpoint: (entry) => appendEndpoint(entry),
    setSecret: (name, value, origins) => (value === '' ? secrets.delete(name) : secrets.set(name, value, origins ?? originsOf(name))),
  };
}
