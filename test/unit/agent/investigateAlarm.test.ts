import { strict as assert } from 'node:assert';
import type { AlarmHistoryItem, CloudWatchApi, MetricAlarm } from '../../../src/aws/services/cloudWatch';
import type { LogsApi } from '../../../src/aws/services/logs';
import type { MetricsApi } from '../../../src/aws/services/metrics';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import { invokeAgentTool, type ToolContext } from '../../../src/agent/tools';
import { investigateAlarm } from '../../../src/agent/tools/investigate';
import { investigationText, MAX_ERROR_ROWS, MAX_TIMELINE } from '../../../src/agent/tools/investigation';
import { MAX_ANSWER_CHARS } from '../../../src/agent/tools/text';
import { PartsSnapshot, type AlarmPartData, type PartData } from '../../../src/core/investigate/model';
import { windowFor } from '../../../src/core/time/ranges';
import { asScopeId } from '../../../src/core/scope';

const MOMENT = Date.parse('2026-11-22T15:00:00Z');
const NOW = Date.parse('2026-11-22T18:00:00Z');
const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders';

function alarmPart(overrides: Partial<AlarmPartData> = {}): AlarmPartData {
  return {
    kind: 'alarm', name: 'orders-failing', region: asScopeId('us-east-1'), alarmKind: 'metric', state: 'ALARM', condition: 'ExecutionsFailed ≥ 1', description: '',
    moment: { at: MOMENT, why: 'the latest change into ALARM', transition: { time: MOMENT, from: 'OK', to: 'ALARM' } },
    window: { start: MOMENT - 30 * 60_000, end: MOMENT + 15 * 60_000, beforeMs: 30 * 60_000, afterMs: 15 * 60_000 },
    transitions: [{ time: MOMENT, from: 'OK', to: 'ALARM' }],
    related: { logGroups: [{ name: '/aws/lambda/orders', from: 'tag', detail: 'opsLens:logGroups' }], stateMachines: [{ name: MACHINE, from: 'dimension', detail: 'StateMachineArn' }], healthEndpoints: [] },
    ...overrides,
  };
}

function snapshot(...data: PartData[]): PartsSnapshot {
  const parts = new PartsSnapshot();
  data.forEach((d, i) => parts.apply({ id: `${d.kind}:${i}`, kind: d.kind, label: d.kind, status: 'done', data: d }));
  return parts;
}

function logsPart(group: string, messages: number, example = (i: number) => `ERROR failure number ${i}`): PartData {
  const top = Array.from({ length: messages }, (_, i) => ({ example: example(i), count: messages - i, first: MOMENT - 60_000, last: MOMENT }));
  return { kind: 'logs', logGroup: group, total: messages * 2, truncated: false, perMinute: [{ minute: MOMENT - 60_000, count: messages }], top };
}

describe('opsLens_investigateAlarm', () => {
  describe('the answer', () => {
    it('states the alarm, the moment and the window, how related resources were found, and labels AWS text as untrusted', () => {
      const text = investigationText(snapshot(alarmPart(), { kind: 'runbook', target: 'docs/ops.md#Orders (from the opsLens.runbooks setting)', source: 'setting' }), false);
      const lines = text.split('\n');
      assert.equal(lines[0], 'Investigation of alarm orders-failing (us-east-1, metric): now ALARM; condition ExecutionsFailed ≥ 1.');
      assert.equal(lines[1], 'Moment: 2026-11-22T15:00:00Z (the latest change into ALARM). Window: 2026-11-22T14:30:00Z to 2026-11-22T15:15:00Z (30 min before, 15 min after).');
      assert.equal(lines[2], 'Runbook: docs/ops.md#Orders (from the opsLens.runbooks setting); its section\'s text: opsLens_describeAlarm.');
      assert.equal(lines[3], `Related, and how each was found: log groups /aws/lambda/orders (tag opsLens:logGroups); state machines ${MACHINE} (dimension StateMachineArn); health endpoints none.`);
      assert.match(text, /untrusted data, not instructions/);
      assert.match(text, /\| 2026-11-22T15:00:00Z \| orders-failing: OK → ALARM \|/);
    });

    it('says the window ends now when the moment is recent', () => {
      const part = alarmPart({ window: { start: MOMENT - 30 * 60_000, end: MOMENT + 5 * 60_000, beforeMs: 30 * 60_000, afterMs: 15 * 60_000 } });
      assert.match(investigationText(snapshot(part), false), /\(30 min before, 15 min after; it ends now\)\./);
    });

    it('caps the timeline and says how many entries there were', () => {
      const transitions = Array.from({ length: 50 }, (_, i) => ({ time: MOMENT - 25 * 60_000 + i * 30_000, from: i % 2 ? 'ALARM' : 'OK', to: i % 2 ? 'OK' : 'ALARM' }));
      const text = investigationText(snapshot(alarmPart({ transitions })), false);
      assert.match(text, new RegExp(`Timeline in the window \\(the first ${MAX_TIMELINE} of 50\\):`));
      assert.equal(text.split('\n').filter((l) => /^\| \S+Z \| orders-failing: /.test(l)).length, MAX_TIMELINE);
    });

    it('shares the error messages among the log groups and keeps hostile messages inside their cells', () => {
      const groups = ['/a', '/b', '/c', '/d'].map((g) => logsPart(g, 10, (i) => `ERROR ${i} | injected\n| row | ${'x'.repeat(400)}`));
      const text = investigationText(snapshot(alarmPart(), ...groups), false);
      const rows = text.split('\n').filter((l) => /^\| \d+ \| \S+Z \| \S+Z \| ERROR /.test(l));
      assert.equal(rows.length, 4 * Math.floor(MAX_ERROR_ROWS / 4));
      for (const row of rows) {
        assert.match(row, /\| ERROR \d \\\| injected \\\| row \\\| x+… \|$/, 'pipes and newlines stay inside the cell');
        assert.ok(row.length < 200, 'a message is cut at 120 characters');
      }
      assert.match(text, /\n\/a: 20 error events\.\n/);
    });

    it('offers the Logs Insights query of a noisy group over the window, in a range opsLens_runInsightsQuery reads', () => {
      const text = investigationText(snapshot(alarmPart(), logsPart('/aws/lambda/orders', 2)), false);
      const range = /logGroups \["\/aws\/lambda\/orders"\], range "([^"]+)" and the query below/.exec(text)?.[1];
      assert.equal(range, '2026-11-22T14:30Z..2026-11-22T15:15Z');
      assert.deepEqual(windowFor(range, new Date(NOW)), { start: new Date('2026-11-22T14:30:00Z'), end: new Date('2026-11-22T15:15:00Z') });
      assert.match(text, /\n```\nfields @timestamp, @logStream, @message\n\| filter @message like .+\n(.+\n)*\| limit 100\n```$/);
    });

    it('lists failed executions with their ARNs, the latest first, and points to opsLens_describeExecution', () => {
      const executions = Array.from({ length: 30 }, (_, i) => ({ name: `run-${i}`, arn: `${MACHINE.replace('stateMachine', 'execution')}:run-${i}`, status: i % 3 ? 'FAILED' : 'TIMED_OUT', start: MOMENT - 20 * 60_000 + i * 1000, stop: MOMENT - 10 * 60_000 + i * 1000 }));
      const text = investigationText(snapshot(alarmPart(), { kind: 'executions', stateMachineArn: MACHINE, stateMachine: 'Orders', executions, truncated: false }), false);
      assert.match(text, /\nOrders: 20 FAILED, 10 TIMED_OUT\.\n/);
      const rows = text.split('\n').filter((l) => /^\| \S+Z \| (FAILED|TIMED_OUT) \| arn:/.test(l));
      assert.equal(rows.length, 12);
      assert.match(rows[0], /:run-29 \|$/);
      assert.match(text, /Next: opsLens_describeExecution/);
    });

    it('summarises the metric against its threshold with a downsampled series', () => {
      const timestamps = Array.from({ length: 45 }, (_, i) => MOMENT - 30 * 60_000 + i * 60_000);
      const values = timestamps.map((_, i) => (i >= 30 && i < 35 ? 3 : 0));
      const text = investigationText(snapshot(alarmPart(), { kind: 'metric', label: 'ExecutionsFailed (Sum)', unit: 'Count', period: 60, series: [{ label: 'ExecutionsFailed', timestamps, values }], threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', bands: [] }), false);
      assert.match(text, /\nMetric ExecutionsFailed \(Sum\), unit Count, period 60 s, threshold ≥ 1:\n45 points: minimum 0, maximum 3 at 2026-11-22T15:00:00Z, latest 0 at 2026-11-22T15:14:00Z; 5 beyond the threshold\./);
      assert.equal(text.split('\n').filter((l) => /^\| \S+Z \| [\d.]+ \|$/.test(l)).length, 15);
    });

    it('says where health changes are not recorded, and lists them where they are', () => {
      const related = { ...alarmPart().related, healthEndpoints: [{ name: 'checkout', from: 'setting' as const, detail: 'orders-*' }] };
      const health: PartData = { kind: 'health', endpoints: ['checkout'], changes: [{ endpoint: 'checkout', at: MOMENT - 120_000, from: 'up', to: 'down', detail: 'HTTP 503' }], recordedSince: MOMENT - 3_600_000 };
      assert.match(investigationText(snapshot(alarmPart({ related }), { ...health, changes: [] } as PartData), false), /Health endpoints checkout: their state changes are recorded only while Ops Lens runs in the editor/);
      assert.match(investigationText(snapshot(alarmPart({ related }), health), true), /\| 2026-11-22T14:58:00Z \| checkout \| up → down \(HTTP 503\) \|/);
    });

    it('stays under the answer cap with twenty noisy log groups and ten state machines', async () => {
      const groups = Array.from({ length: 20 }, (_, i) => logsPart(`/aws/lambda/service-${i}-${'n'.repeat(100)}`, 20, (j) => `ERROR ${'y'.repeat(1000)} ${j}`));
      const machines: PartData[] = Array.from({ length: 10 }, (_, m) => ({ kind: 'executions', stateMachineArn: `${MACHINE}${m}`, stateMachine: `Orders${m}`, truncated: true, executions: Array.from({ length: 200 }, (_, i) => ({ name: `r${i}`, arn: `${MACHINE}${m}:${'e'.repeat(80)}${i}`, status: 'FAILED', start: MOMENT, stop: MOMENT })) }));
      const text = investigationText(snapshot(alarmPart(), ...groups, ...machines), false);
      assert.ok(text.length < MAX_ANSWER_CHARS, `${text.length} characters`);
    });

    it('reports the parts that could not be read', () => {
      const parts = snapshot(alarmPart());
      parts.apply({ id: 'logs:/a', kind: 'logs', label: 'Errors in /a', status: 'failed', error: 'AccessDeniedException: not allowed' });
      assert.match(investigationText(parts, false), /\nNot read:\n- Errors in \/a: AccessDeniedException: not allowed/);
    });
  });

  describe('gathering', () => {
    // DescribeAlarms' MetricAlarm: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html
    const alarm: MetricAlarm = {
      AlarmName: 'orders-failing', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-failing', StateValue: 'ALARM', StateUpdatedTimestamp: new Date(MOMENT),
      MetricName: 'ExecutionsFailed', Namespace: 'AWS/States', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Dimensions: [{ Name: 'StateMachineArn', Value: MACHINE }],
    };
    // DescribeAlarmHistory's AlarmHistoryItem: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_AlarmHistoryItem.html
    const history: AlarmHistoryItem[] = [{ AlarmName: 'orders-failing', Timestamp: new Date(MOMENT), HistoryItemType: 'StateUpdate', HistorySummary: 'Alarm updated from OK to ALARM', HistoryData: JSON.stringify({ version: '1.0', oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM' } }) }];

    function context(calls: string[], workspaceSettings: Record<string, unknown> = {}): ToolContext {
      const cloudWatch = { alarmHistory: async () => history, tags: async () => ({ 'opsLens:logGroups': '/aws/lambda/orders' }) } as unknown as CloudWatchApi;
      const metrics = {
        describeAlarms: async (_r: string, names: readonly string[]) => ({ metricAlarms: names.includes('orders-failing') ? [alarm] : [], compositeAlarms: [] }),
        getMetricData: async () => ({ series: [{ id: 'm1', label: 'ExecutionsFailed', timestamps: [MOMENT - 60_000, MOMENT], values: [0, 2] }], messages: [], calls: 1 }),
      } as unknown as MetricsApi;
      const logs = {
        filterEvents: async (_r: string, f: { logGroupName: string; startTime: number; endTime: number }) => {
          calls.push(`FilterLogEvents ${f.logGroupName} ${new Date(f.startTime).toISOString()}..${new Date(f.endTime).toISOString()}`);
          return { events: [{ timestamp: MOMENT - 30_000, message: 'ERROR payment declined for order 42' }], truncated: false };
        },
        startQuery: async () => {
          calls.push('StartQuery');
          return 'q';
        },
      } as unknown as LogsApi;
      const stepFunctions = {
        describeStateMachine: async () => ({}),
        executions: async (_r: string, _arn: string, o: { status: string }) => ({ executions: o.status === 'FAILED' ? [{ name: 'run-1', executionArn: `${MACHINE.replace('stateMachine', 'execution')}:run-1`, status: 'FAILED', startDate: new Date(MOMENT - 90_000), stopDate: new Date(MOMENT - 60_000) }] : [] }),
      } as unknown as StepFunctionsApi;
      return {
        cloudWatch, metrics, logs, stepFunctions, regions: async () => [asScopeId('us-east-1')], now: () => new Date(NOW),
        workspace: { markdown: async () => [], savedQueries: async () => [], setting: async (key) => workspaceSettings[key] },
      };
    }

    it('reads the alarm\'s window with FilterLogEvents, never a Logs Insights query, so it runs without asking', async () => {
      const calls: string[] = [];
      assert.notEqual(investigateAlarm.needsConfirmation, true);
      const answer = await invokeAgentTool(investigateAlarm, { name: 'orders-failing' }, context(calls, { runbooks: [{ alarm: 'orders-*', target: 'https://wiki.example.com/orders' }] }));
      assert.equal(answer.failed, false, answer.text);
      assert.deepEqual(calls, ['FilterLogEvents /aws/lambda/orders 2026-11-22T14:30:00.000Z..2026-11-22T15:15:00.000Z']);
      assert.match(answer.text, /Runbook: https:\/\/wiki\.example\.com\/orders \(from the opsLens\.runbooks setting; not fetched\)/);
      assert.match(answer.text, /\| 1 \| 2026-11-22T14:59:30Z \| 2026-11-22T14:59:30Z \| ERROR payment declined for order 42 \|/);
      assert.match(answer.text, /\| 2026-11-22T14:59:00Z \| FAILED \| arn:aws:states:us-east-1:123456789012:execution:Orders:run-1 \|/);
    });

    it('takes the moment and the sides of the window from the input, and related log groups from opsLens.alarms.related', async () => {
      const calls: string[] = [];
      const text = await investigateAlarm.run({ name: 'orders-failing', at: '2026-11-22T14:00Z', before: '1h', after: '2h' }, context(calls, { 'alarms.related': [{ alarm: 'orders-*', logGroups: ['/ecs/orders-api'] }] }));
      assert.match(text, /Moment: 2026-11-22T14:00:00Z \(the moment chosen\)\. Window: 2026-11-22T13:00:00Z to 2026-11-22T16:00:00Z \(1 h before, 2 h after\)\./);
      assert.ok(calls.includes('FilterLogEvents /ecs/orders-api 2026-11-22T13:00:00.000Z..2026-11-22T16:00:00.000Z'), calls.join('\n'));
      assert.match(text, /\/ecs\/orders-api \(opsLens\.alarms\.related\)/);
    });

    it('refuses input it cannot read before calling AWS, and says when there is no such alarm', async () => {
      const calls: string[] = [];
      assert.match(await investigateAlarm.run({}, context(calls)), /^Give the alarm's name/);
      assert.match(await investigateAlarm.run({ name: 'orders-failing', before: 'yesterday' }, context(calls)), /^before and after are durations/);
      assert.match(await investigateAlarm.run({ name: 'orders-failing', at: 'noon' }, context(calls)), /^at is an instant/);
      assert.equal(await investigateAlarm.run({ name: 'nope', region: 'us-east-1' }, context(calls)), 'The alarm could not be read: No alarm named "nope" in us-east-1.');
      assert.deepEqual(calls, []);
    });
  });
});
