import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { fileMarks, hoverLines, problemMessage, type FileMark, type LineErrors } from '../core/productionErrors';
import type { ProductionErrorsModel, Snapshot } from './model';
import { formatClock } from '../core/time/zone';
import { readTimeZone } from '../platform/timeZone';
import { codeLens, untrustedMarkdown } from '../platform/textSinks';

const MAX_SAVED_BYTES = 4 * 1024 * 1024;

/** The file as saved, split in lines, when the editor holds unsaved changes (the frames describe the saved code). */
function savedLines(document: vscode.TextDocument): string[] | undefined {
  if (!document.isDirty) return undefined;
  try {
    if (fs.statSync(document.uri.fsPath).size > MAX_SAVED_BYTES) return undefined;
    return fs.readFileSync(document.uri.fsPath, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}

/** Marks of a document, computed once per document version and refresh. */
export class MarkCache {
  private cache = new Map<string, { version: number; snapshot: Snapshot; marks: FileMark[] }>();

  constructor(private readonly model: ProductionErrorsModel) {}

  marks(document: vscode.TextDocument): FileMark[] {
    const snapshot = this.model.snapshot;
    if (!snapshot || document.uri.scheme !== 'file') return [];
    const lines = snapshot.index.files.get(document.uri.fsPath);
    if (!lines) return [];
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.snapshot === snapshot) return hit.marks;
    const current = document.getText().split(/\r?\n/);
    const marks = fileMarks(lines, current, savedLines(document), snapshot.rangeLabel, new Date());
    this.cache.set(key, { version: document.version, snapshot, marks });
    return marks;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}

function lineRange(document: vscode.TextDocument, line: number): vscode.Range {
  const text = document.lineAt(Math.min(line, document.lineCount) - 1);
  return new vscode.Range(text.lineNumber, text.firstNonWhitespaceCharacterIndex, text.lineNumber, text.text.length);
}

export function occurrencesArgs(errors: LineErrors): { file: string; line: number } {
  return { file: errors.file, line: errors.line };
}

export interface EditorParts {
  readonly disposables: vscode.Disposable[];
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[];
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined;
}

/** Problems-panel entries kept in step with the model and the editors; the CodeLens and hover a provider asks for. */
export function createEditorParts(model: ProductionErrorsModel, marks: MarkCache, lensChanged: vscode.EventEmitter<void>): EditorParts {
  const diagnostics = vscode.languages.createDiagnosticCollection('CloudWatch');

  const diagnose = (document: vscode.TextDocument | undefined, snapshot: Snapshot, lines: readonly LineErrors[]): vscode.Diagnostic[] => {
    const now = new Date();
    const placed = document ? marks.marks(document) : lines.map((errors) => ({ line: errors.line, uncertain: false, errors }));
    const out: vscode.Diagnostic[] = [];
    for (const mark of placed) {
      if (mark.errors.count === 0) continue;
      const range = document ? lineRange(document, mark.line) : new vscode.Range(mark.line - 1, 0, mark.line - 1, Number.MAX_SAFE_INTEGER);
      const d = new vscode.Diagnostic(range, problemMessage(mark.errors, snapshot.rangeLabel, now) + (mark.uncertain ? ' — the line may have moved' : ''), vscode.DiagnosticSeverity.Warning);
      d.source = 'CloudWatch';
      out.push(d);
    }
    return out;
  };

  const refreshDiagnostics = (): void => {
    diagnostics.clear();
    const snapshot = model.snapshot;
    if (!snapshot || !snapshot.settings.problems) return;
    for (const [file, lines] of snapshot.index.files) {
      const uri = vscode.Uri.file(file);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      diagnostics.set(uri, diagnose(open, snapshot, lines));
    }
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshDocument = (document: vscode.TextDocument): void => {
    const snapshot = model.snapshot;
    if (!snapshot || document.uri.scheme !== 'file' || !snapshot.index.files.has(document.uri.fsPath)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const lines = snapshot.index.files.get(document.uri.fsPath);
      if (lines && snapshot.settings.problems && model.snapshot === snapshot) diagnostics.set(document.uri, diagnose(document, snapshot, lines));
    }, 300);
  };

  return {
    disposables: [
      diagnostics,
      { dispose: () => clearTimeout(pending) },
      model.onDidChange(() => {
        lensChanged.fire();
        refreshDiagnostics();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => refreshDocument(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => marks.forget(d)),
    ],
    provideCodeLenses(document) {
      return marks.marks(document).map((mark) => codeLens(lineRange(document, mark.line), mark.title, {
        tooltip: 'Show the production events whose stack frames hit this line',
        command: 'opsLens.productionErrors.showOccurrences',
        arguments: [occurrencesArgs(mark.errors)],
      }));
    },
    provideHover(document, position) {
      const snapshot = model.snapshot;
      const mark = marks.marks(document).find((m) => m.line === position.line + 1);
      if (!snapshot || !mark) return undefined;
      const md = untrustedMarkdown();
      const [head, ...rest] = hoverLines(mark.errors, snapshot.rangeLabel, new Date(), mark.uncertain, readTimeZone());
      md.appendMarkdown('**');
      md.appendText(head);
      md.appendMarkdown('**\n\n');
      for (const line of rest) {
        md.appendText(line);
        md.appendMarkdown('\n\n');
      }
      md.appendText(`From Logs Insights over ${snapshot.settings.logGroups.join(', ')} (${snapshot.regions.join(', ')}), refreshed ${formatClock(snapshot.at.getTime(), readTimeZone(), { seconds: false })}.`);
      return new vscode.Hover(md, lineRange(document, mark.line));
    },
  };
}
