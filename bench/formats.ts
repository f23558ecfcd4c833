import { parseBody } from '../src/core/health/body';
import { readHealthBody } from '../src/core/health/formats';
import { findStackFrames } from '../src/core/sourceLinks';
import { report } from './report';

const MB = 1024 * 1024;

/** Lines of 1 MB shaped to make a backtracking pattern stall: every frame pass must stay linear on them. */
const HOSTILE_LINES: Record<string, string> = {
  'PHP tails': '.php('.repeat(MB / 5),
  'PHP path': `${'a'.repeat(MB - 20)}.php(1)`,
  'Go document keys': '"path":"'.repeat(MB / 8),
  'Python list openers': '["'.repeat(MB / 2),
  'JVM frames': '(x.java:1)'.repeat(MB / 10),
  'JVM dotted name': `${'a.'.repeat(MB / 2)}java:1)`,
  'Node async': 'at async '.repeat(MB / 9),
};

const HOSTILE_BODIES: Record<string, string> = {
  'Kubernetes lines': `${'[-]x failed: '.repeat(MB / 13)}\n`,
  'Kubernetes many checks': Array.from({ length: 60_000 }, (_, i) => `[+]check-${i} ok`).join('\n'),
  'JSON nested groups': JSON.stringify(Array.from({ length: 8 }).reduce<unknown>((inner) => ({ status: 'UP', components: { a: inner, b: inner } }), { status: 'DOWN', details: { error: 'x'.repeat(1000) } })),
};

/** 1 MB of log lines whose JSON strings hold traces with escaped newlines, tabs, slashes and `\u003C` (zap, .NET, Laravel). */
function escapedJsonTraces(): string {
  const lines = [
    JSON.stringify({ level: 'error', msg: 'checkout failed', stacktrace: 'main.(*Handler).Checkout\n\t/home/dev/shop/server/handler.go:42\nmain.main\n\t/home/dev/shop/main.go:31' }),
    JSON.stringify({ LogLevel: 'Error', Exception: 'System.Exception: x\r\n   at Shop.Orders.\u003CGet\u003Ed__3.MoveNext() in C:\\src\\Shop\\Orders.cs:line 57' }),
    JSON.stringify({ exception: { file: '/var/www/app/Invoicer.php:32', trace: ['/var/www/app/Http/InvoiceController.php:54'] } }).replace(/\//g, '\\/'),
  ];
  const out: string[] = [];
  for (let size = 0, i = 0; size < MB; i++) {
    const line = lines[i % lines.length];
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** The slowest hostile 1 MB line through findStackFrames and the slowest hostile body through the health readers. */
export function benchFormats(): void {
  let slowestLine = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(HOSTILE_LINES)) {
    const ms = timed(() => findStackFrames(text));
    if (ms > slowestLine.ms) slowestLine = { name, ms };
  }
  // Output-bound: a line of 100,000 frames is read, sorted and de-duplicated whole.
  report('stack frames: slowest hostile 1 MB line', slowestLine.ms, 'ms', 400, `(${slowestLine.name})`);
  const escaped = escapedJsonTraces();
  report('stack frames: 1 MB of escaped JSON traces', timed(() => findStackFrames(escaped)), 'ms', 300);
  let slowestBody = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(HOSTILE_BODIES)) {
    const ms = timed(() => readHealthBody(parseBody(text, text.startsWith('{') ? 'application/json' : 'text/plain', false)));
    if (ms > slowestBody.ms) slowestBody = { name, ms };
  }
  report('health formats: slowest hostile body', slowestBody.ms, 'ms', 100, `(${slowestBody.name})`);
}
