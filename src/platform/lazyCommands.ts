import * as vscode from 'vscode';

export type CommandHandlers<Id extends string> = Record<Id, (...args: unknown[]) => unknown>;

/**
 * Registers commands at activation whose handlers live in a bundle of their own: `load` runs on the first
 * call of any of them (a `require` the build turns into that bundle), and its handlers serve every call after.
 */
export function registerLazyCommands<Id extends string>(ids: readonly Id[], load: () => CommandHandlers<Id>): vscode.Disposable[] {
  let handlers: CommandHandlers<Id> | undefined;
  return ids.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => (handlers ??= load())[id](...args)));
}
