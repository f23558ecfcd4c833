// Errors of Ops Lens in the logs of a code-server run: unhandled rejections and uncaught exceptions the
// extension host logged with a stack in the extension, and errors Ops Lens wrote to its own log. The
// extension-host and e2e layers fail on any that no test expected.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface HostError {
  /** The log file, relative to the user data folder. */
  readonly file: string;
  readonly text: string;
  /** When it was logged (ms since the epoch). */
  readonly at: number;
}

/** An error a test provoked on purpose: excused only when it matches and was logged within the window. */
export interface ExpectedHostError {
  readonly pattern: RegExp;
  readonly from: number;
  readonly until: number;
}

/** VS Code's log line: local time to the millisecond, then the level. */
const ENTRY = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) \[(\w+)\]/;
const EXTENSION_ID = /ops-lens\.ops-lens/i;

/** Every `.log` file below `dir` (none when it does not exist). */
export function logFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? logFiles(full) : d.name.endsWith('.log') ? [full] : [];
  });
}

/** Splits a VS Code log into entries (a timestamped line and the lines that continue it, such as a stack). */
function entries(text: string): { level: string; text: string; at: number }[] {
  const out: { level: string; text: string; at: number }[] = [];
  for (const line of text.split('\n')) {
    const m = ENTRY.exec(line);
    if (m) {
      const [year, month, day, hour, minute, second, ms] = m.slice(1, 8).map(Number);
      out.push({ level: m[8], text: line, at: new Date(year, month - 1, day, hour, minute, second, ms).getTime() });
    } else if (out.length) out[out.length - 1].text += `\n${line}`;
  }
  return out;
}

export function hostErrors(userDataDir: string): HostError[] {
  const logs = path.join(userDataDir, 'logs');
  const found: HostError[] = [];
  for (const file of logFiles(logs)) {
    const own = EXTENSION_ID.test(path.relative(logs, file));
    const host = /exthost\.log$/i.test(file);
    if (!own && !host) continue;
    for (const e of entries(fs.readFileSync(file, 'utf8'))) {
      if (e.level !== 'error') continue;
      if (own || EXTENSION_ID.test(e.text)) found.push({ file: path.relative(userDataDir, file), text: e.text.trim().slice(0, 2000), at: e.at });
    }
  }
  return found;
}

/** The errors no expectation excuses: none matches them, or none was open when they were logged. */
export function unexpectedHostErrors(userDataDir: string, expected: readonly ExpectedHostError[]): HostError[] {
  return hostErrors(userDataDir).filter((e) => !expected.some((x) => e.at >= x.from && e.at <= x.until && x.pattern.test(e.text)));
}
