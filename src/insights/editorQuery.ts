import * as vscode from 'vscode';
import { insightsBlocks } from '../core/insights/markdownBlocks';
import { INSIGHTS_LANGUAGE } from './language';
import { queriesFromMarkdown, queryFromFile, type SavedQuery } from './savedQueries';
import { notifyInfo } from '../platform/notify';

/**
 * The query an editor holds: the selection, else the markdown fenced block under the cursor (or at
 * `line`), else the whole `.insights` file.
 */
export function queryFromEditor(document: vscode.TextDocument, selection?: vscode.Selection, line?: number): SavedQuery | undefined {
  if (selection && !selection.isEmpty) {
    const name = `${vscode.workspace.asRelativePath(document.uri)}:${selection.start.line + 1}`;
    return { source: document.languageId === 'markdown' ? 'markdown' : 'file', name, text: document.getText(selection), uri: document.uri, startLine: selection.start.line };
  }
  if (document.languageId === 'markdown') {
    const at = line ?? selection?.active.line ?? 0;
    const blocks = insightsBlocks(document.getText());
    const index = blocks.findIndex((b) => at >= b.fenceLine && at <= b.endLine + 1);
    if (index < 0) return undefined;
    return queriesFromMarkdown(document.uri, document.getText())[index];
  }
  if (document.languageId === INSIGHTS_LANGUAGE || document.uri.path.endsWith('.insights') || document.isUntitled) return queryFromFile(document.uri, document.getText());
  return undefined;
}

/** Says how to point at a query when there is none where the command looked. */
export function explainNoQuery(document: vscode.TextDocument | undefined): void {
  const where = !document ? 'No editor is active' : document.languageId === 'markdown' ? 'The cursor is not in a fenced block holding a Logs Insights query' : 'This editor holds no Logs Insights query';
  void notifyInfo(`${where}. Open a .insights file, put the cursor in a query block of a runbook, or select a query.`, 'Run Saved Query…').then((b) => b && vscode.commands.executeCommand('opsLens.insights.runSavedQuery'));
}

export function blockCount(document: vscode.TextDocument): number {
  return insightsBlocks(document.getText()).length;
}
