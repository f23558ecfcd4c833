import * as vscode from 'vscode';
import { accountHeader } from '../session/accountLabels';
import { DEFAULT_TAIL_BUFFER_EVENTS } from '../core/logs';
import { quoted } from '../core/text/notification';
import { registerSourceLinksFor } from '../insights/sourceLinks';
import { showError } from '../platform/errors';
import { notifyError, notifyInfo } from '../platform/notify';
import { registerRegionalView } from '../platform/regionalView';
import type { Services } from '../services';
import { describeGroup, groupsFor, refsFromArguments, type GroupRef } from './arguments';
import { askFilterPattern } from './filterInput';
import { pickSearchRange } from './rangePick';
import { searchLogGroup } from './search';
import { LogsStore } from './store';
import { CLOSED_TAIL_TEXT, TAIL_SCHEME, TailDocuments } from './tail/documents';
import { TailStatusBar } from './tail/statusBar';
import { LogsTree } from './tree';
import { readSetting } from '../platform/trust';

/** StartLiveTail takes at most 10 log groups. */
const MAX_TAIL_GROUPS = 10;
const QUERY = 'fields @timestamp, @logStream, @message\n| sort @timestamp desc\n| limit 200';

function bufferEvents(): number {
  const value = readSetting<number>('logs.tailBufferEvents', DEFAULT_TAIL_BUFFER_EVENTS);
  return Number.isInteger(value) && value >= 100 && value <= 100_000 ? value : DEFAULT_TAIL_BUFFER_EVENTS;
}

export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { session, logs } = services;
  const store = new LogsStore(logs, context.globalState);
  const tree = new LogsTree(store, services.accounts);
  // No timer: a reload reads the first page again and would drop the pages the user loaded.
  const { refresh, ensureLoaded } = registerRegionalView(context, services, { viewId: 'opsLens.logs', name: 'Logs', tree, store, canSelectMany: true, autoRefresh: false, refreshWhileHidden: false });
  // Live Tail documents, their status bar item and source links are set up with the first tail.
  const tailChanged = new vscode.EventEmitter<vscode.Uri>();
  let tailDocuments: TailDocuments | undefined;
  let tailParts: vscode.Disposable[] = [];
  const tails = (): TailDocuments => {
    if (!tailDocuments) {
      const created = new TailDocuments(logs, bufferEvents, tailChanged, accountHeader(services.accounts));
      tailParts = [created, new TailStatusBar(created), ...registerSourceLinksFor({ scheme: TAIL_SCHEME }, (uri) => created.session(uri) !== undefined)];
      tailDocuments = created;
    }
    return tailDocuments;
  };

  const refreshWith = (prefix: string) => refresh((regions) => store.refresh(regions, prefix));
  const firstRegion = async () => (await session.regions()).regions[0] ?? 'us-east-1';
  const setFilterContext = () => vscode.commands.executeCommand('setContext', 'opsLens.logs.filtered', store.prefix !== '');
  const targets = async (arg: unknown, selected: unknown, max: number, title: string): Promise<Required<GroupRef>[] | undefined> => {
    const refs = await groupsFor(store, refsFromArguments(arg, selected), await firstRegion(), ensureLoaded, max, title);
    return refs?.map((r) => ({ region: r.region ?? '', name: r.name }));
  };
  const tailSession = (uri?: unknown) => tailDocuments?.session(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);

  context.subscriptions.push(
    store, tree, tailChanged,
    { dispose: () => tailParts.forEach((d) => d.dispose()) },
    vscode.workspace.registerTextDocumentContentProvider(TAIL_SCHEME, { onDidChange: tailChanged.event, provideTextDocumentContent: (uri) => tailDocuments?.provideTextDocumentContent(uri) ?? CLOSED_TAIL_TEXT }),
    vscode.commands.registerCommand('opsLens.logs.loadMore', (region: string) => store.loadMore(region)),
    vscode.commands.registerCommand('opsLens.logs.filter', async () => {
      const prefix = await vscode.window.showInputBox({ title: 'Show log groups starting with', value: store.prefix, prompt: 'A log group name prefix, e.g. /aws/lambda/ (empty for all)' });
      if (prefix === undefined) return;
      await refreshWith(prefix.trim());
      await setFilterContext();
    }),
    vscode.commands.registerCommand('opsLens.logs.clearFilter', async () => {
      await refreshWith('');
      await setFilterContext();
    }),
    vscode.commands.registerCommand('opsLens.logs.addFavorite', async (arg?: unknown, selected?: unknown) => {
      for (const ref of (await targets(arg, selected, 50, 'Add log groups to favourites')) ?? []) await store.setFavorite(ref, true);
    }),
    vscode.commands.registerCommand('opsLens.logs.removeFavorite', async (arg?: unknown, selected?: unknown) => {
      for (const ref of (await targets(arg, selected, 50, 'Remove log groups from favourites')) ?? []) await store.setFavorite(ref, false);
    }),
    vscode.commands.registerCommand('opsLens.logs.tail', async (arg?: unknown, selected?: unknown) => {
      const refs = await targets(arg, selected, MAX_TAIL_GROUPS, 'Tail log groups (Live Tail)');
      if (!refs?.length) return undefined;
      const regions = new Set(refs.map((r) => r.region));
      if (regions.size > 1) return void notifyError('A Live Tail session reads the log groups of one region: pick groups of one region.');
      // From the palette, ask for a filter; from the view or another command, tail at once (the document can change it).
      const filterPattern = arg === undefined ? await askFilterPattern('Live Tail filter pattern (optional)') : '';
      if (filterPattern === undefined) return undefined;
      try {
        const groups = [];
        for (const ref of refs) {
          const group = await describeGroup(logs, store, ref);
          if (!group?.arn) return void notifyError(`No log group ${quoted(ref.name)} in ${ref.region}.`);
          groups.push({ name: group.name, arn: group.arn });
        }
        return await tails().open({ region: refs[0]?.region ?? '', groups, filterPattern });
      } catch (err) {
        void showError(err, 'Live Tail could not start');
        return undefined;
      }
    }),
    vscode.commands.registerCommand('opsLens.logs.search', async (arg?: unknown, options?: { filterPattern?: string; range?: string }) => {
      const [ref] = (await targets(arg, undefined, 1, 'Search a log group')) ?? [];
      if (!ref) return undefined;
      const filterPattern = options?.filterPattern ?? (await askFilterPattern(`Search ${ref.name} for`));
      if (filterPattern === undefined) return undefined;
      const range = options?.range ?? (await pickSearchRange('1h'));
      if (!range) return undefined;
      return searchLogGroup(logs, { region: ref.region, logGroupName: ref.name, filterPattern, range });
    }),
    vscode.commands.registerCommand('opsLens.logs.runQuery', async (arg?: unknown, selected?: unknown) => {
      const refs = await targets(arg, selected, 50, 'Query log groups in Logs Insights');
      if (!refs?.length) return undefined;
      const region = refs[0]?.region;
      const names = refs.filter((r) => r.region === region).map((r) => r.name);
      return vscode.commands.executeCommand('opsLens.insights.runQuery', { query: QUERY, logGroups: names, region, title: names.length === 1 ? `Latest events of ${names[0]}` : `Latest events of ${names.length} log groups` });
    }),
    vscode.commands.registerCommand('opsLens.logs.pauseTail', (uri?: unknown) => tailSession(uri)?.setPaused(true)),
    vscode.commands.registerCommand('opsLens.logs.resumeTail', (uri?: unknown) => tailSession(uri)?.setPaused(false)),
    vscode.commands.registerCommand('opsLens.logs.clearTail', (uri?: unknown) => tailSession(uri)?.clear()),
    vscode.commands.registerCommand('opsLens.logs.stopTail', (uri?: unknown) => tailSession(uri)?.stop()),
    vscode.commands.registerCommand('opsLens.logs.toggleTailJson', (uri?: unknown) => {
      const s = tailSession(uri);
      s?.setPrettyJson(!s.buffer.format.prettyJson);
    }),
    vscode.commands.registerCommand('opsLens.logs.changeTailFilter', async (uri?: unknown, pattern?: unknown) => {
      const s = tailSession(uri);
      if (!s) return;
      const next = typeof pattern === 'string' ? pattern : await askFilterPattern('Live Tail filter pattern', s.target.filterPattern);
      if (next === undefined) return;
      s.setFilter(next);
      void notifyInfo(next ? `Live Tail now shows events matching ${quoted(next)}.` : 'Live Tail now shows every event.');
    }),
  );
}
