import type { FilteredLogEvent, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { FilteredLogEvent, LogGroup };

export interface EventFilter {
  readonly logGroupName: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly filterPattern?: string;
  /** Stop after this many events. */
  readonly limit: number;
}

/** The CloudWatch Logs operations Ops Lens uses. */
export interface LogsApi {
  logGroupPages(region: string, prefix?: string): AsyncGenerator<LogGroup[]>;
  /** Events of one log group in a time window (epoch ms), oldest first, every page up to the limit. */
  filterEvents(region: string, filter: EventFilter): Promise<{ events: FilteredLogEvent[]; truncated: boolean }>;
}

export class SdkLogs implements LogsApi {
  constructor(private readonly session: AwsSession) {}

  async *logGroupPages(region: string, prefix?: string): AsyncGenerator<LogGroup[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.logs.DescribeLogGroupsCommand({ nextToken: token, logGroupNamePrefix: prefix || undefined }));
      return { items: out.logGroups, next: out.nextToken };
    });
  }

  async filterEvents(region: string, filter: EventFilter): Promise<{ events: FilteredLogEvent[]; truncated: boolean }> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    const events: FilteredLogEvent[] = [];
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.logs.FilterLogEventsCommand({ logGroupName: filter.logGroupName, startTime: filter.startTime, endTime: filter.endTime, filterPattern: filter.filterPattern, nextToken: token }));
      return { items: out.events, next: out.nextToken };
    })) {
      events.push(...page);
      if (events.length >= filter.limit) return { events: events.slice(0, filter.limit), truncated: true };
    }
    return { events: events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0)), truncated: false };
  }
}
