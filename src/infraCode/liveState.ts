import type { CloudFormationApi } from '../aws/services/cloudFormation';
import type { LogsApi } from '../aws/services/logs';
import type { MetricsApi } from '../aws/services/metrics';
import type { StepFunctionsApi } from '../aws/services/stepFunctions';
import type { DefinitionIndex } from '../core/infraCode/definitionIndex';
import { constructsOf } from '../core/infraCode/matching';
import type { Definition, StackResource } from '../core/infraCode/model';
import type { ScopeId } from '../core/scope';

export interface LiveAlarm { readonly kind: 'alarm'; readonly scope: ScopeId; readonly name: string; readonly state: string; readonly since?: Date; readonly threshold?: number; readonly period?: number; readonly evaluationPeriods?: number; readonly comparison?: string }
export interface LiveMachine { readonly kind: 'stateMachine'; readonly scope: ScopeId; readonly name: string; readonly arn: string; readonly recent: number; readonly failed: number; readonly more: boolean; readonly latestExecutionArn?: string }
export interface LiveLogGroup { readonly kind: 'logGroup'; readonly scope: ScopeId; readonly name: string; readonly storedBytes?: number; readonly retentionDays?: number }
export interface LiveDashboard { readonly kind: 'dashboard'; readonly scope: ScopeId; readonly name: string }
export type LiveInfo = LiveAlarm | LiveMachine | LiveLogGroup | LiveDashboard;

export interface LiveStateDeps {
  readonly metrics: Pick<MetricsApi, 'describeAlarms' | 'listDashboards'>;
  readonly stepFunctions: Pick<StepFunctionsApi, 'stateMachinePages' | 'executions'>;
  readonly logs: Pick<LogsApi, 'logGroupPage'>;
  readonly cloudFormation: CloudFormationApi;
  readonly scopes: () => Promise<readonly ScopeId[]>;
  readonly index: DefinitionIndex;
  readonly onError?: (err: unknown) => void;
}

const RECENT_EXECUTIONS = 20;
const MAX_STACKS = 50;

/**
 * The live state of what definitions define, read in batches (one DescribeAlarms per scope for a file's
 * alarms, one listing of state machines and of dashboards per scope) and kept until `clear` — the next
 * refresh. A resource not found is remembered as absent, and its definition gets no lens.
 */
export class LiveState {
  private readonly found = new Map<string, LiveInfo | null>();
  private readonly listings = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly deps: LiveStateDeps) {}

  clear(): void {
    this.stackIds = undefined;
    this.found.clear();
    this.listings.clear();
    this.generation++;
  }

  /** What is known of a definition's resource; undefined until loaded, null when it is not found. */
  lookup(definition: Definition): LiveInfo | null | undefined {
    const key = this.keyOf(definition);
    return key === undefined ? null : this.found.get(key);
  }

  /** Reads the state of every definition not known yet, batched by kind and scope. */
  async load(definitions: readonly Definition[]): Promise<void> {
    const generation = this.generation;
    if (definitions.some((d) => !this.physicalName(d))) await this.stackNames();
    const missing = definitions.filter((d) => this.keyOf(d) !== undefined && !this.found.has(this.keyOf(d)!));
    if (missing.length === 0) return;
    const scopes = await this.deps.scopes();
    const byKind = (kind: string) => [...new Set(missing.filter((d) => liveKind(d) === kind).map((d) => this.physicalName(d)!))];
    const results: LiveInfo[] = [];
    await Promise.all([
      this.alarms(scopes, byKind('alarm'), results),
      this.machines(scopes, byKind('stateMachine'), results),
      this.logGroups(scopes, byKind('logGroup'), results),
      this.dashboards(scopes, byKind('dashboard'), results),
    ]);
    if (generation !== this.generation) return;
    for (const d of missing) this.found.set(this.keyOf(d)!, null);
    for (const info of results) if (!this.found.get(`${info.kind}\u0000${info.name}`)) this.found.set(`${info.kind}\u0000${info.name}`, info);
  }

  private keyOf(d: Definition): string | undefined {
    const name = this.physicalName(d);
    return name ? `${liveKind(d)}\u0000${name}` : undefined;
  }

  /** The name the resource has in AWS: stated in the code, a function's log group, or its stack resource's physical id. */
  physicalName(d: Definition): string | undefined {
    if (d.kind === 'function') return d.logGroupName;
    if (d.name) return d.name;
    const stackNames = this.stackIds;
    if (!stackNames) return undefined;
    const logicalIds = d.dialect === 'cdk-typescript' || d.dialect === 'cdk-python' ? this.synthesizedIds().get(`${d.kind}\u0000${d.id}`) ?? [] : d.id ? [d.id] : [];
    for (const id of logicalIds) {
      const physical = stackNames.get(id);
      if (physical) return d.kind === 'stateMachine' ? physical.split(':').pop() : physical;
    }
    return undefined;
  }

  private stackIds?: Map<string, string>;
  private synthesized?: { version: number; ids: Map<string, string[]> };

  /** CDK construct (kind and id) → the logical ids synthesized templates give it. */
  private synthesizedIds(): Map<string, string[]> {
    const index = this.deps.index;
    if (this.synthesized?.version === index.version) return this.synthesized.ids;
    const ids = new Map<string, string[]>();
    for (const s of index.all()) {
      if (s.dialect !== 'cdk-synth' || !s.id) continue;
      for (const source of constructsOf(s, index)) {
        const key = `${source.kind}\u0000${source.id}`;
        ids.set(key, [...(ids.get(key) ?? []), s.id]);
      }
    }
    this.synthesized = { version: index.version, ids };
    return ids;
  }

  /** Logical id → physical id over the selected scopes' stacks, read once per refresh. */
  private async stackNames(): Promise<void> {
    if (this.stackIds) return;
    await this.once('stacks', async () => {
      const ids = new Map<string, string>();
      for (const scope of await this.deps.scopes()) {
        const names = (await this.deps.cloudFormation.stackNames(scope).catch(this.failed([] as string[]))).slice(0, MAX_STACKS);
        const stacks = await Promise.all(names.map((n) => this.deps.cloudFormation.stackResources(scope, n).catch(this.failed([] as StackResource[]))));
        for (const r of stacks.flat()) if (!ids.has(r.logicalId) && r.physicalId) ids.set(r.logicalId, r.physicalId);
      }
      this.stackIds = ids;
    });
  }

  private async alarms(scopes: readonly ScopeId[], names: string[], out: LiveInfo[]): Promise<void> {
    if (names.length === 0) return;
    await Promise.all(scopes.map(async (scope) => {
      for (let i = 0; i < names.length; i += 100) {
        const page = await this.deps.metrics.describeAlarms(scope, names.slice(i, i + 100)).catch(this.failed({ metricAlarms: [], compositeAlarms: [] }));
        for (const a of page.metricAlarms) out.push({ kind: 'alarm', scope, name: a.AlarmName ?? '', state: a.StateValue ?? '', since: a.StateUpdatedTimestamp, threshold: a.Threshold, period: a.Period, evaluationPeriods: a.EvaluationPeriods, comparison: a.ComparisonOperator });
        for (const a of page.compositeAlarms) out.push({ kind: 'alarm', scope, name: a.AlarmName ?? '', state: a.StateValue ?? '', since: a.StateUpdatedTimestamp });
      }
    }));
  }

  private async machines(scopes: readonly ScopeId[], names: string[], out: LiveInfo[]): Promise<void> {
    if (names.length === 0) return;
    const wanted = new Set(names);
    await Promise.all(scopes.map(async (scope) => {
      const listed = await this.once(`machines|${scope}`, async () => {
        const all: { name: string; arn: string }[] = [];
        for await (const page of this.deps.stepFunctions.stateMachinePages(scope)) all.push(...page.map((m) => ({ name: m.name ?? '', arn: m.stateMachineArn ?? '' })));
        return all;
      }).catch(this.failed([] as { name: string; arn: string }[]));
      await Promise.all(listed.filter((m) => wanted.has(m.name)).map(async (m) => {
        const page = await this.deps.stepFunctions.executions(scope, m.arn, { pageSize: RECENT_EXECUTIONS }).catch(this.failed(undefined));
        if (!page) return;
        out.push({ kind: 'stateMachine', scope, name: m.name, arn: m.arn, recent: page.executions.length, failed: page.executions.filter((e) => e.status === 'FAILED' || e.status === 'TIMED_OUT' || e.status === 'ABORTED').length, more: !!page.nextToken, latestExecutionArn: page.executions[0]?.executionArn });
      }));
    }));
  }

  private async logGroups(scopes: readonly ScopeId[], names: string[], out: LiveInfo[]): Promise<void> {
    await Promise.all(scopes.flatMap((scope) => names.map(async (name) => {
      const page = await this.deps.logs.logGroupPage(scope, { prefix: name, limit: 5 }).catch(this.failed({ groups: [] }));
      const group = page.groups.find((g) => g.logGroupName === name);
      if (group) out.push({ kind: 'logGroup', scope, name, storedBytes: group.storedBytes, retentionDays: group.retentionInDays });
    })));
  }

  private async dashboards(scopes: readonly ScopeId[], names: string[], out: LiveInfo[]): Promise<void> {
    if (names.length === 0) return;
    await Promise.all(scopes.map(async (scope) => {
      const listed = await this.once(`dashboards|${scope}`, async () => {
        const all: string[] = [];
        for await (const page of this.deps.metrics.listDashboards(scope)) all.push(...page.map((d) => d.name));
        return all;
      }).catch(this.failed([] as string[]));
      for (const name of names) if (listed.includes(name)) out.push({ kind: 'dashboard', scope, name });
    }));
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.listings.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.listings.set(key, pending);
    }
    return pending;
  }

  private failed<T>(fallback: T): (err: unknown) => T {
    return (err) => {
      this.deps.onError?.(err);
      return fallback;
    };
  }
}

/** Functions are shown by their log group. */
export function liveKind(d: Definition): 'alarm' | 'stateMachine' | 'logGroup' | 'dashboard' {
  return d.kind === 'function' ? 'logGroup' : d.kind;
}
