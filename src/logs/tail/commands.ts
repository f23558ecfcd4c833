import * as vscode from 'vscode';
import type { LogsApi } from '../../aws/services/logs';
import { quoted } from '../../core/text/notification';
import { showError } from '../../platform/errors';
import { notifyError, notifyInfo } from '../../platform/notify';
import { describeGroup, type GroupRef } from '../arguments';
import { askFilterPattern } from '../filterInput';
import type { LogsStore } from '../store';
import type { LazyTails } from './lazyTails';

/** StartLiveTail takes at most 10 log groups. */
const MAX_TAIL_GROUPS = 10;

export interface TailCommandDeps {
  readonly store: LogsStore;
  readonly logs: LogsApi;
  readonly tails: LazyTails;
  readonly targets: (arg: unknown, selected: unknown, max: number, title: string) => Promise<Required<GroupRef>[] | undefined>;
}

async function tail({ store, logs, tails, targets }: TailCommandDeps, arg?: unknown, selected?: unknown): Promise<vscode.Uri | undefined> {
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
    return await tails.tails.open({ region: refs[0]?.region ?? '', groups, filterPattern });
  } catch (err) {
    void showError(err, 'Live Tail could not start');
    return undefined;
  }
}

async function changeFilter(tails: LazyTails, uri?: unknown, pattern?: unknown): Promise<void> {
  const s = tails.session(uri);
  if (!s) return;
  const next = typeof pattern === 'string' ? pattern : await askFilterPattern('Live Tail filter pattern', s.target.filterPattern);
  if (next === undefined) return;
  s.setFilter(next);
  void notifyInfo(next ? `Live Tail now shows events matching ${quoted(next)}.` : 'Live Tail now shows every event.');
}

export function registerTailCommands(deps: TailCommandDeps): vscode.Disposable[] {
  const { tails } = deps;
  return [
    vscode.commands.registerCommand('opsLens.logs.tail', (arg?: unknown, selected?: unknown) => tail(deps, arg, selected)),
    vscode.commands.registerCommand('opsLens.logs.pauseTail', (uri?: unknown) => tails.session(uri)?.setPaused(true)),
    vscode.commands.registerCommand('opsLens.logs.resumeTail', (uri?: unknown) => tails.session(uri)?.setPaused(false)),
    vscode.commands.registerCommand('opsLens.logs.clearTail', (uri?: unknown) => tails.session(uri)?.clear()),
    vscode.commands.registerCommand('opsLens.logs.stopTail', (uri?: unknown) => tails.session(uri)?.stop()),
    vscode.commands.registerCommand('opsLens.logs.toggleTailJson', (uri?: unknown) => {
      const s = tails.session(uri);
      s?.setPrettyJson(!s.buffer.format.prettyJson);
    }),
    vscode.commands.registerCommand('opsLens.logs.changeTailFilter', (uri?: unknown, pattern?: unknown) => changeFilter(tails, uri, pattern)),
  ];
}
