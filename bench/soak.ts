import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { AlarmsStore } from '../src/alarms/store';
import { AwsUserError } from '../src/aws/errors';
import { OutageNotices } from '../src/aws/outages';
import type { AlarmPage, CloudWatchApi, MetricAlarm } from '../src/aws/services/cloudWatch';
import { groupByState } from '../src/core/alarms/grouping';
import { liveListenerCount } from '../src/core/emitter';
import { readEndpointSettings } from '../src/core/health/settings';
import { HealthScheduler } from '../src/health/scheduler';
import { HealthStore } from '../src/health/store';
import { report } from './report';
import { asScopeId } from '../src/core/scope';

const CYCLES = Number(process.env.OPS_LENS_SOAK_CYCLES ?? 500);
const ALARMS_PER_REGION = 2500;
const REGIONS = [asScopeId('us-east-1'), asScopeId('eu-north-1')];
const ENDPOINTS = 50;
const WARM_UP = 50;

/**
 * DescribeAlarms pages as the SDK returns them (100 alarms each, new objects every call), for 5,000
 * alarms in two regions: states move every few cycles and eu-north-1 is throttled one cycle in ten, so
 * the soak goes through transitions, stale regions and recoveries. In memory, so 500 cycles measure what
 * Ops Lens keeps, not the endpoint (bench/alarms.ts measures the listing through the real SDK).
 */
export class SoakCloudWatch implements CloudWatchApi {
  cycle = 0;

  async *alarmPages(region: string): AsyncGenerator<AlarmPage> {
    if (region === 'eu-north-1' && this.cycle % 10 === 9) {
      throw new AwsUserError('CloudWatch is throttling requests in eu-north-1.', 'retry', 'Throttling', { service: 'CloudWatchClient', operation: 'DescribeAlarms', region, profile: 'default' });
    }
    for (let start = 0; start < ALARMS_PER_REGION; start += 100) {
      const metricAlarms: MetricAlarm[] = [];
      for (let i = start; i < start + 100; i++) {
        const firing = (i + Math.floor(this.cycle / 5)) % 40 === 0;
        metricAlarms.push({
          AlarmName: `svc-${String(i).padStart(4, '0')}-${['cpu', 'memory', 'latency-p99', 'errors'][i % 4]}`,
          AlarmArn: `arn:aws:cloudwatch:${region}:123456789012:alarm:svc-${i}`,
          StateValue: firing ? 'ALARM' : 'OK',
          StateReason: firing ? 'Threshold Crossed: 1 datapoint [93.1 (02/12/26 03:00:00)] was greater than the threshold (70.0).' : 'Threshold Crossed: no datapoints were greater than the threshold (70.0).',
          StateUpdatedTimestamp: new Date(Date.UTC(2026, 11, 2, 3, 0, 0) + this.cycle * 60_000),
          MetricName: 'CPUUtilization',
          Namespace: 'AWS/ECS',
          Statistic: 'Average',
          Dimensions: [{ Name: 'ServiceName', Value: `svc-${i}` }, { Name: 'ClusterName', Value: 'prod' }],
          Period: 300,
          EvaluationPeriods: 2,
          Threshold: 70,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops-alerts'],
        });
      }
      yield { metricAlarms, compositeAlarms: [] };
    }
  }

  async alarmHistory(): Promise<never[]> {
    return [];
  }

  async tags(): Promise<Record<string, string>> {
    return {};
  }

  muteRuleSummaries = async (): Promise<never[]> => [];
  muteRule = async (): Promise<undefined> => undefined;
  putMuteRule = async (): Promise<void> => undefined;
  deleteMuteRule = async (): Promise<void> => undefined;
  alarmContributors = async (): Promise<never[]> => [];
}

function collectGarbage(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function openTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

/**
 * A long session: 500 refresh cycles of the alarms store over 5,000 alarms in two regions and of the
 * health store over 50 endpoints (real HTTP checks, the scheduler running), views subscribing and
 * unsubscribing each cycle. Heap growth after GC between cycle 50 and the last must stay ≤ 10 MB; open
 * timers and emitter listeners must be back to their starting counts once everything is disposed.
 */
export async function benchSoak(): Promise<void> {
  const gc = collectGarbage();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'healthy', checks: { database: { status: 'connected' }, redis: 'healthy' }, successRate: 97.1 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const timersBefore = openTimers();
  const listenersBefore = liveListenerCount();
  const api = new SoakCloudWatch();
  const alarms = new AlarmsStore(api);
  const health = new HealthStore({ secret: async () => undefined });
  const notices = new OutageNotices();
  health.update(readEndpointSettings([{ source: 'user', value: Array.from({ length: ENDPOINTS }, (_, i) => ({ name: `service-${String(i).padStart(2, '0')}`, url: `${base}/svc/${i}/health`, intervalSeconds: 3600, assertions: [{ path: 'successRate', op: '<', value: 95, severity: 'warning' }] })) }]), true);
  const scheduler = new HealthScheduler(health, { active: true });
  let transitions = 0;
  let outages = 0;
  const keep = alarms.onDidEnterAlarm((entered) => (transitions += entered.length));

  let heapAtWarmUp = 0;
  let listenersAtWarmUp = 0;
  const started = performance.now();
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      api.cycle = cycle;
      // A view's subscriptions for one refresh, disposed after it (as trees come and go).
      const view = [alarms.onDidChange(() => groupByState([...alarms.all()]).length), health.onDidChange(() => health.counts())];
      await Promise.all([alarms.refresh(REGIONS), health.checkAll()]);
      outages += notices.update('Alarms', alarms.regions).length;
      for (const s of view) s.dispose();
      if (cycle === WARM_UP - 1) {
        heapAtWarmUp = heapAfterGc(gc);
        listenersAtWarmUp = liveListenerCount();
      }
    }
    const heapAtEnd = heapAfterGc(gc);
    const listenersAtEnd = liveListenerCount();
    const seconds = (performance.now() - started) / 1000;
    const alarmCount = [...alarms.all()].length;
    report(`soak: heap growth, cycles ${WARM_UP}→${CYCLES}`, (heapAtEnd - heapAtWarmUp) / 1024 / 1024, 'MB', 10, `(after GC: ${(heapAtWarmUp / 1048576).toFixed(1)} → ${(heapAtEnd / 1048576).toFixed(1)} MB; ${CYCLES} cycles of ${alarmCount} alarms in ${REGIONS.length} regions and ${ENDPOINTS} health endpoints in ${seconds.toFixed(1)} s; ${transitions} alarms moved into ALARM, ${outages} outages announced)`);
    report('soak: listeners added during the session', listenersAtEnd - listenersAtWarmUp, 'listeners', 0, `(${listenersAtWarmUp} at cycle ${WARM_UP}, ${listenersAtEnd} at the end)`);
  } finally {
    keep.dispose();
    scheduler.dispose();
    alarms.dispose();
    health.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  // Timers of sockets closing run out within a tick or two.
  await new Promise((resolve) => setTimeout(resolve, 50));
  report('soak: timers left after dispose', openTimers() - timersBefore, 'timers', 0, `(${timersBefore} open before the soak)`);
  report('soak: listeners left after dispose', liveListenerCount() - listenersBefore, 'listeners', 0, `(${listenersBefore} before the soak)`);
}
