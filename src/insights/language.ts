import * as vscode from 'vscode';
import type * as Parser from '../core/insights/parser';
import { insightsBlocks, prepareQueryText } from '../core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../core/insights/metadata';
import { parseTimeRange, RANGE_FORMS } from '../core/time/ranges';
import { MAX_SCANNED_FILE_BYTES } from '../core/text/limits';
import type { Services } from '../services';
import { label } from '../core/text/label';
import { codeLens } from '../platform/textSinks';
import type * as Help from './languageHelp';

export const INSIGHTS_LANGUAGE = 'insights';
const SELECTOR: vscode.DocumentSelector = [{ language: INSIGHTS_LANGUAGE }];
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

/**
 * What the local check finds in `.insights` documents, marked as you type: errors only for text no version
 * of the language accepts, warnings for what Ops Lens does not know. Nothing here stops a run.
 */
export class InsightsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('opsLens.insightsSyntax');
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.check(e.document), 300);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.check(d);
  }

  check(document: vscode.TextDocument): void {
    if (document.languageId !== INSIGHTS_LANGUAGE) return;
    const text = document.getText();
    const prepared = prepareQueryText(text);
    const meta = parseQueryFileMetadata(text);
    const rangeProblem = this.rangeProblem(document, meta.range);
    if (prepared.text.trim() === '' || meta.language) {
      this.collection.set(document.uri, rangeProblem);
      return;
    }
    // The parser loads with the first .insights document, not at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { findings } = (require('../core/insights/parser') as typeof Parser).analyzeQuery(prepared.text);
    this.collection.set(document.uri, [...rangeProblem, ...findings.map((f) => {
      const start = new vscode.Position(prepared.lineOffset + f.line - 1, Math.max(0, f.column - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, Math.max(1, f.length))), f.message, f.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Ops Lens';
      return diagnostic;
    })]);
  }

  /** A `# range:` line that is not a time range, marked with the forms that are. */
  private rangeProblem(document: vscode.TextDocument, range: string | undefined): vscode.Diagnostic[] {
    if (range === undefined || parseTimeRange(range)) return [];
    const line = document.getText().split(/\r?\n/).findIndex((l) => /^\s*#\s*range\s*:/i.test(l));
    if (line < 0) return [];
    const text = document.lineAt(line).text;
    const start = text.indexOf(range);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, Math.max(0, start), line, start < 0 ? text.length : start + range.length), `"${range}" is not a time range; use ${RANGE_FORMS}.`, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Ops Lens';
    return [diagnostic];
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}

/** "▶ Run in Logs Insights" above each query of `.insights` files and of markdown fenced blocks. */
export class InsightsCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.languageId === INSIGHTS_LANGUAGE) {
      const first = document.getText().split(/\r?\n/).findIndex((l) => l.trim() !== '');
      return [codeLens(new vscode.Range(Math.max(0, first), 0, Math.max(0, first), 0), label`▶ Run in Logs Insights`, { command: 'opsLens.insights.runQuery', arguments: [{ uri: document.uri.toString() }] })];
    }
    const text = document.getText();
    // Like the workspace files Ops Lens scans: a markdown document over the cap gets no lenses (Run Query still works in it).
    if (text.length > MAX_SCANNED_FILE_BYTES) return [];
    return insightsBlocks(text).map((block) => codeLens(new vscode.Range(block.startLine, 0, block.startLine, 0), label`▶ Run in Logs Insights`, {
      tooltip: block.label ?? block.heading,
      command: 'opsLens.insights.runQuery',
      arguments: [{ uri: document.uri.toString(), line: block.startLine }],
    }));
  }
}

export function registerLanguageFeatures(services: Services): vscode.Disposable[] {
  // Completion and hover carry the language's catalog: a bundle of their own, loaded when first asked.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const help = () => require('./languageHelp') as typeof Help;
  let completion: Help.InsightsCompletion | undefined;
  let hover: Help.InsightsHover | undefined;
  return [
    new InsightsDiagnostics(),
    vscode.languages.registerCompletionItemProvider(SELECTOR, {
      provideCompletionItems: (document, position) => (completion ??= new (help().InsightsCompletion)(services)).provideCompletionItems(document, position),
    }, '@', '|', ' '),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover: (document, position) => (hover ??= new (help().InsightsHover)()).provideHover(document, position),
    }),
    vscode.languages.registerCodeLensProvider([...SELECTOR as vscode.DocumentFilter[], ...MARKDOWN as vscode.DocumentFilter[]], new InsightsCodeLens()),
  ];
}
