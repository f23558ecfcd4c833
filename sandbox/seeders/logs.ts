import {
  CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { inParallel, type SandboxClients } from '../awsClients';
import { PRIMARY_REGION } from '../scenario/constants';
import type { LogGroupSpec } from '../scenario/logs';

const MAX_EVENTS_PER_CALL = 1000;

export interface LogSeedResult {
  name: string;
  streams: number;
  events: number;
}

/** Creates each group and stream and puts its events in timestamp order. */
export async function seedLogs(clients: SandboxClients, groups: readonly LogGroupSpec[]): Promise<LogSeedResult[]> {
  const logs = clients.logs(PRIMARY_REGION);
  return inParallel(3, groups.map((group) => async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group.name }));
    if (group.retentionInDays) {
      await logs.send(new PutRetentionPolicyCommand({ logGroupName: group.name, retentionInDays: group.retentionInDays }));
    }
    let events = 0;
    for (const stream of group.streams) {
      await logs.send(new CreateLogStreamCommand({ logGroupName: group.name, logStreamName: stream.name }));
      for (let i = 0; i < stream.events.length; i += MAX_EVENTS_PER_CALL) {
        const batch = stream.events.slice(i, i + MAX_EVENTS_PER_CALL);
        const out = await logs.send(new PutLogEventsCommand({ logGroupName: group.name, logStreamName: stream.name, logEvents: batch }));
        const rejected = out.rejectedLogEventsInfo;
        if (rejected && Object.values(rejected).some((v) => v !== undefined)) {
          throw new Error(`PutLogEvents ${group.name}/${stream.name} rejected events: ${JSON.stringify(rejected)}`);
        }
      }
      events += stream.events.length;
    }
    return { name: group.name, streams: group.streams.length, events };
  }));
}
