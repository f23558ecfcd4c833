import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { Disposable } from '../platform/disposable';
import { commandMarkdown, createStatusBar } from '../platform/textSinks';
import { label } from '../core/text/label';

/** `profile @ region(s)`; clicking it offers the profile picker. */
export class SessionStatusBar extends Disposable {
  private readonly item = this.register(createStatusBar('opsLens.session', vscode.StatusBarAlignment.Left, 10));

  constructor(private readonly session: AwsSession) {
    super();
    this.item.name = 'Ops Lens: AWS profile and regions';
    this.item.command = 'opsLens.selectProfile';
    this.item.show(label`$(cloud) ${session.profileName}`);
  }

  async update(): Promise<void> {
    const profile = this.session.profileName;
    let regionText: string;
    let regionTooltip: string;
    try {
      const resolved = await this.session.regions();
      regionText = resolved.regions.length > 2 ? `${resolved.regions.length} regions` : resolved.regions.join(', ');
      regionTooltip = `${resolved.regions.join(', ')} (from ${resolved.from})`;
    } catch (err) {
      regionText = 'region?';
      regionTooltip = err instanceof Error ? err.message : String(err);
    }
    const tooltip = commandMarkdown(['opsLens.selectProfile', 'opsLens.selectRegions']);
    tooltip.appendMarkdown('**Ops Lens AWS session**\n\n');
    tooltip.appendText(`Profile: ${profile}\nRegions: ${regionTooltip}\n`);
    if (this.session.endpoint) tooltip.appendText(`Endpoint: ${this.session.endpoint}\n`);
    tooltip.appendMarkdown('\n[Select profile](command:opsLens.selectProfile) · [Select regions](command:opsLens.selectRegions)');
    this.item.accessibilityInformation = { label: `Ops Lens AWS profile ${profile}, regions ${regionTooltip}`, role: 'button' };
    this.item.show(label`$(cloud) ${profile} @ ${regionText}`, tooltip);
  }
}
