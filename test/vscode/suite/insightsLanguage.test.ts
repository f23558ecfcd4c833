import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { opsLens } from './helpers';

// Completion and hover load their catalog of the language on first use: asked in the real host, they answer.
describe('Logs Insights language help', () => {
  it('completes commands and functions and explains the one under the cursor', async () => {
    await opsLens();
    const document = await vscode.workspace.openTextDocument({ language: 'insights', content: 'fields @timestamp, @message\n| stats count(*) by bin(5m)\n' });
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 2));
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('stats'), `"stats" is offered: ${labels.slice(0, 20).join(', ')}`);
    assert.ok(labels.includes('@message'), 'system fields are offered');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /stats/);
    assert.match(text, /Logs Insights documentation/);
  });
});
