import * as vscode from 'vscode';
import { groupProfiles } from '../aws/profiles';
import type { AwsSession } from '../aws/session';
import { writeSetting } from '../platform/config';
import { readProfilesOrSay } from './pickers';
import { showPick } from '../platform/textSinks';

type ProfileItem = vscode.QuickPickItem & { profile?: string };

const DEFAULT_CHAIN = 'Default credential chain';

/** What the picked profiles mean for the settings: one profile is one profile, several are side by side. */
export function profileSettings(picked: readonly string[]): { profile: string; profiles: string[] } {
  const named = [...new Set(picked.filter((p) => p !== ''))];
  return named.length > 1 ? { profile: '', profiles: named } : { profile: named[0] ?? '', profiles: [] };
}

/**
 * "Select AWS Profiles…": one profile, several side by side, or the default credential chain. It writes
 * both `aws.profile` and `aws.profiles`, so what is picked is always what is used.
 */
export async function pickProfiles(session: AwsSession): Promise<void> {
  const profiles = await readProfilesOrSay(session);
  if (!profiles) return;
  const current = new Set(session.profileList ?? (session.settings.profile ? [session.settings.profile] : ['']));
  const items: ProfileItem[] = [
    { label: DEFAULT_CHAIN, iconPath: new vscode.ThemeIcon('debug-restart'), detail: 'Environment variables, AWS_PROFILE or default, SSO, instance role', profile: '', picked: current.has('') },
    ...groupProfiles(profiles).flatMap(({ group, profiles: members }): ProfileItem[] => [
      { label: group, kind: vscode.QuickPickItemKind.Separator },
      ...members.map((p) => ({ label: p.name, description: [p.region, p.kind].filter(Boolean).join(' · '), profile: p.name, picked: current.has(p.name) })),
    ]),
  ];
  const picked = await showPick(items, {
    title: 'Ops Lens: AWS profiles',
    placeHolder: profiles.length ? 'One profile, or several to show side by side (Enter takes the highlighted one when none is ticked)' : 'No profiles in the AWS config or credentials files; run `aws configure` to add one',
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked) return;
  const next = profileSettings(picked.map((i) => i.profile ?? ''));
  await writeSetting('aws.profiles', next.profiles);
  await writeSetting('aws.profile', next.profile);
}
