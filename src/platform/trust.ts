import * as vscode from 'vscode';

/**
 * Settings that choose credentials, where requests go, or patterns run on names and files. In an
 * untrusted workspace their workspace values are ignored (package.json lists them as
 * `restrictedConfigurations` too): a cloned repository must not pick the user's production profile,
 * point runbooks at its own site or run patterns of its choosing.
 */
export const RESTRICTED_SETTINGS = ['aws.profile', 'aws.regions', 'aws.endpointUrl', 'runbooks', 'sourceMappings', 'insights.queryFiles', 'health.endpoints'] as const;

export type RestrictedSetting = (typeof RESTRICTED_SETTINGS)[number];

/** The setting's value; for a restricted one in an untrusted workspace, the user's own value only. */
export function readSetting<T>(key: string, fallback: T): T {
  const config = vscode.workspace.getConfiguration('opsLens');
  if (vscode.workspace.isTrusted || !(RESTRICTED_SETTINGS as readonly string[]).includes(key)) return config.get<T>(key, fallback);
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** Restricted settings this untrusted workspace sets, which Ops Lens ignores (full ids). */
export function ignoredWorkspaceSettings(): string[] {
  if (vscode.workspace.isTrusted) return [];
  const config = vscode.workspace.getConfiguration('opsLens');
  return RESTRICTED_SETTINGS.filter((key) => {
    const inspected = config.inspect(key);
    return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
  }).map((key) => `opsLens.${key}`);
}
