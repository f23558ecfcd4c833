import * as vscode from 'vscode';
import { fetchErrorEvents, indexErrors, errorEventsQuery, scanSummary, type ErrorEvent, type ErrorIndex, type FetchedErrors } from '../core/productionErrors';
import { parseTimeRange, rangeLabel, utcWindowLabel, windowFor } from '../core/time/ranges';
import { FrameResolver } from '../insights/frameResolver';
import type { Services } from '../services';
import { insightsWindow } from './insightsWindow';
import { readProductionErrorsSettings, type ProductionErrorsSettings } from './settings';

/** Log groups per region: names go to the first selected region, ARNs to the region they name. */
async function groupsByRegion(services: Services, groups: readonly string[]): Promise<Map<string, string[]>> {
  const primary = (await services.session.regions()).regions[0];
  const out = new Map<string, string[]>();
  for (const group of groups) {
    const region = /^arn:[\w-]+:logs:([\w-]+):/.exec(group)?.[1] ?? primary;
    const list = out.get(region) ?? [];
    list.push(group.replace(/:\*$/, ''));
    out.set(region, list);
  }
  return out;
}

/** `24h` for a duration (as the setting writes it), the UTC window for an absolute range. */
function shortRangeLabel(range: string): string {
  return parseTimeRange(range)?.kind === 'absolute' ? rangeLabel(range) : range.replace(/\s+/g, '');
}

/** A query takes at most 50 log groups. */
const MAX_GROUPS_PER_QUERY = 50;

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
      const byRegion = await groupsByRegion(this.services, settings.logGroups);
      const events: ErrorEvent[] = [];
      const totals = { queries: 0, bytesScanned: 0, recordsScanned: 0 };
      let complete = true;
      for (const [region, groups] of byRegion) {
        for (let i = 0; i < groups.length; i += MAX_GROUPS_PER_QUERY) {
          const chunk = groups.slice(i, i + MAX_GROUPS_PER_QUERY);
          const fetched: FetchedErrors = await fetchErrorEvents(insightsWindow(this.services.logs, region, chunk, queryString), startSec, endSec);
          events.push(...fetched.events);
          totals.queries += fetched.queries;
          totals.bytesScanned += fetched.bytesScanned;
          totals.recordsScanned += fetched.recordsScanned;
          complete &&= fetched.complete;
        }
      }
      const index = indexErrors(events, await this.resolver.resolver());
      const summary = `${scanSummary(totals)}; ${events.length.toLocaleString('en-US')} error events, ${index.lines.filter((l) => l.count > 0).length} failing lines in the workspace`;
      log.info(`Production errors (${utcWindowLabel(window.start, window.end)}, ${settings.logGroups.join(', ')}): ${summary}${complete ? '' : ' — more events than could be read; counts are a lower bound'}`);
      this.lastError = undefined;
      this.snapshot = { index, settings, rangeLabel: shortRangeLabel(settings.range), start: window.start, end: window.end, regions: [...byRegion.keys()], at: new Date(), summary, complete };
      return this.snapshot;
    } catch (err) {
      this.lastError = err instanceof Error ? err.message : String(err);
      log.warn(`Production errors: the refresh failed: ${this.lastError}`);
      throw err;
    }
  }
}
