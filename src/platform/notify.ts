import * as vscode from 'vscode';
import { notificationMessage } from '../core/text/notification';

/**
 * The only way Ops Lens shows a notification: the message goes through `notificationMessage`, so text
 * from AWS or a workspace can never become a clickable `command:` link. Quote such text with `quoted`.
 */
type Show = <T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]) => Thenable<T | undefined>;

function show(showMessage: Show) {
  function notify<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
  function notify<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
  function notify<T extends string>(message: string, ...rest: (T | vscode.MessageOptions)[]): Thenable<T | undefined> {
    const options = typeof rest[0] === 'object' ? (rest.shift() as vscode.MessageOptions) : {};
    const safeOptions = options.detail !== undefined ? { ...options, detail: notificationMessage(options.detail) } : options;
    return showMessage(notificationMessage(message), safeOptions, ...(rest as T[]));
  }
  return notify;
}

export const notifyInfo = show((m, o, ...i) => vscode.window.showInformationMessage(m, o, ...i));
export const notifyWarning = show((m, o, ...i) => vscode.window.showWarningMessage(m, o, ...i));
export const notifyError = show((m, o, ...i) => vscode.window.showErrorMessage(m, o, ...i));

/**
 * Asks before a command changes something (stops or starts an execution, stores a secret, writes a
 * file): a modal that names what happens. Commands ask whatever their arguments, because a link in
 * outside text could call them with arguments of its choosing.
 */
export async function confirmChange(message: string, action: string, detail?: string): Promise<boolean> {
  return (await notifyWarning(message, { modal: true, detail }, action)) === action;
}
