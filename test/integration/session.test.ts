import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { collect } from '../../src/aws/paging';
import type { CallRecord } from '../../src/aws/callLog';
import { formatCallRecord } from '../../src/aws/callLog';
import { AwsUserError } from '../../src/aws/errors';
import { freePort } from '../../sandbox/ports';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

describe('AWS session against moto', () => {
  let calls: CallRecord[];
  let session: AwsSession;

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    calls = [];
    session = new AwsSession({ profile: '', regions: ['us-east-1', 'eu-north-1'], endpointUrl: awsEndpoint() }, { env: testEnv, onCall: (r) => calls.push(r) });
    Object.assign(process.env, testEnv);
  });

  afterEach(() => session.reset());

  it('reads alarms through the real SDK client and logs one line per call', async () => {
    const raw = new CloudWatchClient({ region: 'eu-north-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await raw.send(new PutMetricAlarmCommand({ AlarmName: 'dev-rds-cpu-critical', MetricName: 'CPUUtilization', Namespace: 'AWS/RDS', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' }));
    const cw = new SdkCloudWatch(session);
    const north = await collect(async function* () { for await (const p of cw.alarmPages(asScopeId('eu-north-1'))) yield p.metricAlarms; }());
    const east = await collect(async function* () { for await (const p of cw.alarmPages(asScopeId('us-east-1'))) yield p.metricAlarms; }());
    assert.deepEqual(north.map((a) => a.AlarmName), ['dev-rds-cpu-critical']);
    assert.deepEqual(east, [], 'regions are kept apart');
    assert.equal(calls.length, 2);
    assert.deepEqual(calls.map((c) => [c.service, c.operation, c.region, c.errorCode]), [
      ['CloudWatchClient', 'DescribeAlarms', 'eu-north-1', undefined],
      ['CloudWatchClient', 'DescribeAlarms', 'us-east-1', undefined],
    ]);
    const line = formatCallRecord(calls[0]);
    assert.match(line, /^CloudWatch\.DescribeAlarms eu-north-1 \d+ ms ok$/);
    assert.doesNotMatch(line, /testing/, 'never credentials');
  });

  it('keeps one client per service and region, and drops them when settings change', async () => {
    const a = await session.client('logs', asScopeId('us-east-1'));
    assert.equal(await session.client('logs', asScopeId('us-east-1')), a);
    assert.notEqual(await session.client('logs', asScopeId('eu-north-1')), a);
    assert.equal(session.update({ ...session.settings }), false);
    assert.equal(await session.client('logs', asScopeId('us-east-1')), a);
    assert.equal(session.update({ ...session.settings, regions: ['us-east-1'] }), true);
    assert.notEqual(await session.client('logs', asScopeId('us-east-1')), a);
  });

  it('names the endpoint and region when the endpoint cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    session.update({ ...session.settings, endpointUrl: closed });
    const logs = new SdkLogs(session);
    await assert.rejects(collect(logs.logGroupPages(asScopeId('eu-north-1'))), (err: unknown) => {
      assert.ok(err instanceof AwsUserError);
      assert.match(err.message, new RegExp(`Cannot reach the endpoint ${closed.replace(/[.:/]/g, '\\$&')} in eu-north-1`));
      assert.equal(err.action, 'openSettings');
      return true;
    });
    assert.equal(calls.at(-1)?.operation, 'DescribeLogGroups');
    assert.ok(calls.at(-1)?.errorCode, 'the failed call is logged with its error code');
  });
});
