import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { readRefreshIntervalSeconds } from './config';
import { RefreshBackoff } from '../core/time/backoff';

/**
 * Calls `refresh` every `opsLens.refreshIntervalSeconds` while the view is visible and the window
 * focused; backs off exponentially while refreshes fail. `refresh` resolves false on failure. A store
 * that counts its own failed refreshes passes its backoff; otherwise outcomes are counted here.
 */
export class AutoRefresh extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly backoff: RefreshBackoff;
  private readonly countsOutcomes: boolean;

  constructor(private readonly view: vscode.TreeView<unknown>, private readonly refresh: () => Promise<boolean>, storeBackoff?: RefreshBackoff) {
    super();
    this.backoff = storeBackoff ?? new RefreshBackoff();
    this.countsOutcomes = !storeBackoff;
    this.register(view.onDidChangeVisibility(() => this.schedule()));
    this.register(vscode.window.onDidChangeWindowState(() => this.schedule()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('opsLens.refreshIntervalSeconds') && this.schedule()));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.schedule();
  }

  /** Records the outcome of a refresh started elsewhere (manual refresh), then reschedules. */
  outcome(ok: boolean): void {
    if (this.countsOutcomes) this.backoff.record(ok);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A refresh that ends after the view was disposed must not arm the timer again.
    if (this.isDisposed) return;
    const interval = readRefreshIntervalSeconds();
    if (interval === 0 || !this.view.visible || !vscode.window.state.focused) return;
    this.timer = setTimeout(async () => {
      this.outcome(await this.refresh().catch(() => false));
    }, this.backoff.delaySeconds(interval) * 1000);
  }
}
