import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { LogsApi } from '../src/aws/services/logs';
import { findStackFrames } from '../src/core/sourceLinks';
import type { TailEvent } from '../src/core/logs';
import { TailSession } from '../src/logs/tail/session';
import { report } from './report';
import { asScopeId } from '../src/core/scope';

const EVENTS_PER_SECOND = 1000;
const SECONDS = 30;
/** The tail document redraws at most every 250 ms (src/logs/tail/documents.ts). */
const REDRAW_MS = 250;
const BUFFER_EVENTS = 10_000;

function collectGarbage(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function event(i: number, at: number): TailEvent {
  const requestId = `6f1c${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}`;
  const kind = i % 10;
  const message =
    kind === 0 ? `${new Date(at).toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'QuotaExceededError', errorMessage: 'Gemini API quota exceeded', stack: ['QuotaExceededError: Gemini API quota exceeded', '    at generateImages (/var/task/src/handlers/generate.ts:42:11)', '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)'] })}`
    : kind < 4 ? `REPORT RequestId: ${requestId}\tDuration: ${(900 + (i % 700)).toFixed(2)} ms\tBilled Duration: ${1000 + (i % 700)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${180 + (i % 40)} MB`
    : `${new Date(at).toISOString()}\t${requestId}\tINFO\t${JSON.stringify({ level: 'INFO', component: 'Generate', message: 'Images generated', batchId: `batch-${i}`, durationMs: 800 + (i % 900) })}`;
  return { timestamp: at, logGroup: '/aws/lambda/databanana-GenerateFunction', logStream: '2026/12/02/[$LATEST]0f1e2d3c4b5a69788796a5b4c3d2e1f0', message };
}

/**
 * A Live Tail receiving 1,000 events a second for 30 seconds (in the batches the service sends), redrawn at
 * the document's pace: the CPU time of the update path (events into the buffer, the document's text) as a
 * share of one core over those 30 s, and the heap once the buffer is full against the heap at the end.
 */
export function benchLogsTail(): void {
  const gc = collectGarbage();
  let clock = 0;
  const idle = { startLiveTail: async function* () {} } as unknown as LogsApi;
  let redrawsPending = 0;
  const session = new TailSession(idle, { region: asScopeId('us-east-1'), groups: [{ name: '/aws/lambda/databanana-GenerateFunction', arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/databanana-GenerateFunction' }], filterPattern: '' }, BUFFER_EVENTS, () => redrawsPending++, () => clock);
  const perBatch = (EVENTS_PER_SECOND * REDRAW_MS) / 1000;
  const batches = (SECONDS * 1000) / REDRAW_MS;
  let cpuMicros = 0;
  let documentChars = 0;
  let heapWhenFull = 0;
  let n = 0;
  for (let b = 0; b < batches; b++) {
    clock += REDRAW_MS;
    const events = Array.from({ length: perBatch }, () => event(n++, clock));
    const before = process.cpuUsage();
    session.receive(events);
    documentChars = session.buffer.text().length;
    const used = process.cpuUsage(before);
    cpuMicros += used.user + used.system;
    if (n === BUFFER_EVENTS * 1.5) {
      gc();
      heapWhenFull = process.memoryUsage().heapUsed;
    }
  }
  gc();
  const heapAtEnd = process.memoryUsage().heapUsed;
  const text = session.buffer.text();
  const scanStarted = performance.now();
  const frames = findStackFrames(text).length;
  const scanMs = performance.now() - scanStarted;
  report('logs tail: update work at 1,000 events/s', (cpuMicros / 1000 / (SECONDS * 1000)) * 100, '%', 10, `(${redrawsPending} redraws, one core = 100 %)`);
  report('logs tail: events kept in the document', session.buffer.size, 'items', BUFFER_EVENTS);
  report('logs tail: heap growth after the buffer filled', Math.max(0, heapAtEnd - heapWhenFull) / 1024 / 1024, 'MB', 2, `(document ${(documentChars / 1024 / 1024).toFixed(1)} MB)`);
  report('logs tail: source-link scan of the full document', scanMs, 'ms', undefined, `(${frames} frames)`);
}
