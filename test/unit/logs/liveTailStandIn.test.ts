import { strict as assert } from 'node:assert';
import { EventStreamCodec } from '@smithy/core/event-streams';
import type { HandlerContext } from '../../../sandbox/standin/handler';
import { Streamed } from '../../../sandbox/standin/handler';
import { LiveTailHub } from '../../../sandbox/standin/logs/liveTail';

const codec = new EventStreamCodec((b) => new TextDecoder().decode(b), (s) => new TextEncoder().encode(s));
const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders';

/** A response that keeps the frames written to it, decoded. */
function recordingResponse() {
  const frames: { type: string; body: unknown }[] = [];
  let onClose: (() => void) | undefined;
  let ended = false;
  const decode = (chunk: Uint8Array) => {
    const m = codec.decode(chunk);
    const type = String(m.headers[':event-type']?.value ?? m.headers[':exception-type']?.value ?? m.headers[':error-code']?.value);
    frames.push({ type, body: JSON.parse(new TextDecoder().decode(m.body) || 'null') });
  };
  const res = {
    writeHead: () => res,
    write: (chunk: Uint8Array) => (decode(chunk), true),
    end: (chunk?: Uint8Array) => {
      if (chunk) decode(chunk);
      ended = true;
    },
    on: (event: string, listener: () => void) => {
      if (event === 'close') onClose = listener;
      return res;
    },
  };
  return { res, frames, close: () => onClose?.(), ended: () => ended };
}

function context(input: Record<string, unknown>): HandlerContext {
  const moto = { call: async () => ({ logGroups: [{ logGroupName: '/aws/lambda/orders', arn: `${ARN}:*` }] }) };
  return { region: 'us-east-1', operation: 'StartLiveTail', input, rawBody: Buffer.from(''), moto: moto as never, requestId: 'req-1' };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the stand-in\'s Live Tail sessions', () => {
  it('send the events put into their log group that match the filter, and end server-side when the client goes', async () => {
    const hub = new LiveTailHub(undefined, 20);
    const answer = await hub.start(context({ logGroupIdentifiers: [ARN], logEventFilterPattern: '{ $.level = "ERROR" }' }));
    assert.ok(answer instanceof Streamed);
    const out = recordingResponse();
    answer.start(out.res as never);
    assert.deepEqual(out.frames.map((f) => f.type), ['initial-response', 'sessionStart']);
    hub.publish('us-east-1', [
      { logGroupName: '/aws/lambda/orders', logStreamName: 's', timestamp: 1, message: '{"level":"INFO"}' },
      { logGroupName: '/aws/lambda/orders', logStreamName: 's', timestamp: 2, message: '{"level":"ERROR","msg":"declined"}' },
      { logGroupName: '/aws/lambda/other', logStreamName: 's', timestamp: 3, message: '{"level":"ERROR"}' },
    ]);
    hub.publish('eu-west-1', [{ logGroupName: '/aws/lambda/orders', logStreamName: 's', timestamp: 4, message: '{"level":"ERROR"}' }]);
    await tick(60);
    const update = out.frames.find((f) => f.type === 'sessionUpdate')?.body as { sessionResults: { message: string; logGroupIdentifier: string }[] };
    assert.deepEqual(update.sessionResults.map((r) => [r.message, r.logGroupIdentifier]), [['{"level":"ERROR","msg":"declined"}', ARN]]);
    assert.equal(hub.openSessions, 1);
    out.close();
    assert.equal(hub.openSessions, 0);
  });

  it('ends a session at its time limit with SessionTimeoutException', async () => {
    const hub = new LiveTailHub(10, 20);
    const out = recordingResponse();
    ((await hub.start(context({ logGroupIdentifiers: [ARN] }))) as Streamed).start(out.res as never);
    await tick(60);
    assert.equal(out.frames.at(-1)?.type, 'SessionTimeoutException');
    assert.ok(out.ended());
    assert.equal(hub.openSessions, 0);
  });
});
