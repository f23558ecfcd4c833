import type { FilteredLogEvent, GetQueryResultsResponse, LogGroup, QueryDefinition } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { FilteredLogEvent, GetQueryResultsResponse, LogGroup, QueryDefinition };

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
  /** Times in epoch seconds, as StartQuery takes them. */
  startQuery(region: string, query: StartQueryInput): Promise<string>;
  queryResults(region: string, queryId: string): Promise<GetQueryResultsResponse>;
  stopQuery(region: string, queryId: string): Promise<boolean>;
  queryDefinitionPages(region: string): AsyncGenerator<QueryDefinition[]>;
  putQueryDefinition(region: string, definition: { name: string; queryString: string; logGroupNames: string[]; queryDefinitionId?: string }): Promise<string>;
  /** Field names discovered in a log group (for completion). */
  logGroupFields(region: string, logGroupName: string): Promise<string[]>;
}

/** StartQuery's input: log groups by name or by ARN (`logGroupIdentifiers`), or none when the query names them (SOURCE, SQL). */
export interface StartQueryInput {
  queryString: string;
  queryLanguage?: 'CWLI' | 'SQL' | 'PPL';
  logGroupNames?: string[];
  logGroupIdentifiers?: string[];
  startTime: number;
  endTime: number;
  limit?: number;
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

  async startQuery(region: string, query: StartQueryInput): Promise<string> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    const out = await client.send(new sdk.logs.StartQueryCommand(query));
    return out.queryId ?? '';
  }

  async queryResults(region: string, queryId: string): Promise<GetQueryResultsResponse> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    return client.send(new sdk.logs.GetQueryResultsCommand({ queryId }));
  }

  async stopQuery(region: string, queryId: string): Promise<boolean> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    return (await client.send(new sdk.logs.StopQueryCommand({ queryId }))).success ?? false;
  }

  async *queryDefinitionPages(region: string): AsyncGenerator<QueryDefinition[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.logs.DescribeQueryDefinitionsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: out.queryDefinitions, next: out.nextToken };
    });
  }

  async putQueryDefinition(region: string, definition: { name: string; queryString: string; logGroupNames: string[]; queryDefinitionId?: string }): Promise<string> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    const out = await client.send(new sdk.logs.PutQueryDefinitionCommand({ ...definition, logGroupNames: definition.logGroupNames.length ? definition.logGroupNames : undefined }));
    return out.queryDefinitionId ?? '';
  }

  async logGroupFields(region: string, logGroupName: string): Promise<string[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', region);
    const out = await client.send(new sdk.logs.GetLogGroupFieldsCommand({ logGroupName }));
    return (out.logGroupFields ?? []).map((f) => f.name ?? '').filter(Boolean);
  }
}
