import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, seededRandom } from '../random';
import { invocation, lambdaStreamName, type Invocation } from './lambda';
import { sortedStreams, type LogEventSpec, type LogGroupSpec, type SeededExecution } from './types';

// Frames point at sandbox/workspace/src (mapped from /var/task/ by opsLens.sourceMappings).
const QUOTA_STACK = [
  'QuotaExceededError: Gemini API quota exceeded',
  '    at generateImages (/var/task/src/handlers/generate.ts:42:11)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
];
const QUOTA_LOOKUP_STACK = [
  'Error: Gemini quota lookup failed: HTTP 503 Service Unavailable',
  '    at GeminiClient.quota (/var/task/src/lib/gemini.ts:34:13)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async generateImages (/var/task/src/handlers/generate.ts:36:17)',
  '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
];
const THROTTLING_STACK = [
  'ThrottlingException: Rate exceeded',
  '    at de_ThrottlingExceptionRes (/var/task/node_modules/@aws-sdk/client-sfn/dist-cjs/index.js:3125:21)',
  '    at de_CommandError (/var/task/node_modules/@aws-sdk/client-sfn/dist-cjs/index.js:1733:19)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async /var/task/node_modules/@smithy/middleware-serde/dist-cjs/index.js:36:20',
  '    at async generateImages (/var/task/src/handlers/generate.ts:44:15)',
  '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
];

type Kind = 'quota' | 'invalid' | 'hostile' | 'throttled' | 'quotaLookup';

/** POST /generate traffic that never became an execution, minutes before now. */
const REJECTED: readonly [number, Kind][] = [
  [171, 'invalid'],
  [152, 'quota'],
  [131, 'hostile'],
  [118, 'quota'],
  [96, 'throttled'],
  [74, 'invalid'],
  [57, 'quotaLookup'],
  [41, 'quota'],
  [23, 'hostile'],
  [9, 'quota'],
];

function entry(level: string, message: string, at: number, metadata: Record<string, unknown>): string {
  return JSON.stringify({ timestamp: new Date(at).toISOString(), level, component: 'Generate', message, metadata });
}

function invokeError(inv: Invocation, offset: number, errorType: string, stack: string[]): void {
  const [first] = stack;
  const errorMessage = first.slice(first.indexOf(':') + 2);
  inv.node(offset, 'ERROR', `Invoke Error \t${JSON.stringify({ errorType, errorMessage, name: errorType, stack })}`);
}

export function generateFunctionLogs(now: number, executions: readonly SeededExecution[]): LogGroupSpec {
  const random = seededRandom('databanana-generate');
  // One stream per execution environment; a busy environment means the next request gets a fresh (cold) one.
  const environments: { name: string; busyUntil: number; events: LogEventSpec[] }[] = [];
  let batchSeq = 11;

  const invoke = (start: number, durationMs: number, body: (inv: Invocation, start: number) => void) => {
    let env = environments.find((e) => e.busyUntil < start && start - e.busyUntil < 90 * MINUTE_MS);
    const cold = !env;
    if (!env) environments.push((env = { name: lambdaStreamName(start, random), busyUntil: 0, events: [] }));
    const used = Math.round(between(random, 88, 104));
    const events = invocation(random, start, durationMs, { size: 256, used, initMs: cold ? between(random, 380, 520) : undefined }, (inv) => body(inv, start));
    env.events.push(...events);
    env.busyUntil = events[events.length - 1].timestamp;
  };

  for (const [minutesAgo, kind] of REJECTED) {
    const start = now - minutesAgo * MINUTE_MS + Math.round(random() * 40_000);
    const batchId = `b-${batchSeq++}`;
    const userId = `usr_${Math.floor(between(random, 0x100000, 0xffffff)).toString(16)}`;
    invoke(start, between(random, 180, 900), (inv, at) => {
      if (kind === 'invalid' || kind === 'hostile') {
        const body = kind === 'hostile' ? '{"context":"<script>alert(1)</script>","image_count":10}' : '{"context":"forest in fog","image_count":500}';
        const error = kind === 'hostile' ? 'context must be plain text' : 'image_count must be between 10 and 100';
        inv.node(12, 'WARN', entry('WARN', 'Invalid generate request', at + 12, { userId, error, body }));
        return;
      }
      if (kind === 'quotaLookup') {
        invokeError(inv, 5021, 'Error', QUOTA_LOOKUP_STACK);
        return;
      }
      const remaining = kind === 'quota' ? Math.floor(between(random, 0, 9)) : 380;
      const requested = kind === 'quota' ? 10 + Math.floor(random() * 5) * 10 : 20;
      inv.node(140, 'INFO', entry('INFO', 'Gemini quota checked', at + 140, { batchId, remaining, requested }));
      if (kind === 'throttled') {
        invokeError(inv, 402, 'ThrottlingException', THROTTLING_STACK);
        return;
      }
      inv.node(141, 'WARN', entry('WARN', 'Gemini quota too low for batch', at + 141, { batchId, shortBy: requested - remaining, resetsAt: '2026-11-23T08:00:00.000Z' }));
      inv.node(142, 'ERROR', `${entry('ERROR', 'Batch rejected: Gemini quota exhausted', at + 142, { batchId, remaining })}\n${QUOTA_STACK.join('\n')}`);
    });
  }

  // The executions that exist in the sandbox were started through the API too (b-43 came from a replay script).
  for (const ex of executions) {
    if (ex.name === 'batch-b-43') continue;
    const start = ex.startDate - 230;
    invoke(start, between(random, 210, 260), (inv, at) => {
      inv.node(150, 'INFO', entry('INFO', 'Batch accepted', at + 150, { batchId: ex.input.batch_id, imageCount: ex.input.image_count, userId: ex.input.user_id }));
      inv.node(229, 'INFO', `Started Step Functions execution ${ex.executionArn}`);
    });
  }

  return { name: LOG_GROUPS.generate, retentionInDays: 30, streams: sortedStreams(environments) };
}
