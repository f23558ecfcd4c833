import { randomUUID } from 'node:crypto';
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LOG_GROUPS, PRIMARY_REGION } from '../constants';

const EVERY_MS = 1500;

/** One line of the Generate function's logs as its Node.js runtime writes them (structured JSON after the runtime's prefix). */
function line(requestId: string, level: string, message: string, extra: Record<string, unknown> = {}): string {
  return `${new Date().toISOString()}\t${requestId}\t${level}\t${JSON.stringify({ timestamp: new Date().toISOString(), level, component: 'Generate', message, ...extra })}`;
}

function invocation(n: number): string[] {
  const requestId = randomUUID();
  const batchId = `batch-live-${n}`;
  const lines = [`START RequestId: ${requestId} Version: $LATEST`, line(requestId, 'INFO', 'Generating images', { batchId, count: 1 + (n % 4) })];
  if (n % 5 === 4) {
    lines.push(line(requestId, 'ERROR', 'Gemini API quota exceeded', {
      batchId,
      stack: 'QuotaExceededError: Gemini API quota exceeded\n    at generateImages (/var/task/src/handlers/generate.ts:42:11)\n    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
    }));
  } else {
    lines.push(line(requestId, 'INFO', 'Images generated', { batchId, durationMs: 800 + ((n * 137) % 900) }));
  }
  lines.push(`END RequestId: ${requestId}`, `REPORT RequestId: ${requestId}\tDuration: ${(900 + ((n * 71) % 700)).toFixed(2)} ms\tBilled Duration: ${1000 + ((n * 71) % 700)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${180 + (n % 40)} MB`);
  return lines;
}

/**
 * A trickle of live events into the Generate function's log group (one invocation every 1.5 s, every fifth
 * failing with a stack frame into the sandbox workspace), so a Live Tail shows events at once.
 */
export async function startLogTrickle(endpoint: string, log: (s: string) => void): Promise<{ stop(): Promise<void> }> {
  const client = new CloudWatchLogsClient({ region: PRIMARY_REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const group = LOG_GROUPS.generate;
  const d = new Date();
  const stream = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/[$LATEST]${randomUUID().replace(/-/g, '')}`;
  await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  let n = 0;
  let sending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const at = Date.now();
    const events = invocation(n++).map((message, i) => ({ timestamp: at + i, message }));
    sending = client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: events })).catch((err: unknown) => log(`log trickle: ${String(err)}`));
  }, EVERY_MS);
  log(`live events trickle into ${group}`);
  return {
    stop: async () => {
      clearInterval(timer);
      await sending;
      client.destroy();
    },
  };
}
