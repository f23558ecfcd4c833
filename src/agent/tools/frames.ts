import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFrameResolver, SOURCE_EXTENSIONS, type Frame } from '../../core/sourceLinks';
import { findFiles } from './workspaceFiles';

const MAX_SOURCE_FILES = 50_000;
const MAX_SOURCE_DEPTH = 16;

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}

function realPath(abs: string): string | undefined {
  try {
    return fs.realpathSync(abs);
  } catch {
    return undefined;
  }
}

/** `opsLens.sourceMappings` as a setting holds it: only the well-formed entries. */
function sourceMappings(value: unknown): { from: string; to: string }[] {
  return Array.isArray(value) ? value.filter((m): m is { from: string; to: string } => typeof m?.from === 'string' && typeof m?.to === 'string') : [];
}

/**
 * Resolves stack frames to files of the workspace folders (real paths inside them only), with the setting's
 * mappings first; a frame whose path joins to no file is looked up by suffix among the folders' source files
 * (a JVM package path inside a service's folder, a container path under a subfolder).
 */
export async function workspaceFrameResolver(roots: readonly string[], mappings?: unknown): Promise<(frame: Frame) => string | undefined> {
  const extensions = new Set(SOURCE_EXTENSIONS.map((e) => `.${e}`));
  const files = (await Promise.all(roots.map((root) => findFiles(root, (name) => extensions.has(path.extname(name)), { maxFiles: MAX_SOURCE_FILES, maxDepth: MAX_SOURCE_DEPTH })))).flat();
  const bySuffix = (suffix: string) => files.filter((f) => f.endsWith(`${path.sep}${suffix.split('/').join(path.sep)}`));
  return createFrameResolver({ mappings: sourceMappings(mappings), workspaceFolders: roots, fileExists: isFile, realPath, findBySuffix: bySuffix });
}

/** `src/x.ts` relative to its folder (prefixed with the folder's name when there are several), or undefined outside them. */
export function workspaceRelative(abs: string, roots: readonly string[]): string | undefined {
  const root = roots.find((r) => abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  if (!root) return undefined;
  return (roots.length > 1 ? path.join(path.basename(root), path.relative(root, abs)) : path.relative(root, abs)).split(path.sep).join('/');
}
