import * as vscode from 'vscode';
import { isRestrictedSetting, restrictedSettings } from '../core/settings/catalog';
import { parseJsonc } from '../core/text/jsonc';
import { Disposable } from './disposable';
import { readScannedFile } from './files';

/**
 * Settings that choose where requests go, which credentials sign them, what is read or how much is spent
 * (src/core/settings/catalog.ts). In an untrusted workspace their workspace values are ignored (package.json
 * lists them as `restrictedConfigurations` too): a cloned repository must not pick the user's production
 * profile, point runbooks at its own site, steer reads of the user's account or raise what they cost.
 */
export const RESTRICTED_SETTINGS: readonly string[] = restrictedSettings();

/** The setting's value; for a restricted one in an untrusted workspace, the user's own value only. */
export function readSetting<T>(key: string, fallback: T): T {
  const config = vscode.workspace.getConfiguration('opsLens');
  if (vscode.workspace.isTrusted || !isRestrictedSetting(key)) return config.get<T>(key, fallback);
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/** Restricted settings a settings object sets (full ids). */
function restrictedIn(settings: unknown): string[] {
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return [];
  const keys = Object.keys(settings);
  return RESTRICTED_SETTINGS.map((key) => `opsLens.${key}`).filter((id) => keys.includes(id));
}

/**
 * Restricted settings an untrusted workspace sets, which Ops Lens ignores (full ids). VS Code hides
 * their workspace values in Restricted Mode, so the workspace's settings files are read to say so.
 */
export async function ignoredWorkspaceSettings(): Promise<string[]> {
  if (vscode.workspace.isTrusted) return [];
  const found = new Set<string>();
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'), nested: false }));
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push({ uri: vscode.workspace.workspaceFile, nested: true });
  for (const { uri, nested } of files) {
    const text = await readScannedFile(uri);
    if (text === undefined) continue;
    const parsed = parseJsonc(text) as { settings?: unknown } | undefined;
    for (const id of restrictedIn(nested ? parsed?.settings : parsed)) found.add(id);
  }
  return [...found];
}

/** The ignored settings, kept current (trust granted, settings changed) for views that show them. */
export class IgnoredSettings extends Disposable {
  private list: readonly string[] = [];
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const update = () => void this.update();
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(update));
    this.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('opsLens') && update()));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(update));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => /settings\.json$|\.code-workspace$/.test(d.uri.path) && update()));
    update();
  }

  get settings(): readonly string[] {
    return this.list;
  }

  private async update(): Promise<void> {
    const found = await ignoredWorkspaceSettings().catch(() => []);
    if (this.isDisposed || found.join() === this.list.join()) return;
    this.list = found;
    this.changed.fire();
  }
}
