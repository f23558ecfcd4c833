import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsSession } from '../session';
import { loadSdk } from '../sdkLoader';
import { paginate } from '../paging';

export type { LogGroup };

/** The CloudWatch Logs operations Ops Lens uses. */
export interface LogsApi {
  logGroupPages(region: string, prefix?: string): AsyncGenerator<LogGroup[]>;
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
}
