import * as vscode from 'vscode';
import { countsText } from '../core/health/format';
import type { HealthStore } from './store';

/**
 * Keeps the view's context keys (welcome texts, menus) and its description (`4 down, 1 degraded`) in step
 * with the store. The container's badge is the Alarms view's: alarms in ALARM.
 */
export function viewStateUpdater(store: HealthStore, view: vscode.TreeView<unknown>): () => void {
  const contextKeys = new Map<string, boolean>();
  const setContext = (key: string, value: boolean) => {
    if (contextKeys.get(key) === value) return;
    contextKeys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  return () => {
    const counts = store.counts();
    setContext('opsLens.health.configured', store.statuses.length + store.blocked.length + store.problems.length > 0);
    setContext('opsLens.health.blockedByTrust', store.blocked.length > 0);
    setContext('opsLens.health.anyDown', counts.down > 0);
    view.description = countsText(counts) || undefined;
  };
}
