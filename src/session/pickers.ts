import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws/profiles';
import type { AwsSession } from '../aws/session';
import { REGION_PATTERN } from '../aws/settings';
import { writeSetting } from '../platform/config';
import { showError } from '../platform/errors';
import { KNOWN_REGIONS } from './regionList';
import { plainPickItems } from '../platform/textSinks';

/** The shared config's profiles, or undefined after saying why they could not be read. */
export async function readProfilesOrSay(session: AwsSession): Promise<ProfileInfo[] | undefined> {
  try {
    return await session.profiles();
  } catch (err) {
    await showError(err, 'Could not read the AWS config files');
    return undefined;
  }
}

export async function pickRegions(session: AwsSession, typed?: string): Promise<void> {
  const current = new Set(session.settings.regions);
  const resolved = await session.regions().catch(() => undefined);
  const known = [...new Set([...current, ...KNOWN_REGIONS])];
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  quickPick.title = 'Ops Lens: regions to show side by side';
  quickPick.placeholder = `None selected = the profile's or environment's region${resolved ? ` (${resolved.regions.join(', ')})` : ''}. Type a code to add another.`;
  quickPick.canSelectMany = true;
  quickPick.items = plainPickItems(known.map((r) => ({ label: r })));
  quickPick.selectedItems = quickPick.items.filter((i) => current.has(i.label));
  if (typed) quickPick.value = typed;
  const chosen = await new Promise<string[] | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const code = value.trim();
      if (REGION_PATTERN.test(code) && !quickPick.items.some((i) => i.label === code)) {
        const selected = quickPick.selectedItems;
        quickPick.items = plainPickItems([{ label: code, description: 'custom' }, ...quickPick.items]);
        quickPick.selectedItems = selected;
      }
    });
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems.map((i) => i.label)));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!chosen) return;
  await writeSetting('aws.regions', chosen);
}
