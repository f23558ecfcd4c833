import * as vscode from 'vscode';
import { groupProfiles } from '../aws/profiles';
import type { AwsSession } from '../aws/session';
import { writeSetting } from '../platform/config';
import { readProfilesOrSay } from './pickers';
import { plainPickItems } from '../platform/textSinks';

type ProfileItem = vscode.QuickPickItem & { profile?: string };

/** "Select AWS Profiles…": several profiles side by side, grouped as SSO / role / keys. None selected goes back to one profile. */
export async function pickProfiles(session: AwsSession): Promise<void> {
  const profiles = await readProfilesOrSay(session);
  if (!profiles) return;
  const current = new Set(session.profileList ?? []);
  const items: ProfileItem[] = groupProfiles(profiles).flatMap(({ group, profiles: members }): ProfileItem[] => [
    { label: group, kind: vscode.QuickPickItemKind.Separator },
    ...members.map((p) => ({ label: p.name, description: [p.region, p.kind].filter(Boolean).join(' · '), profile: p.name })),
  ]);
  const quickPick = vscode.window.createQuickPick<ProfileItem>();
  quickPick.title = 'Ops Lens: AWS profiles side by side';
  quickPick.placeholder = profiles.length ? 'Profiles to show side by side (none: back to a single profile)' : 'No profiles in the AWS config or credentials files; run `aws configure` to add one';
  quickPick.canSelectMany = true;
  quickPick.matchOnDescription = true;
  quickPick.items = plainPickItems(items);
  quickPick.selectedItems = quickPick.items.filter((i) => i.profile && current.has(i.profile));
  const picked = await new Promise<readonly ProfileItem[] | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (!picked) return;
  await writeSetting('aws.profiles', picked.map((i) => i.profile).filter((p): p is string => !!p));
}
