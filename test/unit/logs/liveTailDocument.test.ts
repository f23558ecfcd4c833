import { strict as assert } from 'node:assert';
import { formatTailEvent, levelOf, liveTailCost, TailBuffer, type TailEvent } from '../../../src/core/logs';

const at = Date.UTC(2026, 11, 2, 2, 40, 1, 123);
const ev = (message: string, logStream = '2026/12/02/[$LATEST]abc'): TailEvent => ({ timestamp: at, logGroup: '/aws/lambda/orders', logStream, message });

describe('Live Tail lines', () => {
  it('names the level of Lambda runtime lines, JSON logs and plain text', () => {
    // Node.js runtime (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html): time, request id, level, message.
    assert.equal(levelOf('2026-12-02T02:40:01.123Z\t6f1c\tERROR\tInvoke Error \t{"errorType":"Error"}'), 'ERROR');
    assert.equal(levelOf('{"timestamp":"2026-12-02T02:40:01Z","level":"warn","msg":"slow"}'), 'WARN');
    assert.equal(levelOf('[INFO]\t2026-12-02T02:40:01.123Z\tabc\tstarted'), 'INFO');
    assert.equal(levelOf('START RequestId: 6f1c Version: $LATEST'), undefined);
  });

  it('writes time, level and message first, the stream shortened last, without terminal escapes or control characters', () => {
    const line = formatTailEvent(ev('\u001b[31mERROR\u001b[0m disk full\u0007\tretrying'), { prettyJson: false, showGroup: false });
    assert.equal(line, '02:40:01.123 ERROR disk full  retrying  · abc');
    const lambda = formatTailEvent(ev('2026-12-02T02:40:01.123Z\t6f1c2a9e-1b2c-4d5e-8f90-123456789abc\tERROR\tInvoke Error', '2026/12/02/[$LATEST]e2e17961800973a3f9'), { prettyJson: false, showGroup: false, zone: 'utc' });
    assert.equal(lambda, '02:40:01.123 ERROR 6f1c2a9e-1b2c-4d5e-8f90-123456789abc  Invoke Error  · …a3f9');
  });

  it('writes the time in the zone asked for', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      assert.match(formatTailEvent(ev('started'), { prettyJson: false, showGroup: false, zone: 'local' }), /^03:40:01\.123 - {5}started/);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('pretty-prints the JSON of a message on demand, after its runtime prefix', () => {
    const line = formatTailEvent(ev('2026-12-02T02:40:01.123Z\t6f1c\tERROR\t{"errorType":"QuotaExceededError","stack":["at generateImages (/var/task/src/handlers/generate.ts:42:11)"]}'), { prettyJson: true, showGroup: true });
    const lines = line.split('\n');
    assert.equal(lines[0], '02:40:01.123 ERROR 6f1c  · orders abc');
    assert.ok(lines.some((l) => l.trim() === '"at generateImages (/var/task/src/handlers/generate.ts:42:11)"'));
    assert.ok(lines.slice(1).every((l) => l.startsWith('    ')), 'continuation lines are indented');
  });
});

describe('Live Tail buffer', () => {
  it('keeps the last events only, oldest first', () => {
    const buffer = new TailBuffer(3);
    buffer.add([1, 2, 3, 4, 5].map((n) => ev(`event ${n}`)));
    assert.deepEqual(buffer.text().split('\n').map((l) => l.slice(13, 27)), ['-     event 3 ', '-     event 4 ', '-     event 5 ']);
    assert.equal(buffer.received, 5);
    assert.equal(buffer.dropped, 2);
    buffer.clear();
    assert.equal(buffer.text(), '');
  });

  it('counts every started minute of a session at the per-minute price', () => {
    assert.deepEqual(liveTailCost(10_000), { minutes: 1, usd: 0.01 });
    assert.deepEqual(liveTailCost(61_000), { minutes: 2, usd: 0.02 });
    assert.deepEqual(liveTailCost(3 * 3_600_000), { minutes: 180, usd: 1.8 });
  });
});
