import { discoverFields } from './insightsEngine';
import type { HandlerContext } from '../handler';
import { optionalString } from '../input';
import { invalidParameter, resourceNotFound } from './errors';
import { requireLogGroup } from './logGroups';
import { parsePointer, readLogEvents } from './readEvents';

/** GetLogRecord for the `@ptr` values of the stand-in's query results: every field of the event. */
export async function getLogRecord(ctx: HandlerContext): Promise<unknown> {
  const pointer = parsePointer(optionalString(ctx.input, 'logRecordPointer') ?? '');
  if (!pointer) throw invalidParameter('The logRecordPointer is invalid.');
  const accountId = await requireLogGroup(ctx.moto, pointer.logGroupName);
  const events = await readLogEvents(ctx.moto, pointer.logGroupName, pointer.timestamp, pointer.timestamp, [pointer.logStreamName]);
  const event = events.find((e) => e.eventId === pointer.eventId);
  if (!event) throw resourceNotFound('The log record does not exist.');
  const logRecord: Record<string, string> = {};
  for (const [field, value] of discoverFields(event, optionalString(ctx.input, 'logRecordPointer') ?? '', accountId)) {
    if (value === undefined || field === '@ptr') continue;
    logRecord[field] = value instanceof Date ? String(value.getTime()) : String(value);
  }
  return { logRecord };
}
