import type { ScopeId } from '../../core/scope';
import type { Event as TrailEventItem } from '@aws-sdk/client-cloudtrail';
import { RateGate } from '../../core/rateGate';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';

export type { TrailEventItem };

export interface TrailPage {
  readonly events: TrailEventItem[];
  readonly nextToken?: string;
}

/** The CloudTrail operation Ops Lens uses: the event history of management events. */
export interface CloudTrailApi {
  /** One page (newest first) of the events naming `resourceName` in [start, end]. */
  lookupByResource(scope: ScopeId, resourceName: string, start: Date, end: Date, options?: { maxResults?: number; nextToken?: string }): Promise<TrailPage>;
}

/** LookupEvents allows two calls a second per account and region: in one scope, one call at a time, 550 ms apart. */
const LOOKUP_INTERVAL_MS = 550;

export class SdkCloudTrail implements CloudTrailApi {
  private readonly gate = new RateGate(LOOKUP_INTERVAL_MS);

  constructor(private readonly session: AwsSession) {}

  async lookupByResource(scope: ScopeId, resourceName: string, start: Date, end: Date, options: { maxResults?: number; nextToken?: string } = {}): Promise<TrailPage> {
    const sdk = await loadSdk();
    const client = await this.session.client('cloudTrail', scope);
    const out = await this.gate.run(scope, () => client.send(new sdk.cloudTrail.LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: resourceName }],
      StartTime: start,
      EndTime: end,
      MaxResults: options.maxResults ?? 50,
      NextToken: options.nextToken,
    })));
    return { events: out.Events ?? [], ...(out.NextToken ? { nextToken: out.NextToken } : {}) };
  }
}
