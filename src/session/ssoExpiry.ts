import * as vscode from 'vscode';
import { readSharedFiles } from '../aws/profiles';
import type { AwsSession } from '../aws/session';
import { readSessionExpiry, ssoLoginCommand, typableLoginCommand, type SessionExpiry } from '../aws/ssoCache';
import { quoted } from '../core/text/notification';
import { Disposable } from '../platform/disposable';
import { notifyWarning } from '../platform/notify';
import { ssoLoginLabel } from '../platform/errors';
import { claimSsoNotice, ssoSessionRenewed } from '../platform/ssoNotices';
import type { SessionStatusBar, SsoEnding } from './statusBar';

const CHECK_EVERY_MS = 60_000;

/**
 * SSO sessions read from the SDK's token cache, ahead of AWS saying so: said on the session's status bar
 * item from 15 minutes before expiry, and one notification when it expires offering the login command in
 * a terminal, typed but not run. A session renewed after it expired calls `renewed` (the views read again
 * at once rather than after their backoff).
 */
export class SsoExpiryWatch extends Disposable {
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly expired = new Set<string>();

  constructor(private readonly session: AwsSession, private readonly log: vscode.LogOutputChannel, private readonly statusBar: SessionStatusBar, private readonly renewed: () => void = () => undefined) {
    super();
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.register({ dispose: () => clearInterval(this.timer) });
  }

  async check(): Promise<void> {
    const profiles = this.session.profileList ?? [this.session.profileName];
    let states: { profile: string; expiry: SessionExpiry }[];
    try {
      const files = await readSharedFiles(this.session.sharedFiles);
      const read = await Promise.all(profiles.map(async (profile) => ({ profile, expiry: await readSessionExpiry(profile, files) })));
      states = read.filter((s): s is { profile: string; expiry: SessionExpiry } => s.expiry !== undefined);
    } catch (err) {
      this.log.warn(`SSO session check: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.showStatus(states);
    let renewed = false;
    for (const { profile, expiry } of states) {
      if (expiry.state === 'valid' || expiry.state === 'expiring') {
        ssoSessionRenewed(profile);
        renewed ||= this.expired.delete(profile);
      } else if (expiry.state === 'expired') {
        this.expired.add(profile);
        if (claimSsoNotice(profile)) void this.announceExpired(profile);
      }
    }
    if (renewed) this.renewed();
  }

  private showStatus(states: readonly { profile: string; expiry: SessionExpiry }[]): void {
    this.statusBar.showSso(states.flatMap(({ profile, expiry }): SsoEnding[] => {
      if (expiry.state === 'expired') return [{ profile, expired: true }];
      return expiry.state === 'expiring' ? [{ profile, expired: false, minutesLeft: expiry.minutesLeft }] : [];
    }));
  }

  private async announceExpired(profile: string): Promise<void> {
    const button = ssoLoginLabel(profile);
    const picked = await notifyWarning(`The AWS SSO session of profile ${quoted(profile)} has expired.`, button);
    if (picked === button) await typeLoginCommand(profile);
  }
}

const COPY = 'Copy Command';

/**
 * Opens a terminal with `aws sso login --profile NAME` typed, not run: the person presses Enter. A name with
 * characters some shell reads as syntax is not typed: the command is shown, with a button that copies it.
 */
export async function typeLoginCommand(profile: string): Promise<vscode.Terminal | undefined> {
  const line = typableLoginCommand(profile);
  if (line) {
    const terminal = vscode.window.createTerminal({ name: 'AWS SSO login' });
    terminal.show();
    terminal.sendText(line, false);
    return terminal;
  }
  const command = ssoLoginCommand(profile);
  const picked = await notifyWarning(`The profile name has characters a terminal's shell could read as commands, so Ops Lens does not type the login command. Run it yourself (quoted for bash and zsh; check the quoting in PowerShell or cmd.exe): ${quoted(command)}`, COPY);
  if (picked === COPY) await vscode.env.clipboard.writeText(command);
  return undefined;
}
