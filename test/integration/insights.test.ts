import { strict as assert } from 'node:assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { AwsUserError } from '../../src/aws/errors';
import { runInsightsQuery, type QueryProgress } from '../../src/insights/execution';
import { collect } from '../../src/aws/paging';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const GROUP = '/ecs/dev/ai-video-backend';

describe('Logs Insights runs against the stand-in', () => {
  let session: AwsSession;
  let logs: SdkLogs;
  const now = Date.now();

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    const raw = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await raw.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await raw.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'web/1' }));
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => `ERROR POST /api/videos 500 duration=${1200 + i}.5 request failed`),
      ...Array.from({ length: 3 }, (_, i) => `ERROR GET /api/jobs/${i} 502 duration=80.1 upstream error`),
      ...Array.from({ length: 20 }, (_, i) => `INFO GET /api/videos/${i} 200 duration=45.${i}`),
    ];
    await raw.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'web/1', logEvents: lines.map((message, i) => ({ timestamp: now - 30 * 60_000 + i * 1000, message })) }));
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    logs = new SdkLogs(session);
  });

  afterEach(() => session.reset());

  const errorRateByEndpoint = 'fields @timestamp, @message\n| filter @message like /ERROR/\n| parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/\n| stats count() as error_count by endpoint\n| sort error_count desc';

  it('runs seed 002\'s "Error Rate by Endpoint" and reports progress until Complete', async () => {
    const seen: QueryProgress[] = [];
    const outcome = await runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: errorRateByEndpoint, logGroupNames: [GROUP], start: new Date(now - 3600_000), end: new Date(now) }, { onProgress: (p) => seen.push(p), delays: [100] });
    assert.equal(outcome.status, 'Complete');
    assert.ok(seen.some((p) => p.status === 'Running'), 'progress shows Running before Complete');
    const rows = (outcome.response.results ?? []).map((r) => Object.fromEntries(r.map((f) => [f.field, f.value])));
    assert.deepEqual(rows[0], { endpoint: '/api/videos', error_count: '6' });
    assert.equal(rows.length, 4);
    assert.equal(outcome.response.statistics?.recordsMatched, 9);
  });

  it('stops the query when cancelled', async () => {
    let polls = 0;
    const outcome = await runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: 'fields @message', logGroupNames: [GROUP], start: new Date(now - 3600_000), end: new Date(now) }, { onProgress: () => polls++, cancelled: () => polls >= 1, delays: [50] });
    assert.equal(outcome.status, 'Cancelled');
    assert.equal(outcome.response.status, 'Cancelled');
  });

  it('rejects a malformed query with its position, and names a missing log group', async () => {
    const bad = 'fields @timestamp, duration, fileSize\n| filter operation = "avatar_upload"\n| bin(fileSize, 1000000) as fileSizeBin\n| stats avg(duration) by fileSizeBin';
    await assert.rejects(runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: bad, logGroupNames: [GROUP], start: new Date(now - 3600_000), end: new Date(now) }), (err: unknown) => {
      assert.ok(err instanceof AwsUserError);
      assert.equal(err.code, 'MalformedQueryException');
      assert.match((err.original as Error).message, /at line 3 and position 3/);
      return true;
    });
    await assert.rejects(runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: 'fields @message', logGroupNames: ['/aws/lambda/missing'], start: new Date(now - 3600_000), end: new Date(now) }), /missing/);
  });

  it('saves and lists query definitions', async () => {
    const id = await logs.putQueryDefinition(asScopeId('us-east-1'), { name: 'Error Rate by Endpoint', queryString: errorRateByEndpoint, logGroupNames: [GROUP] });
    assert.ok(id);
    const all = await collect(logs.queryDefinitionPages(asScopeId('us-east-1')));
    assert.deepEqual(all.map((d) => [d.name, d.logGroupNames]), [['Error Rate by Endpoint', [GROUP]]]);
  });
});
