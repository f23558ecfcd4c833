import type { ScopeId } from '../../core/scope';
import type { MetricAlarm, CompositeAlarm, LogAlarm, AlarmHistoryItem, StateValue } from '@aws-sdk/client-cloudwatch';
import { contributorsFromAws, type Contributor } from '../../core/alarms/metricsInsights';
import { muteRuleFromAws, muteRuleName, type MuteRule } from '../../core/alarms/muteRules';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { MetricAlarm, CompositeAlarm, LogAlarm, AlarmHistoryItem, StateValue };

export interface AlarmPage {
  readonly metricAlarms: MetricAlarm[];
  readonly compositeAlarms: CompositeAlarm[];
  readonly logAlarms?: LogAlarm[];
}

/** A mute rule as ListAlarmMuteRules names it: enough to know whether the rule read last time is still current. */
export interface MuteRuleSummary {
  readonly name: string;
  readonly status?: string;
  readonly updated?: number;
}

/** PutAlarmMuteRule's request, as `muteRequest` (src/core/alarms/muteRules.ts) builds it. */
export interface MuteRuleRequest {
  readonly Name: string;
  readonly Description?: string;
  readonly Rule: { Schedule: { Expression: string; Duration: string; Timezone?: string } };
  readonly MuteTargets?: { AlarmNames: string[] };
  readonly StartDate?: Date;
  readonly ExpireDate?: Date;
}

/** The CloudWatch operations Ops Lens uses. Features depend on this seam, not on the SDK. */
export interface CloudWatchApi {
  /** Every page of alarms of every type — metric, composite and log alarms — 100 per call. */
  alarmPages(scope: ScopeId, filter?: { names?: string[]; prefix?: string }): AsyncGenerator<AlarmPage>;
  alarmHistory(scope: ScopeId, alarmName: string, maxItems?: number): Promise<AlarmHistoryItem[]>;
  tags(scope: ScopeId, resourceArn: string): Promise<Record<string, string>>;
  /** Mute rules that are scheduled or active (expired ones are left out). */
  muteRuleSummaries(scope: ScopeId): Promise<MuteRuleSummary[]>;
  /** One mute rule, whole; undefined when it no longer exists. */
  muteRule(scope: ScopeId, name: string): Promise<MuteRule | undefined>;
  putMuteRule(scope: ScopeId, request: MuteRuleRequest): Promise<void>;
  deleteMuteRule(scope: ScopeId, name: string): Promise<void>;
  /** The series of a multi-series alarm that are in ALARM. */
  alarmContributors(scope: ScopeId, alarmName: string): Promise<Contributor[]>;
}

const MAX_CONTRIBUTOR_PAGES = 10;

/** DescribeAlarms for alarms of every type, every NextToken page followed. */
export async function* describeAlarmPages(session: AwsSession, scope: ScopeId, request: { AlarmNames?: string[]; AlarmNamePrefix?: string; MaxRecords?: number }): AsyncGenerator<AlarmPage> {
  const sdk = await loadSdk();
  const client = await session.client('cloudWatch', scope);
  for await (const pages of paginate(async (token) => {
    const out = await client.send(new sdk.cloudWatch.DescribeAlarmsCommand({ ...request, AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'], NextToken: token }));
    return { items: [{ metricAlarms: out.MetricAlarms ?? [], compositeAlarms: out.CompositeAlarms ?? [], logAlarms: out.LogAlarms ?? [] }], next: out.NextToken };
  })) yield* pages;
}

export class SdkCloudWatch implements CloudWatchApi {
  constructor(private readonly session: AwsSession) {}

  alarmPages(scope: ScopeId, filter: { names?: string[]; prefix?: string } = {}): AsyncGenerator<AlarmPage> {
    return describeAlarmPages(this.session, scope, { MaxRecords: 100, AlarmNames: filter.names, AlarmNamePrefix: filter.prefix });
  }

  async alarmHistory(scope: ScopeId, alarmName: string, maxItems = 100): Promise<AlarmHistoryItem[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    const items: AlarmHistoryItem[] = [];
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.cloudWatch.DescribeAlarmHistoryCommand({ AlarmName: alarmName, HistoryItemType: 'StateUpdate', ScanBy: 'TimestampDescending', MaxRecords: 100, NextToken: token }));
      return { items: out.AlarmHistoryItems, next: out.NextToken };
    })) {
      items.push(...page);
      if (items.length >= maxItems) break;
    }
    return items.slice(0, maxItems);
  }

  async tags(scope: ScopeId, resourceArn: string): Promise<Record<string, string>> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    const out = await client.send(new sdk.cloudWatch.ListTagsForResourceCommand({ ResourceARN: resourceArn }));
    return Object.fromEntries((out.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  async muteRuleSummaries(scope: ScopeId): Promise<MuteRuleSummary[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    const out: MuteRuleSummary[] = [];
    for await (const page of paginate(async (token) => {
      const answer = await client.send(new sdk.cloudWatch.ListAlarmMuteRulesCommand({ Statuses: ['ACTIVE', 'SCHEDULED'], MaxRecords: 100, NextToken: token }));
      return { items: answer.AlarmMuteRuleSummaries, next: answer.NextToken };
    })) {
      for (const s of page) {
        const name = muteRuleName(s.AlarmMuteRuleArn ?? '');
        if (name) out.push({ name, status: s.Status, updated: s.LastUpdatedTimestamp ? new Date(s.LastUpdatedTimestamp).getTime() : undefined });
      }
    }
    return out;
  }

  async muteRule(scope: ScopeId, name: string): Promise<MuteRule | undefined> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    try {
      return muteRuleFromAws(await client.send(new sdk.cloudWatch.GetAlarmMuteRuleCommand({ AlarmMuteRuleName: name })));
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  }

  async putMuteRule(scope: ScopeId, request: MuteRuleRequest): Promise<void> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    await client.send(new sdk.cloudWatch.PutAlarmMuteRuleCommand(request));
  }

  async deleteMuteRule(scope: ScopeId, name: string): Promise<void> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    await client.send(new sdk.cloudWatch.DeleteAlarmMuteRuleCommand({ AlarmMuteRuleName: name }));
  }

  async alarmContributors(scope: ScopeId, alarmName: string): Promise<Contributor[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudWatch', scope);
    const items = [];
    let pages = 0;
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.cloudWatch.DescribeAlarmContributorsCommand({ AlarmName: alarmName, NextToken: token }));
      return { items: out.AlarmContributors, next: out.NextToken };
    })) {
      items.push(...page);
      if (++pages >= MAX_CONTRIBUTOR_PAGES) break;
    }
    return contributorsFromAws(items);
  }
}
