import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { AlarmsStore } from '../../src/alarms/store';
import { groupByState } from '../../src/core/alarms/grouping';
import type { Alarm } from '../../src/core/alarms/model';
import { freePort } from '../../sandbox/ports';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

describe('alarms store against moto', () => {
  let raw: CloudWatchClient;
  let session: AwsSession;

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    raw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
  });

  afterEach(() => session.reset());

  async function putAlarm(name: string, state?: 'ALARM' | 'INSUFFICIENT_DATA', client = raw): Promise<void> {
    await client.send(new PutMetricAlarmCommand({ AlarmName: name, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', AlarmDescription: `Runbook: https://wiki.example.com/${name}` }));
    if (state) await client.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: `set by test to ${state}` }));
  }

  it('loads every alarm of every region and groups them by state', async () => {
    await putAlarm('dev-ecs-cpu-warning', 'ALARM');
    await putAlarm('dev-rds-cpu-critical');
    await putAlarm('dev-redis-memory-warning', 'INSUFFICIENT_DATA');
    const north = new CloudWatchClient({ region: 'eu-north-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await putAlarm('avatar-s3-storage', 'ALARM', north);
    const store = new AlarmsStore(new SdkCloudWatch(session));
    assert.equal(await store.refresh([asScopeId('us-east-1'), asScopeId('eu-north-1')]), true);
    const east = store.regions.find((r) => r.region === 'us-east-1')!;
    assert.deepEqual(groupByState(east.alarms).map((g) => [g.state, g.alarms.map((a) => a.name)]), [
      ['ALARM', ['dev-ecs-cpu-warning']],
      ['INSUFFICIENT_DATA', ['dev-redis-memory-warning']],
      ['OK', ['dev-rds-cpu-critical']],
    ]);
    assert.deepEqual(store.regions.find((r) => r.region === 'eu-north-1')!.alarms.map((a) => a.name), ['avatar-s3-storage']);
    const cpu = store.find('dev-ecs-cpu-warning')!;
    assert.equal(cpu.stateReason, 'set by test to ALARM');
    assert.equal(cpu.metric?.namespace, 'AWS/ECS');
    assert.equal(cpu.threshold, 70);
  });

  it('raises one transition event when an alarm moves into ALARM between refreshes', async () => {
    await putAlarm('dev-ecs-service-unhealthy');
    await putAlarm('already-firing', 'ALARM');
    const store = new AlarmsStore(new SdkCloudWatch(session));
    const seen: Alarm[][] = [];
    store.onDidEnterAlarm((alarms) => seen.push(alarms));
    await store.refresh([asScopeId('us-east-1')]);
    assert.equal(seen.length, 0, 'the first load is not a transition');
    await raw.send(new SetAlarmStateCommand({ AlarmName: 'dev-ecs-service-unhealthy', StateValue: 'ALARM', StateReason: 'RunningTaskCount 0 < 1' }));
    await putAlarm('brand-new', 'ALARM');
    await store.refresh([asScopeId('us-east-1')]);
    assert.deepEqual(seen.map((batch) => batch.map((a) => a.name)), [['dev-ecs-service-unhealthy']]);
  });

  it('keeps the last good alarms of a failing region and the other regions intact', async () => {
    await putAlarm('dev-ecs-cpu-warning', 'ALARM');
    const store = new AlarmsStore(new SdkCloudWatch(session));
    await store.refresh([asScopeId('us-east-1')]);
    session.update({ ...session.settings, endpointUrl: `http://127.0.0.1:${await freePort()}` });
    assert.equal(await store.refresh([asScopeId('us-east-1')]), false);
    const east = store.regions[0];
    assert.deepEqual(east.alarms.map((a) => a.name), ['dev-ecs-cpu-warning'], 'nothing lost');
    assert.match(east.error?.message ?? '', /Cannot reach the endpoint/);
  });
});
