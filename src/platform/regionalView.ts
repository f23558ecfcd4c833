import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { RefreshBackoff } from '../core/time/backoff';
import type { Services } from '../services';
import { AutoRefresh } from './autoRefresh';
import { VisibleOnlyTree } from './visibleOnlyTree';
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
  /**
   * Read on the timer whatever is visible, and at `backgroundSeconds()` (the setting `setting`) while the
   * window is not focused. The backoff then counts only reads where no scope could be read, so one
   * unreadable profile never slows the watch of the others.
   */
  readonly watch?: { readonly backgroundSeconds: () => number; readonly setting: string };
}

export interface RegionalView<T> {
  readonly view: vscode.TreeView<T>;
  /** Reads every scope (by default through `store.refresh`), with progress on the view and one message per outage. */
  refresh(read?: (regions: readonly ScopeId[]) => Promise<boolean>): Promise<boolean>;
  /** Reads once if nothing was read yet (for commands run before the view was shown). */
  ensureLoaded(): Promise<boolean>;
  /** The timer, when the view refreshes on one. */
  readonly auto?: AutoRefresh;
}

/**
 * The skeleton every regional tree shares: the view, its registration, the credentials check, progress,
 * outage notices, and refreshing when first shown, on "Refresh" and (optionally) on a timer with backoff.
 */
export function registerRegionalView<T>(context: vscode.ExtensionContext, services: Services, options: RegionalViewOptions<T>): RegionalView<T> {
  const { viewId, name, tree, store } = options;
  const drawn = new VisibleOnlyTree(tree);
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: drawn, showCollapseAll: true, canSelectMany: options.canSelectMany });
  services.views.set(viewId, view as vscode.TreeView<unknown>);

  let started = false;
  const refresh = async (read = (regions: readonly ScopeId[]) => store.refresh(regions)): Promise<boolean> => {
    started = true;
    await services.ensureCredentialsChecked();
    const { regions } = await services.session.regions();
    // A hidden view's progress would flicker on the activity bar at every background read.
    const ok = view.visible ? await withViewProgress(viewId, () => read(regions)) : await read(regions);
    for (const outage of services.outages.update(name, store.regions)) void announceOutage(outage, store.regions.find((r) => r.region === outage.region)?.loadedAt);
    await vscode.commands.executeCommand('setContext', `${viewId}.loaded`, true);
    return ok;
  };
  const { watch } = options;
  // A watch backs off only while nothing at all could be read.
  const outcome = (ok: boolean) => (watch ? store.regions.some((r) => !r.error) : ok);
  const auto = options.autoRefresh
    ? new AutoRefresh(view as vscode.TreeView<unknown>, async () => outcome(await refresh()), watch ? undefined : store.backoff, { whileHidden: watch })
    : undefined;
  const refreshAndReschedule = async () => {
    const ok = await refresh();
    auto?.outcome(outcome(ok));
  };

  context.subscriptions.push(
    view, drawn, drawn.follow(view),
    ...(auto ? [auto] : []),
    services.refresh.add(async () => (options.refreshWhileHidden || started) && (await refreshAndReschedule())),
    view.onDidChangeVisibility((e) => e.visible && !started && void refreshAndReschedule()),
    // The view's own Refresh (its title bar): this view only, whether or not it was shown before.
    vscode.commands.registerCommand(`${viewId}.refresh`, () => refreshAndReschedule()),
  );
  // A watch's timer reads at once (after activation); a view read only while shown reads when shown.
  if (view.visible && !watch) void refreshAndReschedule();
  return { view, refresh, auto, ensureLoaded: () => (store.loaded ? Promise.resolve(true) : refresh()) };
}
