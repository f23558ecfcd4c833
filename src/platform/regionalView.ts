import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { RefreshBackoff } from '../core/time/backoff';
import type { Services } from '../services';
import { AutoRefresh } from './autoRefresh';
import { announceOutage } from './outageNotice';
import { withViewProgress } from './textSinks';

/** The part of a feature's store the view skeleton reads: each scope's outcome, and the refresh backoff. */
export interface RegionalViewStore {
  readonly regions: readonly { readonly region: ScopeId; readonly error?: Error; readonly loadedAt?: Date }[];
  readonly loaded: boolean;
  readonly backoff: RefreshBackoff;
  refresh(regions: readonly ScopeId[]): Promise<boolean>;
}

export interface RegionalViewOptions<T> {
  readonly viewId: string;
  /** The view as outage messages name it, e.g. "Step Functions". */
  readonly name: string;
  readonly tree: vscode.TreeDataProvider<T>;
  readonly store: RegionalViewStore;
  readonly canSelectMany?: boolean;
  /** Refresh on a timer while shown. Off for a view whose reload would drop the pages the user opened. */
  readonly autoRefresh: boolean;
  /** "Refresh" reloads the view even before it was first shown (its data feeds a status bar or notifications). */
  readonly refreshWhileHidden: boolean;
}

export interface RegionalView<T> {
  readonly view: vscode.TreeView<T>;
  /** Reads every scope (by default through `store.refresh`), with progress on the view and one message per outage. */
  refresh(read?: (regions: readonly ScopeId[]) => Promise<boolean>): Promise<boolean>;
  /** Reads once if nothing was read yet (for commands run before the view was shown). */
  ensureLoaded(): Promise<boolean>;
}

/**
 * The skeleton every regional tree shares: the view, its registration, the credentials check, progress,
 * outage notices, and refreshing when first shown, on "Refresh" and (optionally) on a timer with backoff.
 */
export function registerRegionalView<T>(context: vscode.ExtensionContext, services: Services, options: RegionalViewOptions<T>): RegionalView<T> {
  const { viewId, name, tree, store } = options;
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: options.canSelectMany });
  services.views.set(viewId, view as vscode.TreeView<unknown>);

  let started = false;
  const refresh = async (read = (regions: readonly ScopeId[]) => store.refresh(regions)): Promise<boolean> => {
    started = true;
    await services.ensureCredentialsChecked();
    const { regions } = await services.session.regions();
    const ok = await withViewProgress(viewId, () => read(regions));
    for (const outage of services.outages.update(name, store.regions)) void announceOutage(outage, store.regions.find((r) => r.region === outage.region)?.loadedAt);
    await vscode.commands.executeCommand('setContext', `${viewId}.loaded`, true);
    return ok;
  };
  const auto = options.autoRefresh ? new AutoRefresh(view as vscode.TreeView<unknown>, refresh, store.backoff) : undefined;
  const refreshAndReschedule = async () => {
    const ok = await refresh();
    auto?.outcome(ok);
  };

  context.subscriptions.push(
    view,
    ...(auto ? [auto] : []),
    services.refresh.add(async () => (options.refreshWhileHidden || started) && (await refreshAndReschedule())),
    view.onDidChangeVisibility((e) => e.visible && !started && void refreshAndReschedule()),
    // The view's own Refresh (its title bar): this view only, whether or not it was shown before.
    vscode.commands.registerCommand(`${viewId}.refresh`, () => refreshAndReschedule()),
  );
  if (view.visible) void refreshAndReschedule();
  return { view, refresh, ensureLoaded: () => (store.loaded ? Promise.resolve(true) : refresh()) };
}
