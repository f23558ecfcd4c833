import type { LogEvent } from './insightsEngine';
import type { MotoCaller } from '../forward';
import { objectList, optionalNumber, optionalString } from '../input';

/** A log event as read back from moto, with the id that finds it again. */
export interface StoredEvent extends LogEvent {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly eventId: string;
}

/** Every event of a log group between two epoch-ms instants (inclusive), through FilterLogEvents, all pages. */
export async function readLogEvents(moto: MotoCaller, logGroupName: string, startMs: number, endMs: number, logStreamNames?: string[]): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let token: string | undefined;
  do {
    const page = await moto.call('FilterLogEvents', {
      logGroupName,
      startTime: startMs,
      endTime: endMs,
      limit: 10000,
      ...(logStreamNames ? { logStreamNames } : {}),
      ...(token ? { nextToken: token } : {}),
    });
    for (const e of objectList(page, 'events')) {
      events.push({
        logGroupName,
        logStreamName: optionalString(e, 'logStreamName') ?? '',
        eventId: optionalString(e, 'eventId') ?? '',
        timestamp: optionalNumber(e, 'timestamp') ?? 0,
        ingestionTime: optionalNumber(e, 'ingestionTime'),
        message: optionalString(e, 'message') ?? '',
      });
    }
    const next = optionalString(page, 'nextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  return events;
}

/** The stand-in's `@ptr`: enough to find the event again for GetLogRecord. */
export function pointerOf(event: StoredEvent): string {
  return Buffer.from(JSON.stringify(['v1', event.logGroupName, event.logStreamName, event.timestamp, event.eventId]), 'utf8').toString('base64');
}

export interface EventPointer {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly eventId: string;
}

export function parsePointer(pointer: string): EventPointer | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(pointer, 'base64').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 5 && parsed[0] === 'v1' && typeof parsed[1] === 'string' && typeof parsed[2] === 'string' && typeof parsed[3] === 'number' && typeof parsed[4] === 'string') {
      return { logGroupName: parsed[1], logStreamName: parsed[2], timestamp: parsed[3], eventId: parsed[4] };
    }
  } catch {
    // not a pointer of ours
  }
  return undefined;
}
