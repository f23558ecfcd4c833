import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { readRefreshIntervalSeconds } from './config';
import { RefreshBackoff } from '../core/time/backoff';
import { intervalInForce, nextReadDelayMs } from '../core/watch/schedule';

export interface AutoRefreshOptions {
  /**
   * Read while the view is hidden too (its data feeds a status bar, a badge, notifications): every
   * `opsLens.refreshIntervalSeconds` while the window is focused, every `backgroundSeconds()` while not.
   */
  readonly whileHidden?: { readonly backgroundSeconds: () => number; readonly setting: string };
}

/**
 * Calls `refresh` every `opsLens.refreshIntervalSeconds` while the view is visible and the window
 * focused (or, with `whileHidden`, whatever is visible, and at the background interval while the window
 * is not focused); backs off exponentially while refreshes fail. The delay counts from the last read, so
 * focus and visibility changes never postpone one. `refresh` resolves false on failure. A store that counts
 * its own failed refreshes passes its backoff; otherwise outcomes are counted here.
 */
export class AutoRefresh extends Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly backoff: RefreshBackoff;
  private readonly countsOutcomes: boolean;
  private lastReadAt: number | undefined;
  private intervalAtLastRead = 0;
  private focused = vscode.window.state.focused;
  private reading = false;

  constructor(private readonly view: vscode.TreeView<unknown>, private readonly refresh: () => Promise<boolean>, storeBackoff?: RefreshBackoff, private readonly options: AutoRefreshOptions = {}) {
    super();
    this.backoff = storeBackoff ?? new RefreshBackoff();
    this.countsOutcomes = !storeBackoff;
    this.register(view.onDidChangeVisibility(() => this.schedule()));
    this.register(vscode.window.onDidChangeWindowState((state) => {
      const refocused = state.focused && !this.focused;
      this.focused = state.focused;
      this.schedule(refocused);
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('opsLens.refreshIntervalSeconds') || (options.whileHidden && e.affectsConfiguration(options.whileHidden.setting))) && this.schedule()));
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.schedule();
  }

  /** The interval in force when the data was last read (0: no automatic reads then): data older than it is stale. */
  get staleAfterSeconds(): number {
    return this.intervalAtLastRead;
  }

  /** The interval in force now, in seconds (0: none). */
  intervalNow(): number {
    return intervalInForce(this.timing());
  }

  /** Records the outcome of a refresh started elsewhere (manual refresh), then reschedules. */
  outcome(ok: boolean): void {
    if (this.countsOutcomes) this.backoff.record(ok);
    this.lastReadAt = Date.now();
    this.intervalAtLastRead = this.intervalNow();
    this.schedule();
  }

  private timing() {
    return {
      focused: this.focused,
      visible: this.view.visible,
      whileHidden: this.options.whileHidden !== undefined,
      intervalSeconds: readRefreshIntervalSeconds(),
      backgroundSeconds: this.options.whileHidden?.backgroundSeconds() ?? 0,
      consecutiveFailures: this.backoff.consecutiveFailures,
      lastReadAt: this.lastReadAt,
      now: Date.now(),
    };
  }

  private schedule(refocused = false): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A refresh that ends after the view was disposed must not arm the timer again; one under way reschedules when it ends.
    if (this.isDisposed || this.reading) return;
    const delay = nextReadDelayMs({ ...this.timing(), refocused });
    if (delay === undefined) return;
    this.timer = setTimeout(async () => {
      this.timer = undefined;
      this.reading = true;
      const ok = await this.refresh().catch(() => false);
      this.reading = false;
      this.outcome(ok);
    }, delay);
  }
}
