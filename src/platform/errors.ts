import * as vscode from 'vscode';
import { AwsUserError, type ErrorAction } from '../aws/errors';
import { notifyError } from './notify';
import { quoted } from '../core/text/notification';

type Button = { label: string; run: () => Thenable<unknown> };
const MAX_BUTTON_PROFILE_LENGTH = 60;

/** The button that fixes a failure; an SSO login names the profile whose session it renews. */
export function buttonFor(action: ErrorAction, profile?: string): Button | undefined {
  switch (action) {
    case 'selectProfile': return { label: 'Select Profiles', run: () => vscode.commands.executeCommand('opsLens.selectProfiles') };
    case 'selectRegions': return { label: 'Select Regions', run: () => vscode.commands.executeCommand('opsLens.selectRegions') };
    case 'openSettings': return { label: 'Open Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'opsLens.aws') };
    case 'ssoLogin': return { label: ssoLoginLabel(profile), run: () => vscode.commands.executeCommand('opsLens.ssoLogin', profile) };
    case 'retry': return undefined;
  }
}

/** `Run aws sso login --profile NAME`: what the button types in a terminal (not run). */
export function ssoLoginLabel(profile: string | undefined): string {
  if (!profile) return 'Run aws sso login';
  return `Run aws sso login --profile ${profile.length > MAX_BUTTON_PROFILE_LENGTH ? `${profile.slice(0, MAX_BUTTON_PROFILE_LENGTH)}…` : profile}`;
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Shows a failure with the button that fixes it. */
export async function showError(err: unknown, prefix?: string): Promise<void> {
  const message = prefix ? `${prefix}: ${quoted(describeError(err), 400)}` : quoted(describeError(err), 400);
  const button = err instanceof AwsUserError ? buttonFor(err.action, err.context.profile) : undefined;
  const picked = await notifyError(message, ...(button ? [button.label] : []));
  if (button && picked === button.label) await button.run();
}
