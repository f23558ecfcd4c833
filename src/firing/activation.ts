import * as vscode from 'vscode';
import type { AlarmsStore } from '../alarms/store';
import type { HealthStore } from '../health/store';
import { summarizeWatch, watchBadge } from '../core/watch/summary';
import { readTimeZone } from '../platform/timeZone';
import { msUntilStale } from '../core/watch/schedule';
import { readBackgroundRefreshSeconds, readRefreshIntervalSeconds } from '../platform/config';
import type { Services } from '../services';
import { FiringStatusBar } from './statusBar';

/** What the alarm watch tells: its store, its view, and the interval in force when it last read. */
export interface AlarmWatch {
  readonly store: AlarmsStore;
  readonly view: vscode.TreeView<unknown>;
  readonly staleAfterSeconds: () => number;
}

/**
 * What fires, wherever the person is looking: the status bar item (alarms and health) and the Alarms
 * view's activity-bar badge (alarms in ALARM and scopes not read), both from the last read, and redrawn
 * when that read turns older than one interval.
 */
export function activate(context: vscode.ExtensionContext, services: Services, watch: AlarmWatch, health: HealthStore): void {
  const statusBar = new FiringStatusBar();
  let staleTimer: NodeJS.Timeout | undefined;
  const update = () => {
    clearTimeout(staleTimer);
    const { store, view } = watch;
    const now = new Date();
    const interval = watch.staleAfterSeconds();
    const alarms = store.loaded ? summarizeWatch(store.regions, now, interval, readTimeZone()) : undefined;
    statusBar.update({
      alarms,
      scopes: store.regions,
      scopeLabel: (scope) => services.accounts.label(scope),
      intervals: { focused: readRefreshIntervalSeconds(), background: readBackgroundRefreshSeconds() },
      health,
    });
    view.badge = alarms ? watchBadge(alarms) : undefined;
    const turnsStale = alarms?.readAt && !alarms.stale ? msUntilStale(alarms.readAt, now, interval) : undefined;
    if (turnsStale !== undefined) staleTimer = setTimeout(update, turnsStale);
  };
  context.subscriptions.push(
    statusBar,
    { dispose: () => clearTimeout(staleTimer) },
    watch.store.onDidChange(update),
    health.onDidChange(update),
    services.accounts.onDidChange(update),
  );
  update();
}
