import * as vscode from 'vscode';
import { readEndpointSettings, type EndpointSettings } from '../core/health/settings';

export const ENDPOINTS_KEY = 'health.endpoints';

/** `opsLens.health.endpoints` per settings layer (inspect), so workspace entries can be told apart. */
export function readHealthSettings(): EndpointSettings {
  const inspected = vscode.workspace.getConfiguration('opsLens').inspect<unknown>(ENDPOINTS_KEY);
  return readEndpointSettings([
    { source: 'user', value: inspected?.globalValue },
    { source: 'workspace', value: inspected?.workspaceValue },
    { source: 'workspaceFolder', value: inspected?.workspaceFolderValue },
  ]);
}

/** Appends `{ name, url }` to workspace settings, or user settings when no folder is open. */
export async function appendEndpoint(entry: { name: string; url: string }): Promise<vscode.ConfigurationTarget> {
  const config = vscode.workspace.getConfiguration('opsLens');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<unknown>(ENDPOINTS_KEY);
  const current = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  if (current !== undefined && !Array.isArray(current)) {
    throw new Error(`opsLens.health.endpoints in ${target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user'} settings is not a list; fix it before adding an endpoint`);
  }
  await config.update(ENDPOINTS_KEY, [...(current ?? []), entry], target);
  return target;
}
