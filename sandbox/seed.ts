import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { sandboxClients, type SandboxClients } from './awsClients';
import type { AlarmState } from './scenario/alarms';
import { PRIMARY_REGION, SCENARIO_REGIONS } from './scenario/constants';
import { buildLogGroups } from './scenario/logs';
import type { ExecutionOutcome } from './scenario/stateMachine';
import { seedAlarmKinds, type AlarmKindsSeed } from './seeders/alarmKinds';
import { seedAlarms } from './seeders/alarms';
import { seedDashboards } from './seeders/dashboards';
import { seedDeploy } from './seeders/deploy';
import { seedLogs, type LogSeedResult } from './seeders/logs';
import { seedMetrics } from './seeders/metrics';
import { seedStepFunctions } from './seeders/stepFunctions';
import { seedStandInData } from './seeders/standIn';
import { seedStaging } from './seeders/staging';
import { seedThumbnailBatch, type ThumbnailBatchSeedResult } from './seeders/thumbnailBatch';

export interface ScenarioSummary {
  /** The moment the scenario's data is aligned to. */
  now: string;
  regions: string[];
  /** Alarm names with their states, per region. */
  alarms: Record<string, { name: string; state: AlarmState }[]>;
  alarmStates: Record<string, Record<AlarmState, number>>;
  dashboards: string[];
  stateMachineArn: string;
  /** Execution ARNs by status. */
  executions: Record<ExecutionOutcome, string[]>;
  logGroups: LogSeedResult[];
  counts: {
    alarms: number;
    metrics: number;
    metricDatapoints: number;
    putMetricDataCalls: number;
    dashboards: number;
    executions: number;
    logGroups: number;
    logEvents: number;
  };
  /** What only the stand-in in front of moto answers. */
  standIn: { queryDefinitions: string[]; compositeAlarm: string };
  /** The release made just before the alarms fire (in the event history, by the deploy pipeline). */
  deploy: { eventName: string; at: string };
  /** The second account, reachable as the `staging` profile. */
  staging: { alarms: number; stateMachineArn: string };
  /** Alarms of every other kind and a mute rule (unless `alarmKinds: false`). */
  alarmKinds?: AlarmKindsSeed;
  /** The workflow with a Parallel state, a child execution and a distributed Map run failed by a Lambda task (unless `thumbnailBatch: false`). */
  thumbnailBatch?: ThumbnailBatchSeedResult;
  durationMs: number;
}

/**
 * Seeds the whole scenario through the real SDK clients against `endpoint` (expects a fresh moto, and the
 * stand-in in front of it): one alarm of each kind CloudWatch has — a log, PromQL, multi-series and
 * anomaly-band alarm and a mute rule — unless `alarmKinds` is false, and the thumbnail workflow (Parallel, a
 * child execution, a distributed Map run failed by a Lambda task whose invocation is logged) unless
 * `thumbnailBatch` is false.
 */
export async function seedScenario(endpoint: string, options: { now?: Date; log?: (s: string) => void; alarmKinds?: boolean; thumbnailBatch?: boolean } = {}): Promise<ScenarioSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const clients = sandboxClients(endpoint);
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await work();
    log(`seeded ${label} in ${Date.now() - t0} ms`);
    return result;
  };
  try {
    const stepFunctions = timed('step functions', () => seedStepFunctions(clients));
    const alarmsCreated = timed('alarms', () => seedAlarms(clients, now, log));
    // The release goes out after the alarms exist and before their history's last change into ALARM: it is
    // the latest change before StepFunction-Failures fires.
    const deploy = Promise.all([stepFunctions, alarmsCreated]).then(([sfn]) => timed('a deploy', () => seedDeploy(endpoint, sfn.stateMachineArn)));
    const [metrics, alarms, dashboards, logGroups, staging] = await Promise.all([
      timed('metric data', () => seedMetrics(clients, now)),
      Promise.all([alarmsCreated, deploy]).then(async ([seeded]) => ({ seeded, standIn: await timed('query definitions, composite alarm, history', () => seedStandInData(clients, seeded)) })),
      timed('dashboards', () => seedDashboards(clients)),
      // Logs mention the executions, so they follow Step Functions.
      stepFunctions.then((sfn) =>
        timed('logs', () => seedLogs(clients, buildLogGroups(now, sfn.histories))).then((groups) => ({ sfn, groups })),
      ),
      timed('staging account', () => seedStaging(endpoint, now)),
    ]);
    // After the rest: its calls come after the deploy and the alarms' changes in the event history.
    const thumbnailBatch = options.thumbnailBatch !== false ? await timed('thumbnail batch', () => seedThumbnailBatch(clients)) : undefined;

    const alarmKinds = options.alarmKinds !== false ? await timed('alarms of every kind', () => seedAlarmKinds(clients, now)) : undefined;
    const byRegion: ScenarioSummary['alarms'] = {};
    const states: ScenarioSummary['alarmStates'] = {};
    for (const region of SCENARIO_REGIONS) {
      byRegion[region] = [];
      states[region] = { OK: 0, ALARM: 0, INSUFFICIENT_DATA: 0 };
    }
    for (const a of alarms.seeded) {
      byRegion[a.region].push({ name: a.name, state: a.state });
      states[a.region][a.state]++;
    }
    if (alarmKinds) {
      for (const a of await alarmKindStates(clients, alarmKinds)) {
        byRegion[PRIMARY_REGION].push(a);
        states[PRIMARY_REGION][a.state]++;
      }
    }
    const { sfn, groups } = logGroups;
    return {
      now: now.toISOString(),
      regions: [...SCENARIO_REGIONS],
      alarms: byRegion,
      alarmStates: states,
      dashboards,
      stateMachineArn: sfn.stateMachineArn,
      executions: sfn.executions,
      logGroups: groups,
      standIn: alarms.standIn,
      deploy: await deploy,
      staging,
      ...(thumbnailBatch ? { thumbnailBatch } : {}),
      counts: {
        alarms: alarms.seeded.length,
        metrics: metrics.metrics,
        metricDatapoints: metrics.datapoints,
        putMetricDataCalls: metrics.calls,
        dashboards: dashboards.length,
        executions: Object.values(sfn.executions).reduce((n, l) => n + l.length, 0),
        logGroups: groups.length,
        logEvents: groups.reduce((n, g) => n + g.events, 0),
      },
      ...(alarmKinds ? { alarmKinds } : {}),
      durationMs: Date.now() - started,
    };
  } finally {
    clients.destroy();
  }
}

/** The seeded alarms of every kind with the state they are in now (as the endpoint answers). */
async function alarmKindStates(clients: SandboxClients, seed: AlarmKindsSeed): Promise<{ name: string; state: AlarmState }[]> {
  const names = [seed.logAlarm, seed.promQlAlarm, seed.multiSeriesAlarm, seed.anomalyBandAlarm];
  const out = await clients.cloudWatch(PRIMARY_REGION).send(new DescribeAlarmsCommand({ AlarmNames: names, AlarmTypes: ['MetricAlarm', 'LogAlarm'] }));
  return [...(out.MetricAlarms ?? []), ...(out.LogAlarms ?? [])].map((a) => ({ name: a.AlarmName ?? '', state: a.StateValue ?? 'INSUFFICIENT_DATA' }));
}
