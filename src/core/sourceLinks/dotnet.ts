import type { Frame } from './frames';
import { digitsEnd, URL_SCHEME } from './scan';

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
      found.push({ start: pathStart, end: lineEnd, path, line: Number(text.slice(lineStart, lineEnd)), kind: 'dotnet' });
      at = text.indexOf(') in ', lineEnd);
    } else {
      at = text.indexOf(') in ', at + 1);
    }
  }
  return found;
}
