import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseJsonc } from '../../core/text/jsonc';

const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * The `opsLens.*` settings of a folder's `.vscode/settings.json` (JSON with comments and trailing commas),
 * read anew on each call so that edits apply; `{}` when the file is missing, too big or not JSON.
 */
export async function readFolderSettings(folder: string): Promise<Record<string, unknown>> {
  const file = path.join(folder, '.vscode', 'settings.json');
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > MAX_SETTINGS_BYTES) return {};
  const parsed = parseJsonc(await fs.readFile(file, 'utf8').catch(() => ''));
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** `setting` of a ToolContext over a folder's settings file: the key without `opsLens.`. */
export function folderSetting(folder: string): (key: string) => Promise<unknown> {
  return async (key) => (await readFolderSettings(folder))[`opsLens.${key}`];
}
