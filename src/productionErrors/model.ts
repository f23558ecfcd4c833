import { CoalescedRun } from '../core/coalescedRun';
import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import { indexErrors, errorEventsQuery, scanSummary, type ErrorIndex } from '../core/productionErrors';
import { automaticWindowRefusal, MAX_REFRESH_BYTES } from '../core/productionErrors/schedule';
import { formatBytes } from '../core/insights/cost';
import { parseTimeRange, rangeLabel, utcWindowLabel, windowFor } from '../core/time/ranges';
import { FrameResolver } from '../insights/frameResolver';
import type { Services } from '../services';
import { fetchProductionErrors } from './scopes';
import { readProductionErrorsSettings, type ProductionErrorsSettings } from './settings';

/** `24h` for a duration (as the setting writes it), the UTC window for an absolute range. */
function shortRangeLabel(range: string): string {
  return parseTimeRange(range)?.kind === 'absolute' ? rangeLabel(range) : range.replace(/\s+/g, '');
}

export interface Snapshot {
  readonly index: ErrorIndex;
  readonly settings: ProductionErrorsSettings;
  readonly rangeLabel: string;
  readonly start: Date;
  readonly end: Date;
  readonly regions: readonly ScopeId[];
  readonly at: Date;
  readonly summary: string;
  readonly complete: boolean;
  /** The refresh stopped at MAX_REFRESH_BYTES scanned. */
  readonly budgetReached: boolean;
}

/** An explicit refresh (the command) may read a range longer than automatic refreshes do. */
export interface RefreshOptions {
  readonly explicit?: boolean;
}

/** The last refresh's per-line index, and the refresh itself (one at a time). */
export class ProductionErrorsModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly resolver = new FrameResolver();
  private readonly runs = new CoalescedRun<RefreshOptions, Snapshot | undefined>(
    (options) => {
      this.lastAttempt = Date.now();
      return this.run(options).finally(() => {
        this.refreshing = false;
        this.changed.fire();
      });
    },
    (earlier, later) => ({ explicit: earlier.explicit || later.explicit }),
  );
  snapshot: Snapshot | undefined;
  lastError: string | undefined;
  refreshing = false;
  /** When the last refresh started (epoch ms), failed ones included: a failing refresh is not retried every minute. */
  lastAttempt: number | undefined;

  constructor(private readonly services: Services) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** Clears everything (the feature was turned off). */
  clear(): void {
    this.snapshot = undefined;
    this.lastError = undefined;
    this.changed.fire();
  }

  /** Starts a refresh, or joins the running one unless the settings changed since it started (see CoalescedRun). */
  refresh(options: RefreshOptions = {}): Promise<Snapshot | undefined> {
    return this.runs.request(options);
  }

  /** The settings or the session changed: a refresh asked for from now on reads them anew. */
  settingsChanged(): void {
    this.runs.inputsChanged();
  }

  private async run(options: RefreshOptions): Promise<Snapshot | undefined> {
    const settings = readProductionErrorsSettings();
    if (settings.logGroups.length === 0) {
      this.clear();
      return undefined;
    }
    const window = windowFor(settings.range);
    if (!window) {
      this.lastError = `opsLens.productionErrors.range "${settings.range}" is not a range`;
      return undefined;
    }
    const refusal = options.explicit ? undefined : automaticWindowRefusal(window, settings.range);
    if (refusal) {
      // An earlier explicit refresh's results stay as they are; with none, the status bar says why there are none.
      if (!this.snapshot) this.lastError = refusal;
      return undefined;
    }
    this.refreshing = true;
    this.changed.fire();
    const { log } = this.services;
    const queryString = errorEventsQuery(settings.filter);
    const startSec = Math.floor(window.start.getTime() / 1000);
    const endSec = Math.floor(window.end.getTime() / 1000);
    try {
      const fetched = await fetchProductionErrors(this.services.session, this.services.logs, settings.logGroups, queryString, startSec, endSec, undefined, MAX_REFRESH_BYTES);
      const { events, complete, failures, budgetReached } = fetched;
      const index = indexErrors(events, await this.resolver.resolver());
      const unread = failures.map((f) => `not read in ${f.region}: ${f.message}`).join('; ');
      const stopped = budgetReached ? `; stopped once ${formatBytes(MAX_REFRESH_BYTES)} was scanned, the most one refresh reads (narrow the range or the log groups)` : '';
      const summary = `${scanSummary(fetched)}${stopped}; ${events.length.toLocaleString('en-US')} error events, ${index.lines.filter((l) => l.count > 0).length} failing lines in the workspace${unread ? `; ${unread}` : ''}`;
      log.info(`Production errors (${utcWindowLabel(window.start, window.end)}, ${settings.logGroups.join(', ')}): ${summary}${complete ? '' : ' — more events than could be read; counts are a lower bound'}`);
      this.lastError = undefined;
      this.snapshot = { index, settings, rangeLabel: shortRangeLabel(settings.range), start: window.start, end: window.end, regions: fetched.regions, at: new Date(), summary, complete, budgetReached };
      return this.snapshot;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      log.warn(`Production errors: the refresh failed: ${this.lastError}`);
      throw err;
    }
  }
}
