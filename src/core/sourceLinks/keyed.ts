import type { Frame } from './frames';
import { digitsEnd, unescapeJsonPath, URL_SCHEME } from './scan';

// Frames that name their file and line with words rather than `path:line`. Each pass reads a bounded path that cannot
// cross a quote, a comma or a line from a literal, so it is linear in the text.

// Swift's runtime traps (https://developer.apple.com/documentation/swift/fatalerror(_:file:line:)):
// `Fatal error: Index out of range: file /src/Sources/App/main.swift, line 13`. Found by the `, line <digit>` tail;
// the path is read backwards to `file ` and cannot hold a comma, so the backward reads never overlap.
const SWIFT_TAIL = /, line \d/g;
const MAX_SWIFT_PATH = 500;
// Erlang and Elixir stack entries (https://www.erlang.org/doc/system/errors.html#the-call-stack-back-trace-stacktrace,
// https://hexdocs.pm/elixir/Exception.html#t:stacktrace_entry/0): `{file,"src/x.erl"},{line,42}`,
// `[file: ~c"lib/x.ex", line: 12]` and the older `[file: 'lib/x.ex', line: 12]`.
const ERLANG = /file(?:,|: ~c|: )(\\?["'])([^"'\\\n]{1,500})\1\}?, ?\{?line(?:,|: )(\d{1,7})(?!\d)/g;
const SOURCE_FILE = /\.[A-Za-z][\w]{0,9}$/;

function isSourcePath(path: string): boolean {
  return SOURCE_FILE.test(path) && !path.startsWith('<') && !URL_SCHEME.test(path);
}

function erlangFrames(text: string): Frame[] {
  const out: Frame[] = [];
  for (const m of text.matchAll(ERLANG)) {
    const path = unescapeJsonPath(m[2].trim());
    if (!isSourcePath(path)) continue;
    const start = m.index + m[0].indexOf(m[2]);
    out.push({ start, end: m.index + m[0].length, path, line: Number(m[3]), kind: 'elixir' });
  }
  return out;
}

function isSwiftStop(c: string): boolean {
  return c === ',' || c === '\n' || c === '"';
}

function swiftFrames(text: string): Frame[] {
  const out: Frame[] = [];
  for (const m of text.matchAll(SWIFT_TAIL)) {
    let i = m.index;
    while (i > 0 && m.index - i <= MAX_SWIFT_PATH && !isSwiftStop(text[i - 1])) i--;
    const within = text.slice(i, m.index).lastIndexOf('file ');
    const keyword = within < 0 ? -1 : i + within;
    if (keyword < 0 || (keyword > 0 && /\w/.test(text[keyword - 1]))) continue;
    const lineEnd = digitsEnd(text, m.index + 7);
    const raw = text.slice(keyword + 5, m.index);
    const path = raw.trim();
    if (lineEnd < 0 || !isSourcePath(path)) continue;
    const start = keyword + 5 + raw.indexOf(path);
    out.push({ start, end: lineEnd, path, line: Number(text.slice(m.index + 7, lineEnd)), kind: 'swift' });
  }
  return out;
}

export function keyedFrames(text: string): Frame[] {
  return [...swiftFrames(text), ...erlangFrames(text)];
}
