import * as vscode from 'vscode';
import { registerRegionalView } from '../platform/regionalView';
import type { Services } from '../services';
import { groupsFor, refsFromArguments, type GroupRef } from './arguments';
import { registerLogsCommands } from './commands';
import { LogsStore } from './store';
import { registerTailCommands } from './tail/commands';
import { LazyTails } from './tail/lazyTails';
import { LogsTree } from './tree';

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { session, logs } = services;
  const store = new LogsStore(logs, context.globalState);
  const tree = new LogsTree(store, services.accounts);
  // No timer: a reload reads the first page again and would drop the pages the user loaded.
  const { refresh, ensureLoaded } = registerRegionalView(context, services, { viewId: 'opsLens.logs', name: 'Logs', tree, store, canSelectMany: true, autoRefresh: false, refreshWhileHidden: false });
  const tails = new LazyTails(services);
  const refreshWith = (prefix: string) => refresh((regions) => store.refresh(regions, prefix));
  const targets = async (arg: unknown, selected: unknown, max: number, title: string): Promise<Required<GroupRef>[] | undefined> => {
    const refs = await groupsFor(store, refsFromArguments(arg, selected), await session.firstScope(), ensureLoaded, max, title);
    return refs?.map((r) => ({ region: r.region, name: r.name }));
  };

  context.subscriptions.push(
    store, tree, tails,
    ...registerLogsCommands({ store, logs, refreshWith, targets }),
    ...registerTailCommands({ store, logs, tails, targets }),
  );
}
