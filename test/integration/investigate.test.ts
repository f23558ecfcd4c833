import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutCompositeAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import type { PartUpdate } from '../../src/core/investigate/model';
import { gatherInvestigation, type GatherDeps } from '../../src/investigate/gather';
import { resetMoto } from '../../sandbox/moto';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { FUNCTION_GROUP, INVESTIGATED_ALARM, MACHINE_GROUP, TAGGED_GROUP, seedInvestigation, type InvestigationScenario } from '../support/investigateScenario';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

describe('investigating an alarm against the stand-in', () => {
  let session: AwsSession;
  let deps: GatherDeps;
  let scenario: InvestigationScenario;

  before(async function () {
    this.timeout(60000);
    await resetMoto(awsEndpoint());
    scenario = await seedInvestigation(awsEndpoint());
    Object.assign(process.env, testEnv);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    deps = {
      cloudWatch: new SdkCloudWatch(session),
      metrics: new SdkMetrics(session),
      logs: new SdkLogs(session),
      stepFunctions: new SdkStepFunctions(session),
      settings: () => [],
    };
  });

  after(() => session.reset());

  it('gathers every part, making each AWS call once', async () => {
    const since = await lastCallSeq(awsEndpoint());
    const updates: PartUpdate[] = [];
    const gathered = await gatherInvestigation(deps, { region: asScopeId('us-east-1'), name: INVESTIGATED_ALARM }, (u) => updates.push(u));

    const failed = gathered.parts.all.filter((p) => p.status === 'failed');
    assert.deepEqual(failed.map((p) => `${p.id}: ${p.error}`), []);
    // Each part was announced before it arrived.
    for (const p of gathered.parts.all) assert.ok(updates.findIndex((u) => u.id === p.id && u.status === 'loading') < updates.findIndex((u) => u.id === p.id && u.status === 'done'), p.id);

    const calls = (await awsCalls(awsEndpoint(), since)).map((c) => ({ op: c.operation, input: JSON.stringify(c.input) }));
    const keys = calls.map((c) => `${c.op} ${c.input}`);
    assert.equal(new Set(keys).size, keys.length, `a call was repeated:\n${keys.join('\n')}`);
    const count = (op: string) => calls.filter((c) => c.op === op).length;
    assert.deepEqual(
      Object.fromEntries(['DescribeAlarms', 'DescribeAlarmHistory', 'ListTagsForResource', 'GetMetricData', 'DescribeStateMachine', 'ListExecutions', 'FilterLogEvents'].map((op) => [op, count(op)])),
      { DescribeAlarms: 1, DescribeAlarmHistory: 1, ListTagsForResource: 1, GetMetricData: 1, DescribeStateMachine: 1, ListExecutions: 2, FilterLogEvents: 3 },
    );
    assert.equal(calls.length, 10, calls.map((c) => c.op).join(', '));
  });

  it('finds the related groups by dimension, tag and logging configuration, and their errors inside the window only', async () => {
    const gathered = await gatherInvestigation(deps, { region: asScopeId('us-east-1'), name: INVESTIGATED_ALARM }, () => undefined);
    const alarm = gathered.parts.data('alarm')[0];
    assert.equal(alarm.moment.transition?.to, 'ALARM');
    assert.ok(Date.now() - alarm.moment.at < 60_000, 'the moment is the change into ALARM just made');
    assert.deepEqual(alarm.related.logGroups.map((g) => [g.name, g.from]), [[TAGGED_GROUP, 'tag'], [FUNCTION_GROUP, 'dimension']]);
    assert.deepEqual(alarm.related.stateMachines.map((m) => m.name), [scenario.machineArn]);

    const logs = gathered.parts.data('logs');
    assert.deepEqual(logs.map((l) => l.logGroup).sort(), [FUNCTION_GROUP, MACHINE_GROUP, TAGGED_GROUP].sort());
    for (const group of logs) {
      assert.equal(group.total, 3, group.logGroup);
      assert.deepEqual(group.top.map((t) => [t.example, t.count]), [[scenario.inside[0], 2], [scenario.inside[2], 1]]);
    }
    const events = gathered.errorEvents.get(FUNCTION_GROUP)!.flatMap((g) => g.events.map((e) => e.message));
    assert.ok(!events.includes(scenario.outside), 'the error before the window is left out');

    const executions = gathered.parts.data('executions')[0];
    assert.deepEqual(executions.executions.map((e) => [e.name, e.status]), [[scenario.failedExecution, 'FAILED']]);

    const metric = gathered.parts.data('metric')[0];
    assert.equal(metric.threshold, 1);
    assert.ok(metric.series[0].values.includes(2), `metric values: ${metric.series[0].values.join(', ')}`);
    assert.equal(metric.bands.length, 1, 'the ALARM stretch since the moment');
  });

  it('says which part failed and why, and still brings the others', async () => {
    const broken: GatherDeps = { ...deps, settings: () => [{ alarm: 'inv-*', logGroups: ['/inv/no-such-group'] }] };
    const gathered = await gatherInvestigation(broken, { region: asScopeId('us-east-1'), name: INVESTIGATED_ALARM }, () => undefined);
    const missing = gathered.parts.all.find((p) => p.id === 'logs:/inv/no-such-group');
    assert.equal(missing?.status, 'failed');
    assert.match(missing?.error ?? '', /not exist|ResourceNotFound/i);
    assert.equal(gathered.parts.data('logs').length, 3);
  });

  it('fails the alarm part for an alarm that does not exist', async () => {
    const gathered = await gatherInvestigation(deps, { region: asScopeId('us-east-1'), name: 'no-such-alarm' }, () => undefined);
    assert.deepEqual(gathered.parts.all.map((p) => [p.id, p.status]), [['alarm', 'failed']]);
    assert.match(gathered.parts.all[0].error ?? '', /No alarm named "no-such-alarm"/);
  });

  it('gives a composite alarm its children\'s resources and each child\'s state over the window', async () => {
    const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: 'inv-checkout-degraded', AlarmRule: `ALARM("${INVESTIGATED_ALARM}")` }));
    const since = await lastCallSeq(awsEndpoint());
    const gathered = await gatherInvestigation(deps, { region: asScopeId('us-east-1'), name: 'inv-checkout-degraded' }, () => undefined);
    assert.deepEqual(gathered.parts.all.filter((p) => p.status === 'failed').map((p) => `${p.id}: ${p.error}`), []);
    const alarm = gathered.parts.data('alarm')[0];
    assert.equal(alarm.alarmKind, 'composite');
    assert.deepEqual(alarm.related.logGroups.map((g) => [g.name, g.from, g.detail]), [
      [TAGGED_GROUP, 'child', `${INVESTIGATED_ALARM}: opsLens:logGroups`],
      [FUNCTION_GROUP, 'child', `${INVESTIGATED_ALARM}: FunctionName`],
    ]);
    assert.equal(gathered.parts.data('metric').length, 0, 'a composite alarm has no metric of its own');
    const children = gathered.parts.data('children')[0].children;
    assert.deepEqual(children.map((c) => [c.name, c.stretches.at(-1)?.state]), [[INVESTIGATED_ALARM, 'ALARM']]);
    assert.equal(gathered.parts.data('logs').length, 3);

    const keys = (await awsCalls(awsEndpoint(), since)).map((c) => `${c.operation} ${JSON.stringify(c.input)}`);
    assert.equal(new Set(keys).size, keys.length, `a call was repeated:\n${keys.join('\n')}`);
  });
});
