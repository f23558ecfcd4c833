import * as vscode from 'vscode';
import type { SavedQuery } from './savedQueries';

/** Marks a query's syntax error at its place in the source document (file or markdown block). */
export class QueryDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('opsLens.insights');

  /** `line` and `column` are 1-based within the text that was sent; `lineOffset` lines were dropped before it. */
  mark(query: SavedQuery, error: { message: string; line: number; column: number; length?: number; severity?: 'error' | 'warning'; source?: string }, lineOffset: number): void {
    if (!query.uri) return;
    const line = (query.startLine ?? 0) + lineOffset + error.line - 1;
    const start = new vscode.Position(line, Math.max(0, error.column - 1));
    const range = new vscode.Range(start, start.translate(0, Math.max(1, error.length ?? 1)));
    const diagnostic = new vscode.Diagnostic(range, error.message, error.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
    diagnostic.source = error.source ?? 'Logs Insights';
    const first = query.startLine ?? 0;
    const others = (this.collection.get(query.uri) ?? []).filter((d) => d.range.start.line < first || d.range.start.line > first + lineOffset + 500 || d.source !== diagnostic.source);
    this.collection.set(query.uri, [...others, diagnostic]);
  }

  clear(uri: vscode.Uri | undefined): void {
    if (uri) this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

/** Line and column of an offset into the text that was sent. */
export function positionOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Line and column from AWS's `… at line 3 and position 3` message. */
export function positionFromMessage(message: string): { line: number; column: number } | undefined {
  const m = /at line (\d+) and position (\d+)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}
