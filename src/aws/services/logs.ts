import type { ScopeId } from '../../core/scope';
import type { FilteredLogEvent, GetQueryResultsResponse, LiveTailSessionLogEvent, LogGroup, QueryDefinition } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { FilteredLogEvent, GetQueryResultsResponse, LiveTailSessionLogEvent, LogGroup, QueryDefinition };

export interface EventFilter {
  readonly logGroupName: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly filterPattern?: string;
  /** Only these streams of the group (at most 100). */
  readonly logStreamNames?: readonly string[];
  /** Stop after this many events. */
  readonly limit: number;
  /** Stops reading pages (the call in flight is aborted). */
  readonly signal?: AbortSignal;
  /** Told the number of events read so far after each page. */
  readonly onPage?: (eventsSoFar: number) => void;
}

/** StartLiveTail's input: log group ARNs (1 to 10), an optional filter pattern and log stream selection. */
export interface LiveTailRequest {
  readonly logGroupIdentifiers: string[];
  readonly logEventFilterPattern?: string;
  readonly logStreamNamePrefixes?: string[];
  readonly logStreamNames?: string[];
}

/** What a Live Tail stream delivers, in order: the session's start, then updates every second. */
export type LiveTailMessage =
  | { kind: 'start'; sessionId: string }
  | { kind: 'update'; events: LiveTailSessionLogEvent[]; sampled: boolean }
  | { kind: 'end'; reason: string; timedOut: boolean };

/** The CloudWatch Logs operations Ops Lens uses. */
export interface LogsApi {
  logGroupPages(scope: ScopeId, prefix?: string): AsyncGenerator<LogGroup[]>;
  /** One page of DescribeLogGroups, for views that load more on demand. */
  logGroupPage(scope: ScopeId, options: { prefix?: string; nextToken?: string; limit?: number }): Promise<{ groups: LogGroup[]; nextToken?: string }>;
  /** A Live Tail session: its messages until the service ends it or `signal` aborts (which closes it server-side). */
  startLiveTail(scope: ScopeId, request: LiveTailRequest, signal: AbortSignal): AsyncGenerator<LiveTailMessage>;
  /** Events of one log group in a time window (epoch ms), oldest first, every page up to the limit. */
  filterEvents(scope: ScopeId, filter: EventFilter): Promise<{ events: FilteredLogEvent[]; truncated: boolean }>;
  /** Times in epoch seconds, as StartQuery takes them. */
  startQuery(scope: ScopeId, query: StartQueryInput): Promise<string>;
  queryResults(scope: ScopeId, queryId: string): Promise<GetQueryResultsResponse>;
  stopQuery(scope: ScopeId, queryId: string): Promise<boolean>;
  queryDefinitionPages(scope: ScopeId): AsyncGenerator<QueryDefinition[]>;
  putQueryDefinition(scope: ScopeId, definition: { name: string; queryString: string; logGroupNames: string[]; queryDefinitionId?: string }): Promise<string>;
  /** Field names discovered in a log group (for completion). */
  logGroupFields(scope: ScopeId, logGroupName: string): Promise<string[]>;
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

const AWS_DOMAIN = /\.(amazonaws\.com|amazonaws\.com\.cn|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov)$/;

/** `stream-127.0.0.1` → `127.0.0.1`; AWS's own `stream-logs.<region>.amazonaws.com` stays as it is. */
export function withoutForeignHostPrefix(hostname: string): string {
  return hostname.startsWith('stream-') && !AWS_DOMAIN.test(hostname) ? hostname.slice('stream-'.length) : hostname;
}

export class SdkLogs implements LogsApi {
  constructor(private readonly session: AwsSession) {}

  async *logGroupPages(scope: ScopeId, prefix?: string): AsyncGenerator<LogGroup[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.logs.DescribeLogGroupsCommand({ nextToken: token, logGroupNamePrefix: prefix || undefined }));
      return { items: out.logGroups, next: out.nextToken };
    });
  }

  async logGroupPage(scope: ScopeId, options: { prefix?: string; nextToken?: string; limit?: number }): Promise<{ groups: LogGroup[]; nextToken?: string }> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const out = await client.send(new sdk.logs.DescribeLogGroupsCommand({ nextToken: options.nextToken, logGroupNamePrefix: options.prefix || undefined, limit: options.limit }));
    return { groups: out.logGroups ?? [], nextToken: out.nextToken };
  }

  async *startLiveTail(scope: ScopeId, request: LiveTailRequest, signal: AbortSignal): AsyncGenerator<LiveTailMessage> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const command = new sdk.logs.StartLiveTailCommand({
      logGroupIdentifiers: request.logGroupIdentifiers,
      logEventFilterPattern: request.logEventFilterPattern || undefined,
      logStreamNamePrefixes: request.logStreamNamePrefixes?.length ? request.logStreamNamePrefixes : undefined,
      logStreamNames: request.logStreamNames?.length ? request.logStreamNames : undefined,
    });
    // Live Tail's host prefix (`stream-`) is for AWS's own endpoints, not for an endpoint override (from the
    // settings or AWS_ENDPOINT_URL), whose host has no `stream-` name.
    command.middlewareStack.add((next) => async (args) => {
      const req = args.request as { hostname?: string };
      if (typeof req?.hostname === 'string') req.hostname = withoutForeignHostPrefix(req.hostname);
      return next(args);
    }, { step: 'finalizeRequest', name: 'opsLensLiveTailEndpoint', priority: 'low' });
    const out = await client.send(command, { abortSignal: signal });
    try {
      for await (const message of out.responseStream ?? []) {
        if (message.sessionStart) yield { kind: 'start', sessionId: message.sessionStart.sessionId ?? '' };
        else if (message.sessionUpdate) yield { kind: 'update', events: message.sessionUpdate.sessionResults ?? [], sampled: message.sessionUpdate.sessionMetadata?.sampled ?? false };
        else if (message.SessionTimeoutException) return yield { kind: 'end', reason: message.SessionTimeoutException.message ?? 'The session timed out', timedOut: true };
        else if (message.SessionStreamingException) return yield { kind: 'end', reason: message.SessionStreamingException.message ?? 'The session failed', timedOut: false };
      }
    } catch (err) {
      if (signal.aborted) return;
      const name = (err as { name?: string }).name ?? '';
      yield { kind: 'end', reason: (err as Error).message || name, timedOut: name === 'SessionTimeoutException' };
      return;
    }
    if (!signal.aborted) yield { kind: 'end', reason: 'The service ended the session', timedOut: false };
  }

  async filterEvents(scope: ScopeId, filter: EventFilter): Promise<{ events: FilteredLogEvent[]; truncated: boolean }> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const events: FilteredLogEvent[] = [];
    for await (const page of paginate(async (token) => {
      const out = await client.send(new sdk.logs.FilterLogEventsCommand({ logGroupName: filter.logGroupName, logStreamNames: filter.logStreamNames?.slice(0, 100), startTime: filter.startTime, endTime: filter.endTime, filterPattern: filter.filterPattern, nextToken: token }), { abortSignal: filter.signal });
      return { items: out.events, next: out.nextToken };
    })) {
      events.push(...page);
      filter.onPage?.(events.length);
      if (filter.signal?.aborted) return { events: events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0)), truncated: true };
      if (events.length >= filter.limit) return { events: events.slice(0, filter.limit), truncated: true };
    }
    return { events: events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0)), truncated: false };
  }

  async startQuery(scope: ScopeId, query: StartQueryInput): Promise<string> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const out = await client.send(new sdk.logs.StartQueryCommand(query));
    return out.queryId ?? '';
  }

  async queryResults(scope: ScopeId, queryId: string): Promise<GetQueryResultsResponse> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    return client.send(new sdk.logs.GetQueryResultsCommand({ queryId }));
  }

  async stopQuery(scope: ScopeId, queryId: string): Promise<boolean> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    return (await client.send(new sdk.logs.StopQueryCommand({ queryId }))).success ?? false;
  }

  async *queryDefinitionPages(scope: ScopeId): AsyncGenerator<QueryDefinition[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    yield* paginate(async (token) => {
      const out = await client.send(new sdk.logs.DescribeQueryDefinitionsCommand({ nextToken: token, maxResults: 1000 }));
      return { items: out.queryDefinitions, next: out.nextToken };
    });
  }

  async putQueryDefinition(scope: ScopeId, definition: { name: string; queryString: string; logGroupNames: string[]; queryDefinitionId?: string }): Promise<string> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const out = await client.send(new sdk.logs.PutQueryDefinitionCommand({ ...definition, logGroupNames: definition.logGroupNames.length ? definition.logGroupNames : undefined }));
    return out.queryDefinitionId ?? '';
  }

  async logGroupFields(scope: ScopeId, logGroupName: string): Promise<string[]> {
    const sdk = await loadSdk();
    const client = await this.session.client('logs', scope);
    const out = await client.send(new sdk.logs.GetLogGroupFieldsCommand({ logGroupName }));
    return (out.logGroupFields ?? []).map((f) => f.name ?? '').filter(Boolean);
  }
}
