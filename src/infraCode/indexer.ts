import * as vscode from 'vscode';
import { INDEXED_GLOB, isIndexedPath } from '../core/infraCode/definitions';
import type { DefinitionIndex } from '../core/infraCode/definitionIndex';
import type { Definition } from '../core/infraCode/model';
import { gitignoreMatcher, type IgnoreMatcher } from '../core/infraCode/gitignore';
import { indexFiles, type IndexThread } from './indexThread';

/** Synthesized templates are read even where `.gitignore` lists `cdk.out`, as CDK projects do. */
const SYNTHESIZED = /(^|\/)cdk\.out\/[^/]+\.template\.json$/;

/**
 * Keeps the index current: lists the workspace's candidate files (`files.exclude` applies, `.gitignore`
 * is honoured), has the parsing thread read them in batches, and re-reads a file when it changes.
 */
export class WorkspaceIndexer implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ignores = new Map<string, IgnoreMatcher>();
  readonly ready: Promise<void>;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly index: DefinitionIndex, private readonly thread: IndexThread) {
    this.ready = this.indexAll();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, INDEXED_GLOB));
      this.disposables.push(
        watcher,
        watcher.onDidChange((uri) => void this.reindex(uri)),
        watcher.onDidCreate((uri) => void this.reindex(uri)),
        watcher.onDidDelete((uri) => this.forget(uri)),
      );
    }
    this.disposables.push(this.changed);
  }

  private async indexAll(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const ignored = await this.ignoreOf(folder);
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INDEXED_GLOB));
      const files = uris.map((u) => relative(folder, u)).filter((f): f is string => !!f && isIndexedPath(f) && (SYNTHESIZED.test(f) || !ignored(f)));
      await indexFiles(this.thread, folder.uri.fsPath, files, (file, definitions) => this.store(folder, file, definitions));
    }
    this.changed.fire();
  }

  private async reindex(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = folder && relative(folder, uri);
    if (!folder || !file || !isIndexedPath(file)) return;
    if (!SYNTHESIZED.test(file) && (await this.ignoreOf(folder))(file)) return;
    await this.ready;
    const reply = await this.thread.read(folder.uri.fsPath, [file]);
    for (const [f, definitions] of reply.results) this.store(folder, f, definitions);
    this.changed.fire();
  }

  /** With several folders, a definition's file carries its folder's name, as the index's keys do. */
  private store(folder: vscode.WorkspaceFolder, file: string, definitions: Definition[]): void {
    const k = key(folder, file);
    this.index.setFile(k, k === file ? definitions : definitions.map((d) => ({ ...d, file: k })));
  }

  private forget(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = folder && relative(folder, uri);
    if (!folder || !file) return;
    this.index.removeFile(key(folder, file));
    this.index.removeFolder(key(folder, file));
    this.changed.fire();
  }

  private async ignoreOf(folder: vscode.WorkspaceFolder): Promise<IgnoreMatcher> {
    const known = this.ignores.get(folder.uri.toString());
    if (known) return known;
    let matcher: IgnoreMatcher = () => false;
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore'));
      if (bytes.byteLength < 200_000) matcher = gitignoreMatcher(new TextDecoder().decode(bytes));
    } catch {
      // No .gitignore: nothing is ignored beyond files.exclude.
    }
    this.ignores.set(folder.uri.toString(), matcher);
    return matcher;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The index's key of a file: its workspace-relative path, prefixed with the folder's name when there are several. */
export function key(folder: vscode.WorkspaceFolder, file: string): string {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${file}` : file;
}

function relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

/** The file a key names. */
export function uriOf(file: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, file);
  const folder = folders.find((f) => file.startsWith(`${f.name}/`));
  return folder && vscode.Uri.joinPath(folder.uri, file.slice(folder.name.length + 1));
}
