import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceDocument, WorkspaceFiles } from './types';

const MAX_FILES = 300;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 8;
const SKIPPED = new Set(['node_modules', '.git', '.venv', 'dist', 'out']);

/**
 * A folder's markdown and `.insights` files, read through node: no links followed out of the folder,
 * bounded depth, count and size.
 */
export class FolderFiles implements WorkspaceFiles {
  constructor(private readonly root: string) {}

  roots(): string[] {
    return [path.resolve(this.root)];
  }

  markdown(): Promise<WorkspaceDocument[]> {
    return this.read((name) => /\.(md|markdown)$/i.test(name));
  }

  savedQueries(): Promise<WorkspaceDocument[]> {
    return this.read((name) => name.endsWith('.insights'));
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
