import * as vscode from 'vscode';
import type { ScopeId } from '../core/scope';
import { AGGREGATE_FUNCTIONS, COMMANDS, commandInfo, functionInfo, KEYWORDS, SCALAR_FUNCTIONS, SYSTEM_FIELDS, type CommandInfo, type FunctionInfo } from '../core/insights/catalog';
import { parseQueryFileMetadata } from '../core/insights/metadata';
import type { Services } from '../services';
import { readSetting } from '../platform/trust';
import { untrustedMarkdown } from '../platform/textSinks';

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
    let region: ScopeId;
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

