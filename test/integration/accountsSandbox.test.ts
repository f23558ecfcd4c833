import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import type { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { SdkLogs } from '../../src/aws/services/logs';
import { collect } from '../../src/aws/paging';
import { resetMoto } from '../../sandbox/moto';
import { seedStaging } from '../../sandbox/seeders/staging';
import { twoAccountSession, type TwoAccounts } from '../support/twoAccounts';
import { FAKE_CREDENTIALS } from '../../sandbox/scenario/constants';
import { STAGING_ACCOUNT_ID, STAGING_ALARMS, STAGING_LOG_GROUP, STAGING_STATE_MACHINE } from '../../sandbox/scenario/staging';
import { awsEndpoint } from './setup';
import { asScopeId, type ScopeId } from '../../src/core/scope';

describe('the sandbox second account, as the workspace AWS config reaches it', () => {
  let accounts: TwoAccounts;
  let session: AwsSession;

  before(async () => {
    await resetMoto(awsEndpoint());
    const seeded = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { ...FAKE_CREDENTIALS } });
    await seeded.send(new PutMetricAlarmCommand({ AlarmName: 'dev-ecs-service-unhealthy', MetricName: 'HealthyHostCount', Namespace: 'AWS/ApplicationELB', Statistic: 'Minimum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'LessThanThreshold' }));
    seeded.destroy();
    await seedStaging(awsEndpoint(), new Date());
    accounts = twoAccountSession(awsEndpoint());
    session = accounts.session;
  });

  after(() => accounts.dispose());

  it('staging has its own alarms, state machine and logs; the seeded account keeps its own', async () => {
    assert.deepEqual((await session.regions()).regions, ['sandbox · us-east-1', 'staging · us-east-1']);
    const cw = new SdkCloudWatch(session);
    const alarms = async (root: ScopeId) => (await collect(async function* () { for await (const p of cw.alarmPages(root)) yield p.metricAlarms; }())).map((a) => [a.AlarmName, a.StateValue]);
    assert.deepEqual(await alarms(asScopeId('staging · us-east-1')), STAGING_ALARMS.map((a) => [a.name, a.state]).sort());
    assert.deepEqual((await alarms(asScopeId('sandbox · us-east-1'))).map(([name]) => name), ['dev-ecs-service-unhealthy']);
    const sfn = new SdkStepFunctions(session);
    assert.deepEqual((await collect(sfn.stateMachinePages(asScopeId('staging · us-east-1')))).map((m) => m.name), [STAGING_STATE_MACHINE]);
    assert.deepEqual(await collect(sfn.stateMachinePages(asScopeId('sandbox · us-east-1'))), []);
    const groups = await collect(new SdkLogs(session).logGroupPages(asScopeId('staging · us-east-1')));
    assert.deepEqual(groups.map((g) => g.logGroupName), [STAGING_LOG_GROUP]);
  });

  it("learns each profile's account id from STS, once per profile until the settings change", async () => {
    const before = session.generation;
    assert.equal(await session.member('staging').accountId(), STAGING_ACCOUNT_ID);
    const sandboxAccount = await session.member('sandbox').accountId();
    assert.match(sandboxAccount ?? '', /^\d{12}$/);
    assert.notEqual(sandboxAccount, STAGING_ACCOUNT_ID);
    assert.equal(session.member('staging').accountId(), session.member('staging').accountId(), 'asked once and kept');
    session.reset();
    assert.equal(session.generation, before + 1);
  });
});
