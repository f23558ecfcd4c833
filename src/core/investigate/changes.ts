// "What changed" in an investigation's window: the account's record of changes (CloudTrail management
// events) for the alarm and its related resources, and the repository's commits. Pure: no `vscode`.
import { isStateMachineArn, type Related } from './related';

/** One resource whose changes are looked up (one LookupEvents `ResourceName` each). */
export interface ChangeLookup {
  /** The `ResourceName` CloudTrail records. */
  readonly resourceName: string;
  readonly kind: ResourceKind;
  /** How it relates to the alarm, in words: "the alarm itself", "FunctionName dimension"… */
  readonly why: string;
}

export type ResourceKind = 'alarm' | 'function' | 'stateMachine' | 'ecsService' | 'restApi' | 'stack' | 'logGroup';

/** A change in the account: who (a name, never a key), when, what, to which resource. */
export interface AwsChange {
  readonly at: number;
  readonly eventId: string;
  readonly eventName: string;
  /** "Lambda code deployed", "alarm definition changed"… */
  readonly what: string;
  readonly who: string;
  readonly resource: string;
  readonly kind: ResourceKind;
  /** The event in the CloudTrail console. */
  readonly link: string;
}

/** A commit of the workspace's repository. */
export interface RepoChange {
  readonly at: number;
  readonly hash: string;
  readonly subject: string;
  readonly author: string;
  /** It touched a file that defines one of the related resources. */
  readonly touchesDefinition: boolean;
}

/** Lookups per investigation: one page each (the API allows two calls a second per account and region). */
export const MAX_LOOKUPS = 8;
const MAX_EVENT_JSON = 100_000;
const MAX_TEXT = 300;

/** The event names that change each kind of resource, with what they mean to a person on call. */
const CHANGES: Readonly<Record<ResourceKind, ReadonlyArray<readonly [RegExp, string]>>> = {
  // SetAlarmState sets the alarm's state, not what defines it: it is no change here.
  alarm: [
    [/^Put(Metric|Composite|Log)Alarm$/, 'alarm definition changed'],
    [/^DeleteAlarms$/, 'alarm deleted'],
    [/^(Enable|Disable)AlarmActions$/, 'alarm actions switched'],
    [/^(Put|Delete)AlarmMuteRule$/, 'alarm mute rule changed'],
  ],
  function: [
    [/^UpdateFunctionCode/, 'Lambda code deployed'],
    [/^UpdateFunctionConfiguration/, 'Lambda configuration changed'],
    [/^PublishVersion/, 'Lambda version published'],
    [/^(Create|Update|Delete)Alias/, 'Lambda alias changed'],
    [/^PutFunctionConcurrency|^DeleteFunctionConcurrency|^PutProvisionedConcurrencyConfig/, 'Lambda concurrency changed'],
    [/^(Create|Delete)Function/, 'Lambda function created or deleted'],
  ],
  stateMachine: [
    [/^UpdateStateMachine$/, 'state machine definition updated'],
    [/^(Create|Update|Delete)StateMachineAlias$|^PublishStateMachineVersion$/, 'state machine version or alias changed'],
    [/^(Create|Delete)StateMachine$/, 'state machine created or deleted'],
  ],
  ecsService: [
    [/^UpdateService$/, 'ECS service deployed'],
    [/^(Create|Delete)Service$/, 'ECS service created or deleted'],
    [/^RegisterTaskDefinition$/, 'ECS task definition registered'],
  ],
  restApi: [
    [/^CreateDeployment$/, 'API Gateway deployment'],
    [/^UpdateStage$/, 'API Gateway stage changed'],
  ],
  stack: [
    [/^(Update|Create|Delete)Stack$/, 'CloudFormation stack updated'],
    [/^ExecuteChangeSet$/, 'CloudFormation change set executed'],
  ],
  logGroup: [
    [/^(Put|Delete)(MetricFilter|SubscriptionFilter|RetentionPolicy)$/, 'log group configuration changed'],
  ],
};

/** What a change event means for a resource of this kind, or undefined when it is no change to it. */
export function changeMeaning(kind: ResourceKind, eventName: string): string | undefined {
  return CHANGES[kind].find(([pattern]) => pattern.test(eventName))?.[1];
}

function dimension(dimensions: readonly { name: string; value: string }[], name: string): string[] {
  return dimensions.filter((d) => d.name === name && d.value !== '').map((d) => d.value);
}

/**
 * The resources whose changes matter to an alarm: the alarm itself; the Lambda functions, ECS services and
 * APIs its metric names; the state machines and functions behind its related resources; its stack.
 */
export function changeLookups(alarm: { name: string; dimensions: readonly { name: string; value: string }[]; tags?: Readonly<Record<string, string>> }, related: Related): ChangeLookup[] {
  const out: ChangeLookup[] = [{ resourceName: alarm.name, kind: 'alarm', why: 'the alarm itself' }];
  const add = (resourceName: string, kind: ResourceKind, why: string) => {
    if (resourceName.length > 0 && resourceName.length <= 2048 && !out.some((l) => l.resourceName === resourceName && l.kind === kind)) out.push({ resourceName, kind, why });
  };
  for (const fn of dimension(alarm.dimensions, 'FunctionName')) add(fn.split(':')[0], 'function', 'FunctionName dimension');
  for (const machine of related.stateMachines) if (isStateMachineArn(machine.name)) add(machine.name, 'stateMachine', `related state machine (${machine.from})`);
  for (const group of related.logGroups) {
    const fn = /^\/aws\/lambda\/([\w-]{1,64})$/.exec(group.name)?.[1];
    if (fn) add(fn, 'function', `writes to ${group.name}`);
  }
  for (const service of dimension(alarm.dimensions, 'ServiceName')) add(service, 'ecsService', 'ServiceName dimension');
  for (const api of [...dimension(alarm.dimensions, 'ApiId'), ...dimension(alarm.dimensions, 'ApiName')]) add(api, 'restApi', 'API dimension');
  const stack = alarm.tags?.['aws:cloudformation:stack-name'];
  if (stack) add(stack, 'stack', 'aws:cloudformation:stack-name tag');
  return out.slice(0, MAX_LOOKUPS);
}

/** One event as LookupEvents returns it (the members Ops Lens reads). */
export interface TrailEvent {
  readonly EventId?: string;
  readonly EventName?: string;
  readonly ReadOnly?: string;
  readonly EventTime?: Date | number | string;
  readonly Username?: string;
  readonly CloudTrailEvent?: string;
}

function oneLine(text: string): string {
  let out = '';
  for (const ch of text.slice(0, MAX_TEXT)) out += ch < ' ' || ch === '\u007f' ? ' ' : ch;
  return out;
}

/** Who made the change, by name: an assumed role's `role/session`, a user's name — never an access key. */
export function whoOf(event: TrailEvent): string {
  let identity: Record<string, unknown> | undefined;
  const raw = event.CloudTrailEvent;
  if (typeof raw === 'string' && raw.length <= MAX_EVENT_JSON) {
    try {
      const parsed = JSON.parse(raw) as { userIdentity?: unknown };
      if (parsed && typeof parsed.userIdentity === 'object' && parsed.userIdentity !== null) identity = parsed.userIdentity as Record<string, unknown>;
    } catch {
      identity = undefined;
    }
  }
  const issuer = (identity?.sessionContext as { sessionIssuer?: { userName?: unknown } } | undefined)?.sessionIssuer?.userName;
  const user = typeof event.Username === 'string' && event.Username !== '' ? event.Username : typeof identity?.userName === 'string' ? identity.userName : undefined;
  const service = typeof identity?.invokedBy === 'string' ? identity.invokedBy : undefined;
  // An assumed role's session name is the last part of its ARN (`…:assumed-role/Role/session`).
  const session = user ?? (typeof identity?.arn === 'string' ? identity.arn.slice(identity.arn.lastIndexOf('/') + 1) : undefined);
  const name = identity?.type === 'AssumedRole' && typeof issuer === 'string' ? `${issuer}/${session || '?'}` : user ?? service ?? (typeof identity?.type === 'string' ? identity.type : 'unknown');
  // A user name is never a key, but nothing stops an access key id landing in a name field: never show one.
  return oneLine(name.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '(access key hidden)'));
}

function timeOf(value: TrailEvent['EventTime']): number | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The console page of an event (region checked, id encoded: nothing from the event chooses where it leads). */
export function eventLink(region: string, eventId: string): string {
  const r = /^[a-z]{2}(-[a-z]+)+-\d$/.test(region) ? region : 'us-east-1';
  return `https://${r}.console.aws.amazon.com/cloudtrailv2/home?region=${r}#/events/${encodeURIComponent(eventId)}`;
}

/** The events of one lookup that change its resource, inside the window. */
export function changesFrom(events: readonly TrailEvent[], lookup: ChangeLookup, region: string, window: { start: number; end: number }): AwsChange[] {
  const out: AwsChange[] = [];
  for (const e of events) {
    if (e.ReadOnly === 'true' || !e.EventName || !e.EventId) continue;
    const what = changeMeaning(lookup.kind, e.EventName);
    const at = timeOf(e.EventTime);
    if (!what || at === undefined || at < window.start || at > window.end) continue;
    out.push({ at, eventId: oneLine(e.EventId), eventName: oneLine(e.EventName), what, who: whoOf(e), resource: oneLine(lookup.resourceName), kind: lookup.kind, link: eventLink(region, e.EventId) });
  }
  return out;
}

/** Every change once (an event may name several looked-up resources), newest first. */
export function mergeChanges(lists: readonly (readonly AwsChange[])[]): AwsChange[] {
  const seen = new Map<string, AwsChange>();
  for (const list of lists) for (const c of list) if (!seen.has(c.eventId)) seen.set(c.eventId, c);
  return [...seen.values()].sort((a, b) => b.at - a.at);
}

/** Commits inside the window, newest first. */
export function commitsInWindow(commits: readonly RepoChange[], window: { start: number; end: number }): RepoChange[] {
  return commits.filter((c) => c.at >= window.start && c.at <= window.end).sort((a, b) => b.at - a.at);
}

export type LatestChange = { readonly source: 'aws'; readonly change: AwsChange } | { readonly source: 'repo'; readonly change: RepoChange };

/** The most recent change at or before the moment the alarm fired, AWS's or the repository's. */
export function latestChangeBefore(moment: number, aws: readonly AwsChange[], repo: readonly RepoChange[]): LatestChange | undefined {
  let best: LatestChange | undefined;
  for (const change of aws) if (change.at <= moment && (!best || change.at > best.change.at)) best = { source: 'aws', change };
  for (const change of repo) if (change.at <= moment && (!best || change.at > best.change.at)) best = { source: 'repo', change };
  return best;
}
