import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isInsideFolder } from '../../core/sourceLinks/resolve';
import { isRestrictedSetting } from '../../core/settings/catalog';
import { parseJsonc } from '../../core/text/jsonc';
import type { WorkspaceDocument, WorkspaceFiles } from './types';

const MAX_FILES = 300;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 8;
const SKIPPED = new Set(['node_modules', '.git', '.venv', 'dist', 'out']);

/** The text of `relative` under `root`, when its real path is inside the root's real path and it is not too large. */
async function readContained(root: string, relative: string): Promise<string | undefined> {
  if (!relative || relative.includes('\0') || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..')) return undefined;
  try {
    const realRoot = await fs.realpath(root);
    const real = await fs.realpath(path.join(realRoot, relative));
    if (!isInsideFolder(realRoot, real)) return undefined;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
    return await fs.readFile(real, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A folder's markdown and `.insights` files and its `.vscode/settings.json`, read through node: no links
 * followed out of the folder, bounded depth, count and size.
 */
export class FolderFiles implements WorkspaceFiles {
  /** `readSettings: false`: the folder is not trusted, its settings that choose anything are not read (as in Restricted Mode, src/core/settings/catalog.ts). */
  constructor(private readonly root: string, private readonly options: { readSettings?: boolean } = {}) {}

  roots(): string[] {
    return [path.resolve(this.root)];
  }

  markdown(): Promise<WorkspaceDocument[]> {
    return this.read((name) => /\.(md|markdown)$/i.test(name));
  }

  savedQueries(): Promise<WorkspaceDocument[]> {
    return this.read((name) => name.endsWith('.insights'));
  }

  /** From the folder's `.vscode/settings.json` (JSON with comments). */
  async setting(key: string): Promise<unknown> {
    if (this.options.readSettings === false && isRestrictedSetting(key)) return undefined;
    const text = await readContained(this.root, '.vscode/settings.json');
    const settings = text === undefined ? undefined : parseJsonc(text);
    if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return undefined;
    return (settings as Record<string, unknown>)[`opsLens.${key}`];
  }

  async document(relativePath: string): Promise<WorkspaceDocument | undefined> {
    const relative = relativePath.replace(/^\.?\//, '');
    const text = await readContained(this.root, relative);
    return text === undefined ? undefined : { path: relative, text };
  }

  private async read(wanted: (name: string) => boolean): Promise<WorkspaceDocument[]> {
    const root = await fs.realpath(this.root);
    const found = await findFiles(root, wanted, { maxFiles: MAX_FILES, maxDepth: MAX_DEPTH });
    const docs = await Promise.all(found.map(async (file) => {
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || stat.size > MAX_FILE_BYTES) return undefined;
      return { path: path.relative(root, file).split(path.sep).join('/'), text: await fs.readFile(file, 'utf8') };
    }));
    return docs.filter((d): d is WorkspaceDocument => d !== undefined);
  }
}

/** Files under `root` whose name is wanted, in name order: no links followed, dependency and build folders skipped, bounded depth and count. */
export async function findFiles(root: string, wanted: (name: string) => boolean, limits: { maxFiles: number; maxDepth: number }): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth || found.length >= limits.maxFiles) return;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= limits.maxFiles) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) await walk(full, depth + 1);
      else if (entry.isFile() && wanted(entry.name)) found.push(full);
    }
  };
  await walk(root, 0);
  return found;
}
