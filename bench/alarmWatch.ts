import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { AlarmsStore } from '../src/alarms/store';
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { asScopeId } from '../src/core/scope';
import { summarizeWatch, watchBadge } from '../src/core/watch/summary';
import { awsCalls, lastCallSeq } from '../test/support/awsCalls';
import { median, report } from './report';

const PER_SCOPE = Number(process.env.OPS_LENS_BENCH_WATCH_ALARMS ?? 5000);
const SCOPES = ['us-east-1', 'eu-west-1', 'ap-southeast-2'].map(asScopeId);
const INTERVAL_SECONDS = 60;
const READS = 5;

/** Starts the local endpoint in its own process, so this process's CPU time is the watch's alone. */
async function startEndpoint(): Promise<{ motoUrl: string; endpoint: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'endpointProcess.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the endpoint process exited (${code})`)));
  });
  const urls = JSON.parse(line) as { motoUrl: string; endpoint: string };
  return { ...urls, stop: () => new Promise((resolve) => (child.once('exit', () => resolve()), child.stdin.end())) };
}

/**
 * The alarm watch of 5,000 alarms in each of 3 scopes, as it runs in the background: each read is the
 * DescribeAlarms pages of every scope through the real SDK, the store, the transitions check and what the
 * status bar and badge say. Calls are counted at the endpoint (⌈N/100⌉ per scope per read); the CPU time
 * of a read, over the interval, is the share of a core the watch takes.
 */
export async function benchAlarmWatch(): Promise<void> {
  const endpoint = await startEndpoint();
  try {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const seedStarted = performance.now();
    const raws = SCOPES.map((region) => new CloudWatchClient({ region, endpoint: endpoint.motoUrl, credentials }));
    await Promise.all(raws.map(async (raw) => {
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < PER_SCOPE) {
          const i = next++;
          await raw.send(new PutMetricAlarmCommand({ AlarmName: `svc-${String(i).padStart(4, '0')}-${['cpu', 'memory', 'latency-p99', 'errors'][i % 4]}`, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' }));
        }
      }));
    }));
    console.log(`(seeded ${PER_SCOPE} alarms in each of ${SCOPES.length} regions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);

    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
    const session = new AwsSession({ profile: '', regions: SCOPES, endpointUrl: endpoint.endpoint }, { env: { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' } });
    const store = new AlarmsStore(new SdkCloudWatch(session));
    // States are set through the endpoint the watch reads (it keeps alarm states moto does not).
    const setters = SCOPES.map((region) => new CloudWatchClient({ region, endpoint: endpoint.endpoint, credentials }));
    let notified = 0;
    store.onDidEnterAlarm((alarms) => (notified += alarms.length));
    await store.refresh(SCOPES); // warms the clients, the SDK load and the endpoint's listings
    const cpuMs: number[] = [];
    const calls: number[] = [];
    for (let read = 0; read < READS; read++) {
      // Between reads, a few alarms move into ALARM: the read also finds and announces them.
      await Promise.all(setters.map((setter) => setter.send(new SetAlarmStateCommand({ AlarmName: `svc-${String(read * 7).padStart(4, '0')}-${['cpu', 'memory', 'latency-p99', 'errors'][(read * 7) % 4]}`, StateValue: 'ALARM', StateReason: 'bench' }))));
      const since = await lastCallSeq(endpoint.endpoint);
      const before = process.cpuUsage();
      await store.refresh(SCOPES);
      const summary = summarizeWatch(store.regions, new Date(), INTERVAL_SECONDS);
      watchBadge(summary);
      const used = process.cpuUsage(before);
      cpuMs.push((used.user + used.system) / 1000);
      const failed = store.regions.find((r) => r.error);
      if (failed) throw failed.error;
      calls.push((await awsCalls(endpoint.endpoint, since)).filter((c) => c.operation === 'DescribeAlarms').length);
    }
    const perRead = Math.ceil(PER_SCOPE / 100) * SCOPES.length;
    const alarms = [...store.all()].length;
    report(`alarm watch: DescribeAlarms calls per read, ${SCOPES.length} scopes × ${PER_SCOPE} alarms`, Math.max(...calls), 'calls', perRead, `(⌈${PER_SCOPE}/100⌉ per scope; every read: ${calls.join(', ')}; ${alarms} alarms listed, ${notified} moves into ALARM announced)`);
    const cpu = median(cpuMs);
    report(`alarm watch: share of a core at a ${INTERVAL_SECONDS} s interval`, (cpu / (INTERVAL_SECONDS * 1000)) * 100, '% of a core', 2, `(${Math.round(cpu)} ms of CPU per read, median of ${READS}: ${cpuMs.map((c) => Math.round(c)).join(', ')}; the endpoint runs in another process)`);
    session.reset();
    for (const client of [...raws, ...setters]) client.destroy();
  } finally {
    await endpoint.stop();
  }
}
