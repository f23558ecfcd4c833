import * as vscode from 'vscode';
import type { AwsSettings } from '../aws/settings';
import { readSetting } from './trust';

const SECTION = 'opsLens';

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

/** Profile, regions and endpoint; an untrusted workspace's own values of them are ignored. */
export function readAwsSettings(): AwsSettings {
  return {
    profile: String(readSetting<unknown>('aws.profile', '') ?? '').trim(),
    regions: stringArray(readSetting<unknown>('aws.regions', [])),
    endpointUrl: String(readSetting<unknown>('aws.endpointUrl', '') ?? '').trim(),
    profiles: [...new Set(stringArray(readSetting<unknown>('aws.profiles', [])))],
    configFile: String(readSetting<unknown>('aws.configFile', '') ?? '').trim(),
    credentialsFile: String(readSetting<unknown>('aws.credentialsFile', '') ?? '').trim(),
  };
}

function intervalSeconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.max(5, value) : 0;
}

export function readRefreshIntervalSeconds(): number {
  return intervalSeconds(readSetting<number>('refreshIntervalSeconds', 60));
}

export const BACKGROUND_REFRESH_SETTING = 'opsLens.alarms.backgroundRefreshSeconds';

/** How often alarms are read while the window is not focused; 0 = not then. */
export function readBackgroundRefreshSeconds(): number {
  return intervalSeconds(readSetting<number>('alarms.backgroundRefreshSeconds', 300));
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  const c = section();
  const inspected = c.inspect(key);
  const target = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}

export function affectsAws(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${SECTION}.aws`);
}
