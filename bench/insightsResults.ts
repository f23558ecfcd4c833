import { formatResultsDocument, type ResultRow, type ResultsDocumentInput } from '../src/core/insights/results';
import { createFrameResolver, findStackFrames, resolveFramePath, type ResolveOptions } from '../src/core/sourceLinks';
import { median, report } from './report';

const ROWS = 10_000;
const RUNS = 7;
const WORKSPACE = '/home/dev/databanana';

/** Deterministic pseudo-random numbers, so every run formats the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NODE_STACK = [
  'QuotaExceededError: Gemini API quota exceeded',
  '    at generateImages (/var/task/src/handlers/generate.ts:42:11)',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '    at async GeminiClient.quota (/var/task/src/lib/gemini.ts:34:13)',
  '    at async Runtime.handler (/var/task/src/handlers/generate.ts:59:20)',
];
const PYTHON_TRACE = [
  'Traceback (most recent call last):',
  '  File "/var/runtime/bootstrap.py", line 60, in <module>',
  '  File "/var/task/app/handler.py", line 57, in handler',
  '    images = generate(batch)',
  '  File "/var/task/app/images.py", line 23, in generate',
  '    raise QuotaExceeded("quota exceeded for project databanana")',
  'app.images.QuotaExceeded: quota exceeded for project databanana',
].join('\n');

function message(i: number, r: () => number, iso: string, requestId: string): string {
  const kind = r();
  if (kind < 0.4) {
    return JSON.stringify({
      level: r() < 0.9 ? 'info' : 'warn',
      message: 'avatar_operation',
      operation: 'avatar_upload',
      userId: `user_${Math.floor(r() * 1e5)}`,
      fileSize: Math.floor(r() * 4_800_000),
      duration: Math.floor(r() * 2000),
      success: true,
      correlationId: requestId,
      timestamp: iso,
    });
  }
  if (kind < 0.6) return `INFO:     10.0.${i % 255}.23:51234 - "GET /api/videos/${i % 400} HTTP/1.1" 200 OK (took ${Math.floor(r() * 300)} ms at 10:05:00)`;
  if (kind < 0.75) return `REPORT RequestId: ${requestId}\tDuration: ${(r() * 3000).toFixed(2)} ms\tBilled Duration: ${Math.ceil(r() * 3000)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${Math.floor(r() * 900)} MB`;
  if (kind < 0.87) {
    const payload = { errorType: 'QuotaExceededError', errorMessage: 'Gemini API quota exceeded', stack: NODE_STACK };
    return `${iso}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(payload)}`;
  }
  if (kind < 0.97) return `[ERROR]\t${iso}\t${requestId}\tQuotaExceeded: quota exceeded for project databanana\n${PYTHON_TRACE}`;
  return `${iso}\t${requestId}\tERROR\tUnhandled rejection: ${NODE_STACK.join('\n')}\n    at /var/task/node_modules/@aws-sdk/client-sfn/dist-cjs/index.js:3125:21 see https://docs.aws.amazon.com:443/x.html`;
}

function buildRows(): ResultRow[] {
  const r = random(42);
  const end = Date.UTC(2026, 10, 22, 10, 5);
  const rows: ResultRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(end - i * 1000);
    const iso = t.toISOString();
    const requestId = `${Math.floor(r() * 1e8).toString(16).padStart(8, '0')}-5b8d-4c1e-9a7f-2d6b8e4c1a90`;
    rows.push([
      { field: '@timestamp', value: iso.replace('T', ' ').replace('Z', '') },
      { field: '@logStream', value: `2026/11/22/[$LATEST]${requestId.replace(/-/g, '')}` },
      { field: '@message', value: message(i, r, iso, requestId) },
      { field: '@ptr', value: `CmAKJgoiMTIzNDU2Nzg5MDEyOi9hd3MvbGFtYmRh${i}` },
    ]);
  }
  return rows;
}

export function benchInsightsResults(): void {
  const input: ResultsDocumentInput = {
    queryName: 'Failed generation jobs',
    query: 'fields @timestamp, @logStream, @message\n| filter @message like /ERROR|REPORT|avatar/\n| sort @timestamp desc\n| limit 10000',
    logGroups: ['/aws/lambda/databanana-GenerateFunction', '/ecs/prod/ai-video-backend'],
    range: { start: new Date(Date.UTC(2026, 10, 22, 7, 5)), end: new Date(Date.UTC(2026, 10, 22, 10, 5)), label: 'Last 3 hours' },
    status: 'Complete',
    statistics: { recordsMatched: ROWS, recordsScanned: 1_254_310, bytesScanned: 612 * 1024 ** 2 },
    rows: buildRows(),
    truncatedAt: ROWS,
  };
  const existing = new Set([`${WORKSPACE}/src/handlers/generate.ts`, `${WORKSPACE}/src/lib/gemini.ts`, `${WORKSPACE}/app/handler.py`, `${WORKSPACE}/app/images.py`]);
  const resolveOptions: ResolveOptions = {
    mappings: [{ from: '/var/task/', to: '${workspaceFolder}/' }],
    workspaceFolders: [WORKSPACE],
    fileExists: (p) => existing.has(p),
  };

  const format: number[] = [];
  const frames: number[] = [];
  const resolve: number[] = [];
  const resolveEach: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  let found = 0;
  let resolved = 0;
  for (let run = 0; run < RUNS; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const doc = formatResultsDocument(input);
    const t1 = performance.now();
    const links = findStackFrames(doc.text);
    const t2 = performance.now();
    // As a document would: one resolver for the document, each distinct frame path resolved once.
    const resolver = createFrameResolver(resolveOptions);
    resolved = 0;
    for (const frame of links) if (resolver(frame)) resolved++;
    const t3 = performance.now();
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    format.push(t1 - t0);
    frames.push(t2 - t1);
    resolve.push(t3 - t2);
    total.push(t3 - t0);
    size = doc.text.length;
    found = links.length;
  }
  // Without the resolver's preparation and cache, for comparison (not part of the total).
  const links = findStackFrames(formatResultsDocument(input).text);
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    for (const frame of links) resolveFramePath(frame, resolveOptions);
    resolveEach.push(performance.now() - t0);
  }
  const note = `(${ROWS.toLocaleString('en-US')} rows, ${(size / 1024 / 1024).toFixed(1)} MB of text, ${found} frames, ${resolved} resolved; first run ${total[0].toFixed(0)} ms, best ${Math.min(...total).toFixed(0)} ms; median CPU time ${median(cpu).toFixed(0)} ms)`;
  report('insights results: formatResultsDocument', median(format), 'ms');
  report('insights results: findStackFrames (whole text)', median(frames), 'ms');
  report('insights results: createFrameResolver (all frames)', median(resolve), 'ms');
  report('insights results: resolveFramePath, uncached', median(resolveEach), 'ms', undefined, '(not in the total)');
  report(`insights results: all three, median of ${RUNS}`, median(total), 'ms', 150, note);
}

if (require.main === module) benchInsightsResults();
