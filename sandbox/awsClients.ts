import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SFNClient } from '@aws-sdk/client-sfn';
import { FAKE_CREDENTIALS } from './scenario/constants';

/** SDK client settings for the sandbox endpoint with the fake credentials moto accepts. */
export function sandboxClientConfig(endpoint: string, region: string) {
  return { endpoint, region, credentials: { ...FAKE_CREDENTIALS }, maxAttempts: 2 };
}

export interface SandboxClients {
  cloudWatch(region: string): CloudWatchClient;
  logs(region: string): CloudWatchLogsClient;
  sfn(region: string): SFNClient;
  destroy(): void;
}

/** One client per service and region, created on first use. */
export function sandboxClients(endpoint: string): SandboxClients {
  const made = new Map<string, { destroy(): void }>();
  const get = <T extends { destroy(): void }>(key: string, make: () => T): T => {
    let client = made.get(key) as T | undefined;
    if (!client) {
      client = make();
      made.set(key, client);
    }
    return client;
  };
  return {
    cloudWatch: (region) => get(`cw:${region}`, () => new CloudWatchClient(sandboxClientConfig(endpoint, region))),
    logs: (region) => get(`logs:${region}`, () => new CloudWatchLogsClient(sandboxClientConfig(endpoint, region))),
    sfn: (region) => get(`sfn:${region}`, () => new SFNClient(sandboxClientConfig(endpoint, region))),
    destroy: () => {
      for (const c of made.values()) c.destroy();
      made.clear();
    },
  };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inParallel<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
