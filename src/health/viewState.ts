import * as vscode from 'vscode';
import type { HealthStore } from './store';

/** Keeps the view's context keys (welcome texts, menus) and its badge of endpoints down in step with the store. */
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
    view.badge = counts.down ? { value: counts.down, tooltip: `${counts.down} health endpoint${counts.down === 1 ? '' : 's'} down` } : undefined;
  };
}
