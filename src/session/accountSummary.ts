import { scopeParts, type ScopeId } from '../core/scope';
import type { Alarm } from '../core/alarms/model';

/**
 * With several profiles, the status bar's `prod 3 in alarm · staging 0`: every profile of the views'
 * roots, in their order, with its alarms in ALARM; undefined with a single profile.
 */
export function accountSummary(roots: readonly ScopeId[], alarms: Iterable<Alarm>): string | undefined {
  const counts = new Map<string, number>();
  for (const root of roots) {
    const { profile } = scopeParts(root);
    if (profile !== undefined) counts.set(profile, 0);
  }
  if (counts.size === 0) return undefined;
  for (const alarm of alarms) {
    const { profile } = scopeParts(alarm.region);
    if (profile !== undefined && alarm.state === 'ALARM' && counts.has(profile)) counts.set(profile, counts.get(profile)! + 1);
  }
  return [...counts].map(([profile, n]) => (n > 0 ? `${profile} ${n} in alarm` : `${profile} 0`)).join(' · ');
}
