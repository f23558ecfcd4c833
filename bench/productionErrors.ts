import { fileMarks, indexErrors, type ErrorEvent } from '../src/core/productionErrors';
import { createFrameResolver } from '../src/core/sourceLinks';
import { GO_LAMBDA_PANIC, JAVA_LAMBDA_ERROR, PHP_LARAVEL, PYTHON_LAMBDA_ERROR } from '../test/fixtures/stackFrames/traces';
import { median, report } from './report';

const EVENTS = 10_000;
const MARKED_LINES = 50;
const RUNS = 7;
const ROOT = '/home/dev/shop';
const FILES = [
  'src/handlers/charge.ts', 'src/lib/stripe.ts', 'app/process.py', 'lambda_function.py', 'src/main/java/example/HandlerDivide.java',
  'internal/checkout/handler.go', 'cmd/lambda/main.go', 'app/Services/Billing/Invoicer.php', 'app/Http/Controllers/InvoiceController.php',
].map((f) => `${ROOT}/${f}`);

/** Error events of five runtimes, the Node ones on 40 different lines, with the prefixes Lambda writes. */
function events(): ErrorEvent[] {
  const out: ErrorEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const iso = new Date(Date.UTC(2026, 10, 30) + i * 7000).toISOString();
    const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, '0').slice(-width);
    const requestId = `${hex(i * 2654435761, 8)}-${hex(i * 40503, 4)}-4${hex(i * 7, 3)}-a${hex(i * 13, 3)}-${hex(i * 97, 6)}${hex(i * 31, 6)}`;
    let message: string;
    switch (i % 6) {
      case 0:
      case 1: {
        const stack = ['ChargeError: card declined', `    at chargeCard (/var/task/src/lib/stripe.ts:${10 + (i % 40)}:11)`, '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)', '    at async Runtime.handler (/var/task/src/handlers/charge.ts:14:5)'];
        message = `${iso}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify({ errorType: 'ChargeError', errorMessage: 'card declined', stack })}`;
        break;
      }
      case 2:
        message = `[ERROR]\t${iso}\t${requestId}\t${PYTHON_LAMBDA_ERROR}`;
        break;
      case 3:
        message = `${iso}\t${requestId}\tERROR\t${JAVA_LAMBDA_ERROR}`;
        break;
      case 4:
        message = GO_LAMBDA_PANIC;
        break;
      default:
        message = PHP_LARAVEL;
    }
    out.push({ timestamp: Date.parse(iso), message, logGroup: `/aws/lambda/shop-${i % 3}` });
  }
  return out;
}

function resolver() {
  const files = new Set(FILES);
  return createFrameResolver({ mappings: [{ from: '/var/task/', to: ROOT }, { from: '/var/www/', to: ROOT }], workspaceFolders: [ROOT], fileExists: (p) => files.has(p), findBySuffix: (s) => FILES.filter((f) => f.endsWith(`/${s}`)) });
}

function timed(work: () => void, runs = RUNS): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function benchProductionErrors(): void {
  const all = events();
  // A new resolver per refresh, as the extension makes one: its cache starts empty every run.
  report('production errors: index of 10,000 error events', timed(() => indexErrors(all, resolver())), 'ms', 100);

  // One 600-line file with 50 marked lines.
  const source = Array.from({ length: 600 }, (_, i) => (i % 12 === 0 ? `export function step${i}(order) {` : `  const v${i} = await next(order, ${i});`));
  const file = `${ROOT}/src/lib/stripe.ts`;
  const marked: ErrorEvent[] = Array.from({ length: MARKED_LINES }, (_, k) => {
    const line = 2 + k * 11;
    return { timestamp: Date.UTC(2026, 10, 30) + k, message: `Error: step failed\n    at step${Math.floor((line - 1) / 12) * 12} (/var/task/src/lib/stripe.ts:${line}:5)`, logGroup: 'g' };
  });
  const lines = indexErrors(marked, resolver()).files.get(file) ?? [];
  if (lines.length !== MARKED_LINES) throw new Error(`expected ${MARKED_LINES} marked lines, got ${lines.length}`);
  const now = new Date(Date.UTC(2026, 10, 30, 12));
  report('production errors: CodeLens, file with 50 marked lines', timed(() => fileMarks(lines, source, undefined, '24h', now), 51), 'ms', 2);
  const edited = ['// a comment added above', ...source.slice(0, 300), '  log(order);', ...source.slice(300)];
  report('production errors: same, with unsaved edits', timed(() => fileMarks(lines, edited, source, '24h', now), 51), 'ms', 2);
}
