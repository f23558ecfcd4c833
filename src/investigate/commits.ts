// The workspace repository's commits, through VS Code's Git extension (its public API, version 1).
import * as vscode from 'vscode';
import type { RepoChange } from '../core/investigate/changes';

interface GitCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
  readonly commitDate?: Date;
  readonly parents: readonly string[];
}

interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  log(options?: { maxEntries?: number }): Promise<GitCommit[]>;
  getCommit(ref: string): Promise<GitCommit>;
  diffBetween(ref1: string, ref2: string): Promise<GitChange[]>;
}

interface GitApi {
  readonly repositories: readonly GitRepository[];
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

/** Commits read back from the newest: enough for a day of a busy repository. */
const MAX_COMMITS = 300;
/** Commits in the window whose files are checked for a related resource's definition. */
const MAX_CHECKED = 30;
const MAX_FILE_BYTES = 1_000_000;

interface GitExtension {
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

/** How long the Git extension may take to find git once it has started, before the part says there is no repository. */
const GIT_READY_MS = 5000;

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const git = extension.isActive ? extension.exports : await extension.activate();
  if (!git) return undefined;
  // The extension answers getAPI only once it has found git, a moment after it starts (or never, when disabled).
  if (!git.enabled) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), GIT_READY_MS);
      const listener = git.onDidChangeEnablement((enabled) => enabled && done());
      function done() {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
  return git.enabled ? git.getAPI(1) : undefined;
}

async function repository(): Promise<{ api: GitApi; repo: GitRepository } | undefined> {
  const api = await gitApi();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!api || !folder) return undefined;
  const inFolder = (r: GitRepository) => folder.uri.fsPath === r.rootUri.fsPath || folder.uri.fsPath.startsWith(`${r.rootUri.fsPath}/`) || r.rootUri.fsPath.startsWith(`${folder.uri.fsPath}/`);
  // The Git extension finds repositories a moment after it starts.
  for (let i = 0; i < 20 && !api.repositories.some(inFolder); i++) await new Promise((r) => setTimeout(r, 250));
  const repo = api.repositories.find(inFolder);
  return repo && { api, repo };
}

/** Whether a file changed by the commit names one of the resources (its infrastructure code, as far as text tells). */
async function namesAResource(changes: readonly GitChange[], resources: readonly string[]): Promise<boolean> {
  const names = resources.map((r) => r.slice(r.lastIndexOf(':') + 1).replace(/^\/aws\/lambda\//, '')).filter((n) => n.length >= 3);
  for (const change of changes.slice(0, 50)) {
    try {
      const stat = await vscode.workspace.fs.stat(change.uri);
      if (stat.size > MAX_FILE_BYTES) continue;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(change.uri));
      if (names.some((n) => text.includes(n))) return true;
    } catch {
      // deleted since, or unreadable: not evidence either way
    }
  }
  return false;
}

/** The commits of [start, end] (by commit date), each marked when it touched a file naming a related resource. */
export async function readCommits(start: number, end: number, resources: readonly string[]): Promise<{ repository: string; commits: RepoChange[] } | undefined> {
  const found = await repository();
  if (!found) return undefined;
  const { repo } = found;
  const all = await repo.log({ maxEntries: MAX_COMMITS });
  const inWindow = all.filter((c) => {
    const at = (c.commitDate ?? c.authorDate)?.getTime();
    return at !== undefined && at >= start && at <= end;
  });
  const commits = await Promise.all(inWindow.map(async (c, i): Promise<RepoChange> => {
    let touchesDefinition = false;
    if (i < MAX_CHECKED && c.parents.length > 0) touchesDefinition = await namesAResource(await repo.diffBetween(c.parents[0], c.hash).catch(() => []), resources);
    return { at: (c.commitDate ?? c.authorDate)!.getTime(), hash: c.hash, subject: c.message.split('\n')[0].slice(0, 200), author: (c.authorName ?? '').slice(0, 100), touchesDefinition };
  }));
  // The folder's name, never a path of this machine (it goes into notes and chat answers).
  return { repository: vscode.workspace.getWorkspaceFolder(repo.rootUri)?.name ?? repo.rootUri.path.split('/').pop() ?? 'repository', commits };
}

/** Opens what a commit changed, side by side, in one multi-file diff. */
export async function openCommit(hash: string): Promise<void> {
  const found = await repository();
  if (!found) return;
  const { api, repo } = found;
  const commit = await repo.getCommit(hash).catch(() => undefined);
  if (!commit) return;
  const parent = commit.parents[0];
  const changes = parent ? await repo.diffBetween(parent, hash) : [];
  const title = `${hash.slice(0, 8)} ${commit.message.split('\n')[0].slice(0, 80)}`;
  await vscode.commands.executeCommand('vscode.changes', title, changes.map((c) => [c.uri, api.toGitUri(c.originalUri, parent), api.toGitUri(c.uri, hash)]));
}
