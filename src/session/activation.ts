import * as vscode from 'vscode';
import { afterActivation } from '../platform/afterActivation';
import { affectsAws, readAwsSettings } from '../platform/config';
import type { Services } from '../services';
import { registerSessionCommands } from './commands';
import { CredentialCheck } from './credentials';
import { SessionStatusBar } from './statusBar';
import { SsoExpiryWatch } from './ssoExpiry';

/** Status bar, profile/region pickers and the credential state the views' welcome texts read. */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const { session, refresh, log } = services;
  const statusBar = new SessionStatusBar(session);
  const ssoWatch = new SsoExpiryWatch(session, log, statusBar, () => void refresh.refreshAll());
  const credentials = new CredentialCheck(services);
  services.ensureCredentialsChecked = () => credentials.ensure();
  afterActivation(context, () => {
    void statusBar.update();
    void ssoWatch.check();
  });

  context.subscriptions.push(
    statusBar, ssoWatch,
    ...registerSessionCommands(services),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // The workspace's own profile, regions and endpoint apply from now on.
      session.update(readAwsSettings());
      await statusBar.update();
      await credentials.recheck();
      await refresh.refreshAll();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!affectsAws(e)) return;
      session.update(readAwsSettings());
      log.info(`AWS settings changed: profile ${session.profileName}, regions ${session.settings.regions.join(', ') || '(default)'}`);
      await statusBar.update();
      await ssoWatch.check();
      await credentials.recheck();
      await refresh.refreshAll();
    }),
  );
}
