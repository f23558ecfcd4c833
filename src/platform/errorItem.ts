import * as vscode from 'vscode';
import { AwsUserError } from '../aws/errors';
import { buttonFor } from './errors';
import { untrustedMarkdown } from './textSinks';

export const FIX_AWS_ERROR_COMMAND = 'opsLens.fixAwsError';

/** A tree row for a failed load: its message in the tooltip, clicking runs the fix (or retries). */
export function errorTreeItem(id: string, label: string, error: Error): vscode.TreeItem {
  const button = error instanceof AwsUserError ? buttonFor(error.action, error.context.profile) : undefined;
  const item = new vscode.TreeItem(label);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.description = button ? `${button.label}…` : 'Retry';
  item.tooltip = untrustedMarkdown().appendText(error.message);
  item.accessibilityInformation = { label: `Error: ${error.message}` };
  item.command = button && error instanceof AwsUserError
    ? { command: FIX_AWS_ERROR_COMMAND, title: button.label, arguments: [error.action, error.context.profile] }
    : { command: 'opsLens.refresh', title: 'Retry' };
  item.contextValue = 'error';
  return item;
}
