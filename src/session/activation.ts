import * as vscode from 'vscode';
import { AwsUserError, type ErrorAction } from '../aws/errors';
import { buttonFor } from '../platform/errors';
import { FIX_AWS_ERROR_COMMAND } from '../platform/errorItem';
import { affectsAws, readAwsSettings } from '../platform/config';
import type { Services } from '../services';
import { SessionStatusBar } from './statusBar';
import { pickProfile, pickRegions } from './pickers';
import { pickProfiles } from './profilesPicker';
import { SsoExpiryWatch, typeLoginCommand } from './ssoExpiry';

export type CredentialState = 'unknown' | 'ok' | 'missing' | 'error';

/** Status bar, profile/region pickers and the credential state the views' welcome texts read. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { session, refresh, log } = services;
  const statusBar = new SessionStatusBar(session);
  context.subscriptions.push(statusBar);
  void statusBar.update();
  const ssoWatch = new SsoExpiryWatch(session, log);
  context.subscriptions.push(ssoWatch);
  void ssoWatch.check();

  let checked = false;
  const checkCredentials = async (): Promise<void> => {
    checked = true;
    let state: CredentialState = 'ok';
    try {
      await session.checkCredentials();
    } catch (err) {
      state = err instanceof AwsUserError && err.action === 'selectProfile' ? 'missing' : 'error';
      log.warn(`credentials for profile ${session.profileName}: ${err instanceof Error ? err.message : String(err)}`);
    }
    await vscode.commands.executeCommand('setContext', 'opsLens.aws.credentials', state);
  };
  services.ensureCredentialsChecked = async () => {
    if (!checked) await checkCredentials();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('opsLens.selectProfile', () => pickProfile(session)),
    vscode.commands.registerCommand('opsLens.selectProfiles', () => pickProfiles(session)),
    vscode.commands.registerCommand('opsLens.ssoLogin', async (profile?: unknown) => {
      // Only a profile Ops Lens is using: a link in outside text cannot pick what gets typed.
      const own = session.profileList ?? [session.profileName];
      await typeLoginCommand(typeof profile === 'string' && own.includes(profile) ? profile : own[0]);
    }),
    vscode.commands.registerCommand('opsLens.selectRegions', (typed?: string) => pickRegions(session, typeof typed === 'string' ? typed : undefined)),
    vscode.commands.registerCommand('opsLens.refresh', () => refresh.refreshAll()),
    vscode.commands.registerCommand(FIX_AWS_ERROR_COMMAND, async (action: ErrorAction, profile?: unknown) => {
      const button = buttonFor(action, typeof profile === 'string' ? profile : undefined);
      if (button) await button.run();
      else await refresh.refreshAll();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // The workspace's own profile, regions and endpoint apply from now on.
      session.update(readAwsSettings());
      await statusBar.update();
      if (checked) await checkCredentials();
      await refresh.refreshAll();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!affectsAws(e)) return;
      session.update(readAwsSettings());
      log.info(`AWS settings changed: profile ${session.profileName}, regions ${session.settings.regions.join(', ') || '(default)'}`);
      await statusBar.update();
      await ssoWatch.check();
      if (checked) await checkCredentials();
      await refresh.refreshAll();
    }),
  );
}
