import * as vscode from 'vscode';
import { indexErrors, errorEventsQuery, scanSummary, type ErrorIndex } from '../core/productionErrors';
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
  readonly regions: readonly string[];
  readonly at: Date;
  readonly summary: string;
  readonly complete: boolean;
}

/** The last refresh's per-line index, and the refresh itself (one at a time). */
export class ProductionErrorsModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly resolver = new FrameResolver();
  private running: Promise<Snapshot | undefined> | undefined;
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

  refresh(): Promise<Snapshot | undefined> {
    if (!this.running) this.lastAttempt = Date.now();
    this.running ??= this.run().finally(() => {
      this.running = undefined;
      this.refreshing = false;
      this.changed.fire();
    });
    return this.running;
  }

  private async run(): Promise<Snapshot | undefined> {
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
    this.refreshing = true;
    this.changed.fire();
    const { log } = this.services;
    const queryString = errorEventsQuery(settings.filter);
    const startSec = Math.floor(window.start.getTime() / 1000);
    const endSec = Math.floor(window.end.getTime() / 1000);
    try {
      const fetched = await fetchProductionErrors(this.services.session, this.services.logs, settings.logGroups, queryString, startSec, endSec);
      const { events, complete, failures } = fetched;
      const index = indexErrors(events, await this.resolver.resolver());
      const unread = failures.map((f) => `not read in ${f.region}: ${f.message}`).join('; ');
      const summary = `${scanSummary(fetched)}; ${events.length.toLocaleString('en-US')} error events, ${index.lines.filter((l) => l.count > 0).length} failing lines in the workspace${unread ? `; ${unread}` : ''}`;
      log.info(`Production errors (${utcWindowLabel(window.start, window.end)}, ${settings.logGroups.join(', ')}): ${summary}${complete ? '' : ' — more events than could be read; counts are a lower bound'}`);
      this.lastError = undefined;
      this.snapshot = { index, settings, rangeLabel: shortRangeLabel(settings.range), start: window.start, end: window.end, regions: fetched.regions, at: new Date(), summary, complete };
      return this.snapshot;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      log.warn(`Production errors: the refresh failed: ${this.lastError}`);
      throw err;
    }
  }
}
