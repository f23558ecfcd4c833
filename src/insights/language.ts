import * as vscode from 'vscode';
import { AGGREGATE_FUNCTIONS, COMMANDS, commandInfo, functionInfo, KEYWORDS, SCALAR_FUNCTIONS, SYSTEM_FIELDS, type CommandInfo, type FunctionInfo } from '../core/insights/catalog';
import type * as Parser from '../core/insights/parser';
import { insightsBlocks, prepareQueryText } from '../core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../core/insights/metadata';
import { parseTimeRange, RANGE_FORMS } from '../core/time/ranges';
import { MAX_SCANNED_FILE_BYTES } from '../core/text/limits';
import type { Services } from '../services';
import { readSetting } from '../platform/trust';
import { label } from '../core/text/label';
import { codeLens, untrustedMarkdown } from '../platform/textSinks';

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

/** Commands, functions, keywords and the log groups' discovered field names. */
export class InsightsCompletion implements vscode.CompletionItemProvider {
  private readonly fieldCache = new Map<string, Promise<string[]>>();

  constructor(private readonly services: Services) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    if (/^\s*#/.test(linePrefix)) return [];
    const items: vscode.CompletionItem[] = [];
    const atCommandPosition = /^\|?\s*\w*$/.test(linePrefix.trimStart());
    for (const command of COMMANDS) {
      const item = new vscode.CompletionItem(command.label, vscode.CompletionItemKind.Keyword);
      item.detail = command.syntax;
      item.documentation = helpOf(command);
      item.sortText = atCommandPosition ? `0${command.name}` : `3${command.name}`;
      items.push(item);
    }
    for (const fn of [...AGGREGATE_FUNCTIONS, ...SCALAR_FUNCTIONS]) {
      const label = fn.signature.slice(0, fn.signature.indexOf('('));
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Function);
      item.detail = fn.signature;
      item.documentation = helpOf(fn);
      item.insertText = new vscode.SnippetString(`${label}($1)`);
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
    const groups = parseQueryFileMetadata(document.getText()).logGroups ?? readSetting<string[]>('insights.defaultLogGroups', []);
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

/** The one-line description of a command or function and its page in the AWS documentation. */
function helpOf(entry: CommandInfo | FunctionInfo): vscode.MarkdownString {
  const signature = 'syntax' in entry ? entry.syntax : entry.signature;
  return untrustedMarkdown().appendMarkdown(`\`${signature}\`\n\n${entry.description}\n\n[Logs Insights documentation](${entry.docs})`);
}

/** Hover help for the command or function under the cursor. */
export class InsightsHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_][A-Za-z0-9_]*/);
    if (!range) return undefined;
    const word = document.getText(range);
    const line = document.lineAt(position.line).text;
    if (/^\s*#/.test(line)) return undefined;
    const isCall = /^\s*\(/.test(line.slice(range.end.character));
    const entry = isCall ? functionInfo(word) : commandInfo(word) ?? functionInfo(word);
    return entry ? new vscode.Hover(helpOf(entry), range) : undefined;
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
  return [
    new InsightsDiagnostics(),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new InsightsCompletion(services), '@', '|', ' '),
    vscode.languages.registerHoverProvider(SELECTOR, new InsightsHover()),
    vscode.languages.registerCodeLensProvider([...SELECTOR as vscode.DocumentFilter[], ...MARKDOWN as vscode.DocumentFilter[]], new InsightsCodeLens()),
  ];
}
