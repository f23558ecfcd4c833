import type { HealthState } from './model';

/**
 * Whether a check result is worth a notification: the endpoint went down after being seen healthy or
 * degraded. The first result, and staying down, are not transitions, so one outage notifies once.
 */
export function enteredDown(previous: HealthState | undefined, next: HealthState): boolean {
  return next === 'down' && (previous === 'healthy' || previous === 'degraded');
}
