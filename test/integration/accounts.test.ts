import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { collect } from '../../src/aws/paging';
import { AwsUserError } from '../../src/aws/errors';
import { resetMoto } from '../../sandbox/moto';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { awsEndpoint } from './setup';
import type { ScopeId } from '../../src/core/scope';
import { asScopeId } from '../../src/core/scope';

// moto keeps accounts apart by access key id: a 12-digit key id is that account.
const PROD_KEY = '111111111111';
const STAGING_KEY = '222222222222';

describe('several AWS profiles side by side (real SDK against moto)', () => {
  let dir: string;
  let session: AwsSession;
  const sharedFiles = () => ({ configFilepath: path.join(dir, 'config'), filepath: path.join(dir, 'credentials') });

  async function putAlarm(accessKeyId: string, region: string, name: string): Promise<void> {
    const client = new CloudWatchClient({ region, endpoint: awsEndpoint(), credentials: { accessKeyId, secretAccessKey: 'testing' } });
    await client.send(new PutMetricAlarmCommand({ AlarmName: name, MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
    client.destroy();
  }

  const alarmNames = async (region: ScopeId) =>
    (await collect(async function* () { for await (const p of new SdkCloudWatch(session).alarmPages(region)) yield p.metricAlarms; }())).map((a) => a.AlarmName);

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-accounts-'));
    // Each profile with its own region and endpoint, as the shared config defines them.
    fs.writeFileSync(path.join(dir, 'config'), [
      '[profile prod]', 'region = us-east-1', `endpoint_url = ${awsEndpoint()}`, '',
      '[profile staging]', 'region = eu-west-1', 'services = local', '',
      '[services local]', 'cloudwatch =', `  endpoint_url = ${awsEndpoint()}`, '',
      '[profile nokeys]', 'region = us-east-1', `endpoint_url = ${awsEndpoint()}`, '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'credentials'), [
      '[prod]', `aws_access_key_id = ${PROD_KEY}`, 'aws_secret_access_key = testing', '',
      '[staging]', `aws_access_key_id = ${STAGING_KEY}`, 'aws_secret_access_key = testing', '',
    ].join('\n'));
    await putAlarm(PROD_KEY, 'us-east-1', 'prod-api-errors');
    await putAlarm(STAGING_KEY, 'eu-west-1', 'staging-api-errors');
    session = new AwsSession({ profile: '', regions: [], endpointUrl: '', profiles: ['prod', 'staging'] }, { env: {}, sharedFiles: sharedFiles() });
  });

  afterEach(() => {
    session.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('each profile under its own root, with its own region, endpoint and account', async () => {
    const { regions } = await session.regions();
    assert.deepEqual(regions, ['prod · us-east-1', 'staging · eu-west-1']);
    const since = await lastCallSeq(awsEndpoint());
    assert.deepEqual(await alarmNames(asScopeId('prod · us-east-1')), ['prod-api-errors']);
    assert.deepEqual(await alarmNames(asScopeId('staging · eu-west-1')), ['staging-api-errors']);
    const calls = (await awsCalls(awsEndpoint(), since)).filter((c) => c.operation === 'DescribeAlarms');
    assert.deepEqual(calls.map((c) => [c.region, c.accessKeyId]), [['us-east-1', PROD_KEY], ['eu-west-1', STAGING_KEY]]);
  });

  it('a profile without credentials fails on its own; the others still load', async () => {
    session.update({ ...session.settings, profiles: ['nokeys', 'prod'] });
    await session.checkCredentials();
    await assert.rejects(alarmNames(asScopeId('nokeys · us-east-1')), (err: unknown) => err instanceof AwsUserError && /nokeys/.test(err.message));
    assert.deepEqual(await alarmNames(asScopeId('prod · us-east-1')), ['prod-api-errors']);
  });

  it('after switching profiles no call goes out with the old profile credentials', async () => {
    assert.deepEqual(await alarmNames(asScopeId('prod · us-east-1')), ['prod-api-errors']);
    assert.equal(session.update({ ...session.settings, profiles: ['staging'] }), true);
    const since = await lastCallSeq(awsEndpoint());
    const { regions } = await session.regions();
    assert.deepEqual(regions, ['staging · eu-west-1']);
    for (const region of regions) assert.deepEqual(await alarmNames(region), ['staging-api-errors']);
    // A view still holding the old root (a refresh racing the switch) must not reach AWS as prod.
    await assert.rejects(alarmNames(asScopeId('prod · us-east-1')));
    const calls = await awsCalls(awsEndpoint(), since);
    assert.ok(calls.length > 0);
    assert.deepEqual([...new Set(calls.map((c) => c.accessKeyId))], [STAGING_KEY]);
  });

  it('a plain region with several profiles goes out as the first selected profile, never as credentials nobody selected', async () => {
    session.update({ ...session.settings, profiles: ['staging', 'prod'] });
    const since = await lastCallSeq(awsEndpoint());
    assert.deepEqual(await alarmNames(asScopeId('eu-west-1')), ['staging-api-errors']);
    const calls = (await awsCalls(awsEndpoint(), since)).filter((c) => c.operation === 'DescribeAlarms');
    assert.deepEqual(calls.map((c) => c.accessKeyId), [STAGING_KEY]);
  });
});
