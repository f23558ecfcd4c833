import * as vscode from 'vscode';
import type { ErrorAction } from '../aws/errors';
import { buttonFor } from '../platform/errors';
import { FIX_AWS_ERROR_COMMAND } from '../platform/errorItem';
import type { Services } from '../services';
import { pickRegions } from './pickers';
import { pickProfiles } from './profilesPicker';
import { typeLoginCommand } from './ssoExpiry';

/** Only a profile Ops Lens is using: a link in outside text cannot pick what gets typed. */
async function ssoLogin(session: Services['session'], profile?: unknown): Promise<void> {
  const own = session.profileList ?? [session.profileName];
  await typeLoginCommand(typeof profile === 'string' && own.includes(profile) ? profile : own[0]);
}

/** The button an AWS error offers (sign in, pick a profile…), else a refresh. */
async function fixAwsError(refresh: Services['refresh'], action: ErrorAction, profile?: unknown): Promise<void> {
  const button = buttonFor(action, typeof profile === 'string' ? profile : undefined);
  if (button) await button.run();
  else await refresh.refreshAll();
}

export function registerSessionCommands({ session, refresh }: Pick<Services, 'session' | 'refresh'>): vscode.Disposable[] {
  return [
    // Deprecated: the single-profile picker's choice was ignored once several profiles were set. It opens the one picker.
    vscode.commands.registerCommand('opsLens.selectProfile', () => pickProfiles(session)),
    vscode.commands.registerCommand('opsLens.selectProfiles', () => pickProfiles(session)),
    vscode.commands.registerCommand('opsLens.ssoLogin', (profile?: unknown) => ssoLogin(session, profile)),
    vscode.commands.registerCommand('opsLens.selectRegions', (typed?: string) => pickRegions(session, typeof typed === 'string' ? typed : undefined)),
    vscode.commands.registerCommand('opsLens.refresh', () => refresh.refreshAll()),
    vscode.commands.registerCommand(FIX_AWS_ERROR_COMMAND, (action: ErrorAction, profile?: unknown) => fixAwsError(refresh, action, profile)),
  ];
}
