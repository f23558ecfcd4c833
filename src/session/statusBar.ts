import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { Disposable } from '../platform/disposable';
import { commandMarkdown, createStatusBar } from '../platform/textSinks';
import { joinLabels, label } from '../core/text/label';
import { ssoLoginCommand } from '../aws/ssoCache';

/** An SSO session that ends within minutes, or has ended. */
export interface SsoEnding {
  readonly profile: string;
  readonly expired: boolean;
  readonly minutesLeft?: number;
}

/**
 * `profile @ region(s)`; clicking it offers the profile picker. An SSO session about to end (warning
 * background) or ended (error background) is said here too, and clicking then types the login command.
 */
export class SessionStatusBar extends Disposable {
  private readonly item = this.register(createStatusBar('opsLens.session', vscode.StatusBarAlignment.Left, 10));
  private sso: readonly SsoEnding[] = [];
  private region = { text: '', tooltip: '' };

  constructor(private readonly session: AwsSession) {
    super();
    this.item.name = 'Ops Lens: AWS profile and regions';
    this.item.command = 'opsLens.selectProfile';
    this.item.show(label`$(cloud) ${session.profileName}`);
  }

  async update(): Promise<void> {
    try {
      const resolved = await this.session.regions();
      this.region = { text: resolved.regions.length > 2 ? `${resolved.regions.length} regions` : resolved.regions.join(', '), tooltip: `${resolved.regions.join(', ')} (from ${resolved.from})` };
    } catch (err) {
      this.region = { text: 'region?', tooltip: err instanceof Error ? err.message : String(err) };
    }
    this.render();
  }

  /** The SSO sessions that end soon or have ended (none: the item is back to plain). */
  showSso(ending: readonly SsoEnding[]): void {
    this.sso = ending;
    this.render();
  }

  private render(): void {
    const profile = this.session.profileName;
    const { text: regionText, tooltip: regionTooltip } = this.region;
    const tooltip = commandMarkdown(['opsLens.selectProfile', 'opsLens.selectRegions']);
    tooltip.appendMarkdown('**Ops Lens AWS session**\n\n');
    tooltip.appendText(`Profile: ${profile}\nRegions: ${regionTooltip}\n`);
    if (this.session.endpoint) tooltip.appendText(`Endpoint: ${this.session.endpoint}\n`);
    const ssoText = this.sso.map((s) => (s.expired ? `${s.profile} expired` : `${s.profile} ${s.minutesLeft} min`)).join(' · ');
    const first = this.sso[0];
    if (first) tooltip.appendText(`\nAWS SSO session ${first.expired ? 'expired' : 'ending soon'}: ${ssoText}. Click to type ${ssoLoginCommand(first.profile)} in a terminal (not run).\n`);
    tooltip.appendMarkdown('\n[Select profile](command:opsLens.selectProfile) · [Select regions](command:opsLens.selectRegions)');
    this.item.command = first ? { title: 'AWS SSO login', command: 'opsLens.ssoLogin', arguments: [first.profile] } : 'opsLens.selectProfile';
    this.item.backgroundColor = !first ? undefined : new vscode.ThemeColor(this.sso.some((s) => s.expired) ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    this.item.accessibilityInformation = { label: `Ops Lens AWS profile ${profile}, regions ${regionTooltip}${first ? `; AWS SSO session: ${ssoText}` : ''}`, role: 'button' };
    const text = label`$(cloud) ${profile} @ ${regionText}`;
    this.item.show(first ? joinLabels([text, label`$(warning) SSO: ${ssoText}`], ' · ') : text, tooltip);
  }
}
