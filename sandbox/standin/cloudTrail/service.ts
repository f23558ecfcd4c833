import { randomUUID } from 'node:crypto';
import type { HandlerContext, HandlerTable, Resettable } from '../handler';
import { asInput, objectList, optionalNumber, optionalString, optionalTimeMs, type Input } from '../input';
import { decodeToken, encodeToken } from '../paging';
import { AwsError } from '../protocol';
import { Regional } from '../regional';
import { currentAccount } from '../accounts';
import { identityOf } from './identities';
import type { ManagementCall } from './request';

/** One recorded management event, as LookupEvents returns it (times in epoch ms until written). */
interface RecordedEvent {
  readonly EventId: string;
  readonly EventName: string;
  readonly ReadOnly: string;
  readonly AccessKeyId: string;
  readonly EventTime: number;
  readonly EventSource: string;
  readonly Username: string;
  readonly Resources: readonly { ResourceType: string; ResourceName: string }[];
  readonly CloudTrailEvent: string;
}

/** How many events each account and region keeps (AWS keeps 90 days; the sandbox keeps the newest of these). */
const EVENTS_KEPT = 20_000;
/** LookupEvents calls allowed per second, per account and region, as the API reference says. */
const LOOKUPS_PER_SECOND = 2;
/** requestParameters are cut beyond this many characters (the stand-in's bound, not AWS's). */
const PARAMETERS_KEPT = 8_192;

const ATTRIBUTE_KEYS: ReadonlySet<string> = new Set(['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId']);

class TrailRegion {
  readonly events: RecordedEvent[] = [];
  readonly lookups: number[] = [];
}

export interface RecordOptions {
  readonly region: string;
  readonly accessKeyId: string;
  readonly requestId: string;
  readonly userAgent?: string;
  readonly requestParameters: unknown;
}

function invalidAttributes(message: string): AwsError {
  return new AwsError('InvalidLookupAttributesException', message);
}

/** Parameters as CloudTrail shows them, with Lambda environment variables hidden as CloudTrail hides them. */
function shownParameters(parameters: unknown): unknown {
  const input = asInput(parameters);
  const hidden = 'Environment' in input ? { ...input, Environment: 'HIDDEN_DUE_TO_SECURITY_REASONS' } : input;
  const text = JSON.stringify(hidden);
  return text.length > PARAMETERS_KEPT ? { truncated: true } : hidden;
}

/**
 * CloudTrail's event history: every management call the stand-in answers or forwards is recorded in its
 * account and region, and `LookupEvents` reads it back with AWS's shapes, order (newest first), paging and
 * errors, and its rate limit of two lookups per second per account and region.
 */
export class CloudTrailService implements Resettable {
  private readonly regions = new Regional(() => new TrailRegion());

  record(call: ManagementCall, options: RecordOptions): void {
    const account = currentAccount();
    const identity = identityOf(options.accessKeyId, account);
    const at = Date.now();
    const eventId = randomUUID();
    const trail = this.regions.get(options.region);
    const cloudTrailEvent = {
      eventVersion: '1.09',
      userIdentity: identity.userIdentity,
      eventTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: call.eventSource,
      eventName: call.eventName,
      awsRegion: options.region,
      sourceIPAddress: '127.0.0.1',
      userAgent: (options.userAgent ?? '').slice(0, 1000),
      requestParameters: call.readOnly ? null : shownParameters(options.requestParameters),
      responseElements: null,
      requestID: options.requestId,
      eventID: eventId,
      readOnly: call.readOnly,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
    };
    const event: RecordedEvent = {
      EventId: eventId,
      EventName: call.eventName,
      ReadOnly: String(call.readOnly),
      AccessKeyId: options.accessKeyId,
      EventTime: at,
      EventSource: call.eventSource,
      Username: identity.userName,
      Resources: call.resources,
      CloudTrailEvent: JSON.stringify(cloudTrailEvent),
    };
    trail.events.push(event);
    if (trail.events.length > EVENTS_KEPT) trail.events.splice(0, trail.events.length - EVENTS_KEPT);
  }

  handlers(): HandlerTable {
    return { LookupEvents: (ctx) => Promise.resolve(this.lookupEvents(ctx)) };
  }

  reset(): void {
    this.regions.clear();
  }

  private lookupEvents(ctx: HandlerContext): unknown {
    const trail = this.regions.get(ctx.region);
    const now = Date.now();
    while (trail.lookups.length > 0 && trail.lookups[0] <= now - 1000) trail.lookups.shift();
    if (trail.lookups.length >= LOOKUPS_PER_SECOND) throw new AwsError('ThrottlingException', 'Rate exceeded');
    trail.lookups.push(now);

    const input = ctx.input;
    const attributes = objectList(input, 'LookupAttributes');
    if (attributes.length > 1) throw invalidAttributes('You can only specify one lookup attribute.');
    const attribute = attributes[0];
    const key = attribute ? optionalString(attribute, 'AttributeKey') : undefined;
    const value = attribute ? optionalString(attribute, 'AttributeValue') : undefined;
    if (attribute && (key === undefined || !ATTRIBUTE_KEYS.has(key))) throw invalidAttributes(`Invalid attribute key: ${String(key)}`);
    if (attribute && (value === undefined || value.length < 1 || value.length > 2000)) throw invalidAttributes('The attribute value must be between 1 and 2000 characters.');
    const category = optionalString(input, 'EventCategory');
    if (category !== undefined && category !== 'insight') throw new AwsError('InvalidEventCategoryException', `Invalid event category: ${category}`);
    const start = optionalTimeMs(input, 'StartTime');
    const end = optionalTimeMs(input, 'EndTime');
    if (start !== undefined && end !== undefined && start > end) throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.');
    const max = optionalNumber(input, 'MaxResults') ?? 50;
    if (!Number.isInteger(max) || max < 1 || max > 50) throw new AwsError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');

    // No trail here has Insights enabled: an insight lookup finds nothing.
    const matching = category === 'insight' ? [] : newestFirst(trail.events, (e) => (start === undefined || e.EventTime >= start) && (end === undefined || e.EventTime <= end) && matches(e, key, value));
    const scope = `LookupEvents|${key ?? ''}|${value ?? ''}|${start ?? ''}|${end ?? ''}`;
    const offset = decodeToken(scope, optionalString(input, 'NextToken'), () => new AwsError('InvalidNextTokenException', 'Invalid NextToken.'));
    const page = matching.slice(offset, offset + max);
    const next = offset + max < matching.length ? encodeToken(scope, offset + max) : undefined;
    return { Events: page.map((e) => ({ ...e, EventTime: e.EventTime / 1000 })), ...(next ? { NextToken: next } : {}) };
  }
}

function newestFirst(events: readonly RecordedEvent[], keep: (e: RecordedEvent) => boolean): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) if (keep(events[i])) out.push(events[i]);
  return out;
}

function matches(event: RecordedEvent, key: string | undefined, value: string | undefined): boolean {
  if (key === undefined || value === undefined) return true;
  switch (key) {
    case 'ResourceName':
      return event.Resources.some((r) => r.ResourceName === value);
    case 'ResourceType':
      return event.Resources.some((r) => r.ResourceType === value);
    default:
      return (event as unknown as Input)[key] === value;
  }
}
