import * as vscode from 'vscode';

/** Language ids of Ops Lens's own documents: their grammars colour headers, levels and times. */
export const RESULTS_LANGUAGE = 'opslens-results';
export const TAIL_LANGUAGE = 'opslens-tail';

/** Opens a virtual document in its own language (its name carries no extension that would pick another). */
export async function showDocumentAs(uri: vscode.Uri, languageId: string, preview = false): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
  return vscode.window.showTextDocument(document, { preview });
}
