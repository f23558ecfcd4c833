import { isScoped, type ScopeId } from '../core/scope';
import { showPick } from '../platform/textSinks';

/**
 * Where a query goes, among the places it may mean (see scopesFor): with several profiles side by side, the
 * one asked for (a runbook's query is as much staging's as production's); otherwise the first, as always.
 */
export async function regionForQuery(regions: readonly ScopeId[], title: string): Promise<ScopeId | undefined> {
  if (regions.length <= 1 || !regions.some(isScoped)) return regions[0];
  const picked = await showPick(regions.map((r) => ({ label: r })), { title, placeHolder: 'profile · region' });
  return picked?.label;
}
