import * as vscode from 'vscode';
import { AwsUserError, type ErrorAction } from '../aws/errors';
import { notifyError } from './notify';
import { quoted } from '../core/text/notification';

const BUTTONS: Record<ErrorAction, { label: string; run: () => Thenable<unknown> } | undefined> = {
  selectProfile: { label: 'Select Profile', run: () => vscode.commands.executeCommand('opsLens.selectProfile') },
  selectRegions: { label: 'Select Regions', run: () => vscode.commands.executeCommand('opsLens.selectRegions') },
  openSettings: { label: 'Open Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'opsLens.aws') },
  ssoLogin: { label: 'Open Terminal', run: () => Promise.resolve(vscode.window.createTerminal('AWS SSO login').show()) },
  retry: undefined,
};

export function buttonFor(action: ErrorAction): { label: string; run: () => Thenable<unknown> } | undefined {
  return BUTTONS[action];
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Shows a failure with the button that fixes it. */
export async function showError(err: unknown, prefix?: string): Promise<void> {
  const message = prefix ? `${prefix}: ${quoted(describeError(err), 400)}` : quoted(describeError(err), 400);
  const button = err instanceof AwsUserError ? buttonFor(err.action) : undefined;
  const picked = await notifyError(message, ...(button ? [button.label] : []));
  if (button && picked === button.label) await button.run();
}
