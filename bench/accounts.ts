import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AlarmsStore } from '../src/alarms/store';
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';
import { startFaultProxy } from '../sandbox/faults/proxy';
import { report } from './report';

const PER_REGION = Number(process.env.OPS_LENS_BENCH_ACCOUNT_ALARMS ?? 2000);
const REGIONS = ['us-east-1', 'eu-west-1'];
// The stand-in files a twelve-digit key id under that account, so each profile is its own account.
/**
 * A call to AWS from a laptop spends most of its time on the network (tens to a few hundred ms), not in
 * the service; the local endpoint answers in a few ms of its own CPU. The proxy adds this round trip to
 * every call, so the second measurement shows what Ops Lens overlaps, as it would against AWS.
 */
const ROUND_TRIP_MS = 100;
const PROFILES = [{ name: 'prod', key: '111111111111' }, { name: 'staging', key: '222222222222' }, { name: 'dev', key: '333333333333' }];

/** 3 profiles × 2 regions × 2,000 alarms to ready trees, all calls in parallel, against one profile's time. */
export async function benchAccounts(): Promise<void> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-bench-accounts-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const seedStarted = performance.now();
    for (const profile of PROFILES) {
      for (const region of REGIONS) {
        // Straight to moto, naming the account the way the stand-in does, to seed quickly.
        const raw = new CloudWatchClient({ region, endpoint: moto.url, credentials: { accessKeyId: profile.key, secretAccessKey: 'testing' } });
        raw.middlewareStack.add((next) => (args) => {
          (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = profile.key;
          return next(args);
        }, { step: 'build' });
        let next = 0;
        await Promise.all(Array.from({ length: 16 }, async () => {
          while (next < PER_REGION) {
            const i = next++;
            await raw.send(new PutMetricAlarmCommand({ AlarmName: `${profile.name}-svc-${String(i).padStart(4, '0')}`, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' }));
          }
        }));
        raw.destroy();
      }
    }
    const total = PROFILES.length * REGIONS.length * PER_REGION;
    console.log(`(seeded ${total} alarms in ${PROFILES.length} accounts in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);
    const internet = await startFaultProxy({ upstream: standIn.url, rules: [{ fault: 'latency', delayMs: ROUND_TRIP_MS }] });
    stops.push(() => internet.stop());
    const profileFiles = (endpoint: string, name: string) => {
      fs.writeFileSync(path.join(dir, `${name}-config`), PROFILES.map((p) => `[profile ${p.name}]\nendpoint_url = ${endpoint}\n`).join('\n'));
      fs.writeFileSync(path.join(dir, 'credentials'), PROFILES.map((p) => `[${p.name}]\naws_access_key_id = ${p.key}\naws_secret_access_key = testing\n`).join('\n'));
      return { configFile: path.join(dir, `${name}-config`), credentialsFile: path.join(dir, 'credentials') };
    };

    const readyTrees = async (profiles: string[], files: { configFile: string; credentialsFile: string }): Promise<{ ms: number; alarms: number; calls: number }> => {
      const session = new AwsSession({ profile: '', regions: REGIONS, endpointUrl: '', profiles, ...files }, { env: {} });
      const store = new AlarmsStore(new SdkCloudWatch(session));
      const roots = (await session.regions()).regions;
      await store.refresh(roots); // warms the clients, the SDK load and the endpoint's listings
      const before = standIn.calls().at(-1)?.seq ?? 0;
      const started = performance.now();
      await store.refresh(roots);
      const ms = performance.now() - started;
      const failed = store.regions.find((r) => r.error);
      if (failed) throw failed.error;
      const calls = standIn.calls().filter((c) => c.seq > before && c.operation === 'DescribeAlarms').length;
      const alarms = [...store.all()].length;
      session.reset();
      return { ms, alarms, calls };
    };
    const local = profileFiles(standIn.url, 'local');
    const single = await readyTrees([PROFILES[0].name], local);
    const all = await readyTrees(PROFILES.map((p) => p.name), local);
    const perRoot = Math.ceil(PER_REGION / 100);
    report('accounts: alarms listed of those seeded', all.alarms, 'items', total, `(${PROFILES.length} profiles × ${REGIONS.length} regions × ${PER_REGION})`);
    report('accounts: DescribeAlarms calls', all.calls, 'calls', PROFILES.length * REGIONS.length * perRoot, `(⌈N/100⌉ per profile and region)`);
    // Printed, not checked: the local endpoint (the stand-in in one Node process, moto behind it) answers
    // the parallel calls of every profile one after another on the same two cores, so wall time here grows
    // with the alarms served whatever Ops Lens does.
    report(`accounts: ${PROFILES.length} profiles to ready trees, local endpoint`, all.ms, 'ms', undefined, `(${(all.ms / single.ms).toFixed(2)}× one profile's ${Math.round(single.ms)} ms for ${single.alarms} alarms; bound by the local endpoint's CPU)`);
    // Checked: with the round trip of a real network, the profiles' and regions' calls overlap.
    const remote = profileFiles(internet.url, 'remote');
    const singleRemote = await readyTrees([PROFILES[0].name], remote);
    const allRemote = await readyTrees(PROFILES.map((p) => p.name), remote);
    report(`accounts: ${PROFILES.length} profiles to ready trees, ${ROUND_TRIP_MS} ms per call`, allRemote.ms, 'ms', Math.round(singleRemote.ms * 1.5), `(${(allRemote.ms / singleRemote.ms).toFixed(2)}× one profile's ${Math.round(singleRemote.ms)} ms; budget 1.5× that; ${perRoot} pages per region, one after another, every region and profile at once)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const stop of stops) await stop();
    await standIn.stop();
    await moto.stop();
  }
}
