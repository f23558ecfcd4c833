import { strict as assert } from 'node:assert';
import { DescribeAlarmContributorsCommand, DescribeAlarmsCommand, GetAlarmMuteRuleCommand } from '@aws-sdk/client-cloudwatch';
import { sandboxClients } from '../../sandbox/awsClients';
import { resetMoto } from '../../sandbox/moto';
import { PRIMARY_REGION } from '../../sandbox/scenario/constants';
import { seedAlarmKinds } from '../../sandbox/seeders/alarmKinds';
import { awsEndpoint } from './setup';

describe('sandbox alarms of every kind (seeded only when asked)', () => {
  it('seeds a log, PromQL, multi-series and anomaly-band alarm and an active mute rule', async () => {
    await resetMoto(awsEndpoint());
    const clients = sandboxClients(awsEndpoint());
    try {
      const seeded = await seedAlarmKinds(clients, new Date());
      const cw = clients.cloudWatch(PRIMARY_REGION);
      const all = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'] }));
      assert.deepEqual(all.LogAlarms?.map((a) => [a.AlarmName, a.StateValue]), [[seeded.logAlarm, 'ALARM']]);
      const metric = new Map(all.MetricAlarms?.map((a) => [a.AlarmName, a]));
      assert.ok(metric.get(seeded.promQlAlarm)?.EvaluationCriteria?.PromQLCriteria?.Query);
      assert.equal(metric.get(seeded.anomalyBandAlarm)?.ThresholdMetricId, 'ad1');
      assert.equal(metric.get(seeded.multiSeriesAlarm)?.StateValue, 'ALARM');
      const contributors = await cw.send(new DescribeAlarmContributorsCommand({ AlarmName: seeded.multiSeriesAlarm }));
      assert.deepEqual(contributors.AlarmContributors?.map((c) => c.ContributorAttributes), [{ InstanceId: 'i-0worker1' }]);
      const rule = await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: seeded.muteRule }));
      assert.equal(rule.Status, 'ACTIVE');
      assert.deepEqual(rule.MuteTargets?.AlarmNames, [seeded.multiSeriesAlarm]);
    } finally {
      clients.destroy();
    }
  });
});
