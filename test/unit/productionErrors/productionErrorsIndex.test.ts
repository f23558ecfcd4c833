import { strict as assert } from 'node:assert';
import { errorHeadline, indexErrors, isErrorEvent, lensTitle, hoverLines, problemMessage, scanSummary, workspaceFrames, type ErrorEvent, type LineErrors } from '../../../src/core/productionErrors';
import { createFrameResolver } from '../../../src/core/sourceLinks';
import { EXPECTED, MAPPINGS, ROOT, WORKSPACE, nodeInvokeError } from './productionErrorsEvents';

function resolver(files = WORKSPACE) {
  const set = new Set(files);
  return createFrameResolver({ mappings: MAPPINGS, workspaceFolders: [ROOT], fileExists: (p) => set.has(p), findBySuffix: (s) => files.filter((f) => f.endsWith(`/${s}`)) });
}

const T0 = Date.UTC(2026, 10, 30, 10, 0, 0);
const at = (file: string): [string, number] => {
  const i = file.lastIndexOf(':');
  return [`${ROOT}/${file.slice(0, i)}`, Number(file.slice(i + 1))];
};
function lineOf(index: ReturnType<typeof indexErrors>, where: string): LineErrors | undefined {
  const [file, line] = at(where);
  return index.files.get(file)?.find((l) => l.line === line);
}

describe('production errors: per-line index', () => {
  for (const c of EXPECTED) {
    it(`${c.language}: the top workspace frame counts the event, deeper ones are on its path`, () => {
      assert.ok(isErrorEvent(c.message), 'the query selects it');
      const index = indexErrors([{ timestamp: T0, message: c.message, logGroup: '/aws/lambda/shop' }], resolver());
      const top = lineOf(index, c.top);
      assert.ok(top, `${c.top} is marked`);
      assert.equal(top.count, 1);
      assert.equal(top.onPath, 0);
      assert.equal(top.kinds[0].title, c.title);
      assert.equal(top.functionName, c.fn);
      for (const d of c.deeper) {
        const deeper = lineOf(index, d);
        assert.ok(deeper, `${d} is marked`);
        assert.deepEqual([deeper.count, deeper.onPath], [0, 1]);
      }
      assert.equal(index.lines.length, 1 + c.deeper.length, 'no other line (dependencies and runtime frames are not the workspace)');
    });
  }

  it('adds up many events of every language: counts, errors by frequency, log groups, first and last seen', () => {
    const events: ErrorEvent[] = [];
    EXPECTED.forEach((c, i) => {
      for (let k = 0; k <= i; k++) events.push({ timestamp: T0 + (i * 100 + k) * 1000, message: c.message, logGroup: `/group/${k % 2}` });
    });
    const index = indexErrors(events, resolver());
    // stripe.ts:27 (Node Invoke Error, 1 event); process.py:12 is the top of both Python events (3 + 4).
    assert.equal(lineOf(index, 'app/process.py:12')?.count, 3 + 4);
    const charge = lineOf(index, 'src/handlers/charge.ts:14');
    assert.deepEqual([charge?.count, charge?.onPath], [0, 1 + 2]);
    const php = lineOf(index, 'app/Services/Billing/Invoicer.php:32')!;
    assert.equal(php.count, EXPECTED.length);
    assert.deepEqual([...php.kinds[0].logGroups].sort(), ['/group/0', '/group/1']);
    assert.equal(php.first, T0 + (EXPECTED.length - 1) * 100 * 1000);
    assert.equal(php.last, T0 + ((EXPECTED.length - 1) * 100 + EXPECTED.length - 1) * 1000);
    assert.equal(index.lines[0], php, 'most frequent first');
    const counts = index.lines.map((l) => l.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    assert.equal(index.lines.reduce((n, l) => n + l.count, 0), events.length, 'each event counts once, at its top frame');
  });

  it('an event with several workspace frames on one line (recursion) counts it once there', () => {
    const message = ['RangeError: Maximum call stack size exceeded', '    at walk (/var/task/src/lib/stripe.ts:5:3)', '    at walk (/var/task/src/lib/stripe.ts:5:3)', '    at walk (/var/task/src/lib/stripe.ts:9:10)'].join('\n');
    const index = indexErrors([{ timestamp: T0, message, logGroup: 'g' }], resolver());
    assert.deepEqual(index.lines.map((l) => [l.line, l.count, l.onPath]), [[5, 1, 0], [9, 0, 1]]);
  });

  it('an error thrown inside a dependency counts at the first workspace frame', () => {
    const frames = workspaceFrames(nodeInvokeError('x'), resolver());
    assert.deepEqual(frames.map((f) => `${f.file.slice(ROOT.length + 1)}:${f.line}`), ['src/lib/stripe.ts:27', 'src/handlers/charge.ts:14']);
  });

  it('frames outside the workspace, or escaping it, count nowhere', () => {
    const message = 'Error: boom\n    at f (/var/task/../../etc/passwd.js:1:1)\n    at g (/opt/other/src/x.ts:2:2)';
    assert.equal(indexErrors([{ timestamp: T0, message, logGroup: 'g' }], resolver()).lines.length, 0);
  });

  it('the query selects error events with frames, not informational lines that name a file', () => {
    assert.equal(isErrorEvent('INFO loaded config from /var/task/src/config.ts:12'), false);
    assert.equal(isErrorEvent('ERROR payment failed for order 42'), false);
  });

  it('titles: the error type and the first line of its message, short and plain', () => {
    assert.equal(errorHeadline(`${'x'.repeat(50)} ERROR ${'y'.repeat(500)}`).length <= 120, true);
    assert.equal(errorHeadline('[ERROR]\tValueError: bad value\nTraceback (most recent call last):\n  File "/var/task/a.py", line 3, in f'), 'ValueError: bad value');
  });

  it('CodeLens, hover and Problems texts', () => {
    const message = nodeInvokeError('r');
    const events = Array.from({ length: 37 }, (_, i) => ({ timestamp: T0 - i * 60_000, message, logGroup: '/aws/lambda/pay' }));
    const index = indexErrors(events, resolver());
    const line = lineOf(index, 'src/lib/stripe.ts:27')!;
    const now = new Date(T0 + 12 * 60_000);
    assert.equal(lensTitle(line, '24h', now), '⚠ 37 production errors (24h) · ChargeError: card declined · 12 min ago');
    assert.equal(lensTitle(line, '24h', now, true), '⚠ 37 production errors (24h) · ChargeError: card declined · 12 min ago · line may have moved');
    assert.equal(lensTitle(lineOf(index, 'src/handlers/charge.ts:14')!, '24h', now), '⚠ also on the path of 37 production errors (24h) · ChargeError: card declined · 12 min ago');
    assert.equal(problemMessage(line, '24h', now), '37 production errors in 24h: ChargeError: card declined (last 12 min ago)');
    const hover = hoverLines(line, '24h', now);
    assert.match(hover[1], /^37× ChargeError: card declined — \/aws\/lambda\/pay — first 2026-11-30 09:24:00 UTC, last 2026-11-30 10:00:00 UTC/);
  });
});

describe('production errors: what a refresh scanned and cost', () => {
  it('says how much, in how many queries, at which price', () => {
    assert.equal(scanSummary({ queries: 3, bytesScanned: 5 * 1024 ** 3, recordsScanned: 12_345 }), 'scanned 5.0 GB (12,345 records) in 3 queries, ≈ $0.0250 at $0.005 per GB');
  });
});
