import * as nodePath from 'node:path';
import type { Frame } from './frames';

/** One `opsLens.sourceMappings` entry: a remote path prefix in logs → a workspace path. */
export interface SourceMapping {
  readonly from: string;
  /** May use `${workspaceFolder}` (each folder, in order) or `${workspaceFolder:name}`; relative = under each folder. */
  readonly to: string;
}

/** An absolute folder path, or the path with the name `${workspaceFolder:name}` refers to (default: its base name). */
export type WorkspaceFolderRef = string | { readonly path: string; readonly name?: string };

export interface ResolveOptions {
  readonly mappings: readonly SourceMapping[];
  readonly workspaceFolders: readonly WorkspaceFolderRef[];
  /** Called only with absolute paths inside a workspace folder. */
  readonly fileExists: (absPath: string) => boolean;
  /** Workspace files (absolute) whose path ends with `suffix` (`/`-separated); used when joining suffixes finds nothing. */
  readonly findBySuffix?: (suffix: string) => readonly string[];
  /**
   * The path with every symbolic link resolved (undefined when it cannot be). When given, a file counts
   * only if its real path is inside a workspace folder's real path: a repository's symlink to `~/.aws`
   * does not make a log line's `src/cfg/credentials` a workspace file.
   */
  readonly realPath?: (absPath: string) => string | undefined;
}

type PathApi = typeof nodePath.posix;

interface Folder {
  readonly path: string;
  readonly name: string;
  readonly api: PathApi;
  /** `path` followed by exactly one separator. */
  readonly prefix: string;
}

/** Where JVM build tools keep sources; a Java frame's package path is tried under each. */
const JVM_SOURCE_ROOTS = ['', 'src/main/java', 'src/main/kotlin', 'src/main/scala', 'src/test/java', 'src/test/kotlin', 'src', 'app/src/main/java'];
const MAX_SUFFIX_SEGMENTS = 32;
const WINDOWS_PATH = /^(?:[A-Za-z]:[\\/]|\\\\)/;
const VARIABLE = /\$\{([^}]*)\}/g;

function apiFor(p: string): PathApi {
  return WINDOWS_PATH.test(p) ? nodePath.win32 : nodePath.posix;
}

function folders(refs: readonly WorkspaceFolderRef[]): Folder[] {
  const out: Folder[] = [];
  for (const ref of refs) {
    const raw = typeof ref === 'string' ? ref : ref.path;
    const api = apiFor(raw);
    if (!raw || raw.includes('\0') || !api.isAbsolute(raw)) continue;
    const path = api.resolve(raw);
    const name = (typeof ref === 'string' ? undefined : ref.name) ?? api.basename(path);
    out.push({ path, name, api, prefix: path.endsWith(api.sep) ? path : path + api.sep });
  }
  return out;
}

function insideFolder(folder: Folder, candidate: string): boolean {
  if (apiFor(candidate) !== folder.api || !folder.api.isAbsolute(candidate)) return false;
  const rel = folder.api.relative(folder.path, candidate);
  return rel !== '' && !folder.api.isAbsolute(rel) && rel.split(/[\\/]/)[0] !== '..';
}

/** True when `candidate` is strictly inside `folder` (lexically: after normalization, no `..` escape, same drive). */
export function isInsideFolder(folder: string, candidate: string): boolean {
  const api = apiFor(folder);
  if (apiFor(candidate) !== api || !api.isAbsolute(candidate)) return false;
  const rel = api.relative(api.resolve(folder), api.resolve(candidate));
  if (rel === '' || api.isAbsolute(rel)) return false;
  const first = rel.split(/[\\/]/)[0];
  return first !== '..';
}

function toSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The log path in `/` form with `.`/`..` resolved lexically (a leading `..` stays) and `file://` removed. */
function logPath(raw: string): string {
  let p = raw;
  if (/^file:\/\//i.test(p)) {
    p = p.slice(7);
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep as written
    }
  }
  return nodePath.posix.normalize(toSlashes(p));
}

/** Path segments safe to join under a folder: no drive, nothing before the last `..`, no empty/`.` parts. */
function safeSegments(p: string): string[] {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  const up = parts.lastIndexOf('..');
  const rest = up >= 0 ? parts.slice(up + 1) : parts;
  if (rest.length && /^[A-Za-z]:$/.test(rest[0])) rest.shift();
  return rest;
}

function matchesPrefix(path: string, from: string): boolean {
  if (!path.startsWith(from)) return false;
  return from.endsWith('/') || path.length === from.length || path[from.length] === '/';
}

/** Absolute bases a mapping's `to` stands for (one per folder for `${workspaceFolder}` or a relative `to`). */
function mappingBases(to: string, all: readonly Folder[]): string[] {
  const bases: string[] = [];
  const perFolder = /\$\{workspaceFolder\}/.test(to);
  const candidates = perFolder ? all : [undefined];
  for (const folder of candidates) {
    let ok = true;
    const expanded = to.replace(VARIABLE, (_m, name: string) => {
      if (name === 'workspaceFolder' && folder) return folder.path;
      if (name.startsWith('workspaceFolder:')) {
        const named = all.find((f) => f.name === name.slice('workspaceFolder:'.length));
        if (named) return named.path;
      }
      ok = false; // unknown variable: the mapping cannot be trusted
      return '';
    });
    if (!ok || !expanded) continue;
    const api = apiFor(expanded);
    if (api.isAbsolute(expanded)) bases.push(expanded);
    else for (const f of all) bases.push(f.api.join(f.path, expanded));
  }
  return bases;
}

/**
 * `segments` (from {@link safeSegments}: no separators, no `.`/`..`, no empty parts) under the folder — inside it
 * by construction. Undefined when a segment is not a plain Windows name (`:` would name a drive or a stream).
 */
function underFolder(folder: Folder, segments: readonly string[]): string | undefined {
  if (folder.api === nodePath.win32 && segments.some((s) => s.includes(':'))) return undefined;
  return folder.prefix + segments.join(folder.api.sep);
}

function joinUnder(base: string, segments: readonly string[]): string {
  const api = apiFor(base);
  return api.normalize(api.join(base, ...segments));
}

interface Prepared {
  readonly opts: ResolveOptions;
  readonly all: Folder[];
  readonly mappings: { readonly from: string; readonly bases: string[] }[];
}

/** The options with `fileExists` and `findBySuffix` limited to files whose real path is in a folder. */
function contained(opts: ResolveOptions, all: readonly Folder[]): ResolveOptions {
  const { realPath } = opts;
  if (!realPath) return opts;
  const realFolders = folders(all.map((f) => ({ path: realPath(f.path) ?? f.path, name: f.name })));
  const realInside = (p: string): boolean => {
    const real = realPath(p);
    return real !== undefined && realFolders.some((f) => insideFolder(f, real));
  };
  return {
    ...opts,
    fileExists: (p) => opts.fileExists(p) && realInside(p),
    findBySuffix: opts.findBySuffix && ((suffix) => opts.findBySuffix!(suffix).filter(realInside)),
  };
}

function prepare(given: ResolveOptions): Prepared {
  const all = folders(given.workspaceFolders);
  const opts = contained(given, all);
  const mappings = opts.mappings
    .map((m) => ({ from: toSlashes(m.from), bases: mappingBases(m.to, all) }))
    .filter((m) => m.from !== '' && m.bases.length > 0)
    .sort((a, b) => b.from.length - a.from.length);
  return { opts, all, mappings };
}

type FrameRef = Pick<Frame, 'path' | 'kind' | 'javaClass'>;

/**
 * The workspace file a stack frame points at, or undefined. In order: the `sourceMappings` entry with the
 * longest matching `from` (then shorter ones), the package path of a Java frame (`com/acme/Foo.java`) under
 * the usual source roots, the longest suffix of the path that exists under a workspace folder
 * (`/var/task/src/x.ts` → `var/task/src/x.ts`, `task/src/x.ts`, `src/x.ts`, `x.ts`), then `findBySuffix`.
 * The result is always strictly inside a workspace folder; `fileExists` is never asked about anything else.
 */
export function resolveFramePath(frame: FrameRef, opts: ResolveOptions): string | undefined {
  return resolveWith(frame, prepare(opts));
}

/**
 * {@link resolveFramePath} for many frames with the same options: settings are prepared once and each distinct
 * frame path is resolved once (answers of `fileExists`/`findBySuffix` are assumed not to change meanwhile —
 * make a new resolver per document or refresh).
 */
export function createFrameResolver(opts: ResolveOptions): (frame: FrameRef) => string | undefined {
  const prepared = prepare(opts);
  const cache = new Map<string, string | undefined>();
  return (frame) => {
    const key = `${frame.kind}\0${frame.javaClass ?? ''}\0${frame.path}`;
    if (cache.has(key)) return cache.get(key);
    const result = resolveWith(frame, prepared);
    cache.set(key, result);
    return result;
  };
}

function resolveWith(frame: FrameRef, { opts, all, mappings }: Prepared): string | undefined {
  if (!frame.path || frame.path.includes('\0') || all.length === 0) return undefined;
  const inside = (p: string): boolean => all.some((f) => insideFolder(f, p));
  const accept = (p: string): boolean => inside(p) && opts.fileExists(p);

  const path = logPath(frame.path);
  const isJava = frame.kind === 'java' && !!frame.javaClass;

  if (!isJava) {
    for (const m of mappings) {
      if (!matchesPrefix(path, m.from)) continue;
      const rest = path.slice(m.from.length).split('/').filter((s) => s !== '');
      if (rest.includes('..')) continue;
      for (const base of m.bases) {
        const candidate = joinUnder(base, rest);
        if (accept(candidate)) return candidate;
      }
    }
  }

  if (isJava) {
    const cls = frame.javaClass ?? '';
    const pkg = cls.includes('.') ? cls.slice(0, cls.lastIndexOf('.')).split('.') : [];
    const file = safeSegments(path).at(-1);
    if (!file || pkg.some((p) => !/^[\w$]+$/.test(p))) return undefined;
    const segments = [...pkg, file];
    for (const f of all) {
      for (const root of JVM_SOURCE_ROOTS) {
        const candidate = underFolder(f, [...root.split('/').filter(Boolean), ...segments]);
        if (candidate && opts.fileExists(candidate)) return candidate;
      }
    }
    return bestBySuffix(segments, opts, inside, true);
  }

  const segments = safeSegments(path).slice(-MAX_SUFFIX_SEGMENTS);
  if (segments.length === 0) return undefined;
  for (let k = 0; k < segments.length; k++) {
    const suffix = segments.slice(k);
    for (const f of all) {
      const candidate = underFolder(f, suffix);
      if (candidate && opts.fileExists(candidate)) return candidate;
    }
  }
  return bestBySuffix(segments, opts, inside, false);
}

/**
 * Asks `findBySuffix` once and keeps the workspace file sharing the most trailing segments with the frame
 * path (at least the file name, all of them when `whole`); a file-name-only match must be unique.
 */
function bestBySuffix(segments: readonly string[], opts: ResolveOptions, inside: (p: string) => boolean, whole: boolean): string | undefined {
  if (!opts.findBySuffix) return undefined;
  const suffix = (whole ? segments : segments.slice(-1)).join('/');
  let best: string[] = [];
  let bestScore = 0;
  for (const found of opts.findBySuffix(suffix)) {
    if (!inside(found)) continue;
    const parts = toSlashes(found).split('/');
    let score = 0;
    while (score < segments.length && score < parts.length && parts[parts.length - 1 - score] === segments[segments.length - 1 - score]) score++;
    if (score === 0 || (whole && score < segments.length)) continue;
    if (score > bestScore) {
      bestScore = score;
      best = [found];
    } else if (score === bestScore) best.push(found);
  }
  if (best.length === 0) return undefined;
  if (best.length > 1 && bestScore < 2 && !whole) return undefined;
  return [...best].sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}
