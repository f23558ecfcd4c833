import { strict as assert } from 'node:assert';
import { CloudWatchClient, GetAlarmMuteRuleCommand, ListAlarmMuteRulesCommand } from '@aws-sdk/client-cloudwatch';
import { AlarmsStore } from '../../src/alarms/store';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { alarmVariant } from '../../src/core/alarms/model';
import { muteRequest } from '../../src/core/alarms/muteRules';
import { asScopeId } from '../../src/core/scope';
import { startFaultProxy, type FaultProxy } from '../../sandbox/faults/proxy';
import { ALARM_KINDS } from '../../sandbox/seeders/alarmKinds';
import { freshAlarmKinds } from '../support/alarmKinds';
import { awsEndpoint, testEnv } from './setup';

const EAST = asScopeId('us-east-1');

describe('alarms of every type, mutes and contributors (Ops Lens through the real SDK, stand-in)', () => {
  let proxy: FaultProxy;
  let session: AwsSession;

  before(async () => {
    await freshAlarmKinds(awsEndpoint());
    proxy = await startFaultProxy({ upstream: awsEndpoint() });
  });
  after(() => proxy.stop());

  beforeEach(() => {
    proxy.clear();
    Object.assign(process.env, testEnv);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: proxy.url }, { env: testEnv });
  });
  afterEach(() => {
    proxy.clear();
    session.reset();
  });

  it('reads every type, the muted alarm with its rule and expiry, and the contributors of the multi-series alarm', async () => {
    const store = new AlarmsStore(new SdkCloudWatch(session));
    assert.equal(await store.refresh([EAST]), true);
    const byName = new Map([...store.all()].map((a) => [a.name, a]));
    assert.equal(alarmVariant(byName.get(ALARM_KINDS.logAlarm)!), 'log');
    assert.equal(byName.get(ALARM_KINDS.logAlarm)?.state, 'ALARM');
    assert.deepEqual(byName.get(ALARM_KINDS.logAlarm)?.logQuery?.logGroups, ['/aws/lambda/checkout']);
    assert.equal(alarmVariant(byName.get(ALARM_KINDS.promQlAlarm)!), 'promQl');
    assert.equal(alarmVariant(byName.get(ALARM_KINDS.anomalyBandAlarm)!), 'anomaly');
    const multi = byName.get(ALARM_KINDS.multiSeriesAlarm)!;
    assert.equal(alarmVariant(multi), 'multiSeries');
    assert.equal(multi.muted?.rule, ALARM_KINDS.muteRule);
    assert.ok(multi.muted?.until && multi.muted.until.getTime() > Date.now(), 'muted until a time to come');
    assert.equal(byName.get(ALARM_KINDS.logAlarm)?.muted, undefined);
    const contributors = await store.contributors(multi);
    assert.deepEqual(contributors.map((c) => c.attributes), [[{ name: 'InstanceId', value: 'i-0worker1' }]]);
    assert.match(contributors[0]!.reason, /greater than the threshold \(80\)/);
    store.dispose();
  });

  it('mutes with the request the Mute command sends, and ends the mute by deleting its rule', async () => {
    const api = new SdkCloudWatch(session);
    const now = new Date();
    await api.putMuteRule(EAST, muteRequest('ops-lens-mute-test', [ALARM_KINDS.logAlarm], now, new Date(now.getTime() + 3_600_000), 'test'));
    const raw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    try {
      assert.equal((await raw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'ops-lens-mute-test' }))).Status, 'ACTIVE');
      const store = new AlarmsStore(api);
      await store.refresh([EAST]);
      assert.equal(store.find(ALARM_KINDS.logAlarm, EAST)?.muted?.rule, 'ops-lens-mute-test');
      await api.deleteMuteRule(EAST, 'ops-lens-mute-test');
      await store.refresh([EAST]);
      assert.equal(store.find(ALARM_KINDS.logAlarm, EAST)?.muted, undefined);
      const left = await raw.send(new ListAlarmMuteRulesCommand({ AlarmName: ALARM_KINDS.logAlarm }));
      assert.deepEqual(left.AlarmMuteRuleSummaries, []);
      store.dispose();
    } finally {
      raw.destroy();
    }
  });

  it('shows the alarms when mute rules may not be read, and says why', async () => {
    proxy.script([{ fault: 'accessDenied', operation: 'ListAlarmMuteRules' }]);
    const store = new AlarmsStore(new SdkCloudWatch(session));
    assert.equal(await store.refresh([EAST]), true, 'the alarms are read');
    assert.ok(store.find(ALARM_KINDS.multiSeriesAlarm, EAST), 'the alarms are there');
    assert.equal(store.find(ALARM_KINDS.multiSeriesAlarm, EAST)?.muted, undefined);
    assert.match(store.muteRulesError(EAST)?.message ?? '', /ListAlarmMuteRules/);
    store.dispose();
  });
});
