import { regionScope, type ScopeId } from '../core/scope';
import type { AwsSettings } from './settings';

export interface RegionSources {
  readonly settings: AwsSettings;
  /** Region of the selected profile (or of `default` / AWS_PROFILE when none is selected). */
  readonly profileRegion?: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface ResolvedRegions {
  /** Never empty: without settings, profile or environment, FALLBACK_REGION. */
  readonly regions: readonly [ScopeId, ...ScopeId[]];
  readonly from: 'settings' | 'profile' | 'environment' | 'fallback';
}

export const FALLBACK_REGION = 'us-east-1';

/** Regions come from settings, then the profile, then the environment. */
export function resolveRegions({ settings, profileRegion, env }: RegionSources): ResolvedRegions {
  const [first, ...rest] = [...new Set(settings.regions)].map(regionScope);
  if (first) return { regions: [first, ...rest], from: 'settings' };
  if (profileRegion) return { regions: [regionScope(profileRegion)], from: 'profile' };
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) return { regions: [regionScope(fromEnv)], from: 'environment' };
  return { regions: [regionScope(FALLBACK_REGION)], from: 'fallback' };
}

/** The profile the SDK will use: the setting, else AWS_PROFILE, else `default`. */
export function effectiveProfile(settings: AwsSettings, env: NodeJS.ProcessEnv): string {
  return settings.profile || env.AWS_PROFILE || 'default';
}

/** Runs `task` in every region (or `profile · region`) at once; the ones that failed, without stopping the others. */
export async function inEveryRegion(regions: readonly ScopeId[], task: (scope: ScopeId) => Promise<void>): Promise<{ region: ScopeId; error: unknown }[]> {
  const results = await Promise.allSettled(regions.map(task));
  return results.flatMap((r, i) => (r.status === 'rejected' ? [{ region: regions[i], error: r.reason as unknown }] : []));
}
