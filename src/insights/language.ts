import * as vscode from 'vscode';
import { AGGREGATE_FUNCTIONS, COMMAND_NAMES, KEYWORDS, SCALAR_FUNCTIONS, SYSTEM_FIELDS } from '../core/insights/catalog';
import type * as Parser from '../core/insights/parser';
import { insightsBlocks, prepareQueryText } from '../core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../core/insights/metadata';
import type { Services } from '../services';

export const INSIGHTS_LANGUAGE = 'insights';
const SELECTOR: vscode.DocumentSelector = [{ language: INSIGHTS_LANGUAGE }];
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

/** Syntax errors of `.insights` documents, marked as you type, before anything is sent. */
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
    const prepared = prepareQueryText(document.getText());
    if (prepared.text.trim() === '') {
      this.collection.delete(document.uri);
      return;
    }
    // The parser loads with the first .insights document, not at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const error = (require('../core/insights/parser') as typeof Parser).checkQuery(prepared.text);
    if (!error) {
      this.collection.delete(document.uri);
      return;
    }
    const start = new vscode.Position(prepared.lineOffset + error.line - 1, Math.max(0, error.column - 1));
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, Math.max(1, error.length))), error.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'Logs Insights';
    this.collection.set(document.uri, [diagnostic]);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
  }
}

/** Commands, functions, keywords and the log groups' discovered field names. */
export class InsightsCompletion implements vscode.CompletionItemProvider {
  private readonly fieldCache = new Map<string, Promise<string[]>>();

  constructor(private readonly services: Services) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    if (/^\s*#/.test(linePrefix)) return [];
    const items: vscode.CompletionItem[] = [];
    const atCommandPosition = /^\s*\|?\s*\w*$/.test(linePrefix);
    for (const name of COMMAND_NAMES) {
      const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Keyword);
      item.sortText = atCommandPosition ? `0${name}` : `3${name}`;
      items.push(item);
    }
    for (const fn of [...AGGREGATE_FUNCTIONS, ...SCALAR_FUNCTIONS]) {
      const item = new vscode.CompletionItem(fn.name, vscode.CompletionItemKind.Function);
      item.detail = fn.signature;
      item.documentation = fn.description;
      item.insertText = new vscode.SnippetString(`${fn.name}($1)`);
      item.sortText = `2${fn.name}`;
      items.push(item);
    }
    for (const kw of KEYWORDS) items.push(Object.assign(new vscode.CompletionItem(kw, vscode.CompletionItemKind.Operator), { sortText: `4${kw}` }));
    for (const field of new Set([...SYSTEM_FIELDS, ...(await this.fields(document))])) {
      const item = new vscode.CompletionItem(field, vscode.CompletionItemKind.Field);
      item.sortText = `1${field}`;
      items.push(item);
    }
    return items;
  }

  private async fields(document: vscode.TextDocument): Promise<string[]> {
    const groups = parseQueryFileMetadata(document.getText()).logGroups ?? vscode.workspace.getConfiguration('opsLens').get<string[]>('insights.defaultLogGroups', []);
    if (!groups.length) return [];
    let region: string;
    try {
      region = (await this.services.session.regions()).regions[0];
    } catch {
      return [];
    }
    const lists = await Promise.all(groups.slice(0, 5).map((group) => {
      const key = `${region}|${group}`;
      let cached = this.fieldCache.get(key);
      if (!cached) {
        cached = this.services.logs.logGroupFields(region, group).catch(() => {
          this.fieldCache.delete(key);
          return [];
        });
        this.fieldCache.set(key, cached);
      }
      return cached;
    }));
    return lists.flat();
  }
}

/** "▶ Run in Logs Insights" above each query of `.insights` files and of markdown fenced blocks. */
export class InsightsCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.languageId === INSIGHTS_LANGUAGE) {
      const first = document.getText().split(/\r?\n/).findIndex((l) => l.trim() !== '');
      return [new vscode.CodeLens(new vscode.Range(Math.max(0, first), 0, Math.max(0, first), 0), { title: '▶ Run in Logs Insights', command: 'opsLens.insights.runQuery', arguments: [{ uri: document.uri.toString() }] })];
    }
    return insightsBlocks(document.getText()).map((block) => new vscode.CodeLens(new vscode.Range(block.startLine, 0, block.startLine, 0), {
      title: '▶ Run in Logs Insights',
      tooltip: block.label ?? block.heading,
      command: 'opsLens.insights.runQuery',
      arguments: [{ uri: document.uri.toString(), line: block.startLine }],
    }));
  }
}

export function registerLanguageFeatures(services: Services): vscode.Disposable[] {
  return [
    new InsightsDiagnostics(),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new InsightsCompletion(services), '@', '|', ' '),
    vscode.languages.registerCodeLensProvider([...SELECTOR as vscode.DocumentFilter[], ...MARKDOWN as vscode.DocumentFilter[]], new InsightsCodeLens()),
  ];
}
