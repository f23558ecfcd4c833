import type * as vscode from 'vscode';

/**
 * Runs a feature's first reads (profiles, settings, files) on the extension host's next turn, once
 * `activate` has returned, so they never lengthen activation; nothing runs if the extension is disposed first.
 */
export function afterActivation(context: Pick<vscode.ExtensionContext, 'subscriptions'>, first: () => void): void {
  const handle = setImmediate(first);
  context.subscriptions.push({ dispose: () => clearImmediate(handle) });
}
