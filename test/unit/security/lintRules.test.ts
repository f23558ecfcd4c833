import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The lint rules that keep outside text out of VS Code's link and icon rendering: each planted
 * violation in a file under src/ is reported, and the same code written through the doors passes.
 */
const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });

async function restricted(code: string, file = 'src/feature/planted.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as vscode from 'vscode';\nexport function planted(name: string, range: vscode.Range, md: vscode.MarkdownString, pick: vscode.QuickPick<vscode.QuickPickItem>) {\nvoid [name, range, md, pick];\n${code}\n}\n`, { filePath: path.join(root, file) });
  assert.deepEqual(result.messages.filter((m) => m.ruleId !== 'no-restricted-syntax').map((m) => m.message), [], 'the planted code is otherwise clean');
  return result.messages.map((m) => m.message);
}

const PLANTED: [string, string, RegExp][] = [
  ['a notification', 'void vscode.window.showErrorMessage(name);', /notifyInfo\/notifyWarning\/notifyError/],
  ['a progress notification', 'void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Logs Insights: ${name}` }, async () => undefined);', /withNotificationProgress/],
  ['window progress', 'void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: name }, async () => undefined);', /withNotificationProgress/],
  ['a quick pick', 'void vscode.window.showQuickPick([{ label: name }]);', /showPick/],
  ['quick pick items', 'pick.items = [{ label: name }];', /plainPickItems/],
  ['a status bar item', 'vscode.window.createStatusBarItem("x", vscode.StatusBarAlignment.Left, 1).text = name;', /createStatusBar/],
  ['a CodeLens', 'return new vscode.CodeLens(range, { title: name, command: "x" });', /codeLens\/untrustedMarkdown/],
  ['markdown with icons', 'return new vscode.MarkdownString(name, true);', /codeLens\/untrustedMarkdown/],
  ['trusted markdown', 'md.isTrusted = true;', /decides what markdown may run/],
  ['markdown with icons turned on', 'md.supportThemeIcons = true;', /decides what markdown may run/],
];

describe('lint rules: outside text reaches links and icons only through the doors', function () {
  this.timeout(60_000);

  for (const [what, code, message] of PLANTED) {
    it(`reports ${what} built outside the door`, async () => {
      const messages = await restricted(code);
      assert.ok(messages.some((m) => message.test(m)), `${code}\n→ ${JSON.stringify(messages)}`);
    });
  }

  it('passes the same code written through the doors', async () => {
    const messages = await restricted([
      "const { notifyError } = await import('../platform/notify');",
      "const { codeLens, createStatusBar, plainPickItems, showPick, untrustedMarkdown, withNotificationProgress, withWindowProgress } = await import('../platform/textSinks');",
      "const { label } = await import('../core/text/label');",
      'void notifyError(name);',
      'await withNotificationProgress(`Logs Insights: ${name}`, async (progress) => progress.report({ message: name }));',
      'await withWindowProgress(name, async () => undefined);',
      'await showPick([{ label: name }]);',
      'pick.items = plainPickItems([{ label: name }]);',
      'createStatusBar("x", vscode.StatusBarAlignment.Left, 1).show(label`$(bell) ${name}`);',
      'untrustedMarkdown().appendText(name);',
      'return codeLens(range, label`▶ ${name}`, { command: "x" });',
    ].join('\n'));
    assert.deepEqual(messages, []);
  });

  it('lets the doors themselves use the raw APIs', async () => {
    const messages = await restricted('return new vscode.CodeLens(range, { title: name, command: "x" });', 'src/platform/textSinks.ts');
    assert.deepEqual(messages, []);
  });
});
