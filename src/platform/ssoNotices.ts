/**
 * Profiles whose expired SSO session has been announced: one notification per expiry, whether the
 * token cache watch or a failed call noticed it first. A profile is forgotten once its session is valid.
 */
const announced = new Set<string>();

/** True the first time an expiry of `profile` is to be announced. */
export function claimSsoNotice(profile: string): boolean {
  if (announced.has(profile)) return false;
  announced.add(profile);
  return true;
}

export function ssoSessionRenewed(profile: string): void {
  announced.delete(profile);
}
