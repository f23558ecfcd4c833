import { PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { inParallel, type SandboxClients } from '../awsClients';
import { evaluateAlarm } from '../scenario/alarmReason';
import { ALARMS, type AlarmSpec, type AlarmState } from '../scenario/alarms';
import { metricKey } from '../scenario/metrics';
import { buildSeries } from '../scenario/series';

export interface SeededAlarm {
  region: string;
  name: string;
  state: AlarmState;
}

/** PutMetricAlarm, then SetAlarmState with a reason computed from the seeded data (moto starts alarms OK). */
export async function seedAlarms(clients: SandboxClients, now: Date, log: (s: string) => void): Promise<SeededAlarm[]> {
  return inParallel(4, ALARMS.map((alarm) => () => seedAlarm(clients, alarm, now, log)));
}

async function seedAlarm(clients: SandboxClients, alarm: AlarmSpec, now: Date, log: (s: string) => void): Promise<SeededAlarm> {
  const cw = clients.cloudWatch(alarm.region);
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: alarm.name,
      AlarmDescription: alarm.description,
      Namespace: alarm.namespace,
      MetricName: alarm.metricName,
      Dimensions: Object.entries(alarm.dimensions).map(([Name, Value]) => ({ Name, Value })),
      Statistic: alarm.statistic,
      ExtendedStatistic: alarm.extendedStatistic,
      Period: alarm.period,
      EvaluationPeriods: alarm.evaluationPeriods,
      DatapointsToAlarm: alarm.datapointsToAlarm,
      Threshold: alarm.threshold,
      ComparisonOperator: alarm.comparison,
      TreatMissingData: alarm.treatMissingData,
      Unit: alarm.unit,
      ActionsEnabled: true,
      AlarmActions: alarm.alarmActions,
      OKActions: alarm.okActions,
      Tags: alarm.tags ? Object.entries(alarm.tags).map(([Key, Value]) => ({ Key, Value })) : undefined,
    }),
  );
  const points = buildSeries(metricKey(alarm), alarm.shape, now);
  const evaluation = evaluateAlarm(alarm, points, now);
  if (evaluation.state !== alarm.state) {
    log(`warning: ${alarm.name} is set to ${alarm.state} but its data reads ${evaluation.state}`);
  }
  await cw.send(
    new SetAlarmStateCommand({
      AlarmName: alarm.name,
      StateValue: alarm.state,
      StateReason: evaluation.reason,
      StateReasonData: evaluation.reasonData,
    }),
  );
  return { region: alarm.region, name: alarm.name, state: alarm.state };
}
