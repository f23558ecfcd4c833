import * as vscode from 'vscode';
import { originOf, secretNames } from '../core/health/secrets';
import { quoted } from '../core/text/notification';
import { describeError } from '../platform/errors';
import { notifyError, notifyInfo, notifyWarning } from '../platform/notify';
import { withViewProgress } from '../platform/textSinks';
import { askNewEndpoint, endpointsFromArgument } from './endpointArguments';
import { HealthSecrets, promptAndStoreSecret } from './secrets';
import { appendEndpoint } from './settingsReader';
import type { EndpointStatus, HealthStore } from './store';

export interface HealthCommandDeps {
  readonly store: HealthStore;
  readonly secrets: HealthSecrets;
  readonly log: vscode.LogOutputChannel;
}

/** Checks the named endpoints now (with the view's progress bar); the statuses of those it knows. */
export async function checkNames(store: HealthStore, names: readonly string[]): Promise<EndpointStatus[]> {
  const results = await withViewProgress('opsLens.health', () => Promise.all(names.map((n) => store.checkEndpoint(n))));
  return results.filter((s): s is EndpointStatus => s !== undefined);
}

/** Origins of the endpoints whose headers use the secret: where it may be sent. */
export function originsOf(store: HealthStore, name: string): string[] {
  return [...new Set(store.usersOfSecret(name).map((n) => originOf(store.find(n)!.endpoint.url)).filter((o): o is string => o !== undefined))];
}

async function checkNow(store: HealthStore, arg?: unknown): Promise<EndpointStatus[]> {
  const names = endpointsFromArgument(store, arg);
  if (!names) return [];
  if (names.length === 0) {
    const picked = await notifyInfo('No health endpoints to check.', 'Add Health Endpoint…');
    if (picked) await vscode.commands.executeCommand('opsLens.health.addEndpoint');
    return [];
  }
  return checkNames(store, names);
}

async function addEndpoint(store: HealthStore, arg?: unknown): Promise<{ name: string; url: string } | undefined> {
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
}

async function setSecret({ store, secrets, log }: HealthCommandDeps, arg?: unknown, value?: unknown): Promise<string | undefined> {
  const referenced = secretNames(store.statuses.flatMap((s) => Object.values(s.endpoint.headers)));
  const result = await promptAndStoreSecret(secrets, referenced, (name) => originsOf(store, name), arg, value);
  if (!result) return undefined;
  const users = store.usersOfSecret(result.name);
  log.info(`health: secret ${result.name} ${result.deleted ? 'deleted' : 'stored'} (used by ${users.length} endpoint${users.length === 1 ? '' : 's'})`);
  void notifyInfo(result.deleted
    ? `Deleted the health secret ${result.name}.`
    : `Stored the health secret ${result.name} in VS Code's secret storage${users.length ? `; checking ${users.join(', ')}` : '; reference it in a header as ${secret:' + result.name + '}'}.`);
  return result.name;
}

export function registerHealthCommands(deps: HealthCommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('opsLens.health.checkNow', (arg?: unknown) => checkNow(deps.store, arg)),
    vscode.commands.registerCommand('opsLens.health.addEndpoint', (arg?: unknown) => addEndpoint(deps.store, arg)),
    vscode.commands.registerCommand('opsLens.health.setSecret', (arg?: unknown, value?: unknown) => setSecret(deps, arg, value)),
  ];
}
