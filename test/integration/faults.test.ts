import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { AlarmsStore } from '../../src/alarms/store';
import { AwsUserError } from '../../src/aws/errors';
import { OutageNotices } from '../../src/aws/outages';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { AwsSession } from '../../src/aws/session';
import type { Alarm } from '../../src/core/alarms/model';
import { runInsightsQuery, type QueryProgress } from '../../src/insights/execution';
import { LogsStore } from '../../src/logs/store';
import { StepFunctionsStore } from '../../src/stepFunctions/store';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../sandbox/faults/proxy';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const EAST = asScopeId('us-east-1');
const NORTH = asScopeId('eu-north-1');
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

describe('faults between the extension and AWS (through the fault proxy, real SDK)', () => {
  let proxy: FaultProxy;
  let session: AwsSession;
  let store: AlarmsStore;
  let entered: Alarm[][];

  before(async () => {
    proxy = await startFaultProxy({ upstream: awsEndpoint() });
  });
  after(() => proxy.stop());

  beforeEach(async () => {
    proxy.clear();
    await resetMoto(awsEndpoint());
    Object.assign(process.env, testEnv);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: proxy.url }, { env: testEnv });
    store = new AlarmsStore(new SdkCloudWatch(session));
    entered = [];
    store.onDidEnterAlarm((alarms) => entered.push(alarms));
  });
  afterEach(() => {
    proxy.clear();
    session.reset();
  });

  async function putAlarm(region: string, name: string, state: 'OK' | 'ALARM'): Promise<void> {
    const client = new CloudWatchClient({ region, endpoint: awsEndpoint(), credentials });
    await client.send(new PutMetricAlarmCommand({ AlarmName: name, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' }));
    await client.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: `set by test to ${state}` }));
    client.destroy();
  }

  async function seedTwoRegions(): Promise<void> {
    await putAlarm(EAST, 'api-5xx-rate', 'OK');
    await putAlarm(EAST, 'api-latency-p99', 'ALARM');
    await putAlarm(NORTH, 'avatar-s3-storage', 'OK');
  }

  /** Calls the proxy saw from `since` on (a length of `proxy.calls()`), as `operation region fault`. */
  function callsSince(since: number): string[] {
    return proxy.calls().slice(since).map((c) => `${c.operation} ${c.region}${c.fault ? ` ${c.fault}` : ''}`);
  }

  /** The calls without the mute-rule reads that go beside each DescribeAlarms read. */
  function alarmCalls(calls: string[]): string[] {
    return calls.filter((c) => !c.startsWith('ListAlarmMuteRules '));
  }

  function script(...rules: FaultRule[]): number {
    proxy.script(rules);
    return proxy.calls().length;
  }

  const region = (name: string) => store.regions.find((r) => r.region === name)!;

  it('bounds the calls of a throttled refresh, keeps the last good alarms marked stale, and recovers at the next refresh', async () => {
    await seedTwoRegions();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    const lastGood = region(EAST).loadedAt!;

    const since = script({ fault: 'throttle', service: 'cloudwatch', operation: 'DescribeAlarms', region: EAST });
    assert.equal(await store.refresh([EAST, NORTH]), false);
    assert.deepEqual(callsSince(since).sort(), [
      'DescribeAlarms eu-north-1',
      'DescribeAlarms us-east-1 throttle',
      'DescribeAlarms us-east-1 throttle',
      'DescribeAlarms us-east-1 throttle',
      'ListAlarmMuteRules eu-north-1',
      'ListAlarmMuteRules us-east-1',
    ], 'three attempts for the throttled region, one for the other: no retry storm (and one read of each region\'s mute rules)');
    const east = region(EAST);
    assert.deepEqual(east.alarms.map((a) => a.name).sort(), ['api-5xx-rate', 'api-latency-p99'], 'the last good alarms stay');
    assert.equal(east.loadedAt, lastGood, 'marked with the time of the last good read');
    assert.ok(east.error instanceof AwsUserError);
    assert.equal(east.error.code, 'Throttling', 'CloudWatch names throttling by its query code');
    assert.match(east.error.message, /CloudWatch is throttling requests in us-east-1/);
    assert.equal(region(NORTH).error, undefined, 'the other region is unaffected');

    proxy.clear();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    assert.equal(region(EAST).error, undefined);
    assert.ok(region(EAST).loadedAt! > lastGood, 'fresh again');
    assert.deepEqual(entered, [], 'alarms that reappear are not "moved into ALARM"');
  });

  it('retries a 500 InternalFailure and a reset connection within the same refresh', async () => {
    await seedTwoRegions();
    let since = script({ fault: 'internal', operation: 'DescribeAlarms', times: 2 });
    assert.equal(await store.refresh([EAST]), true);
    assert.deepEqual(alarmCalls(callsSince(since)), ['DescribeAlarms us-east-1 internal', 'DescribeAlarms us-east-1 internal', 'DescribeAlarms us-east-1']);

    since = script({ fault: 'reset', operation: 'DescribeAlarms', times: 1 });
    assert.equal(await store.refresh([EAST]), true);
    assert.deepEqual(alarmCalls(callsSince(since)), ['DescribeAlarms us-east-1 reset', 'DescribeAlarms us-east-1']);
    assert.equal(region(EAST).alarms.length, 2);
  });

  it('an outage of one region (503) is one message; alarms that come back unchanged raise no notification, a real change raises one', async () => {
    await seedTwoRegions();
    const notices = new OutageNotices();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    assert.deepEqual(notices.update('Alarms', store.regions), []);

    script({ fault: 'unavailable', service: 'cloudwatch', region: NORTH });
    const starts: string[] = [];
    for (let i = 0; i < 3; i++) {
      assert.equal(await store.refresh([EAST, NORTH]), false);
      starts.push(...notices.update('Alarms', store.regions).map((o) => `${o.region}: ${o.error.message}`));
    }
    assert.deepEqual(starts, ['eu-north-1: CloudWatch had a temporary failure in eu-north-1 (ServiceUnavailable). Ops Lens will retry; nothing needs to change on your side.'], 'one message for three failed refreshes');
    assert.deepEqual(region(NORTH).alarms.map((a) => a.name), ['avatar-s3-storage']);

    proxy.clear();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    assert.deepEqual(notices.update('Alarms', store.regions), []);
    assert.deepEqual(entered, [], 'no false "moved into ALARM" after the outage');

    script({ fault: 'unavailable', service: 'cloudwatch', region: NORTH });
    await store.refresh([EAST, NORTH]);
    await putAlarm(NORTH, 'avatar-s3-storage', 'ALARM');
    assert.equal(notices.update('Alarms', store.regions).length, 1, 'a new outage is a new message');
    proxy.clear();
    await store.refresh([EAST, NORTH]);
    assert.deepEqual((entered as Alarm[][]).map((batch) => batch.map((a) => a.name)), [['avatar-s3-storage']], 'a change that happened during the outage is one transition');
  });

  it('an endpoint that refuses connections, then comes back', async () => {
    await seedTwoRegions();
    assert.equal(await store.refresh([EAST]), true);
    script({ fault: 'refuse', forMs: 1500 });
    assert.equal(await store.refresh([EAST]), false);
    assert.match(region(EAST).error?.message ?? '', /^Cannot reach the endpoint http:\/\/127\.0\.0\.1:\d+ in us-east-1 \(ECONNREFUSED\)/);
    assert.equal(region(EAST).alarms.length, 2);
    await new Promise((r) => setTimeout(r, 1700));
    assert.equal(await store.refresh([EAST]), true);
    assert.equal(region(EAST).error, undefined);
  });

  it('added latency slows a refresh down but it completes', async () => {
    await seedTwoRegions();
    script({ fault: 'latency', operation: 'DescribeAlarms', delayMs: 400 });
    const started = Date.now();
    assert.equal(await store.refresh([EAST]), true);
    assert.ok(Date.now() - started >= 400);
    assert.equal(region(EAST).alarms.length, 2);
  });

  it('expired credentials: one message with the fix for every view, and the views recover without a new session', async () => {
    await seedTwoRegions();
    const sfnClient = new SFNClient({ region: EAST, endpoint: awsEndpoint(), credentials });
    await sfnClient.send(new CreateStateMachineCommand({ name: 'ImageGeneration', definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }), roleArn: 'arn:aws:iam::123456789012:role/StepFunctionsRole' }));
    sfnClient.destroy();
    const machines = new StepFunctionsStore(new SdkStepFunctions(session));
    const notices = new OutageNotices();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    assert.equal(await machines.refresh([EAST]), true);

    const since = script({ fault: 'expiredToken' });
    assert.equal(await store.refresh([EAST, NORTH]), false);
    assert.equal(await machines.refresh([EAST]), false);
    const messages = [...notices.update('Alarms', store.regions), ...notices.update('Step Functions', machines.regions)];
    assert.equal(messages.length, 1, 'one message, not one per view and region');
    assert.equal(messages[0].credentials, true);
    assert.equal(messages[0].error.message, 'The credentials of profile "default" have expired. Refresh them (for SSO: `aws sso login --profile default`), then refresh.');
    assert.equal((messages[0].error as AwsUserError).action, 'ssoLogin');
    assert.deepEqual(callsSince(since).filter((c) => !c.endsWith('expiredToken')), [], 'every call met the fault');
    assert.equal(callsSince(since).length, 5, 'an expired token is not retried (DescribeAlarms and ListAlarmMuteRules in two regions, ListStateMachines)');
    assert.deepEqual(machines.regions[0].machines.map((m) => m.name), ['ImageGeneration'], 'stale, not emptied');

    proxy.clear();
    assert.equal(await store.refresh([EAST, NORTH]), true);
    assert.equal(await machines.refresh([EAST]), true);
    assert.deepEqual([...notices.update('Alarms', store.regions), ...notices.update('Step Functions', machines.regions)], []);
    assert.equal(machines.regions[0].error, undefined);
  });

  it('access denied in one service names the IAM action and leaves the other views working', async () => {
    await seedTwoRegions();
    const machines = new StepFunctionsStore(new SdkStepFunctions(session));
    const since = script({ fault: 'accessDenied', service: 'states' });
    assert.equal(await machines.refresh([EAST]), false);
    assert.equal(machines.regions[0].error?.message, 'Access denied: profile "default" may not call states:ListStateMachines in us-east-1. Ask for this permission or select another profile.');
    assert.equal(await store.refresh([EAST]), true);
    assert.deepEqual(alarmCalls(callsSince(since)), ['ListStateMachines us-east-1 accessDenied', 'DescribeAlarms us-east-1']);
  });

  describe('Logs Insights', () => {
    const GROUP = '/aws/lambda/generate-image';
    const now = Date.now();
    let logs: SdkLogs;

    beforeEach(async () => {
      const raw = new CloudWatchLogsClient({ region: EAST, endpoint: awsEndpoint(), credentials });
      await raw.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
      await raw.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: '2026/12/01/[$LATEST]abc' }));
      const lines = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `ERROR quota exceeded for job ${i}` : `INFO generated image ${i}`));
      await raw.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: '2026/12/01/[$LATEST]abc', logEvents: lines.map((message, i) => ({ timestamp: now - 10 * 60_000 + i * 1000, message })) }));
      raw.destroy();
      logs = new SdkLogs(session);
    });

    const request = () => ({ region: EAST, queryString: 'fields @timestamp, @message\n| filter @message like /ERROR/', logGroupNames: [GROUP], start: new Date(now - 3600_000), end: new Date(now) });

    it('keeps polling through throttled GetQueryResults and completes', async () => {
      // Six throttled answers: the first poll's three SDK attempts fail, the next poll's too, then it works.
      const since = script({ fault: 'throttle', operation: 'GetQueryResults', times: 6 });
      const seen: QueryProgress[] = [];
      const outcome = await runInsightsQuery(logs, request(), { onProgress: (p) => seen.push(p), delays: [100], failureDelays: [200, 400] });
      assert.equal(outcome.status, 'Complete');
      assert.equal(outcome.response.results?.length, 4);
      assert.deepEqual(seen.filter((p) => p.retrying).map((p) => `${p.status} ${p.retrying}`), ['Running ThrottlingException', 'Running ThrottlingException'], 'reported as running and retrying, never as failed');
      const calls = callsSince(since);
      assert.equal(calls.filter((c) => c === 'GetQueryResults us-east-1 throttle').length, 6);
      assert.equal(calls[0], 'StartQuery us-east-1', 'one StartQuery: the query is not started again');
      assert.equal(calls.filter((c) => c.startsWith('StartQuery')).length, 1);
    });

    it('the Logs view keeps its log groups through an outage, marked stale, and never lists them empty while it reloads', async () => {
      const memory = new Map<string, unknown>();
      const state = { get: (key: string, fallback: unknown) => memory.get(key) ?? fallback, update: async (key: string, value: unknown) => void memory.set(key, value), keys: () => [...memory.keys()] };
      const groups = new LogsStore(logs, state as never);
      const listed: number[] = [];
      groups.onDidChange(() => listed.push(groups.regions[0]?.groups.length ?? 0));
      assert.equal(await groups.refresh([EAST]), true);
      const lastGood = groups.regions[0].loadedAt!;
      listed.length = 0;

      script({ fault: 'unavailable', operation: 'DescribeLogGroups' });
      assert.equal(await groups.refresh([EAST]), false);
      const [east] = groups.regions;
      assert.deepEqual(east.groups.map((g) => g.name), [GROUP], 'the last good groups stay');
      assert.equal(east.loadedAt, lastGood);
      assert.ok(east.staleSince && east.staleSince >= lastGood);
      assert.match(east.error?.message ?? '', /temporary failure in us-east-1/);
      assert.ok(listed.length > 0 && listed.every((n) => n === 1), `the view never showed an empty list: ${listed.join(', ')}`);

      proxy.clear();
      assert.equal(await groups.refresh([EAST]), true);
      assert.equal(groups.regions[0].error, undefined);
      assert.equal(groups.regions[0].staleSince, undefined);
      groups.dispose();
    });

    it('cancel sends StopQuery while polling is throttled', async () => {
      const since = script({ fault: 'throttle', operation: 'GetQueryResults' });
      let progress = 0;
      const outcome = await runInsightsQuery(logs, request(), { onProgress: () => progress++, cancelled: () => progress >= 1, delays: [50], failureDelays: [100] });
      assert.equal(outcome.status, 'Cancelled');
      assert.ok(callsSince(since).includes('StopQuery us-east-1'), 'StopQuery reached the endpoint');
    });
  });
});
