import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { CloudWatchLogsClient, StartLiveTailCommand, type StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { errorFrame, eventFrame, exceptionFrame } from '../../../sandbox/standin/logs/eventStream';
import { withoutForeignHostPrefix } from '../../../src/aws/services/logs';

/** A client whose transport answers every request with these frames, so the SDK's own codec decodes them. */
function clientAnswering(frames: Uint8Array[], seen: { hostname?: string; target?: string }[] = []): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    requestHandler: {
      handle: async (request: { hostname?: string; headers: Record<string, string> }) => {
        seen.push({ hostname: request.hostname, target: request.headers['x-amz-target'] });
        return { response: { statusCode: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream' }, body: Readable.from(frames.map((f) => Buffer.from(f))) } };
      },
    } as never,
  });
}

async function collect(client: CloudWatchLogsClient): Promise<StartLiveTailResponseStream[]> {
  const out = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders'] }));
  const messages: StartLiveTailResponseStream[] = [];
  for await (const m of out.responseStream ?? []) messages.push(m);
  return messages;
}

describe('Live Tail event-stream frames (decoded by the SDK)', () => {
  it('reads the initial response, the session start and updates with their events', async () => {
    const seen: { hostname?: string; target?: string }[] = [];
    const messages = await collect(clientAnswering([
      eventFrame('initial-response', {}),
      eventFrame('sessionStart', { requestId: 'r-1', sessionId: 's-1', logGroupIdentifiers: ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders'], logEventFilterPattern: 'ERROR' }),
      eventFrame('sessionUpdate', { sessionMetadata: { sampled: false }, sessionResults: [{ logStreamName: '2026/12/02/[$LATEST]abc', logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders', message: 'ERROR boom', timestamp: 1764643200000, ingestionTime: 1764643200100 }] }),
      eventFrame('sessionUpdate', { sessionMetadata: { sampled: true }, sessionResults: [] }),
    ], seen));
    assert.equal(seen[0]?.target, 'Logs_20140328.StartLiveTail');
    assert.match(seen[0]?.hostname ?? '', /^stream-logs\.eu-west-1\./, 'the SDK adds Live Tail\'s host prefix');
    assert.equal(messages.length, 3);
    assert.equal(messages[0]?.sessionStart?.sessionId, 's-1');
    assert.equal(messages[0]?.sessionStart?.logEventFilterPattern, 'ERROR');
    const events = messages[1]?.sessionUpdate?.sessionResults ?? [];
    assert.equal(events.length, 1);
    assert.equal(events[0]?.message, 'ERROR boom');
    assert.equal(events[0]?.timestamp, 1764643200000);
    assert.equal(events[0]?.logStreamName, '2026/12/02/[$LATEST]abc');
    assert.equal(messages[2]?.sessionUpdate?.sessionMetadata?.sampled, true);
  });

  it('ends with the modelled SessionTimeoutException', async () => {
    await assert.rejects(
      collect(clientAnswering([eventFrame('sessionStart', { sessionId: 's-2' }), exceptionFrame('SessionTimeoutException', 'Session timed out after 3 hours.')])),
      (err: Error) => err.name === 'SessionTimeoutException' && /3 hours/.test(err.message),
    );
  });

  it('ends with an unmodelled error frame as the SDK reports it', async () => {
    await assert.rejects(
      collect(clientAnswering([eventFrame('sessionStart', { sessionId: 's-3' }), errorFrame('InternalFailure', 'The service failed')])),
      (err: Error) => /InternalFailure|The service failed/.test(`${err.name} ${err.message}`),
    );
  });
});

describe('Live Tail host prefix', () => {
  it('keeps AWS\'s stream- host and drops it from an endpoint override', () => {
    assert.equal(withoutForeignHostPrefix('stream-logs.eu-west-1.amazonaws.com'), 'stream-logs.eu-west-1.amazonaws.com');
    assert.equal(withoutForeignHostPrefix('stream-127.0.0.1'), '127.0.0.1');
    assert.equal(withoutForeignHostPrefix('stream-localhost'), 'localhost');
    assert.equal(withoutForeignHostPrefix('logs.internal.example.com'), 'logs.internal.example.com');
  });
});
