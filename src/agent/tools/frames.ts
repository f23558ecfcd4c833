import * as fs from 'node:fs';
import * as path from 'node:path';
import { createFrameResolver, type Frame } from '../../core/sourceLinks';

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

/** Resolves stack frames to files of the workspace folders (real paths inside them only), with the setting's mappings first. */
export function workspaceFrameResolver(roots: readonly string[], mappings?: unknown): (frame: Frame) => string | undefined {
  return createFrameResolver({ mappings: sourceMappings(mappings), workspaceFolders: roots, fileExists: isFile, realPath });
}

/** `src/x.ts` relative to its folder (prefixed with the folder's name when there are several), or undefined outside them. */
export function workspaceRelative(abs: string, roots: readonly string[]): string | undefined {
  const root = roots.find((r) => abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  if (!root) return undefined;
  return (roots.length > 1 ? path.join(path.basename(root), path.relative(root, abs)) : path.relative(root, abs)).split(path.sep).join('/');
}
