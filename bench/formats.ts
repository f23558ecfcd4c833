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
  let slowestBody = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(HOSTILE_BODIES)) {
    const ms = timed(() => readHealthBody(parseBody(text, text.startsWith('{') ? 'application/json' : 'text/plain', false)));
    if (ms > slowestBody.ms) slowestBody = { name, ms };
  }
  report('health formats: slowest hostile body', slowestBody.ms, 'ms', 100, `(${slowestBody.name})`);
}
