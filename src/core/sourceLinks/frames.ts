// Stack-frame references in log text. Each trace format has one global regex that starts with a distinctive
// literal (`at `, `File "`, `) in `) and has only bounded or disjoint quantifiers, so a pass is linear in the
// text; generic `path:line` references are found by their `.ext:<digit>` tail and read backwards in code.
// Where two passes match the same text, the language-specific one wins.

import { dartFrames } from './dart';
import { dotnetFrames, dotnetLineColumnFrames } from './dotnet';
import { jvmFrames } from './jvm';
import { keyedFrames } from './keyed';
import { lambdaDocumentFrames } from './lambdaDocuments';
import { phpFrames } from './php';
import { afterLastEscape, digitsEnd, driveStart, endsCleanly, isPathChar, keywordBoundary, MAX_PATH, unescapeJsonPath, URL_SCHEME } from './scan';

export type FrameKind = 'node' | 'python' | 'java' | 'go' | 'dotnet' | 'ruby' | 'php' | 'dart' | 'swift' | 'elixir' | 'rust' | 'generic';

export interface Frame {
  /** Offset in the whole text where the `path:line` reference to underline starts. */
  readonly start: number;
  /** Offset just after it. */
  readonly end: number;
  /** The path as the log names it (`file://` URLs decoded); for Java, the file name (`Foo.java`). */
  readonly path: string;
  readonly line: number;
  readonly column?: number;
  readonly kind: FrameKind;
  /** Java/Kotlin/Scala: the top-level class (`com.acme.Foo`), whose package gives the file's directory. */
  readonly javaClass?: string;
}

/** Source-file extensions a generic `path:line` reference must end with. */
export const SOURCE_EXTENSIONS = [
  'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte',
  'py', 'pyx', 'java', 'kt', 'kts', 'scala', 'groovy', 'clj', 'go', 'rb', 'erb', 'rake',
  'cs', 'fs', 'vb', 'cshtml', 'razor', 'php', 'rs', 'c', 'cc', 'cpp', 'cxx', 'h', 'hpp', 'm', 'mm',
  'swift', 'dart', 'ex', 'exs', 'erl', 'lua', 'pl', 'pm', 'sh',
] as const;

const EXTENSION_ALTERNATIVES = [...SOURCE_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');
// `at ` then a Node frame (groups 1–3: path with an extension, line, column) — `at fn (path:1:2)`, `at async fn
// (path:1:2)`, `at path:1:2`, `at async path:1:2`. JVM frames are found by their own pass (jvm.ts). Starts with a
// literal (a leading look-behind would make the engine try every position); the character before `at` is checked in code.
const AT_FRAME = new RegExp(
  String.raw`at (?:async )?(?:[^\n()]{0,200}?\()?([^\s()'"${'`'}]{1,500}?\.[A-Za-z]\w{0,9}):(\d{1,7}):(\d{1,7})(?![\d…])`,
  'g',
);
// Python: `File "path", line 57` (also with escaped quotes inside JSON).
const PYTHON = /File (\\?)"([^"\n]{1,500}?)\\?", line (\d{1,7})(?![\d…])/g;
// Generic `path/file.ext:line(:col)`: found by its `.ext:<digit>` tail; the path is read backwards in code.
const GENERIC_TAIL = new RegExp(String.raw`\.(?:${EXTENSION_ALTERNATIVES}):\d`, 'g');
const RUBY_IN = /^:in [`'"]/;
// Extensions that are also country-code domains: a bare dotted name with one of them is more likely a host.
const HOST_LIKE = /^[\w-]+(?:\.[\w-]+)+\.(?:pl|rs|sh|cc|fs|pm|py|m)$/;

/** Lower wins when two matches start at the same offset: the language-specific passes over the generic one. */
function priority(kind: FrameKind): number {
  return kind === 'generic' || kind === 'go' || kind === 'ruby' ? 1 : 0;
}

/** `file:///var/task/x.mjs` → `/var/task/x.mjs`, `webpack://app/./src/x.ts` → `src/x.ts`; other URLs → undefined. */
function nodePath(raw: string): string | undefined {
  if (raw.startsWith('node:') || raw.startsWith('internal/')) return undefined;
  if (!URL_SCHEME.test(raw)) return raw;
  if (/^file:\/\//i.test(raw)) {
    let p = raw.slice(7);
    if (/^\/[A-Za-z]:[\\/]/.test(p)) p = p.slice(1);
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  }
  if (/^webpack:\/\//i.test(raw)) return raw.replace(/^webpack:\/\/[^/]*\//i, '').replace(/^(?:\.\/)+/, '') || undefined;
  return undefined;
}

/**
 * Node's own modules (`node:internal/…`, `internal/process/…`, and `module.js`, `timers.js` as versions before 12
 * named them, with no folder): never the user's code, which Node always names with its folder.
 */
export function isRuntimeInternal(path: string): boolean {
  if (path.startsWith('node:')) return true;
  if (/^[\w.-]+\.[cm]?js$/.test(path)) return true;
  return path.startsWith('internal/') && /^[^.]*(?:\.[cm]?js)?$/.test(path.slice(path.lastIndexOf('/') + 1));
}

function extension(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

/** The generic reference whose `.ext:<digit>` tail starts at `dot`, or undefined. */
function genericAt(text: string, dot: number, colon: number): Frame | undefined {
  const lineEnd = digitsEnd(text, colon + 1);
  if (lineEnd < 0) return undefined;
  let end = lineEnd;
  let column: number | undefined;
  if (text.charCodeAt(lineEnd) === 58) {
    const colEnd = digitsEnd(text, lineEnd + 1);
    if (colEnd > 0 && endsCleanly(text, colEnd)) {
      end = colEnd;
      column = Number(text.slice(lineEnd + 1, colEnd));
    }
  } else if (!endsCleanly(text, lineEnd)) return undefined;

  let start = dot;
  while (start > 0 && isPathChar(text.charCodeAt(start - 1))) {
    if (dot - --start > MAX_PATH) return undefined;
  }
  let path = text.slice(start, colon);
  const drive = driveStart(text, start);
  if (drive >= 0) {
    start = drive;
    path = text.slice(start, colon);
  } else {
    // Inside JSON strings a trace line follows an escaped newline/tab: `…\n\t/app/x.go:31`, `msg:\n\t/app/x.go:31`.
    let skip = 0;
    if (path.includes('/')) skip = afterLastEscape(path);
    else while (/^\\[ntr]/.test(path.slice(skip))) skip += 2;
    const before = start > 0 ? text.charCodeAt(start - 1) : -1;
    if (skip) {
      start += skip;
      path = path.slice(skip);
    } else if (before === 58) {
      if (text.slice(start - 5, start).toLowerCase() === 'file:' && path.startsWith('//')) {
        // `file:///home/dev/app/bin/main.dart:5:3`
        const decoded = nodePath(`file:${path}`);
        if (!decoded) return undefined;
        start -= 5;
        path = decoded;
      } else if (path[0] !== '/' || path[1] === '/') return undefined; // `https://host/x.js`; `failed:/app/x.go` is a path
    } else if (before === 36 || before === 37) return undefined;
  }
  path = unescapeJsonPath(path);
  if (!path || (!/[\\/]/.test(path) && HOST_LIKE.test(path))) return undefined;
  const line = Number(text.slice(colon + 1, lineEnd));
  const ext = extension(path);
  const kind: FrameKind = ext === 'go' ? 'go' : ext === 'php' ? 'php' : ext === 'rb' || ext === 'erb' || ext === 'rake' || RUBY_IN.test(text.slice(end, end + 5)) ? 'ruby' : 'generic';
  return column === undefined ? { start, end, path, line, kind } : { start, end, path, line, column, kind };
}

/**
 * Every stack-frame reference in `text`, in text order, without overlaps: Node, Python, Java (and other JVM
 * languages), Go, .NET and Ruby trace lines, and generic `path/file.ext:line(:col)` references with a known
 * source extension. URLs (`https://host:443/x`) and times (`10:05:00`) are not frames; a reference cut with
 * `…` (as in a results table) is skipped.
 */
export function findStackFrames(text: string): Frame[] {
  const found: Frame[] = [];

  AT_FRAME.lastIndex = 0;
  for (let m = AT_FRAME.exec(text); m; m = AT_FRAME.exec(text)) {
    if (!keywordBoundary(text, m.index)) {
      AT_FRAME.lastIndex = m.index + 1;
      continue;
    }
    const end = m.index + m[0].length;
    const path = nodePath(m[1]);
    if (path === undefined) continue;
    const start = end - (m[1].length + m[2].length + m[3].length + 2);
    // Rust backtraces and Swift's backtracer also write `at path:line:col`.
    const ext = extension(path);
    const kind: FrameKind = ext === 'rs' ? 'rust' : ext === 'swift' ? 'swift' : 'node';
    found.push({ start, end, path, line: Number(m[2]), column: Number(m[3]), kind });
  }
  found.push(...jvmFrames(text), ...phpFrames(text), ...lambdaDocumentFrames(text));
  for (const m of text.matchAll(PYTHON)) {
    let path = m[2];
    if (path.startsWith('<')) continue; // <frozen importlib._bootstrap>, <string>
    if (m[1]) path = path.replace(/\\\\/g, '\\');
    const start = m.index + 5 + m[1].length + 1;
    found.push({ start, end: m.index + m[0].length, path, line: Number(m[3]), kind: 'python' });
  }
  found.push(...dotnetFrames(text), ...dotnetLineColumnFrames(text), ...dartFrames(text), ...keyedFrames(text));
  GENERIC_TAIL.lastIndex = 0;
  for (let m = GENERIC_TAIL.exec(text); m; m = GENERIC_TAIL.exec(text)) {
    const frame = genericAt(text, m.index, m.index + m[0].length - 2);
    if (frame) found.push(frame);
    GENERIC_TAIL.lastIndex = m.index + m[0].length - 1;
  }

  found.sort((a, b) => a.start - b.start || priority(a.kind) - priority(b.kind));
  const frames: Frame[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd || isRuntimeInternal(f.path)) continue;
    lastEnd = f.end;
    frames.push(f);
  }
  return frames;
}
