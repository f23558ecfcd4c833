import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { createFrameResolver, type Frame } from '../core/sourceLinks';
import { readSetting } from '../platform/trust';

const SOURCE_GLOB = '**/*.{ts,tsx,js,jsx,mjs,cjs,py,java,kt,go,cs,rb,php,rs,scala}';
const FILE_LIST_TTL_MS = 30_000;

/** Finds where a stack frame's file is in the workspace; file lists and answers are cached briefly. */
export class FrameResolver {
  private files: Promise<string[]> | undefined;
  private filesAt = 0;

  private workspaceFiles(): Promise<string[]> {
    if (!this.files || Date.now() - this.filesAt > FILE_LIST_TTL_MS) {
      this.filesAt = Date.now();
      this.files = Promise.resolve(vscode.workspace.findFiles(SOURCE_GLOB, '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}', 50_000)).then((uris) => uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath));
    }
    return this.files;
  }

  async resolver(): Promise<(frame: Frame) => string | undefined> {
    const files = await this.workspaceFiles();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    const mappings = readSetting<{ from: string; to: string }[]>('sourceMappings', []);
    return createFrameResolver({
      mappings: (Array.isArray(mappings) ? mappings : []).filter((m) => typeof m?.from === 'string' && typeof m?.to === 'string'),
      workspaceFolders: folders.map((f) => ({ path: f.uri.fsPath, name: f.name })),
      fileExists: (p: string) => fs.existsSync(p) && fs.statSync(p).isFile(),
      realPath: (p: string) => {
        try {
          return fs.realpathSync.native(p);
        } catch {
          return undefined;
        }
      },
      findBySuffix: (suffix: string) => files.filter((f) => f.endsWith(`/${suffix}`) || f === suffix),
    });
  }
}
