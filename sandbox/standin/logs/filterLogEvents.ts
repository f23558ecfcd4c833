import { compileFilterPattern } from '../../../src/core/logs';
import type { HandlerContext } from '../handler';
import { optionalNumber, optionalString, stringList } from '../input';
import { pageOf, pageSize } from '../paging';
import { invalidParameter } from './errors';
import { logGroupNameOf } from './logGroups';
import { readLogEvents } from './readEvents';

const MAX_LIMIT = 10_000;

/**
 * FilterLogEvents with the filter pattern evaluated as CloudWatch Logs defines it (moto approximates it):
 * every matching event of the window, oldest first, in pages of `limit` (default and at most 10,000).
 * Approximation: pages are bounded by count only, not also by the service's 1 MB.
 */
export async function filterLogEvents(ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const name = optionalString(input, 'logGroupName') ?? logGroupNameOf(optionalString(input, 'logGroupIdentifier') ?? '');
  if (!name) throw invalidParameter('Either logGroupName or logGroupIdentifier must be given.');
  const streamNames = stringList(input, 'logStreamNames');
  const streamPrefix = optionalString(input, 'logStreamNamePrefix');
  if (streamNames.length > 0 && streamPrefix) throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive.');
  const limit = pageSize(optionalNumber(input, 'limit'), MAX_LIMIT, MAX_LIMIT, 'limit', invalidParameter);
  const start = optionalNumber(input, 'startTime') ?? 0;
  const end = optionalNumber(input, 'endTime') ?? Date.now() + 86_400_000;
  const pattern = compileFilterPattern(optionalString(input, 'filterPattern') ?? '');
  const events = (await readLogEvents(ctx.moto, name, start, end, streamNames.length ? streamNames : undefined))
    .filter((e) => (!streamPrefix || e.logStreamName.startsWith(streamPrefix)) && pattern.matches(e.message))
    .sort((a, b) => a.timestamp - b.timestamp);
  const scope = JSON.stringify(['FilterLogEvents', name, input.filterPattern ?? '']);
  const page = pageOf(events, scope, optionalString(input, 'nextToken'), limit, () => invalidParameter('The specified nextToken is invalid.'));
  return {
    events: page.items.map((e) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: e.eventId })),
    searchedLogStreams: [],
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
