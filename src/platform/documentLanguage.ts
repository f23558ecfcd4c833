import * as vscode from 'vscode';

/** Language ids of Ops Lens's own documents: their grammars colour headers, levels and times. */
export const RESULTS_LANGUAGE = 'opslens-results';
export const TAIL_LANGUAGE = 'opslens-tail';

/**
 * A document of `scheme` closed for good. Setting a document's language closes and reopens it at once
 * (https://code.visualstudio.com/api/references/vscode-api#languages.setTextDocumentLanguage); a document
 * open again a moment later was only given its language, and keeps its data.
 */
export function onDidCloseForGood(scheme: string, listener: (uri: vscode.Uri) => void): vscode.Disposable {
  return vscode.workspace.onDidCloseTextDocument((doc) => {
    if (doc.uri.scheme !== scheme) return;
    const key = doc.uri.toString();
    setTimeout(() => {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) listener(doc.uri);
    }, 0);
  });
}

/** Opens a virtual document in its own language (its name carries no extension that would pick another). */
export async function showDocumentAs(uri: vscode.Uri, languageId: string, preview = false): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== languageId) document = await vscode.languages.setTextDocumentLanguage(document, languageId);
  return vscode.window.showTextDocument(document, { preview });
}
