import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The commits the sandbox's workspace repository holds, relative to the scenario's "now". */
export const WORKSPACE_COMMITS = [
  { minutesAgo: 2 * 24 * 60, subject: 'Import the image generation service', author: 'Maya Okafor' },
  { minutesAgo: 3 * 60, subject: 'Runbook: link the monitoring guide from the README', author: 'Jonas Berg', file: 'README.md' },
  { minutesAgo: 6, subject: 'Gemini client: read the image quota per project', author: 'Priya Raman', file: 'src/lib/gemini.ts' },
] as const;

function git(dir: string, args: readonly string[], at?: Date, author?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } as NodeJS.ProcessEnv;
  if (at) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = at.toISOString();
  if (author) {
    env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = author;
    env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = `${author.toLowerCase().replace(/\s+/g, '.')}@example.com`;
  }
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Makes the workspace a git repository whose history the investigation's "what changed" reads: an import two
 * days ago, a commit three hours ago (outside an alarm's window) and one six minutes before `now` (inside
 * it). Each later commit changes one line of a file without moving any other, so stack frames keep their
 * lines. Returns false (and leaves no repository) when git is not installed.
 */
export function writeWorkspaceHistory(dir: string, now: Date): boolean {
  try {
    git(dir, ['--version']);
  } catch {
    return false;
  }
  fs.rmSync(path.join(dir, '.git'), { recursive: true, force: true });
  git(dir, ['init', '-q', '-b', 'main']);
  // What the sandbox writes per run is not the team's code.
  fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), '.vscode/\n.aws/\n');
  const finals = new Map<string, string>();
  for (const commit of WORKSPACE_COMMITS) {
    if (!('file' in commit)) continue;
    const file = path.join(dir, commit.file);
    const text = fs.readFileSync(file, 'utf8');
    finals.set(commit.file, text);
    const [first, ...rest] = text.split('\n');
    fs.writeFileSync(file, [`${first} (earlier wording)`, ...rest].join('\n'));
  }
  for (const commit of WORKSPACE_COMMITS) {
    if ('file' in commit) fs.writeFileSync(path.join(dir, commit.file), finals.get(commit.file)!);
    const at = new Date(now.getTime() - commit.minutesAgo * 60_000);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', commit.subject], at, commit.author);
  }
  return true;
}
