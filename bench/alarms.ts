import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { AlarmsStore } from '../src/alarms/store';
import { AwsSession } from '../src/aws/session';
import { SdkCloudWatch } from '../src/aws/services/cloudWatch';
import { groupByState } from '../src/core/alarms/grouping';
import { matchesFilter } from '../src/core/alarms/filter';
import { startMoto } from '../sandbox/moto';
import { startStandIn } from '../sandbox/standin/server';
import { report } from './report';
import { asScopeId } from '../src/core/scope';

const ALARMS = Number(process.env.OPS_LENS_BENCH_ALARMS ?? 5000);

/** 5,000 alarms behind the real SDK: DescribeAlarms calls made (must be ⌈N/100⌉) and time to a ready tree. */
export async function benchAlarms(): Promise<void> {
  const moto = await startMoto();
  const standIn = await startStandIn({ motoUrl: moto.url });
  try {
    const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const raw = new CloudWatchClient({ region: 'us-east-1', endpoint: moto.url, credentials });
    const seedStarted = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < ALARMS) {
        const i = next++;
        const name = `svc-${String(i).padStart(4, '0')}-${['cpu', 'memory', 'latency-p99', 'errors'][i % 4]}`;
        await raw.send(new PutMetricAlarmCommand({ AlarmName: name, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' }));
        if (i % 50 === 0) await raw.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: 'bench' }));
      }
    }));
    console.log(`(seeded ${ALARMS} alarms in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);

    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
    let inCalls = 0;
    const session = new AwsSession({ profile: '', regions: ['us-east-1'], endpointUrl: standIn.url }, {
      env: { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
      onCall: (r) => {
        if (r.operation === 'DescribeAlarms') inCalls += r.durationMs;
      },
    });
    // Calls are counted where they arrive, at the endpoint, not by the code under test.
    const describeCalls = (since: number) => standIn.calls().filter((c) => c.seq > since && c.operation === 'DescribeAlarms').length;
    const store = new AlarmsStore(new SdkCloudWatch(session));
    const coldStarted = performance.now();
    await store.refresh([asScopeId('us-east-1')]); // warms the client, the SDK load and the endpoint's listing
    const coldMs = performance.now() - coldStarted;
    inCalls = 0;
    const before = standIn.calls().at(-1)?.seq ?? 0;
    const started = performance.now();
    await store.refresh([asScopeId('us-east-1')]);
    const alarms = [...store.all()];
    if (store.regions[0]?.error) throw store.regions[0].error;
    const groups = groupByState(alarms.filter((a) => matchesFilter(a, { text: '', states: [] })));
    const ms = performance.now() - started;
    const calls = describeCalls(before);
    report('alarms: alarms listed of those seeded', alarms.length, 'items', ALARMS, '(a listing that returns fewer is wrong, however fast)');
    report(`alarms: DescribeAlarms calls for ${alarms.length} alarms`, calls, 'calls', Math.ceil(ALARMS / 100), `(⌈N/100⌉ = ${Math.ceil(ALARMS / 100)}; ${groups.map((g) => `${g.state} ${g.alarms.length}`).join(', ')})`);
    report(`alarms: ${ALARMS} alarms to a ready tree`, ms, 'ms', 1500, `(${Math.round(inCalls)} ms waiting on the ${calls} calls to the local endpoint, ${Math.round(ms - inCalls)} ms in Ops Lens; the first listing, while the local endpoint read the ${ALARMS} alarms from moto, took ${Math.round(coldMs)} ms)`);
    session.reset();
    raw.destroy();
  } finally {
    await standIn.stop();
    await moto.stop();
  }
}
