import type { CloudWatchApi } from '../../aws/services/cloudWatch';
import type { CloudTrailApi } from '../../aws/services/cloudTrail';
import type { GatherDeps } from '../../investigate/gather';
import type { LogsApi } from '../../aws/services/logs';
import type { MetricsApi } from '../../aws/services/metrics';
import type { StepFunctionsApi } from '../../aws/services/stepFunctions';
import { parseScopeId, profilesIn, regionScope, scopesFor, type ScopeId } from '../../core/scope';
import type { HealthChange } from '../../core/investigate/model';
import { arnRegion } from '../../core/stepFunctions/model';
import type { QueryScanHistory } from './scanHistory';
import type { EndpointConfig } from '../../core/health/model';
import type { SettingsProblem } from '../../core/health/settings';
import type { EndpointStatus } from '../../health/store';
import type { ChangePermit, ToolChange } from './accounts';

export interface WorkspaceDocument {
  /** Relative to the workspace folder, with `/`. */
  readonly path: string;
  readonly text: string;
}

/** Read-only view of the workspace: runbooks and saved queries. */
export interface WorkspaceFiles {
  markdown(): Promise<WorkspaceDocument[]>;
  savedQueries(): Promise<WorkspaceDocument[]>;
  /** The folders' absolute paths, for mapping stack frames to files. */
  roots?(): string[];
  /** An `opsLens.*` setting's value (`key` without the prefix), as the workspace sets it; undefined when unset. */
  setting?(key: string): Promise<unknown>;
  /** One file by its workspace-relative path, only when its real path is inside the workspace. */
  document?(relativePath: string): Promise<WorkspaceDocument | undefined>;
}

/**
 * The health endpoints and their results (the Health view's store in VS Code; over MCP, a store of the
 * workspace's settings). Checking sends the endpoint's request; an unresolved `${secret:NAME}` is never sent.
 */
export interface HealthSource {
  /** Endpoints that are checked, in settings order, each with its last result and recent history. */
  readonly statuses: readonly EndpointStatus[];
  /** Entries of `opsLens.health.endpoints` that cannot be used. */
  readonly problems: readonly SettingsProblem[];
  /** Endpoints not requested because the workspace is not trusted. */
  readonly blocked: readonly EndpointConfig[];
  checkEndpoint(name: string): Promise<EndpointStatus | undefined>;
}

export interface ToolContext {
  readonly cloudWatch: CloudWatchApi;
  readonly logs: LogsApi;
  readonly stepFunctions: StepFunctionsApi;
  readonly metrics?: MetricsApi;
  /** The account's change history, for what changed before an alarm. */
  readonly cloudTrail?: CloudTrailApi;
  /** The workspace repository's commits in a window (only in the editor). */
  readonly commits?: GatherDeps['commits'];
  /** The regions to look in when the call names none. */
  readonly regions: () => Promise<ScopeId[]>;
  /** Where to call about a resource known by its ARN (with several profiles, the profile of its account); else the ARN's region. */
  readonly scopeOfArn?: (arn: string) => Promise<ScopeId>;
  readonly workspace?: WorkspaceFiles;
  /** Where health endpoints are read and checked; absent when nothing can say (no workspace given). */
  readonly health?: () => Promise<HealthSource>;
  readonly now?: () => Date;
  /** Where the workspace's infrastructure code defines a resource, as `file:line (how it matched)`. */
  readonly definitions?: (resource: { kind: 'alarm' | 'dashboard' | 'logGroup' | 'stateMachine'; name: string; region?: string }) => Promise<string[]>;
  /** Delays between GetQueryResults polls (tests shorten them). */
  readonly pollDelays?: readonly number[];
  /** Bytes scanned by past runs of each query, for the confirmation's estimate. */
  readonly queryScans?: QueryScanHistory;
  /** Health endpoints' state changes recorded in [start, end] (only where Ops Lens watches them). */
  readonly healthChanges?: (endpoints: readonly string[], start: number, end: number) => { changes: HealthChange[]; recordedSince?: number };
  /** A scope's account marking (`PRODUCTION account prod-main`), for answers about its resources. */
  readonly accountMarking?: (scope: ScopeId) => Promise<string | undefined>;
  /** The commands' guard for changes (see guardedChange); absent where nobody can be asked. */
  readonly confirmChange?: (request: ToolChange) => Promise<ChangePermit | undefined>;
}

export interface JsonSchema {
  readonly type: 'object';
  readonly properties: Record<string, unknown>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
}

export type ToolInput = Record<string, unknown>;

/** One tool, served to VS Code's language model tools and to the MCP server alike. */
export interface AgentTool {
  readonly name: string;
  readonly displayName: string;
  readonly modelDescription: string;
  readonly inputSchema: JsonSchema;
  /** Costs money or changes something: asks before running. */
  readonly needsConfirmation?: boolean;
  /** What the confirmation shows. */
  confirmationText?(input: ToolInput, ctx: ToolContext): Promise<string>;
  run(input: ToolInput, ctx: ToolContext): Promise<string>;
}

export function stringArg(input: ToolInput, key: string): string | undefined {
  const v = input[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function numberArg(input: ToolInput, key: string, fallback: number, min: number, max: number): number {
  const v = input[key];
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : fallback;
  return Math.min(max, Math.max(min, n));
}

export function stringListArg(input: ToolInput, key: string): string[] {
  const v = input[key];
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [];
}

/** A `region` a model gave that is not a region nor `profile · region` of a selected profile: the tool answers this, calling nothing. */
export class RegionRefused extends Error {
  override readonly name = 'RegionRefused';

  /** Recognised by name: the agent tools' bundles each hold a copy of this class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'RegionRefused';
  }
}

/** The `region` given, parsed against the selected profiles; undefined when none is given. Throws RegionRefused when malformed. */
export async function givenScope(input: ToolInput, ctx: ToolContext): Promise<ScopeId | undefined> {
  const raw = input.region;
  if (raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim())) return undefined;
  const profiles = profilesIn(await ctx.regions());
  const scope = parseScopeId(raw, profiles);
  if (scope) return scope;
  const scoped = profiles.length ? `, or "profile · region" with one of the selected profiles (${profiles.join(', ')})` : '';
  throw new RegionRefused(`The region given is not one Ops Lens accepts: give a plain AWS region such as us-east-1${scoped}. Nothing was called.`);
}

/** A refusal to answer with; any other failure goes on. */
export function refusedRegion(err: unknown): RegionRefused {
  if (err instanceof RegionRefused) return err;
  throw err;
}

/** The region given (with several profiles side by side, that region of each profile), else the configured ones. */
export async function regionsOf(input: ToolInput, ctx: ToolContext): Promise<ScopeId[]> {
  const region = await givenScope(input, ctx);
  return region ? scopesFor(region, await ctx.regions()) : ctx.regions();
}

export async function arnScope(ctx: ToolContext, arn: string): Promise<ScopeId | undefined> {
  if (ctx.scopeOfArn) return (await ctx.scopeOfArn(arn)) || undefined;
  const region = arnRegion(arn);
  return region === undefined ? undefined : regionScope(region);
}
