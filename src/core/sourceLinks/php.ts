import type { Frame } from './frames';
import { afterLastEscape, digitsEnd, isPathChar, MAX_PATH } from './scan';

// PHP trace lines `#1 /var/www/app/Http/Controller.php(54): App\…->show()` and fatal errors `… in /x.php on line 12`,
// found by their `.php(` / `.php on line ` tail with the path read backwards in code. (`in /x.php:736` and
// `at /x.php:32` are generic `path:line` references.)
const PHP_TAIL = /\.php(?:\(\d| on line \d)/g;

export function phpFrames(text: string): Frame[] {
  const out: Frame[] = [];
  PHP_TAIL.lastIndex = 0;
  for (let m = PHP_TAIL.exec(text); m; m = PHP_TAIL.exec(text)) {
    const dot = m.index;
    const digits = dot + m[0].length - 1;
    PHP_TAIL.lastIndex = digits;
    const lineEnd = digitsEnd(text, digits);
    const paren = m[0][4] === '(';
    if (lineEnd < 0 || (paren && text.charCodeAt(lineEnd) !== 41)) continue;
    let start = dot;
    while (start > 0 && isPathChar(text.charCodeAt(start - 1))) {
      if (dot - --start > MAX_PATH) break;
    }
    let path = text.slice(start, dot + 4);
    const skip = path.includes('/') ? afterLastEscape(path) : 0;
    start += skip;
    path = path.slice(skip);
    if (path.includes('\\/')) path = path.replace(/\\\//g, '/');
    if (!path || path === '.php') continue;
    out.push({ start, end: paren ? lineEnd + 1 : lineEnd, path, line: Number(text.slice(digits, lineEnd)), kind: 'php' });
    PHP_TAIL.lastIndex = lineEnd;
  }
  return out;
}
