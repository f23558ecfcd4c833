import type { AwsSession } from '../aws/session';
import { FALLBACK_REGION } from '../aws/regions';
import type { LogsApi } from '../aws/services/logs';
import { scopeParts, scopeId, type ScopeId } from '../core/scope';
import { fetchErrorsAcross, type FetchedErrors, type RegionFailure } from '../core/productionErrors';
import { logGroupsByProfile, logGroupsByRegion } from '../core/productionErrors/settings';
import { insightsWindow } from './insightsWindow';

export interface FetchedAcross extends FetchedErrors {
  /** The regions queried (`profile · region` with several profiles). */
  readonly regions: ScopeId[];
  readonly failures: RegionFailure[];
}

/**
 * Where the production-errors query runs: with one profile, names in the first region and ARNs in their
 * own; with several, each profile's own first region (ARNs in the profile of their account), every event
 * labelled with its profile, and a profile that fails never hides the others. No `vscode` import.
 */
export async function fetchProductionErrors(session: AwsSession, logs: LogsApi, logGroups: readonly string[], queryString: string, startSec: number, endSec: number, delays?: readonly number[], maxBytes?: number): Promise<FetchedAcross> {
  const { regions } = await session.regions();
  const profiles = session.profileList;
  const byRegion = profiles
    ? logGroupsByProfile(logGroups, await Promise.all(profiles.map(async (profile) => ({
      primary: regions.find((r) => scopeParts(r).profile === profile) ?? scopeId(profile, FALLBACK_REGION),
      account: await session.member(profile).accountId(),
      inRegion: (region: string) => scopeId(profile, region),
    }))))
    : logGroupsByRegion(logGroups, regions[0]);
  const fetched = await fetchErrorsAcross(byRegion, (region, groups) => insightsWindow(logs, region, groups, queryString, delays), startSec, endSec, { maxBytes, ...(profiles ? { labelOf: (region: ScopeId) => scopeParts(region).profile, keepGoing: true } : {}) });
  return { ...fetched, regions: [...byRegion.keys()] };
}
