import { randomUUID } from 'node:crypto';
import { forEachExpr, parseQuery, QuerySyntaxError, toQueryCompileError } from '../../../src/core/insights';
import type { ParsedQuery, SourceCommand, SourceSelection } from '../../../src/core/insights';
import { executeQuery, type LogEvent, type QueryExecution } from './insightsEngine';
import type { MotoCaller } from '../forward';
import type { HandlerContext } from '../handler';
import { optionalNumber, optionalString, stringList } from '../input';
import { pageOf, pageSize } from '../paging';
import { invalidParameter, malformedQuery, resourceNotFound } from './errors';
import { logGroupNameOf, logGroupsOfSource, requireLogGroup } from './logGroups';
import type { LookupRows } from './lookupTables';
import type { QueryClock, QueryStatus } from './queries';
import { pointerOf, readLogEvents, type StoredEvent } from './readEvents';
import type { LogsRegion } from './state';

const MAX_LOG_GROUPS = 50;
const MAX_LIMIT = 10_000;
const STATUSES: ReadonlySet<string> = new Set(['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);
const FINISHED: ReadonlySet<QueryStatus> = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout']);

/**
 * StartQuery: checks the query with Ops Lens's parser (MalformedQueryException with the position of its
 * first finding) and the log groups against moto, then computes the results in the background over
 * the events read back from moto between startTime and endTime (epoch seconds, inclusive).
 */
export async function startQuery(state: LogsRegion, ctx: HandlerContext, log: (line: string) => void): Promise<unknown> {
  const { input } = ctx;
  const queryString = optionalString(input, 'queryString');
  if (!queryString) throw invalidParameter('queryString must be specified.');
  const language = optionalString(input, 'queryLanguage') ?? 'CWLI';
  // Approximation: the stand-in runs only the Logs Insights language, not OpenSearch SQL or PPL.
  if (language !== 'CWLI') throw invalidParameter(`Query language ${language} is not supported by the local stand-in; it runs CWLI queries only.`);
  const startTime = optionalNumber(input, 'startTime');
  const endTime = optionalNumber(input, 'endTime');
  if (startTime === undefined || endTime === undefined) throw invalidParameter('startTime and endTime must be specified.');
  if (endTime < startTime) throw invalidParameter('End time should not be before the start time');
  const limit = optionalNumber(input, 'limit');
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)) throw invalidParameter(`limit must be between 1 and ${MAX_LIMIT}.`);

  // Approximation: the query is judged by Ops Lens's own parser, which refuses whatever it flags (even a
  // warning) where Logs Insights may accept it; the reasons and positions are the parser's, not the service's.
  let parsed: ParsedQuery;
  try {
    parsed = parseQuery(queryString);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw malformedQuery(err.message, toQueryCompileError(err).location);
    throw err;
  }
  const source = parsed.commands[0]?.command === 'source' ? parsed.commands[0] : undefined;
  const groups = source ? await sourceGroups(ctx, source) : logGroupsOf(ctx);
  let accountId = '';
  for (const group of groups) accountId = await requireLogGroup(ctx.moto, group);

  const queryId = randomUUID();
  const tables = state.lookupTables;
  const outcome = run(ctx.moto, parsed, groups, startTime * 1000, endTime * 1000 + 999, limit, accountId, (name) => tables.get(name)).catch((err: unknown) => {
    log(`insights query ${queryId} failed: ${err instanceof Error ? err.message : String(err)}`);
    return err instanceof Error ? err : new Error(String(err));
  });
  state.queries.add({ queryId, queryString, logGroupNames: groups, createTime: Date.now(), outcome });
  return { queryId };
}

/** A query that starts with SOURCE names its log groups; StartQuery must then name none. */
async function sourceGroups(ctx: HandlerContext, source: SourceCommand): Promise<string[]> {
  const given = optionalString(ctx.input, 'logGroupName') !== undefined || stringList(ctx.input, 'logGroupNames').length > 0 || stringList(ctx.input, 'logGroupIdentifiers').length > 0;
  if (given) throw invalidParameter('A query that starts with SOURCE must not be started with logGroupName, logGroupNames or logGroupIdentifiers.');
  const groups = await logGroupsOfSource(ctx.moto, source);
  if (groups.length === 0) throw invalidParameter('The SOURCE of the query selects no log groups.');
  return groups;
}

function logGroupsOf(ctx: HandlerContext): string[] {
  const single = optionalString(ctx.input, 'logGroupName');
  const names = stringList(ctx.input, 'logGroupNames');
  const identifiers = stringList(ctx.input, 'logGroupIdentifiers');
  const given = [single !== undefined, names.length > 0, identifiers.length > 0].filter(Boolean).length;
  if (given !== 1) throw invalidParameter('Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.');
  const groups = single !== undefined ? [single] : names.length > 0 ? names : identifiers.map(logGroupNameOf);
  if (groups.length > MAX_LOG_GROUPS) throw invalidParameter(`A query can search at most ${MAX_LOG_GROUPS} log groups.`);
  return [...new Set(groups)];
}

async function run(moto: MotoCaller, parsed: ParsedQuery, groups: readonly string[], startMs: number, endMs: number, limit: number | undefined, accountId: string, lookupTable: (name: string) => LookupRows | undefined): Promise<QueryExecution> {
  const read = async (names: readonly string[]): Promise<StoredEvent[]> => {
    const events: StoredEvent[] = [];
    for (const group of names) events.push(...(await readLogEvents(moto, group, startMs, endMs)));
    return events.sort((a, b) => b.timestamp - a.timestamp);
  };
  const events = await read(groups);
  // Subqueries and joins that name a SOURCE read those log groups over the same window.
  const sourced = new Map<SourceSelection, LogEvent[]>();
  for (const source of nestedSources(parsed)) sourced.set(source, await read(await logGroupsOfSource(moto, source)));
  return executeQuery(parsed, events, {
    accountId,
    ...(limit !== undefined ? { limitDefault: limit } : {}),
    ptr: (event) => pointerOf(event as StoredEvent),
    sourceEvents: (source) => sourced.get(source) ?? [],
    lookupTable,
  });
}

function nestedSources(parsed: ParsedQuery): SourceCommand[] {
  const sources: SourceCommand[] = [];
  const fromSubquery = (q: ParsedQuery): void => {
    const first = q.commands[0];
    if (first?.command === 'source') sources.push(first);
  };
  forEachExpr(parsed, (e) => {
    if (e.kind === 'in' && e.subquery) fromSubquery(e.subquery);
  });
  for (const cmd of parsed.commands) if (cmd.command === 'join') fromSubquery(cmd.subquery);
  return sources;
}

/** GetQueryResults: Scheduled → Running (partial statistics) → Complete with the rows, or Cancelled / Failed. */
export async function getQueryResults(state: LogsRegion, clock: QueryClock, ctx: HandlerContext): Promise<unknown> {
  const query = queryOf(state, ctx);
  const now = Date.now();
  if (query.cancelledAt === undefined && clock.due(query, now)) query.settled = await query.outcome;
  const status = clock.status(query, now);
  const done = status === 'Complete' && query.settled !== undefined && !(query.settled instanceof Error);
  return {
    queryLanguage: 'CWLI',
    status,
    results: done ? (query.settled as QueryExecution).rows : [],
    statistics: done ? (query.settled as QueryExecution).statistics : clock.partialStatistics(query, now),
  };
}

/** StopQuery: a Scheduled or Running query becomes Cancelled; a finished one cannot be stopped. */
export function stopQuery(state: LogsRegion, clock: QueryClock, ctx: HandlerContext): unknown {
  const query = queryOf(state, ctx);
  const now = Date.now();
  const status = clock.status(query, now);
  if (FINISHED.has(status)) throw invalidParameter(`Query ${query.queryId} is not running; its status is ${status}.`);
  query.cancelledAt = now;
  return { success: true };
}

/** DescribeQueries: newest first, by log group and status, paged by maxResults (default and at most 1000). */
export function describeQueries(state: LogsRegion, clock: QueryClock, ctx: HandlerContext): unknown {
  const { input } = ctx;
  const logGroupName = optionalString(input, 'logGroupName');
  const status = optionalString(input, 'status');
  if (status !== undefined && !STATUSES.has(status)) throw invalidParameter(`Invalid status ${status}.`);
  const language = optionalString(input, 'queryLanguage');
  const size = pageSize(optionalNumber(input, 'maxResults'), 1000, 1000, 'maxResults', invalidParameter);
  const now = Date.now();
  const listed = state.queries
    .list()
    .filter((q) => logGroupName === undefined || q.logGroupNames.includes(logGroupName))
    .filter(() => language === undefined || language === 'CWLI')
    .map((q) => ({ q, status: clock.status(q, now) }))
    .filter((e) => status === undefined || e.status === status)
    .sort((a, b) => b.q.createTime - a.q.createTime)
    .map(({ q, status: s }) => ({
      queryLanguage: 'CWLI',
      queryId: q.queryId,
      queryString: q.queryString,
      status: s,
      createTime: q.createTime,
      logGroupName: q.logGroupNames[0],
    }));
  const page = pageOf(listed, 'DescribeQueries', optionalString(input, 'nextToken'), size, () => invalidParameter('The nextToken is invalid.'));
  return page.nextToken ? { queries: page.items, nextToken: page.nextToken } : { queries: page.items };
}

function queryOf(state: LogsRegion, ctx: HandlerContext) {
  const queryId = optionalString(ctx.input, 'queryId');
  if (!queryId) throw invalidParameter('queryId must be specified.');
  const query = state.queries.get(queryId);
  if (!query) throw resourceNotFound(`Query ${queryId} does not exist.`);
  return query;
}
