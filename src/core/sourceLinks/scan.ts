// Character tests and bounded scans shared by the stack-frame passes.

export const MAX_PATH = 1000;
export const MAX_DIGITS = 7;
/** `https://`, `file://`, `webpack://`: a URL rather than a path. */
export const URL_SCHEME = /^[A-Za-z][\w+.-]*:\/\//;

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `[\w.@~+\-/\\]`: characters a path token is made of. */
export function isPathChar(c: number): boolean {
  return isWordChar(c) || c === 46 || c === 64 || c === 126 || c === 43 || c === 45 || c === 47 || c === 92;
}

export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `at` may start a frame at `i`: not inside a word or dotted name, or right after an escaped \n or \t (JSON). */
export function keywordBoundary(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  if (!isWordChar(c) && c !== 36 && c !== 46) return true;
  return (c === 110 || c === 116) && i >= 2 && text.charCodeAt(i - 2) === 92;
}

/** Index after a run of at most MAX_DIGITS digits at `i`, or -1 when there are none or too many. */
export function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  return j === i || j - i > MAX_DIGITS ? -1 : j;
}

/** What may follow a reference: not a word character, not `…` (a cut value), not `.<digit>`. */
export function endsCleanly(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (isWordChar(c) || c === 0x2026) return false;
  return !(c === 46 && i + 1 < text.length && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57);
}

/** Offset just past the last escaped \n, \t or \r (`\` + letter, as inside JSON strings) in `path`, else 0. */
export function afterLastEscape(path: string): number {
  for (let i = path.lastIndexOf('\\'); i >= 0; i = i > 0 ? path.lastIndexOf('\\', i - 1) : -1) {
    const next = path[i + 1];
    if ((next === 'n' || next === 't' || next === 'r') && !escapedBackslash(path, i)) return i + 2;
  }
  return 0;
}

/** The backslash at `i` is itself escaped (`\\n` in JSON is a backslash and an `n`, not a newline). */
function escapedBackslash(text: string, i: number): boolean {
  let run = 0;
  while (i - run - 1 >= 0 && text.charCodeAt(i - run - 1) === 92) run++;
  return run % 2 === 1;
}

/** A path as a JSON string holds it: `\/` for `/`, `\\` for `\`. Other text is returned as it is. */
export function unescapeJsonPath(path: string): string {
  if (!path.includes('\\\\') && !path.includes('\\/')) return path;
  // A UNC path written as it is (`\\server\share\x.cs`) has no other doubled backslash.
  if (/^\\\\[^\\]/.test(path) && path.indexOf('\\\\', 1) < 0) return path;
  return path.replace(/\\([\\/])/g, '$1');
}

/** `C:` before a path token starting at `start` (`C:\src\x.cs`, `C:/src/x.cs`): the drive's offset, else -1. */
export function driveStart(text: string, start: number): number {
  if (start < 2 || text.charCodeAt(start - 1) !== 58) return -1;
  const sep = text.charCodeAt(start);
  const letter = text.charCodeAt(start - 2);
  const prior = start >= 3 ? text.charCodeAt(start - 3) : -1;
  // After an escaped newline or tab the drive starts a line of a JSON string (`\n\tE:/src/x.go:35`).
  const afterEscape = start >= 4 && (prior === 110 || prior === 116 || prior === 114) && text.charCodeAt(start - 4) === 92 && !escapedBackslash(text, start - 4);
  if (!(sep === 47 || sep === 92) || !isLetter(letter) || (isPathChar(prior) && !afterEscape) || prior === 58) return -1;
  return start - 2;
}

