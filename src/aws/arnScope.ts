import { regionScope, scopeId, type ScopeId } from '../core/scope';
import type { AwsSession } from './session';

/** The region and account id an ARN names: `arn:aws:states:us-east-1:123456789012:execution:…`. */
export function arnPlace(arn: string): { region?: string; account?: string } {
  const [, , , region, account] = arn.split(':');
  return { region: region || undefined, account: /^\d{12}$/.test(account ?? '') ? account : undefined };
}

/**
 * Where to call about a resource known by its ARN only (an execution opened from a link, a panel, a tool):
 * its region, and with several profiles side by side, the profile of the account the ARN names (the first
 * profile when none is known to be that account; the service then says what it thinks).
 */
export async function scopeOfArn(session: AwsSession, arn: string): Promise<ScopeId> {
  const { region, account } = arnPlace(arn);
  const profiles = session.profileList;
  if (!profiles || !region) return regionScope(region ?? '');
  const accounts = await Promise.all(profiles.map((profile) => session.member(profile).accountId()));
  const owner = account === undefined ? -1 : accounts.indexOf(account);
  return scopeId(profiles[Math.max(0, owner)], region);
}
