import * as vscode from 'vscode';
import { checkLogLine, settingsProblemLine } from '../core/health/checkLog';
import type { HealthState } from '../core/health/model';
import { readHealthSettings } from './settingsReader';
import type { EndpointStatus, HealthStore } from './store';

/** Logs each check: changes of state as info, repeats as trace. */
export function logChecks(store: HealthStore, log: vscode.LogOutputChannel): vscode.Disposable {
  const lastState = new Map<string, HealthState>();
  return store.onDidCheck((status: EndpointStatus) => {
    const line = checkLogLine(status, lastState.get(status.endpoint.name));
    lastState.set(status.endpoint.name, status.state);
    if (line) log[line.level](line.text);
  });
}

/** Reads the endpoints setting into the store; logs what is wrong in it and what the untrusted workspace keeps from being checked. */
export function reloadSettings(store: HealthStore, log: vscode.LogOutputChannel): void {
  const settings = readHealthSettings();
  store.update(settings, vscode.workspace.isTrusted);
  for (const p of settings.problems) log.warn(settingsProblemLine(p));
  if (store.blocked.length) log.info(`health: ${store.blocked.length} endpoint(s) from workspace settings not checked: the workspace is not trusted`);
}
