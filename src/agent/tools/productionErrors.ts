import { errorEventsQuery, QUERY_LIMIT } from '../../core/productionErrors/query';
import { isScoped, profilesIn, scopeParts, sameProfile, scopeId, type ScopeId } from '../../core/scope';
import { logGroupsByProfile, logGroupsByRegion, productionErrorsSettings, type ProfileTarget } from '../../core/productionErrors/settings';
import { parseTimeRange, RANGE_FORMS, windowFor } from '../../core/time/ranges';
import type * as Run from './productionErrorsRun';
import { cell, iso } from './text';
import { CONFIRMATION_NOTE } from './confirmation';
import { givenScope, RegionRefused, refusedRegion, stringArg, stringListArg, type AgentTool, type ToolContext, type ToolInput } from './types';

export const MAX_ROWS = 30;
export const DEFAULT_ROWS = 20;
export const MAX_SAMPLES = 3;
export const SAMPLE_CHARS = 800;
export const MAX_UNPLACED = 10;
/** Queries per 50 log groups, each reading up to QUERY_LIMIT events: the cost of one answer is bounded. */
export const MAX_QUERIES = 5;

export interface Plan {
  readonly groups: readonly string[];
  readonly byRegion: Map<ScopeId, string[]>;
  /** Several profiles side by side: each event is labelled with its profile, and one failing never hides the others. */
  readonly byProfile: boolean;
  readonly range: string;
  readonly start: Date;
  readonly end: Date;
  readonly queryString: string;
}

async function plan(input: ToolInput, ctx: ToolContext): Promise<Plan | string> {
  const read = (key: string) => ctx.workspace?.setting?.(`productionErrors.${key}`) ?? Promise.resolve(undefined);
  const [logGroups, range, filter] = await Promise.all([read('logGroups'), read('range'), read('filter')]);
  const settings = productionErrorsSettings({ logGroups, range, filter });
  const given = stringListArg(input, 'logGroups');
  const groups = given.length ? [...new Set(given)] : settings.logGroups;
  if (groups.length === 0) return 'No log groups to read: give logGroups, or set opsLens.productionErrors.logGroups in the settings (the workspace\'s .vscode/settings.json), e.g. ["/aws/lambda/checkout", "/ecs/api"].';
  const wantedRange = stringArg(input, 'range') ?? settings.range;
  const window = windowFor(wantedRange, ctx.now?.() ?? new Date());
  if (!window || !parseTimeRange(wantedRange)) return `The range "${cell(wantedRange, 100)}" is not ${RANGE_FORMS}.`;
  const givenRegion = await givenScope(input, ctx).catch(refusedRegion);
  if (givenRegion instanceof RegionRefused) return givenRegion.message;
  const regions = await ctx.regions();
  const region = givenRegion ?? regions[0];
  if (!region) return 'No region is configured; give one.';
  const profiles = profileTargets(regions, givenRegion);
  return { groups, byRegion: profiles ? logGroupsByProfile(groups, profiles) : logGroupsByRegion(groups, region), byProfile: profiles !== undefined, range: wantedRange, start: window.start, end: window.end, queryString: errorEventsQuery(settings.filter) };
}

/**
 * With several profiles: names in each profile's first region (or the region given), ARNs in the first
 * profile (the tools cannot tell accounts apart); a `profile · region` given keeps everything in its profile.
 */
function profileTargets(regions: readonly ScopeId[], named: ScopeId | undefined): ProfileTarget[] | undefined {
  if (named && isScoped(named)) return [{ primary: named, inRegion: (r) => sameProfile(named, r) }];
  const profiles = profilesIn(regions);
  if (profiles.length === 0) return undefined;
  return profiles.map((profile) => ({ primary: named ? scopeId(profile, named) : regions.find((r) => scopeParts(r).profile === profile)!, inRegion: (r: string) => scopeId(profile, r) }));
}

export function describePlan(p: Plan): string {
  const where = [...p.byRegion].map(([region, groups]) => `${groups.join(', ')} in ${region}`).join('; ');
  return `Production errors of ${where}, ${iso(p.start)} to ${iso(p.end)} (${p.range}).`;
}

export const productionErrors: AgentTool = {
  name: 'opsLens_productionErrors',
  displayName: 'Find production errors in the workspace\'s code',
  modelDescription: `Finds the errors the workspace's code throws in production: runs a CloudWatch Logs Insights query (it costs money: AWS charges per GB scanned) for the error events with stack frames in the log groups of opsLens.productionErrors.logGroups (or those given), groups them by error and the workspace file:line where each was thrown (the innermost workspace frame), and returns a table, most frequent first: count, error, file:line, function, last seen, log groups (at most ${MAX_ROWS} rows, default ${DEFAULT_ROWS}), the text of the newest event of the top ${MAX_SAMPLES} (at most ${SAMPLE_CHARS} characters each), and the errors of events with no workspace frame (at most ${MAX_UNPLACED}). range: ${RANGE_FORMS}; default the setting's range or 24h. file narrows the rows to workspace paths containing it. The workspace's opsLens.productionErrors.filter applies. ${CONFIRMATION_NOTE}`,
  inputSchema: {
    type: 'object',
    properties: {
      logGroups: { type: 'array', items: { type: 'string' }, description: 'Log group names or ARNs. Default: the opsLens.productionErrors.logGroups setting.' },
      range: { type: 'string', description: 'How far back, e.g. 1h, 24h, 7d, or a window 2026-11-22T15:00Z..2026-11-22T16:30Z. Default: the setting\'s range, or 24h.' },
      file: { type: 'string', description: 'Only errors thrown in workspace files whose path contains this text (case-insensitive), e.g. src/handlers/ or checkout.ts.' },
      region: { type: 'string', description: 'AWS region of the log groups given by name (with several profiles, `profile · region` for one profile only). Default: the first configured region; with several profiles, each profile\'s first region.' },
      limit: { type: 'number', description: `Rows to return, 1-${MAX_ROWS}. Default ${DEFAULT_ROWS}.` },
    },
    additionalProperties: false,
  },
  needsConfirmation: true,
  async confirmationText(input, ctx) {
    const p = await plan(input, ctx);
    return typeof p === 'string' ? p : `${describePlan(p)}\nAt most ${MAX_QUERIES} queries per 50 log groups, each reading up to ${QUERY_LIMIT.toLocaleString('en-US')} events.\n\n${p.queryString}`;
  },
  async run(input, ctx) {
    const p = await plan(input, ctx);
    if (typeof p === 'string') return p;
    // The fetch, the index and the answer load with the first run, not at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./productionErrorsRun') as typeof Run).productionErrorsAnswer(p, input, ctx);
  },
};
