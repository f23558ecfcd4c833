import type { ScopeId } from '../../core/scope';
import type { MetricAlarm, CompositeAlarm, AlarmHistoryItem, StateValue } from '@aws-sdk/client-cloudwatch';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { MetricAlarm, CompositeAlarm, AlarmHistoryItem, StateValue };

export interface AlarmPage {
  readonly metricAlarms: MetricAlarm[];
  readonly compositeAlarms: CompositeAlarm[];
}

/** The CloudWatch operations Ops Lens uses. Features depend on this seam, not on the SDK. */
export interface CloudWatchApi {
  /** Every page of metric and composite alarms (100 per call). */
  alarmPages(scope: ScopeId, filter?: { names?: string[]; prefix?: string }): AsyncGenerator<AlarmPage>;
  alarmHistory(scope: ScopeId, alarmName: string, maxItems?: number): Promise<AlarmHistoryItem[]>;
  tags(scope: ScopeId, resourceArn: string): Promise<Record<string, string>>;
}

/** DescribeAlarms for metric and composite alarms, every NextToken page followed. */
export async function* describeAlarmPages(session: AwsSession, scope: ScopeId, request: { AlarmNames?: string[]; AlarmNamePrefix?: string; MaxRecords?: number }): AsyncGenerator<AlarmPage> {
  const sdk = await loadSdk();
  const client = await session.client('cloudWatch', scope);
  for await (const pages of paginate(async (token) => {
    const out = await client.send(new sdk.cloudWatch.DescribeAlarmsCommand({ ...request, AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken: token }));
    return { items: [{ metricAlarms: out.MetricAlarms ?? [], compositeAlarms: out.CompositeAlarms ?? [] }], next: out.NextToken };
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
}
