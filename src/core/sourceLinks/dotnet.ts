import type { Frame } from './frames';
import { afterLastEscape, digitsEnd, driveStart, isPathChar, MAX_PATH, unescapeJsonPath, URL_SCHEME } from './scan';

const MAX_DOTNET_PATH = 400;

/** Characters a .NET frame's path cannot hold (it ends the frame's line or is not allowed in Windows paths). */
function isPathStop(c: string): boolean {
  return c === '\n' || c === '"' || c === '<' || c === '>' || c === '|' || c === '*' || c === '?';
}

/**
 * .NET frames: `at Api.Controller.Get() in /src/Api/Controller.cs:line 12`. Each `) in ` is paired with the
 * next `:line ` and the next character a path cannot hold, both found by pointers that only move forward,
 * so the pass is linear however many `) in ` the text holds.
 */
export function dotnetFrames(text: string): Frame[] {
  const found: Frame[] = [];
  let nextLine = -1;
  let nextStop = -1;
  for (let at = text.indexOf(') in '); at >= 0; ) {
    const pathStart = at + 5;
    if (nextLine < pathStart + 1) nextLine = text.indexOf(':line ', pathStart + 1);
    if (nextLine < 0) break;
    if (nextStop < pathStart) {
      nextStop = pathStart;
      while (nextStop < text.length && !isPathStop(text[nextStop])) nextStop++;
    }
    const lineStart = nextLine + 6;
    const lineEnd = digitsEnd(text, lineStart);
    const path = nextStop >= nextLine && nextLine - pathStart <= MAX_DOTNET_PATH && lineEnd > 0 && text[lineEnd] !== '…' ? text.slice(pathStart, nextLine) : '';
    if (path.trim() && !URL_SCHEME.test(path)) {
      found.push({ start: pathStart, end: lineEnd, path: unescapeJsonPath(path), line: Number(text.slice(lineStart, lineEnd)), kind: 'dotnet' });
      at = text.indexOf(') in ', lineEnd);
    } else {
      at = text.indexOf(') in ', at + 1);
    }
  }
  return found;
}

// Compiler and analyzer diagnostics name a place as `path(line,col)`: `/src/Api/Program.cs(12,5): error CS1002`.
const LINE_COLUMN_TAIL = /\.(?:cs|fs|vb|cshtml|razor)\(\d/g;

/** .NET `path(line,col)` references; the underline covers the path and the parenthesis. */
export function dotnetLineColumnFrames(text: string): Frame[] {
  const out: Frame[] = [];
  LINE_COLUMN_TAIL.lastIndex = 0;
  for (let m = LINE_COLUMN_TAIL.exec(text); m; m = LINE_COLUMN_TAIL.exec(text)) {
    const paren = m.index + m[0].length - 2;
    LINE_COLUMN_TAIL.lastIndex = paren + 1;
    const lineEnd = digitsEnd(text, paren + 1);
    if (lineEnd < 0 || text[lineEnd] !== ',') continue;
    const columnEnd = digitsEnd(text, lineEnd + 1);
    if (columnEnd < 0 || text[columnEnd] !== ')') continue;
    let start = m.index;
    while (start > 0 && m.index - start < MAX_PATH && isPathChar(text.charCodeAt(start - 1))) start--;
    if (start === m.index) continue;
    const drive = driveStart(text, start);
    if (drive >= 0) start = drive;
    else if (text.slice(start, paren).includes('/')) start += afterLastEscape(text.slice(start, paren));
    const path = unescapeJsonPath(text.slice(start, paren));
    out.push({ start, end: columnEnd + 1, path, line: Number(text.slice(paren + 1, lineEnd)), column: Number(text.slice(lineEnd + 1, columnEnd)), kind: 'dotnet' });
    LINE_COLUMN_TAIL.lastIndex = columnEnd;
  }
  return out;
}
