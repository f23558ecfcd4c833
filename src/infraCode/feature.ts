import * as path from 'node:path';
import * as vscode from 'vscode';
import { SdkCloudFormation } from '../aws/services/cloudFormation';
import { DefinitionIndex } from '../core/infraCode/definitionIndex';
import { definitionLocation } from '../core/infraCode/matching';
import { resourceFromArgument } from '../core/infraCode/resourceArgument';
import type { Services } from '../services';
import { InfraCodeLens } from './codeLens';
import { findDefinitions, goToDefinition, type GoToDeps } from './goToDefinition';
import { WorkspaceIndexer, key, uriOf } from './indexer';
import { IndexThread } from './indexThread';
import { LiveState } from './liveState';

/** Live state is read again after this long even without a refresh, as the views refresh themselves. */
const LIVE_STATE_MAX_AGE_MS = 60_000;

export interface InfraCodeFeature {
  goToDefinition(arg: unknown): Promise<string | undefined>;
  /** `file:line (how)` of each definition of a resource, for the agent tools. */
  locate(arg: unknown): Promise<string[]>;
  readonly lens: vscode.CodeLensProvider;
  refresh(): void;
}

export function createInfraCodeFeature(context: vscode.ExtensionContext, services: Services, lensesChanged: () => void): InfraCodeFeature {
  const index = new DefinitionIndex();
  const thread = new IndexThread(path.join(context.extensionPath, 'dist', 'infra-code-worker.js'));
  const indexer = new WorkspaceIndexer(index, thread);
  const cloudFormation = new SdkCloudFormation(services.session);
  const scopes = async () => (await services.session.regions()).regions;
  const live = new LiveState({ metrics: services.metrics, stepFunctions: services.stepFunctions, logs: services.logs, cloudFormation, scopes, index, onError: (err) => services.log.warn(`Infrastructure code live state: ${err instanceof Error ? err.message : String(err)}`) });
  const commands = new Set<string>();
  void vscode.commands.getCommands(true).then((all) => all.filter((c) => c.startsWith('opsLens.')).forEach((c) => commands.add(c)));
  const lens = new InfraCodeLens({ index, ready: indexer.ready, live, fileOf, hasCommand: (id) => commands.has(id) });
  let clearedAt = Date.now();
  const refresh = () => {
    live.clear();
    clearedAt = Date.now();
    lensesChanged();
  };
  const lensProvider: vscode.CodeLensProvider = {
    provideCodeLenses: (document, token) => {
      if (Date.now() - clearedAt > LIVE_STATE_MAX_AGE_MS) {
        live.clear();
        clearedAt = Date.now();
      }
      return lens.provideCodeLenses(document).then((l) => (token.isCancellationRequested ? [] : l));
    },
  };
  context.subscriptions.push(indexer, lens, { dispose: () => thread.dispose() }, indexer.onDidChange(() => lensesChanged()));
  const deps: GoToDeps = { index, ready: indexer.ready, cloudFormation, scopes, uriOf, log: services.log };
  return {
    goToDefinition: (arg) => goToDefinition(deps, arg),
    locate: async (arg) => {
      const given = resourceFromArgument(arg);
      if (!given) return [];
      const matches = await findDefinitions(deps, given.resource, given.scope);
      return matches.map((m) => `${definitionLocation(m.definition)} (${m.how})`);
    },
    lens: lensProvider,
    refresh,
  };
}

function fileOf(uri: vscode.Uri): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || uri.scheme !== 'file') return undefined;
  const root = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? key(folder, uri.path.slice(root.length + 1)) : undefined;
}
