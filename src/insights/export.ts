import * as vscode from 'vscode';
import { toCsv, toJson } from '../core/insights/results';
import type { ResultsDocuments } from './resultsDocuments';
import { RESULTS_SCHEME } from './resultsDocuments';
import { confirmChange, notifyInfo } from '../platform/notify';
import { showPick } from '../platform/textSinks';

/** Writes the active results document's rows as CSV or JSON where the user chooses. */
export async function exportResults(results: ResultsDocuments, arg?: unknown): Promise<vscode.Uri | undefined> {
  const options = (arg && typeof arg === 'object' ? arg : {}) as { uri?: string; format?: 'csv' | 'json'; target?: string };
  const uri = options.uri ? vscode.Uri.parse(options.uri) : vscode.window.activeTextEditor?.document.uri;
  const data = uri?.scheme === RESULTS_SCHEME ? results.get(uri) : undefined;
  if (!uri || !data) {
    void notifyInfo('Open a Logs Insights results document first (run a query), then export it.');
    return undefined;
  }
  const format = options.format ?? (await showPick([{ label: 'CSV', id: 'csv' as const }, { label: 'JSON', id: 'json' as const }], { title: `Export ${data.rows.length.toLocaleString('en-US')} rows of "${data.queryName}"` }))?.id;
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = data.queryName.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-|-$/g, '') || 'results';
  const target = options.target
    ? await confirmedTarget(vscode.Uri.file(options.target), data.rows.length)
    : await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${format}`) : undefined, filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] } });
  if (!target) return undefined;
  const text = format === 'csv' ? toCsv(data.rows) : toJson(data.rows);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void notifyInfo(`Exported ${data.rows.length.toLocaleString('en-US')} rows to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((b) => b && vscode.window.showTextDocument(target));
  return target;
}

/** A target named by the command's arguments is written only once the user has seen where. */
async function confirmedTarget(target: vscode.Uri, rows: number): Promise<vscode.Uri | undefined> {
  const ok = await confirmChange(`Write ${rows.toLocaleString('en-US')} result row${rows === 1 ? '' : 's'} to ${target.fsPath}?`, 'Export', 'An existing file there is replaced.');
  return ok ? target : undefined;
}
