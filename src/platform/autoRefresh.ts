import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { readRefreshIntervalSeconds } from './config';
import { nextDelaySeconds } from '../core/time/backoff';

/**
 * Calls `refresh` every `opsLens.refreshIntervalSeconds` while the view is visible and the window
 * focused; backs off exponentially while refreshes fail. `refresh` resolves false on failure.
 */
export class AutoRefresh extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(private readonly view: vscode.TreeView<unknown>, private readonly refresh: () => Promise<boolean>) {
    super();
    this.register(view.onDidChangeVisibility(() => this.schedule()));
    this.register(vscode.window.onDidChangeWindowState(() => this.schedule()));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('opsLens.refreshIntervalSeconds') && this.schedule()));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.schedule();
  }

  /** Records the outcome of a refresh started elsewhere (manual refresh), then reschedules. */
  outcome(ok: boolean): void {
    this.failures = ok ? 0 : this.failures + 1;
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
    }, nextDelaySeconds(interval, this.failures) * 1000);
  }
}
