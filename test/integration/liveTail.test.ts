import { strict as assert } from 'node:assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs, type LiveTailMessage } from '../../src/aws/services/logs';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const GROUP = '/aws/lambda/orders-checkout';
const OTHER = '/aws/lambda/orders-refunds';
const STREAM = '2026/12/02/[$LATEST]0f1e2d3c';

describe('Live Tail and FilterLogEvents against the stand-in', () => {
  let raw: CloudWatchLogsClient;
  let session: AwsSession;
  let logs: SdkLogs;
  let arn: string;

  const put = (group: string, messages: string[], at = Date.now()) =>
    raw.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: STREAM, logEvents: messages.map((message, i) => ({ timestamp: at + i, message })) }));

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    raw = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    for (const group of [GROUP, OTHER]) {
      await raw.send(new CreateLogGroupCommand({ logGroupName: group }));
      await raw.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: STREAM }));
    }
    const described = await raw.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: GROUP }));
    arn = (described.logGroups?.[0]?.arn ?? '').replace(/:\*$/, '');
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    logs = new SdkLogs(session);
  });

  afterEach(() => session.reset());

  it('streams the events written after the session started that match its filter pattern, and ends when aborted', async () => {
    await put(GROUP, [JSON.stringify({ level: 'ERROR', msg: 'written before the session' })], Date.now() - 1000);
    const abort = new AbortController();
    const stream = logs.startLiveTail(asScopeId('us-east-1'), { logGroupIdentifiers: [arn], logEventFilterPattern: '{ $.level = "ERROR" }' }, abort.signal);
    const received: string[] = [];
    const seen: LiveTailMessage['kind'][] = [];
    const reading = (async () => {
      for await (const message of stream) {
        seen.push(message.kind);
        if (message.kind === 'start') {
          await put(GROUP, [
            JSON.stringify({ level: 'INFO', msg: 'order 17 placed' }),
            JSON.stringify({ level: 'ERROR', msg: 'payment declined for order 17', stack: 'at charge (/var/task/src/payments.ts:42:7)' }),
            'ERROR plain text line',
          ]);
          await put(OTHER, [JSON.stringify({ level: 'ERROR', msg: 'another group' })]);
        }
        if (message.kind === 'update') received.push(...message.events.map((e) => e.message ?? ''));
        if (received.length > 0) abort.abort();
      }
    })();
    await Promise.race([reading, new Promise((_, reject) => setTimeout(() => reject(new Error(`no event within 5 s (saw ${seen.join(', ')})`)), 5000))]);
    assert.equal(seen[0], 'start');
    assert.deepEqual(received.map((m) => (JSON.parse(m) as { msg: string }).msg), ['payment declined for order 17']);
  });

  it('refuses more than 10 log groups, as the service does', async () => {
    const abort = new AbortController();
    const stream = logs.startLiveTail(asScopeId('us-east-1'), { logGroupIdentifiers: Array.from({ length: 11 }, () => arn) }, abort.signal);
    await assert.rejects(stream.next(), /InvalidParameter|10 log groups/);
  });

  it('FilterLogEvents evaluates the pattern over the window and pages with nextToken', async () => {
    const start = Date.now() - 60_000;
    await put(GROUP, ['[ERROR 400] BAD REQUEST', '[ERROR 419] MISSING ARGUMENTS', '[INFO 200] OK', '[ERROR 420] INVALID ARGUMENTS'], start);
    const first = await raw.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: start - 1, endTime: Date.now(), filterPattern: 'ERROR ARGUMENTS', limit: 1 }));
    assert.deepEqual(first.events?.map((e) => e.message), ['[ERROR 419] MISSING ARGUMENTS']);
    assert.ok(first.nextToken, 'a second page');
    const second = await raw.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: start - 1, endTime: Date.now(), filterPattern: 'ERROR ARGUMENTS', limit: 1, nextToken: first.nextToken }));
    assert.deepEqual(second.events?.map((e) => e.message), ['[ERROR 420] INVALID ARGUMENTS']);
    const all = await logs.filterEvents(asScopeId('us-east-1'), { logGroupName: GROUP, startTime: start - 1, endTime: Date.now(), filterPattern: 'ERROR -ARGUMENTS', limit: 100 });
    assert.deepEqual(all.events.map((e) => e.message), ['[ERROR 400] BAD REQUEST']);
  });
});
