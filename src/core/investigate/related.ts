import type { ScopeId } from '../scope';
import { compileGlob } from '../runbooks/glob';

/** Where a related resource was found: shown next to it, so a wrong guess can be corrected at its source. */
export type RelatedSource = 'dimension' | 'tag' | 'setting' | 'child' | 'stateMachine' | 'query';

export interface RelatedItem {
  readonly name: string;
  readonly from: RelatedSource;
  /** What exactly: "FunctionName", "opsLens:logGroups", the setting's glob, the child alarm's name. */
  readonly detail: string;
}

export interface Related {
  readonly logGroups: readonly RelatedItem[];
  /** State machine ARNs. */
  readonly stateMachines: readonly RelatedItem[];
  readonly healthEndpoints: readonly RelatedItem[];
}

/** One entry of `opsLens.alarms.related`. */
export interface RelatedSetting {
  readonly alarm: string;
  readonly logGroups?: readonly string[];
  readonly stateMachines?: readonly string[];
  readonly healthEndpoints?: readonly string[];
}

export interface AlarmForInference {
  readonly name: string;
  readonly region: ScopeId;
  readonly namespace?: string;
  readonly dimensions: readonly { readonly name: string; readonly value: string }[];
  readonly tags?: Readonly<Record<string, string>>;
  /** A log alarm's log groups: the ones its scheduled query reads. */
  readonly queryLogGroups?: readonly string[];
}

export const EMPTY_RELATED: Related = { logGroups: [], stateMachines: [], healthEndpoints: [] };

/** Caps: an investigation reads each group once; more than this is not one service's incident. */
export const MAX_LOG_GROUPS = 20;
export const MAX_STATE_MACHINES = 10;
export const MAX_HEALTH_ENDPOINTS = 20;
const MAX_NAME = 512;

export const TAG_LOG_GROUPS = 'opsLens:logGroups';
export const TAG_STATE_MACHINES = 'opsLens:stateMachines';
export const TAG_HEALTH_ENDPOINTS = 'opsLens:healthEndpoints';

/** A log group name as CloudWatch Logs allows it (1-512 of `[.\-_/#A-Za-z0-9]`). */
export function isLogGroupName(name: string): boolean {
  return /^[.\-_/#A-Za-z0-9]{1,512}$/.test(name);
}

/** `arn:aws:states:us-east-1:123456789012:stateMachine:Name` (any partition). */
export function isStateMachineArn(value: string): boolean {
  return value.length <= 2048 && /^arn:[\w-]+:states:[\w-]+:\d{12}:stateMachine:[\w.-]+$/.test(value);
}

/** The log group of a CloudWatch Logs destination ARN (`arn:aws:logs:r:acct:log-group:NAME:*`). */
export function logGroupFromArn(arn: string): string | undefined {
  const m = /^arn:[\w-]+:logs:[\w-]+:\d{12}:log-group:([.\-_/#A-Za-z0-9]{1,512})(?::\*)?$/.exec(arn);
  return m?.[1];
}

function dimension(alarm: AlarmForInference, name: string): string | undefined {
  return alarm.dimensions.find((d) => d.name === name)?.value;
}

/**
 * Log groups and state machines an alarm's dimensions name by AWS's own conventions (see README,
 * "Investigating an alarm"): only where the service writes its logs to a group whose name follows
 * from the dimension.
 */
export function fromDimensions(alarm: AlarmForInference): { logGroups: RelatedItem[]; stateMachines: RelatedItem[] } {
  const logGroups: RelatedItem[] = [];
  const stateMachines: RelatedItem[] = [];
  const fn = dimension(alarm, 'FunctionName');
  // Lambda writes to /aws/lambda/<function name>; `Resource` may add `:alias`, which shares the group.
  if (fn) logGroups.push({ name: `/aws/lambda/${fn.split(':')[0]}`, from: 'dimension', detail: 'FunctionName' });
  const machine = dimension(alarm, 'StateMachineArn');
  if (machine && isStateMachineArn(machine)) stateMachines.push({ name: machine, from: 'dimension', detail: 'StateMachineArn' });
  // HTTP APIs and WebSocket APIs (ApiId + Stage) log executions to API-Gateway-Execution-Logs_<id>/<stage>.
  const apiId = dimension(alarm, 'ApiId');
  const stage = dimension(alarm, 'Stage');
  if (apiId && stage) logGroups.push({ name: `API-Gateway-Execution-Logs_${apiId}/${stage}`, from: 'dimension', detail: 'ApiId, Stage' });
  // The ECS console's task definitions log to /ecs/<family>; a service usually carries its family's name.
  const service = dimension(alarm, 'ServiceName');
  if (service && (alarm.namespace === 'AWS/ECS' || alarm.namespace === 'ECS/ContainerInsights')) logGroups.push({ name: `/ecs/${service}`, from: 'dimension', detail: 'ServiceName' });
  const project = dimension(alarm, 'ProjectName');
  if (project && alarm.namespace === 'AWS/CodeBuild') logGroups.push({ name: `/aws/codebuild/${project}`, from: 'dimension', detail: 'ProjectName' });
  const cluster = dimension(alarm, 'ClusterName');
  if (cluster && alarm.namespace === 'AWS/EKS') logGroups.push({ name: `/aws/eks/${cluster}/cluster`, from: 'dimension', detail: 'ClusterName' });
  return { logGroups: logGroups.filter((g) => isLogGroupName(g.name)), stateMachines };
}

/** A tag's list: names separated by commas, spaces or semicolons. */
export function tagList(value: string | undefined): string[] {
  if (!value) return [];
  return value.slice(0, 4096).split(/[\s,;]+/).filter((v) => v.length > 0 && v.length <= MAX_NAME);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME) : [];
}

/** Setting entries that are well formed (the setting comes from the workspace: anything else is skipped). */
export function readRelatedSettings(raw: unknown): RelatedSetting[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, 200).flatMap((entry): RelatedSetting[] => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { alarm?: unknown }).alarm !== 'string') return [];
    const e = entry as Record<string, unknown>;
    return [{ alarm: e.alarm as string, logGroups: strings(e.logGroups), stateMachines: strings(e.stateMachines), healthEndpoints: strings(e.healthEndpoints) }];
  });
}

class Collector {
  private readonly items = new Map<string, RelatedItem>();
  constructor(private readonly cap: number, private readonly accept: (name: string) => boolean) {}
  add(item: RelatedItem): void {
    if (this.items.size >= this.cap || this.items.has(item.name) || !this.accept(item.name)) return;
    this.items.set(item.name, item);
  }
  get list(): RelatedItem[] {
    return [...this.items.values()];
  }
}

/**
 * The resources related to an alarm, first found first: the setting (the user's word), the alarm's tags,
 * its dimensions, then — for a composite alarm — its children's. Each name once, within the caps.
 */
export function inferRelated(alarm: AlarmForInference, settings: readonly RelatedSetting[], children: readonly { readonly name: string; readonly related: Related }[] = []): Related {
  const groups = new Collector(MAX_LOG_GROUPS, isLogGroupName);
  const machines = new Collector(MAX_STATE_MACHINES, isStateMachineArn);
  const endpoints = new Collector(MAX_HEALTH_ENDPOINTS, (n) => n.length <= MAX_NAME);
  for (const s of settings) {
    if (!compileGlob(s.alarm).test(alarm.name)) continue;
    const detail = `opsLens.alarms.related "${s.alarm}"`;
    for (const g of s.logGroups ?? []) groups.add({ name: g, from: 'setting', detail });
    for (const m of s.stateMachines ?? []) machines.add({ name: m, from: 'setting', detail });
    for (const h of s.healthEndpoints ?? []) endpoints.add({ name: h, from: 'setting', detail });
  }
  for (const g of alarm.queryLogGroups ?? []) groups.add({ name: logGroupNameOf(g), from: 'query', detail: 'the log alarm\'s query' });
  const tags = alarm.tags ?? {};
  for (const g of tagList(tags[TAG_LOG_GROUPS])) groups.add({ name: g, from: 'tag', detail: TAG_LOG_GROUPS });
  for (const m of tagList(tags[TAG_STATE_MACHINES])) machines.add({ name: m, from: 'tag', detail: TAG_STATE_MACHINES });
  for (const h of tagList(tags[TAG_HEALTH_ENDPOINTS])) endpoints.add({ name: h, from: 'tag', detail: TAG_HEALTH_ENDPOINTS });
  const dims = fromDimensions(alarm);
  for (const g of dims.logGroups) groups.add(g);
  for (const m of dims.stateMachines) machines.add(m);
  for (const { name, related } of children) {
    const asChild = (item: RelatedItem): RelatedItem => ({ name: item.name, from: 'child', detail: `${name}: ${item.detail}` });
    for (const g of related.logGroups) groups.add(asChild(g));
    for (const m of related.stateMachines) machines.add(asChild(m));
    for (const h of related.healthEndpoints) endpoints.add(asChild(h));
  }
  return { logGroups: groups.list, stateMachines: machines.list, healthEndpoints: endpoints.list };
}

/** A log group's name from a name or an ARN (`arn:…:log-group:NAME` or `…:NAME:*`). */
export function logGroupNameOf(identifier: string): string {
  return identifier.startsWith('arn:') ? logGroupFromArn(identifier) ?? identifier : identifier;
}

/** Adds log groups found later (a state machine's logging destination), keeping each name once. */
export function withLogGroups(related: Related, extra: readonly RelatedItem[]): Related {
  const known = new Set(related.logGroups.map((g) => g.name));
  const added = extra.filter((g) => isLogGroupName(g.name) && !known.has(g.name) && known.add(g.name));
  return { ...related, logGroups: [...related.logGroups, ...added].slice(0, MAX_LOG_GROUPS) };
}
