import type { Frame } from './frames';
import { digitsEnd, endsCleanly, isPathChar, MAX_PATH } from './scan';

// Dart VM frames `#0  Orders.total (package:shop/src/orders.dart:12:5)` and `(file:///home/dev/shop/bin/main.dart:5:3)`,
// and the terse form of the stack_trace package, `package:shop/src/orders.dart 12:5  Orders.total`. Found by the
// `.dart:<digit>` / `.dart <digit>` tail with the URI read backwards in code. `dart:` URIs are the SDK's own.
const DART_TAIL = /\.dart[: ]\d/g;

/** `package:shop/src/orders.dart` → `lib/src/orders.dart` (a package's URIs are rooted at its lib folder). */
function packagePath(rest: string): string | undefined {
  const slash = rest.indexOf('/');
  return slash > 0 ? `lib/${rest.slice(slash + 1)}` : undefined;
}

function decodedFileUrl(rest: string): string | undefined {
  let p = rest.replace(/^\/\//, '');
  if (/^\/[A-Za-z]:\//.test(p)) p = p.slice(1);
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

export function dartFrames(text: string): Frame[] {
  const out: Frame[] = [];
  DART_TAIL.lastIndex = 0;
  for (let m = DART_TAIL.exec(text); m; m = DART_TAIL.exec(text)) {
    const sep = m.index + 5;
    DART_TAIL.lastIndex = sep + 1;
    const lineEnd = digitsEnd(text, sep + 1);
    if (lineEnd < 0) continue;
    let end = lineEnd;
    let column: number | undefined;
    if (text[lineEnd] === ':') {
      const columnEnd = digitsEnd(text, lineEnd + 1);
      if (columnEnd > 0) {
        end = columnEnd;
        column = Number(text.slice(lineEnd + 1, columnEnd));
      }
    }
    // The terse form always has both numbers; a bare `x.dart 12` is prose.
    if ((text[sep] === ' ' && column === undefined) || !endsCleanly(text, end)) continue;
    let start = m.index;
    while (start > 0 && m.index - start < MAX_PATH && isPathChar(text.charCodeAt(start - 1))) start--;
    const rest = text.slice(start, sep);
    let path: string | undefined = rest;
    if (text[start - 1] === ':') {
      const before = text.slice(Math.max(0, start - 8), start);
      if (before === 'package:') path = packagePath(rest);
      else if (before.endsWith('file:') && rest.startsWith('//')) path = decodedFileUrl(rest);
      else path = undefined; // dart:core, https:
      if (path) start -= before === 'package:' ? 8 : 5;
    }
    if (!path || rest === '.dart') continue;
    const line = Number(text.slice(sep + 1, lineEnd));
    out.push(column === undefined ? { start, end, path, line, kind: 'dart' } : { start, end, path, line, column, kind: 'dart' });
    DART_TAIL.lastIndex = end;
  }
  return out;
}
