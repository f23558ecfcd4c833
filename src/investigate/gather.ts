import { scopeParts, type ScopeId } from '../core/scope';
// Gathers an investigation: every AWS call once, each as soon as what it needs is known, all in
// parallel; each part is reported when it arrives or fails. No `vscode` import: runs in node tests.
import type { CompositeAlarm, LogAlarm, MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { CloudTrailApi } from '../aws/services/cloudTrail';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { LogsApi } from '../aws/services/logs';
import type { AlarmsByName, MetricsApi } from '../aws/services/metrics';
import type { ExecutionListItem, StepFunctionsApi } from '../aws/services/stepFunctions';
import { childAlarmNames } from '../core/alarms/compositeRule';
import { alarmNamed, alarmVariant, comparisonSymbol, conditionText, formatNumber } from '../core/alarms/model';
import { splitExpectedBand } from '../core/metrics/anomalyBand';
import { promQlRangeParams, promQlStepSeconds, readPromQlAnswer } from '../core/metrics/promql';
import { bandsFromTransitions, transitionsFromHistory, type StateTransition } from '../core/metrics/alarmBands';
import { changeLookups, changesFrom, commitsInWindow, mergeChanges, type AwsChange, type RepoChange } from '../core/investigate/changes';
import { ERROR_FILTER_PATTERN, summarizeErrors, type ErrorGroup } from '../core/investigate/errors';
import { PartsSnapshot, partId, type AlarmPartData, type ChildTimeline, type MetricPartData, type ExecutionView, type HealthChange, type PartData, type PartKind, type PartUpdate } from '../core/investigate/model';
import { inferRelated, logGroupFromArn, type AlarmForInference, type Related, type RelatedSetting } from '../core/investigate/related';
import { chooseMoment, windowAround, type InvestigationWindow } from '../core/investigate/window';

export interface InvestigationRequest {
  readonly region: ScopeId;
  readonly name: string;
  /** The state change to investigate (epoch ms); the latest change into ALARM when absent. */
  readonly at?: number;
  readonly beforeMs?: number;
  readonly afterMs?: number;
}

export interface RunbookFound {
  readonly target: string;
  readonly source: string;
}

export interface GatherDeps {
  readonly cloudWatch: Pick<CloudWatchApi, 'alarmHistory' | 'tags'>;
  readonly metrics: Pick<MetricsApi, 'describeAlarms' | 'getMetricData' | 'queryPromQl'>;
  readonly logs: Pick<LogsApi, 'filterEvents'>;
  readonly stepFunctions: Pick<StepFunctionsApi, 'executions' | 'describeStateMachine'>;
  readonly settings: () => readonly RelatedSetting[];
  /** Recorded health state changes of these endpoints in [start, end]. */
  readonly healthChanges?: (endpoints: readonly string[], start: number, end: number) => { changes: HealthChange[]; recordedSince?: number };
  /** The runbook, given the tags already read. */
  readonly runbook?: (alarm: { region: ScopeId; name: string; description: string; arn: string }, tags: Record<string, string>) => Promise<RunbookFound | undefined>;
  /** The account's change history; without it the investigation has no AWS changes part. */
  readonly cloudTrail?: Pick<CloudTrailApi, 'lookupByResource'>;
  /** The workspace repository's commits in [start, end], and whether each touched a related resource's definition. */
  readonly commits?: (start: number, end: number, resources: readonly string[]) => Promise<{ repository: string; commits: RepoChange[] } | undefined>;
  readonly now?: () => number;
}

/** What the host keeps after gathering: the parts as they stand, and each error message's events. */
export interface Gathered {
  readonly parts: PartsSnapshot;
  readonly errorEvents: Map<string, ErrorGroup[]>;
  readonly window?: InvestigationWindow;
}

/** Error events read per log group. */
export const EVENTS_PER_GROUP = 5000;
/** ListExecutions pages read per state machine and status. */
const EXECUTION_PAGES = 5;
const HISTORY_ITEMS = 100;

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function shortName(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

function metricQueries(alarm: MetricAlarm): { queries: MetricDataQuery[]; label: string; period: number } {
  const period = alarm.Period ?? 60;
  if (alarm.MetricName) {
    const stat = alarm.Statistic ?? alarm.ExtendedStatistic ?? 'Average';
    return {
      queries: [{ Id: 'm1', ReturnData: true, MetricStat: { Metric: { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }, Period: period, Stat: stat } }],
      label: `${alarm.MetricName} (${stat})`,
      period,
    };
  }
  const queries = (alarm.Metrics ?? []).map((m) => ({ ...m }));
  const shown = queries.find((q) => q.ReturnData !== false);
  const metric = shown?.MetricStat?.Metric?.MetricName;
  return { queries, label: shown?.Label ?? (metric ? `${metric} (${shown?.MetricStat?.Stat ?? 'Average'})` : undefined) ?? shown?.Expression ?? shown?.Id ?? 'expression', period: shown?.Period ?? shown?.MetricStat?.Period ?? period };
}

type AnyAlarm = MetricAlarm | CompositeAlarm | LogAlarm;

/** The alarm of this name, whatever its type. */
function alarmOf(found: AlarmsByName, name: string): AnyAlarm | undefined {
  return found.metricAlarms.find((a) => a.AlarmName === name) ?? found.compositeAlarms.find((a) => a.AlarmName === name) ?? found.logAlarms?.find((a) => a.AlarmName === name);
}

function condition(alarm: MetricAlarm | CompositeAlarm): string {
  if ('AlarmRule' in alarm && alarm.AlarmRule !== undefined) return alarm.AlarmRule;
  const m = alarm as MetricAlarm;
  const subject = m.MetricName ?? m.Metrics?.find((q) => q.ReturnData !== false)?.Expression ?? 'expression';
  return m.Threshold === undefined ? subject : `${subject} ${comparisonSymbol(m.ComparisonOperator)} ${formatNumber(m.Threshold)}`;
}

function forInference(region: ScopeId, alarm: AnyAlarm, tags: Record<string, string>): AlarmForInference {
  const m = alarm as MetricAlarm;
  const dims = m.Dimensions ?? m.Metrics?.flatMap((q) => q.MetricStat?.Metric?.Dimensions ?? []) ?? [];
  const namespace = m.Namespace ?? m.Metrics?.find((q) => q.MetricStat?.Metric?.Namespace)?.MetricStat?.Metric?.Namespace;
  const queryLogGroups = (alarm as LogAlarm).ScheduledQueryConfiguration?.LogGroupIdentifiers;
  return { name: alarm.AlarmName ?? '', region, namespace, dimensions: dims.map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })), tags, ...(queryLogGroups?.length ? { queryLogGroups } : {}) };
}

/** A child's state over the window, from its changes (oldest first) and its current state. */
export function stretchesOf(transitions: readonly StateTransition[], current: string, start: number, end: number): ChildTimeline['stretches'] {
  const out: { from: number; to: number; state: string }[] = [];
  let state = transitions.find((t) => t.time > start)?.from ?? current;
  const before = [...transitions].reverse().find((t) => t.time <= start);
  if (before) state = before.to;
  let since = start;
  for (const t of transitions) {
    if (t.time <= start) continue;
    if (t.time >= end) break;
    if (t.to !== state) {
      out.push({ from: since, to: t.time, state });
      since = t.time;
      state = t.to;
    }
  }
  out.push({ from: since, to: end, state });
  return out;
}

/**
 * Runs one investigation. `emit` receives every part as loading, then done or failed. Resolves once every
 * part has arrived; never rejects (a failed part says why; a missing alarm fails the alarm part).
 */
export async function gatherInvestigation(deps: GatherDeps, request: InvestigationRequest, emit: (update: PartUpdate) => void): Promise<Gathered> {
  const now = deps.now?.() ?? Date.now();
  const parts = new PartsSnapshot();
  const errorEvents = new Map<string, ErrorGroup[]>();
  const send = (update: PartUpdate) => {
    parts.apply(update);
    emit(update);
  };
  /** Runs one part: loading now, done or failed when its promise settles. */
  const part = async <T extends PartData>(kind: PartKind, key: string | undefined, label: string, work: () => Promise<T>): Promise<T | undefined> => {
    const id = partId(kind, key);
    send({ id, kind, label, status: 'loading' });
    try {
      const data = await work();
      send({ id, kind, label, status: 'done', at: Date.now(), data });
      return data;
    } catch (err) {
      send({ id, kind, label, status: 'failed', at: Date.now(), error: messageOf(err) });
      return undefined;
    }
  };
  const { region, name } = request;

  const describedP = deps.metrics.describeAlarms(region, [name]);
  const historyP = deps.cloudWatch.alarmHistory(region, name, HISTORY_ITEMS);
  const tagsP = describedP.then(async (found) => {
    const alarm = alarmOf(found, name);
    return alarm?.AlarmArn ? deps.cloudWatch.tags(region, alarm.AlarmArn) : {};
  });
  // Read later (or never, when the alarm is missing): their failures are reported by the parts, not left unhandled.
  historyP.catch(() => undefined);
  tagsP.catch(() => undefined);

  const tasks: Promise<unknown>[] = [];
  /** The alarm, its changes, the moment and the window: what the metric needs (not tags or related resources). */
  const timingP = Promise.all([describedP, historyP.catch(() => [])]).then(([found, history]) => {
    const alarm = alarmOf(found, name);
    if (!alarm) throw new Error(`No alarm named "${name}" in ${region}.`);
    const transitions = transitionsFromHistory(history);
    const moment = chooseMoment(transitions, { at: request.at, stateUpdated: alarm.StateUpdatedTimestamp ? new Date(alarm.StateUpdatedTimestamp).getTime() : undefined, now });
    return { alarm, transitions, moment, window: windowAround(moment.at, now, request.beforeMs, request.afterMs) };
  });
  timingP.catch(() => undefined);
  const metricStarted = describedP.then((found) => {
    const metricAlarm = found.metricAlarms.find((a) => a.AlarmName === name);
    const promQl = metricAlarm?.EvaluationCriteria?.PromQLCriteria?.Query;
    if (promQl) {
      if (deps.metrics.queryPromQl) tasks.push(part('metric', undefined, 'PromQL query', async () => promQlPart(promQl, metricAlarm!)));
    } else if (metricAlarm) tasks.push(part('metric', undefined, 'Metric', async () => metricPart(metricAlarm)));
  }, () => undefined);

  async function promQlPart(query: string, metricAlarm: MetricAlarm): Promise<MetricPartData> {
    const { transitions, window: w } = await timingP;
    const step = promQlStepSeconds(w.start, w.end, metricAlarm.EvaluationInterval);
    const answer = readPromQlAnswer(await deps.metrics.queryPromQl!(region, promQlRangeParams(query, w.start, w.end, step)));
    if ('error' in answer) throw new Error(`The PromQL query could not be run: ${answer.error}`);
    const bands = bandsFromTransitions(transitions, w.start, w.end, metricAlarm.StateValue);
    return { kind: 'metric', label: `PromQL: ${query.length > 120 ? `${query.slice(0, 119)}…` : query}`, period: step, series: answer.series, bands };
  }

  async function metricPart(metricAlarm: MetricAlarm): Promise<MetricPartData> {
    const { transitions, window: w } = await timingP;
    const { queries, label, period } = metricQueries(metricAlarm);
    if (queries.length === 0) throw new Error('The alarm has no metric to chart.');
    const out = await deps.metrics.getMetricData(region, queries, new Date(w.start), new Date(w.end));
    const returned = new Set(queries.filter((q) => q.ReturnData !== false).map((q) => q.Id));
    const bandId = metricAlarm.ThresholdMetricId;
    const { band, rest } = bandId ? splitExpectedBand(out.series, bandId, queries.find((q) => q.Id === bandId)?.Label) : { band: undefined, rest: out.series };
    const series = rest.filter((s) => returned.has(s.id)).map((s) => ({ label: s.label || label, timestamps: s.timestamps, values: s.values }));
    const bands = bandsFromTransitions(transitions, w.start, w.end, metricAlarm.StateValue);
    const threshold = bandId === undefined && metricAlarm.Threshold !== undefined ? { threshold: metricAlarm.Threshold } : {};
    return { kind: 'metric', label, period, unit: metricAlarm.Unit, series, ...threshold, ...(metricAlarm.ComparisonOperator ? { comparison: metricAlarm.ComparisonOperator } : {}), bands, ...(band ? { expectedBand: band } : {}) };
  }

  let childInfo: { alarm: AnyAlarm; history: Promise<StateTransition[]> }[] = [];
  const alarmData = await part('alarm', undefined, `Alarm ${name}`, async (): Promise<AlarmPartData> => {
    const { alarm, transitions, moment, window } = await timingP;
    const composite = 'AlarmRule' in alarm && alarm.AlarmRule !== undefined ? (alarm as CompositeAlarm) : undefined;
    const tags = await tagsP.catch(() => ({}));
    const children = composite ? await childRelated(composite) : [];
    const related = inferRelated(forInference(region, alarm, tags), deps.settings(), children);
    const model = alarmNamed(region, await describedP, name);
    const variant = model ? alarmVariant(model) : composite ? 'composite' : 'metric';
    const plain = variant === 'metric' || variant === 'metricMath' || variant === 'composite';
    return {
      kind: 'alarm', name, region, alarmKind: model?.kind ?? (composite ? 'composite' : 'metric'), variant, state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
      condition: plain || !model ? condition(alarm as MetricAlarm | CompositeAlarm) : conditionText(model), description: alarm.AlarmDescription ?? '', moment, window, transitions, related,
      ...(model?.logQuery ? { logQuery: model.logQuery } : {}),
    };
  });
  await metricStarted;
  if (!alarmData) {
    await Promise.all(tasks);
    return { parts, errorEvents };
  }
  const w = alarmData.window;

  /** Children of a composite: described together, each one's tags and history read once. */
  async function childRelated(composite: CompositeAlarm): Promise<{ name: string; related: Related }[]> {
    const names = childAlarmNames(composite.AlarmRule ?? '').slice(0, 100);
    if (names.length === 0) return [];
    const found = await deps.metrics.describeAlarms(region, names);
    const all: AnyAlarm[] = [...found.metricAlarms, ...found.compositeAlarms, ...(found.logAlarms ?? [])];
    childInfo = all.map((alarm) => {
      const history = deps.cloudWatch.alarmHistory(region, alarm.AlarmName ?? '', HISTORY_ITEMS).then(transitionsFromHistory);
      history.catch(() => undefined);
      return { alarm, history };
    });
    return Promise.all(all.map(async (alarm) => {
      const tags = alarm.AlarmArn ? await deps.cloudWatch.tags(region, alarm.AlarmArn).catch(() => ({})) : {};
      return { name: alarm.AlarmName ?? '', related: inferRelated(forInference(region, alarm, tags), deps.settings()) };
    }));
  }

  const described = await describedP;
  if (childInfo.length) {
    tasks.push(part('children', undefined, 'Child alarms', async () => {
      const children = await Promise.all(childInfo.map(async ({ alarm, history }) => {
        const current = alarm.StateValue ?? 'INSUFFICIENT_DATA';
        return { name: alarm.AlarmName ?? '', state: current, stretches: stretchesOf(await history, current, w.start, w.end) };
      }));
      return { kind: 'children' as const, children };
    }));
  }

  const readGroups = new Set<string>();
  const readGroup = (group: string) => {
    if (readGroups.has(group)) return;
    readGroups.add(group);
    tasks.push(part('logs', group, `Errors in ${group}`, async () => {
      const read = await deps.logs.filterEvents(region, { logGroupName: group, startTime: w.start, endTime: w.end, filterPattern: ERROR_FILTER_PATTERN, limit: EVENTS_PER_GROUP });
      const summary = summarizeErrors(read.events.map((e) => ({ timestamp: e.timestamp ?? 0, message: e.message ?? '' })), w.start, w.end + 1);
      errorEvents.set(group, [...summary.top]);
      return {
        kind: 'logs' as const, logGroup: group, perMinute: summary.perMinute, total: summary.total, truncated: read.truncated,
        top: summary.top.map((t) => ({ example: t.example, count: t.count, first: t.first, last: t.last })),
      };
    }));
  };
  for (const g of alarmData.related.logGroups) readGroup(g.name);

  for (const machine of alarmData.related.stateMachines) {
    const arn = machine.name;
    // The machine's logging destination is one more related group.
    tasks.push(deps.stepFunctions.describeStateMachine(region, arn).then((d) => {
      for (const dest of d.loggingConfiguration?.destinations ?? []) {
        const group = logGroupFromArn(dest.cloudWatchLogsLogGroup?.logGroupArn ?? '');
        if (group) readGroup(group);
      }
    }, () => undefined));
    tasks.push(part('executions', arn, `Executions of ${shortName(arn)}`, async () => {
      const lists = await Promise.all((['FAILED', 'TIMED_OUT'] as const).map((status) => executionsIn(arn, status, w)));
      const executions = lists.flatMap((l) => l.executions).sort((a, b) => (a.stop ?? a.start) - (b.stop ?? b.start));
      return { kind: 'executions' as const, stateMachineArn: arn, stateMachine: shortName(arn), executions, truncated: lists.some((l) => l.truncated) };
    }));
  }

  async function executionsIn(arn: string, status: 'FAILED' | 'TIMED_OUT', win: InvestigationWindow): Promise<{ executions: ExecutionView[]; truncated: boolean }> {
    const out: ExecutionView[] = [];
    let token: string | undefined;
    for (let page = 0; page < EXECUTION_PAGES; page++) {
      const { executions, nextToken } = await deps.stepFunctions.executions(region, arn, { status, nextToken: token, pageSize: 100 });
      for (const e of executions) {
        const view = executionView(e);
        const stop = view.stop ?? view.start;
        if (stop >= win.start && view.start <= win.end) out.push(view);
      }
      // Newest first: once a page starts before the window, the next ones do too.
      const oldest = executions[executions.length - 1];
      if (!nextToken || (oldest?.startDate && new Date(oldest.startDate).getTime() < win.start)) return { executions: out, truncated: false };
      token = nextToken;
    }
    return { executions: out, truncated: true };
  }

  if (deps.healthChanges || alarmData.related.healthEndpoints.length) {
    const endpoints = alarmData.related.healthEndpoints.map((h) => h.name);
    tasks.push(part('health', undefined, 'Health endpoints', async () => {
      const found = deps.healthChanges?.(endpoints, w.start, w.end) ?? { changes: [] };
      return { kind: 'health' as const, endpoints, changes: found.changes, ...(found.recordedSince !== undefined ? { recordedSince: found.recordedSince } : {}) };
    }));
  }

  const alarm = alarmOf(described, name);
  if (deps.runbook) {
    tasks.push(part('runbook', undefined, 'Runbook', async () => {
      const tags = await tagsP.catch(() => ({}));
      const found = await deps.runbook!({ region, name, description: alarm?.AlarmDescription ?? '', arn: alarm?.AlarmArn ?? '' }, tags);
      return { kind: 'runbook' as const, ...(found ? { target: found.target, source: found.source } : {}) };
    }));
  }

  if (deps.cloudTrail) {
    const trail = deps.cloudTrail;
    tasks.push(part('changes', undefined, 'Changes in AWS', async () => {
      const tags = await tagsP.catch(() => ({}));
      const lookups = changeLookups(alarm ? forInference(region, alarm, tags) : { name, dimensions: [] }, alarmData!.related);
      const failed: { resource: string; error: string }[] = [];
      let truncated = false;
      const lists = await Promise.all(lookups.map(async (lookup): Promise<AwsChange[]> => {
        try {
          const page = await trail.lookupByResource(region, lookup.resourceName, new Date(w.start), new Date(w.end));
          truncated ||= page.nextToken !== undefined;
          return changesFrom(page.events, lookup, scopeParts(region).region, w);
        } catch (err) {
          failed.push({ resource: lookup.resourceName, error: messageOf(err) });
          return [];
        }
      }));
      if (lookups.length > 0 && failed.length === lookups.length) throw new Error(failed[0].error);
      return { kind: 'changes' as const, changes: mergeChanges(lists), lookedUp: lookups.map((l) => ({ resource: l.resourceName, why: l.why })), failed, truncated };
    }));
  }

  if (deps.commits) {
    const commits = deps.commits;
    const resources = [name, ...alarmData.related.logGroups.map((g) => g.name), ...alarmData.related.stateMachines.map((m) => m.name)];
    tasks.push(part('commits', undefined, 'Commits', async () => {
      const found = await commits(w.start, w.end, resources);
      if (!found) return { kind: 'commits' as const, repository: '', commits: [], unavailable: 'The workspace has no git repository that VS Code\'s Git extension reads (or Git is turned off).' };
      return { kind: 'commits' as const, repository: found.repository, commits: commitsInWindow(found.commits, w) };
    }));
  }

  // Parts may add parts (a state machine's log group): wait until no task is left.
  let waited = 0;
  while (waited < tasks.length) {
    const batch = tasks.slice(waited);
    waited = tasks.length;
    await Promise.all(batch);
  }
  return { parts, errorEvents, window: w };
}

function executionView(e: ExecutionListItem): ExecutionView {
  return {
    name: e.name ?? '',
    arn: e.executionArn ?? '',
    status: e.status ?? '',
    start: e.startDate ? new Date(e.startDate).getTime() : 0,
    ...(e.stopDate ? { stop: new Date(e.stopDate).getTime() } : {}),
  };
}
