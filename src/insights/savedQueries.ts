import * as vscode from 'vscode';
import { parseQueryFileMetadata } from '../core/insights/metadata';
import { insightsBlocks } from '../core/insights/markdownBlocks';
import { readSetting } from '../platform/trust';
import { readScannedFile } from '../platform/files';

export type QuerySource = 'aws' | 'file' | 'markdown';

/** A query that can be run: from an AWS query definition, a `.insights` file or a markdown block. */
export interface SavedQuery {
  readonly source: QuerySource;
  readonly name: string;
  /** The query text as written (comments included for files). */
  readonly text: string;
  readonly logGroups?: readonly string[];
  readonly range?: string;
  /** SQL or PPL for OpenSearch queries; absent for the Logs Insights language. */
  readonly language?: 'SQL' | 'PPL';
  readonly region?: string;
  readonly definitionId?: string;
  /** Where the text is, for error markers: the document and its first line. */
  readonly uri?: vscode.Uri;
  readonly startLine?: number;
}

export function queryFromFile(uri: vscode.Uri, text: string): SavedQuery {
  const meta = parseQueryFileMetadata(text);
  const base = uri.path.split('/').pop()?.replace(/\.insights$/, '') ?? 'query';
  return { source: 'file', name: meta.name ?? base, text, logGroups: meta.logGroups, range: meta.range, language: meta.language, uri, startLine: 0 };
}

export function queriesFromMarkdown(uri: vscode.Uri, markdown: string): SavedQuery[] {
  const file = vscode.workspace.asRelativePath(uri);
  return insightsBlocks(markdown).map((block) => {
    const meta = parseQueryFileMetadata(block.text);
    const name = meta.name ?? [block.heading, block.label].filter(Boolean).join(' — ') ?? file;
    return { source: 'markdown', name: name || file, text: block.text, logGroups: meta.logGroups, range: meta.range, language: block.language ?? meta.language, uri, startLine: block.startLine };
  });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return readScannedFile(uri);
}

export async function workspaceQueries(): Promise<SavedQuery[]> {
  const glob = readSetting<string>('insights.queryFiles', '**/*.insights') || '**/*.insights';
  const exclude = '{**/node_modules/**,**/.git/**}';
  const [files, markdown] = await Promise.all([vscode.workspace.findFiles(glob, exclude, 500), vscode.workspace.findFiles('**/*.{md,markdown}', exclude, 500)]);
  const fromFiles = await Promise.all(files.map(async (uri) => {
    const text = await readText(uri);
    return text === undefined ? [] : [queryFromFile(uri, text)];
  }));
  const fromMarkdown = await Promise.all(markdown.map(async (uri) => {
    const text = await readText(uri);
    return text === undefined ? [] : queriesFromMarkdown(uri, text);
  }));
  return [...fromFiles.flat().sort((a, b) => a.name.localeCompare(b.name)), ...fromMarkdown.flat()];
}
