import { strict as assert } from 'node:assert';
import type { LiveTailMessage, LiveTailRequest, LogsApi } from '../../../src/aws/services/logs';
import { TailSession } from '../../../src/logs/tail/session';
import { asScopeId } from '../../../src/core/scope';

const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders';

/** A LogsApi whose Live Tail streams are fed by the test. */
function fakeLogs() {
  const streams: { request: LiveTailRequest; signal: AbortSignal; push: (m: LiveTailMessage) => void; end: () => void }[] = [];
  const api = {
    startLiveTail(_region: string, request: LiveTailRequest, signal: AbortSignal): AsyncGenerator<LiveTailMessage> {
      const queue: LiveTailMessage[] = [];
      let wake: (() => void) | undefined;
      let done = false;
      streams.push({ request, signal, push: (m) => (queue.push(m), wake?.()), end: () => ((done = true), wake?.()) });
      signal.addEventListener('abort', () => ((done = true), wake?.()));
      return (async function* () {
        while (true) {
          while (queue.length) yield queue.shift()!;
          if (done) return;
          await new Promise<void>((r) => (wake = r));
        }
      })();
    },
  } as unknown as LogsApi;
  return { api, streams };
}

const settle = () => new Promise((r) => setTimeout(r, 5));
const update = (...messages: string[]): LiveTailMessage => ({ kind: 'update', sampled: false, events: messages.map((message, i) => ({ message, timestamp: 1000 + i, logStreamName: 's', logGroupIdentifier: ARN })) });

describe('a Live Tail session', () => {
  it('goes live, shows events, pauses the display, changes the filter with a new session and stops', async () => {
    const { api, streams } = fakeLogs();
    const changes: string[] = [];
    let clock = 0;
    const session = new TailSession(api, { region: asScopeId('us-east-1'), groups: [{ name: '/aws/lambda/orders', arn: ARN }], filterPattern: 'ERROR' }, 100, (what) => changes.push(what), () => clock);
    session.start();
    await settle();
    assert.deepEqual(streams[0]?.request, { logGroupIdentifiers: [ARN], logEventFilterPattern: 'ERROR', logStreamNamePrefixes: undefined });
    streams[0]?.push({ kind: 'start', sessionId: 's-1' });
    streams[0]?.push(update('ERROR one', 'ERROR two'));
    await settle();
    assert.equal(session.state, 'live');
    assert.match(session.buffer.text(), /ERROR one .*\n.*ERROR two/);
    changes.length = 0;
    session.setPaused(true);
    streams[0]?.push(update('ERROR three'));
    await settle();
    assert.deepEqual(changes, ['state'], 'no redraw for events while paused');
    assert.equal(session.buffer.received, 3, 'events still arrive');
    session.setPaused(false);
    clock = 90_000;
    assert.deepEqual(session.cost(), { minutes: 2, usd: 0.02 });
    session.setFilter('WARN');
    await settle();
    assert.equal(streams[0]?.signal.aborted, true, 'the old session is closed');
    assert.equal(streams[1]?.request.logEventFilterPattern, 'WARN');
    session.stop();
    assert.equal(streams[1]?.signal.aborted, true);
    assert.equal(session.state, 'ended');
  });

  it('says why the service ended the session', async () => {
    const { api, streams } = fakeLogs();
    const session = new TailSession(api, { region: asScopeId('us-east-1'), groups: [{ name: '/aws/lambda/orders', arn: ARN }], filterPattern: '' }, 100, () => undefined);
    session.start();
    await settle();
    streams[0]?.push({ kind: 'start', sessionId: 's-1' });
    streams[0]?.push({ kind: 'end', reason: 'Session timed out after 3 hours.', timedOut: true });
    await settle();
    assert.equal(session.state, 'ended');
    assert.match(session.endReason ?? '', /timed out.*at most 3 hours/);
  });
});
