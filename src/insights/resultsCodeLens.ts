import * as vscode from 'vscode';
import type { ResultsDocuments } from './resultsDocuments';

/** Actions at the top of a results document: run again, change the range, export. */
export class ResultsCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly results: ResultsDocuments) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const data = this.results.get(document.uri);
    if (!data) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: '↻ Run again', command: 'opsLens.insights.rerun', arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: `Range: ${data.range.label} ▾`, command: 'opsLens.insights.changeRange', arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: 'Export…', command: 'opsLens.insights.exportResults', arguments: [{ uri: document.uri.toString() }] }),
    ];
  }
}
