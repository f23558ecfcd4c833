import * as vscode from 'vscode';
import type { LogsApi } from '../aws/services/logs';
import type { GroupRef } from './arguments';
import { askFilterPattern } from './filterInput';
import { pickSearchRange } from './rangePick';
import { searchLogGroup } from './search';
import type { LogsStore } from './store';
import type { ScopeId } from '../core/scope';

const QUERY = 'fields @timestamp, @logStream, @message\n| sort @timestamp desc\n| limit 200';

export interface LogsCommandDeps {
  readonly store: LogsStore;
  readonly logs: LogsApi;
  /** Reads the groups again with a name prefix ('' for all). */
  readonly refreshWith: (prefix: string) => Promise<unknown>;
  /** The groups a command means: its argument, the view's selection, or the user's pick (at most `max`). */
  readonly targets: (arg: unknown, selected: unknown, max: number, title: string) => Promise<Required<GroupRef>[] | undefined>;
}

async function filter({ store, refreshWith }: LogsCommandDeps, prefix?: string): Promise<void> {
  const next = prefix ?? await vscode.window.showInputBox({ title: 'Show log groups starting with', value: store.prefix, prompt: 'A log group name prefix, e.g. /aws/lambda/ (empty for all)' });
  if (next === undefined) return;
  await refreshWith(next.trim());
  await vscode.commands.executeCommand('setContext', 'opsLens.logs.filtered', store.prefix !== '');
}

async function setFavorite({ store, targets }: LogsCommandDeps, favorite: boolean, arg?: unknown, selected?: unknown): Promise<void> {
  const title = favorite ? 'Add log groups to favorites' : 'Remove log groups from favorites';
  for (const ref of (await targets(arg, selected, 50, title)) ?? []) await store.setFavorite(ref, favorite);
}

async function search({ logs, targets }: LogsCommandDeps, arg?: unknown, options?: { filterPattern?: string; range?: string }) {
  const [ref] = (await targets(arg, undefined, 1, 'Search a log group')) ?? [];
  if (!ref) return undefined;
  const filterPattern = options?.filterPattern ?? (await askFilterPattern(`Search ${ref.name} for`));
  if (filterPattern === undefined) return undefined;
  const range = options?.range ?? (await pickSearchRange('1h'));
  if (!range) return undefined;
  return searchLogGroup(logs, { region: ref.region, logGroupName: ref.name, filterPattern, range });
}

/** The latest events of the groups (of the first one's region) in Logs Insights. */
async function runQuery({ targets }: LogsCommandDeps, arg?: unknown, selected?: unknown): Promise<unknown> {
  const refs = await targets(arg, selected, 50, 'Query log groups in Logs Insights');
  if (!refs?.length) return undefined;
  const region = refs[0]?.region;
  const names = refs.filter((r) => r.region === region).map((r) => r.name);
  return vscode.commands.executeCommand('opsLens.insights.runQuery', { query: QUERY, logGroups: names, region, title: names.length === 1 ? `Latest events of ${names[0]}` : `Latest events of ${names.length} log groups` });
}

export function registerLogsCommands(deps: LogsCommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('opsLens.logs.loadMore', (region: ScopeId) => deps.store.loadMore(region)),
    vscode.commands.registerCommand('opsLens.logs.filter', () => filter(deps)),
    vscode.commands.registerCommand('opsLens.logs.clearFilter', () => filter(deps, '')),
    vscode.commands.registerCommand('opsLens.logs.addFavorite', (arg?: unknown, selected?: unknown) => setFavorite(deps, true, arg, selected)),
    vscode.commands.registerCommand('opsLens.logs.removeFavorite', (arg?: unknown, selected?: unknown) => setFavorite(deps, false, arg, selected)),
    vscode.commands.registerCommand('opsLens.logs.search', (arg?: unknown, options?: { filterPattern?: string; range?: string }) => search(deps, arg, options)),
    vscode.commands.registerCommand('opsLens.logs.runQuery', (arg?: unknown, selected?: unknown) => runQuery(deps, arg, selected)),
  ];
}
