import { strict as assert } from 'node:assert';
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  InvalidParameterValueException,
  ListTagsForResourceCommand as ListAlarmTagsCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  TagResourceCommand as TagAlarmCommand,
  ValidationException as CloudWatchValidationException,
  type MetricDataQuery,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteQueryDefinitionCommand,
  DescribeLogGroupsCommand,
  DescribeQueriesCommand,
  DescribeQueryDefinitionsCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  InvalidParameterException,
  MalformedQueryException,
  PutLogEventsCommand,
  PutQueryDefinitionCommand,
  ResourceNotFoundException as LogsResourceNotFoundException,
  StartQueryCommand,
  StopQueryCommand,
  type GetQueryResultsCommandOutput,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ExecutionNotRedrivable,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { resetMoto, startMoto, type RunningServer } from '../../sandbox/moto';
import { rejectsWith } from './rejectsWith';
import { startStandIn, type StandInServer } from '../../sandbox/standin/server';

const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const REGION = 'us-east-1';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function row(fields: ResultField[]): Record<string, string | undefined> {
  return Object.fromEntries(fields.map((f) => [f.field ?? '', f.value]));
}

describe('stand-in in front of moto', function () {
  let moto: RunningServer;
  let standIn: StandInServer;
  let cw: CloudWatchClient;
  let logs: CloudWatchLogsClient;
  let sfn: SFNClient;

  before(async function () {
    this.timeout(180000);
    moto = await startMoto();
    standIn = await startStandIn({ motoUrl: moto.url, insightsDelayMs: 1000 });
    const config = { region: REGION, endpoint: standIn.url, credentials: CREDENTIALS, maxAttempts: 1 };
    cw = new CloudWatchClient(config);
    logs = new CloudWatchLogsClient(config);
    sfn = new SFNClient(config);
  });

  after(async () => {
    cw?.destroy();
    logs?.destroy();
    sfn?.destroy();
    await standIn?.stop();
    await moto?.stop();
  });

  beforeEach(async () => {
    // Through the stand-in: resets moto and the stand-in's own state together.
    await resetMoto(standIn.url);
  });

  describe('forwarding', () => {
    it('passes what it does not answer through to moto', async () => {
      await logs.send(new CreateLogGroupCommand({ logGroupName: '/fwd/group' }));
      const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/fwd/' }));
      assert.deepEqual(groups.logGroups?.map((g) => g.logGroupName), ['/fwd/group']);

      await sfn.send(new CreateStateMachineCommand({ name: 'fwd-machine', roleArn: 'arn:aws:iam::123456789012:role/sfn', definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }) }));
      const machines = await sfn.send(new ListStateMachinesCommand({}));
      assert.deepEqual(machines.stateMachines?.map((m) => m.name), ['fwd-machine']);

      const now = Math.floor(Date.now() / 60000) * 60000;
      await cw.send(new PutMetricDataCommand({ Namespace: 'Fwd', MetricData: [{ MetricName: 'Hits', Value: 7, Timestamp: new Date(now - 60000) }] }));
      const data = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 600000),
          EndTime: new Date(now + 60000),
          MetricDataQueries: [{ Id: 'hits', MetricStat: { Metric: { Namespace: 'Fwd', MetricName: 'Hits' }, Period: 60, Stat: 'Sum' } }],
        }),
      );
      assert.deepEqual(data.MetricDataResults?.[0]?.Values, [7]);
    });
  });

  describe('Logs Insights', () => {
    const group = '/app/api';
    let base: number;

    beforeEach(async () => {
      await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'web-1' }));
      base = Date.now() - 50 * 10_000;
      const logEvents = Array.from({ length: 50 }, (_, i) => ({
        timestamp: base + i * 10_000,
        message: i % 5 === 0 ? `ERROR user=u${i % 3} latency=${100 + i}ms failed to render` : `INFO user=u${i % 3} latency=${i}ms ok`,
      }));
      await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'web-1', logEvents }));
    });

    async function start(queryString: string, logGroupNames = [group]): Promise<string> {
      const started = await logs.send(
        new StartQueryCommand({ logGroupNames, queryString, startTime: Math.floor(base / 1000) - 60, endTime: Math.ceil(Date.now() / 1000) + 60 }),
      );
      assert.ok(started.queryId);
      return started.queryId;
    }

    async function poll(queryId: string, seen: string[] = []): Promise<GetQueryResultsCommandOutput> {
      for (let i = 0; i < 100; i++) {
        const out = await logs.send(new GetQueryResultsCommand({ queryId }));
        seen.push(out.status ?? '');
        if (out.status !== 'Scheduled' && out.status !== 'Running') return out;
        await sleep(100);
      }
      assert.fail('the query never finished');
    }

    it('runs a filter query: Running, then Complete with only the matching events', async () => {
      const queryId = await start('fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc');
      const seen: string[] = [];
      const out = await poll(queryId, seen);
      assert.ok(seen.includes('Running'), `statuses seen: ${seen.join(', ')}`);
      assert.equal(out.status, 'Complete');
      const rows = out.results ?? [];
      assert.equal(rows.length, 10);
      for (const fields of rows) {
        assert.deepEqual(fields.map((f) => f.field), ['@timestamp', '@message', '@ptr']);
        const r = row(fields);
        assert.match(r['@message'] ?? '', /^ERROR /);
        assert.match(r['@timestamp'] ?? '', TIMESTAMP);
      }
      const times = rows.map((fields) => row(fields)['@timestamp'] ?? '');
      assert.deepEqual(times, [...times].sort().reverse(), 'sorted newest first');
      assert.equal(out.statistics?.recordsMatched, 10);
      assert.equal(out.statistics?.recordsScanned, 50);
      assert.ok((out.statistics?.bytesScanned ?? 0) > 0);

      const record = await logs.send(new GetLogRecordCommand({ logRecordPointer: row(rows[0] ?? [])['@ptr'] }));
      assert.match(record.logRecord?.['@message'] ?? '', /^ERROR /);
      assert.equal(record.logRecord?.['@logStream'], 'web-1');
    });

    it('counts by bin(5m) and parses named groups', async () => {
      const counted = await poll(await start('stats count() as n by bin(5m) as period'));
      assert.equal(counted.status, 'Complete');
      const bins = (counted.results ?? []).map(row);
      assert.ok(bins.length >= 2, 'events span more than one 5 minute bin');
      assert.equal(bins.reduce((total, b) => total + Number(b.n), 0), 50);
      for (const b of bins) assert.match(b.period ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:[0-5][05]:00\.000$/);

      const parsed = await poll(
        await start('parse @message /^(?<level>[A-Z]+) user=(?<user>\\S+) latency=(?<latency>\\d+)ms/\n| filter level = "ERROR"\n| stats count() as errors, max(latency) as worst by user\n| sort user asc'),
      );
      const byUser = (parsed.results ?? []).map(row);
      assert.deepEqual(byUser.map((r) => r.user), ['u0', 'u1', 'u2']);
      assert.equal(byUser.reduce((t, r) => t + Number(r.errors), 0), 10);
      assert.equal(Math.max(...byUser.map((r) => Number(r.worst))), 145);
    });

    it('reports a malformed query with its position, and an unknown log group by name', async () => {
      const queryString = 'fields @timestamp, @message\n| filtr @message like /ERROR/';
      await rejectsWith(logs.send(new StartQueryCommand({ logGroupName: group, queryString, startTime: 0, endTime: 60 })), MalformedQueryException, (err) => {
        assert.match(err.message, /^unexpected symbol found filtr at line 2 and position 3$/);
        const location = err.queryCompileError?.location;
        assert.ok(location, 'queryCompileError.location');
        assert.equal(queryString.slice(location.startCharOffset, location.endCharOffset), 'filtr');
        assert.equal(err.$metadata.httpStatusCode, 400);
      });
      await rejectsWith(
        logs.send(new StartQueryCommand({ logGroupNames: [group, '/app/missing'], queryString: 'fields @message', startTime: 0, endTime: 60 })),
        LogsResourceNotFoundException,
        (err) => assert.match(err.message, /\/app\/missing/),
      );
      await rejectsWith(logs.send(new GetQueryResultsCommand({ queryId: 'no-such-query' })), LogsResourceNotFoundException);
    });

    it('stops a running query, refuses to stop a finished one, and lists queries', async () => {
      const running = await start('fields @message | filter @message like /INFO/');
      let before = await logs.send(new GetQueryResultsCommand({ queryId: running }));
      while (before.status === 'Scheduled') {
        await sleep(50);
        before = await logs.send(new GetQueryResultsCommand({ queryId: running }));
      }
      assert.equal(before.status, 'Running');
      const stopped = await logs.send(new StopQueryCommand({ queryId: running }));
      assert.equal(stopped.success, true);
      await sleep(1100);
      const after = await logs.send(new GetQueryResultsCommand({ queryId: running }));
      assert.equal(after.status, 'Cancelled');
      await rejectsWith(logs.send(new StopQueryCommand({ queryId: running })), InvalidParameterException);

      const finished = await start('fields @message | limit 5');
      const done = await poll(finished);
      assert.equal(done.status, 'Complete');
      assert.equal(done.results?.length, 5);
      await rejectsWith(logs.send(new StopQueryCommand({ queryId: finished })), InvalidParameterException);

      const listed = await logs.send(new DescribeQueriesCommand({ logGroupName: group }));
      assert.deepEqual(
        listed.queries?.map((q) => [q.queryId, q.status]),
        [
          [finished, 'Complete'],
          [running, 'Cancelled'],
        ],
      );
      const cancelled = await logs.send(new DescribeQueriesCommand({ status: 'Cancelled' }));
      assert.deepEqual(cancelled.queries?.map((q) => q.queryId), [running]);
    });
  });

  describe('query definitions', () => {
    it('creates, pages, updates and deletes', async () => {
      const ids: string[] = [];
      for (const name of ['errors/api', 'errors/worker', 'errors/db', 'latency/p99', 'errors/auth', 'errors/queue']) {
        const out = await logs.send(new PutQueryDefinitionCommand({ name, queryString: `fields @message | filter @message like /${name}/`, logGroupNames: ['/app/api'] }));
        assert.ok(out.queryDefinitionId);
        ids.push(out.queryDefinitionId);
      }
      const names: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'errors/', maxResults: 2, nextToken: token }));
        pages++;
        names.push(...(page.queryDefinitions ?? []).map((d) => d.name ?? ''));
        token = page.nextToken;
      } while (token);
      assert.equal(pages, 3);
      assert.deepEqual(names, ['errors/api', 'errors/auth', 'errors/db', 'errors/queue', 'errors/worker']);

      const updated = await logs.send(new PutQueryDefinitionCommand({ queryDefinitionId: ids[0], name: 'errors/api-v2', queryString: 'stats count() by bin(5m)' }));
      assert.equal(updated.queryDefinitionId, ids[0]);
      const all = await logs.send(new DescribeQueryDefinitionsCommand({}));
      const api = all.queryDefinitions?.find((d) => d.queryDefinitionId === ids[0]);
      assert.equal(api?.name, 'errors/api-v2');
      assert.equal(api?.queryString, 'stats count() by bin(5m)');
      assert.equal(all.queryDefinitions?.length, 6);

      const deleted = await logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId: ids[3] }));
      assert.equal(deleted.success, true);
      const rest = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'latency/' }));
      assert.deepEqual(rest.queryDefinitions, []);
      await rejectsWith(logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId: ids[3] })), LogsResourceNotFoundException);
      await rejectsWith(logs.send(new PutQueryDefinitionCommand({ queryDefinitionId: 'nope', name: 'x', queryString: 'fields @message' })), LogsResourceNotFoundException);
    });
  });

  describe('CloudWatch alarms', () => {
    const alarm = (name: string, extra: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommand =>
      new PutMetricAlarmCommand({
        AlarmName: name,
        MetricName: 'CPUUtilization',
        Namespace: 'AWS/ECS',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 80,
        ComparisonOperator: 'GreaterThanThreshold',
        ...extra,
      });
    const setState = (name: string, state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', reason = `set to ${state}`): SetAlarmStateCommand =>
      new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: reason });

    it('records state changes and configuration updates in the alarm history', async () => {
      await cw.send(alarm('api-cpu'));
      await cw.send(setState('api-cpu', 'ALARM', 'Threshold Crossed: 1 datapoint [93.0] was greater than 80.0'));
      await cw.send(setState('api-cpu', 'OK', 'back to normal'));

      const states = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-cpu', HistoryItemType: 'StateUpdate' }));
      const items = states.AlarmHistoryItems ?? [];
      assert.deepEqual(items.map((i) => i.HistorySummary), ['Alarm updated from ALARM to OK', 'Alarm updated from OK to ALARM']);
      const data = JSON.parse(items[1]?.HistoryData ?? '{}') as { version: string; oldState: { stateValue: string }; newState: { stateValue: string; stateReason: string } };
      assert.equal(data.version, '1.0');
      assert.equal(data.oldState.stateValue, 'OK');
      assert.equal(data.newState.stateValue, 'ALARM');
      assert.match(data.newState.stateReason, /Threshold Crossed/);
      assert.ok(items[0]?.Timestamp instanceof Date);
      assert.equal(items[0]?.AlarmType, 'MetricAlarm');

      const config = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-cpu', HistoryItemType: 'ConfigurationUpdate' }));
      assert.deepEqual(config.AlarmHistoryItems?.map((i) => i.HistorySummary), ['Alarm "api-cpu" created']);

      const ascending = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-cpu', ScanBy: 'TimestampAscending', MaxRecords: 2 }));
      assert.deepEqual(ascending.AlarmHistoryItems?.map((i) => i.HistoryItemType), ['ConfigurationUpdate', 'StateUpdate']);
      assert.ok(ascending.NextToken);
      const rest = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-cpu', ScanBy: 'TimestampAscending', MaxRecords: 2, NextToken: ascending.NextToken }));
      assert.deepEqual(rest.AlarmHistoryItems?.map((i) => i.HistorySummary), ['Alarm updated from ALARM to OK']);
      assert.equal(rest.NextToken, undefined);

      const future = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-cpu', StartDate: new Date(Date.now() + 3600_000) }));
      assert.deepEqual(future.AlarmHistoryItems, []);
    });

    it('derives a composite alarm from its children and deletes it', async () => {
      for (const name of ['a', 'b', 'c']) await cw.send(alarm(name));
      await cw.send(
        new PutCompositeAlarmCommand({
          AlarmName: 'service-down',
          AlarmRule: 'ALARM("a") OR ALARM(b) AND NOT OK("c")',
          AlarmDescription: 'any critical child',
          Tags: [{ Key: 'team', Value: 'core' }],
        }),
      );
      const composite = async () => {
        const out = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['service-down'], AlarmTypes: ['CompositeAlarm'] }));
        assert.equal(out.CompositeAlarms?.length, 1);
        return out.CompositeAlarms?.[0];
      };
      assert.equal((await composite())?.StateValue, 'OK', 'every child OK');

      await cw.send(setState('a', 'ALARM'));
      let current = await composite();
      assert.equal(current?.StateValue, 'ALARM');
      assert.match(current?.StateReason ?? '', /\ba \(ALARM\)/);

      await cw.send(setState('a', 'OK'));
      await cw.send(setState('b', 'ALARM'));
      await cw.send(setState('c', 'ALARM'));
      current = await composite();
      assert.equal(current?.StateValue, 'ALARM');
      assert.match(current?.StateReason ?? '', /\bb \(ALARM\).*\bc \(ALARM\)/);

      await cw.send(setState('c', 'OK'));
      assert.equal((await composite())?.StateValue, 'OK');

      await cw.send(setState('b', 'INSUFFICIENT_DATA'));
      await cw.send(setState('c', 'ALARM'));
      current = await composite();
      assert.equal(current?.StateValue, 'INSUFFICIENT_DATA', 'the rule hinges on b, which has no data');
      assert.match(current?.StateReason ?? '', /\bb \(INSUFFICIENT_DATA\)/);

      const metricOnly = await cw.send(new DescribeAlarmsCommand({}));
      assert.deepEqual(metricOnly.CompositeAlarms, [], 'AlarmTypes defaults to metric alarms');
      assert.deepEqual(metricOnly.MetricAlarms?.map((a) => a.AlarmName), ['a', 'b', 'c']);
      const both = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }));
      assert.equal(both.MetricAlarms?.length, 3);
      assert.equal(both.CompositeAlarms?.[0]?.AlarmRule, 'ALARM("a") OR ALARM(b) AND NOT OK("c")');
      const parents = await cw.send(new DescribeAlarmsCommand({ ParentsOfAlarmName: 'b' }));
      assert.deepEqual(parents.CompositeAlarms?.map((a) => a.AlarmName), ['service-down']);

      const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'service-down', AlarmTypes: ['CompositeAlarm'], HistoryItemType: 'StateUpdate', ScanBy: 'TimestampAscending' }));
      assert.deepEqual(history.AlarmHistoryItems?.map((i) => i.HistorySummary), [
        'Alarm updated from INSUFFICIENT_DATA to OK',
        'Alarm updated from OK to ALARM',
        'Alarm updated from ALARM to OK',
        'Alarm updated from OK to ALARM',
        'Alarm updated from ALARM to OK',
        'Alarm updated from OK to INSUFFICIENT_DATA',
      ]);

      const arn = current?.AlarmArn ?? '';
      assert.match(arn, /^arn:aws:cloudwatch:us-east-1:\d{12}:alarm:service-down$/);
      await cw.send(new TagAlarmCommand({ ResourceARN: arn, Tags: [{ Key: 'tier', Value: '1' }] }));
      const tags = await cw.send(new ListAlarmTagsCommand({ ResourceARN: arn }));
      assert.deepEqual(tags.Tags, [
        { Key: 'team', Value: 'core' },
        { Key: 'tier', Value: '1' },
      ]);

      await rejectsWith(cw.send(new PutCompositeAlarmCommand({ AlarmName: 'broken', AlarmRule: 'ALARM(a) AND' })), InvalidParameterValueException);
      await rejectsWith(cw.send(new PutCompositeAlarmCommand({ AlarmName: 'orphan', AlarmRule: 'ALARM(nope)' })), CloudWatchValidationException, (err) => assert.match(err.message, /nope/));

      await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['service-down', 'c'] }));
      const left = await cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }));
      assert.deepEqual(left.CompositeAlarms, []);
      assert.deepEqual(left.MetricAlarms?.map((a) => a.AlarmName), ['a', 'b']);
    });

    it('pages DescribeAlarms with MaxRecords and combines filters', async function () {
      this.timeout(120000);
      const names = Array.from({ length: 250 }, (_, i) => `${i % 2 ? 'prod' : 'dev'}-alarm-${String(i).padStart(3, '0')}`);
      for (let i = 0; i < names.length; i += 25) {
        await Promise.all(
          names.slice(i, i + 25).map((name, j) =>
            cw.send(alarm(name, { AlarmActions: [`arn:aws:sns:us-east-1:123456789012:${(i + j) % 3 === 0 ? 'pager' : 'email'}`] })),
          ),
        );
      }
      await Promise.all(['prod-alarm-001', 'prod-alarm-003', 'prod-alarm-009', 'dev-alarm-000'].map((n) => cw.send(setState(n, 'ALARM'))));

      const pages: number[] = [];
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 100, NextToken: token }));
        pages.push(page.MetricAlarms?.length ?? 0);
        seen.push(...(page.MetricAlarms ?? []).map((a) => a.AlarmName ?? ''));
        token = page.NextToken;
      } while (token);
      assert.deepEqual(pages, [100, 100, 50]);
      assert.deepEqual(seen, [...names].sort());

      const firstDefault = await cw.send(new DescribeAlarmsCommand({}));
      assert.equal(firstDefault.MetricAlarms?.length, 50, 'AWS default page size');
      assert.ok(firstDefault.NextToken);

      const combined = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'prod-', StateValue: 'ALARM', ActionPrefix: 'arn:aws:sns:us-east-1:123456789012:pager' }));
      // i = 3 and 9 are prod with (i % 3 === 0) → pager; i = 1 is prod but email; i = 0 is dev.
      assert.deepEqual(combined.MetricAlarms?.map((a) => a.AlarmName), ['prod-alarm-003', 'prod-alarm-009']);
      const named = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['dev-alarm-000', 'prod-alarm-001', 'prod-alarm-005'], StateValue: 'ALARM' }));
      assert.deepEqual(named.MetricAlarms?.map((a) => a.AlarmName), ['dev-alarm-000', 'prod-alarm-001']);
      await rejectsWith(cw.send(new DescribeAlarmsCommand({ MaxRecords: 101 })), CloudWatchValidationException);
    });
  });

  describe('CloudWatch alarm listings', () => {
    it('lists alarms again after a change through it, in the JSON or the query protocol', async () => {
      await cw.send(new PutMetricAlarmCommand({ AlarmName: 'orders-5xx', MetricName: '5XXError', Namespace: 'AWS/ApiGateway', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
      const listed = async () => (await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms?.find((a) => a.AlarmName === 'orders-5xx');
      assert.notEqual((await listed())?.StateValue, 'ALARM');
      assert.equal((await listed())?.ActionsEnabled, true);

      await cw.send(new SetAlarmStateCommand({ AlarmName: 'orders-5xx', StateValue: 'ALARM', StateReason: 'errors above 1' }));
      assert.equal((await listed())?.StateValue, 'ALARM');

      const form = new URLSearchParams({ Action: 'DisableAlarmActions', Version: '2010-08-01', 'AlarmNames.member.1': 'orders-5xx' });
      const answer = await fetch(standIn.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${REGION}/monitoring/aws4_request, SignedHeaders=host, Signature=0`,
        },
        body: form.toString(),
      });
      assert.equal(answer.status, 200, await answer.text());
      assert.equal((await listed())?.ActionsEnabled, false);
    });
  });

  describe('CloudWatch metric data', () => {
    it('answers GetMetricData from the data put through it: 20 metrics × 1,440 minutes quickly, percentiles too', async function () {
      this.timeout(60_000);
      const minute = Math.floor(Date.now() / 60000) * 60000;
      const start = minute - 24 * 3_600_000;
      const series = Array.from({ length: 20 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
      const data = series.flatMap((name, i) => Array.from({ length: 1440 }, (_, k) => ({ MetricName: 'Latency', Dimensions: [{ Name: 'Series', Value: name }], Timestamp: new Date(start + k * 60000), Value: i * 10 + (k % 7) })));
      const batches = [];
      for (let i = 0; i < data.length; i += 1000) batches.push(data.slice(i, i + 1000));
      await Promise.all(batches.map((batch) => cw.send(new PutMetricDataCommand({ Namespace: 'Bench', MetricData: batch }))));
      await cw.send(new PutMetricDataCommand({ Namespace: 'Bench', MetricData: [{ MetricName: 'Spread', Timestamp: new Date(minute - 60000), Values: [1, 2, 3, 100], Counts: [1, 1, 1, 1] }] }));

      const started = Date.now();
      const out = await cw.send(new GetMetricDataCommand({
        StartTime: new Date(start),
        EndTime: new Date(minute),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: series.map((name, i) => ({ Id: `m${i}`, MetricStat: { Metric: { Namespace: 'Bench', MetricName: 'Latency', Dimensions: [{ Name: 'Series', Value: name }] }, Period: 60, Stat: 'Average' } })),
      }));
      const elapsed = Date.now() - started;
      assert.equal(out.MetricDataResults?.length, 20);
      assert.ok(out.MetricDataResults?.every((r) => r.Values?.length === 1440), 'every minute of every series');
      assert.deepEqual(out.MetricDataResults?.[1]?.Values?.slice(0, 3), [10, 11, 12]);
      assert.equal(out.MetricDataResults?.[0]?.Label, 'Latency Average');
      assert.ok(elapsed < 5000, `${elapsed} ms`);

      const spread = await cw.send(new GetMetricDataCommand({
        StartTime: new Date(minute - 300_000),
        EndTime: new Date(minute),
        MetricDataQueries: [
          { Id: 'p50', MetricStat: { Metric: { Namespace: 'Bench', MetricName: 'Spread' }, Period: 300, Stat: 'p50' } },
          { Id: 'max', MetricStat: { Metric: { Namespace: 'Bench', MetricName: 'Spread' }, Period: 300, Stat: 'Maximum' }, Label: 'Peak' },
        ],
      }));
      assert.deepEqual(spread.MetricDataResults?.map((r) => [r.Id, r.Label, r.Values]), [['p50', 'Spread p50', [2]], ['max', 'Peak', [100]]]);
    });
  });

  describe('CloudWatch metric math', () => {
    it('computes expressions over the MetricStat queries', async () => {
      const minute = Math.floor(Date.now() / 60000) * 60000;
      const start = minute - 10 * 60000;
      const points = [
        [3, 1],
        [4, 2],
        [5, 10],
        [6, 4],
      ];
      await cw.send(
        new PutMetricDataCommand({
          Namespace: 'App',
          MetricData: points.flatMap(([at, value]) => [
            { MetricName: 'Errors', Value: value, Timestamp: new Date(start + (at ?? 0) * 60000 + 1000) },
            { MetricName: 'Faults', Value: (value ?? 0) * 2, Timestamp: new Date(start + (at ?? 0) * 60000 + 1000) },
          ]),
        }),
      );
      const stat = (id: string, name: string, returnData = true): MetricDataQuery => ({ Id: id, ReturnData: returnData, MetricStat: { Metric: { Namespace: 'App', MetricName: name }, Period: 60, Stat: 'Sum' } });
      const out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(start),
          EndTime: new Date(minute + 60000),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            stat('m1', 'Errors'),
            stat('m2', 'Faults', false),
            { Id: 'total', Expression: 'm1 + m2', Label: 'Errors and faults' },
            { Id: 'summed', Expression: 'SUM(METRICS())' },
            { Id: 'mean', Expression: 'AVG(METRICS())' },
            { Id: 'peak', Expression: 'MAX(METRICS())' },
            { Id: 'scaled', Expression: '(m1 * 2 - 1) / 1' },
            { Id: 'rate', Expression: 'RATE(m1)' },
          ],
        }),
      );
      const results = new Map((out.MetricDataResults ?? []).map((r) => [r.Id ?? '', r]));
      assert.deepEqual([...results.keys()], ['m1', 'total', 'summed', 'mean', 'peak', 'scaled', 'rate'], 'ReturnData false is honoured');
      assert.deepEqual(results.get('m1')?.Values, [1, 2, 10, 4]);
      assert.deepEqual(results.get('total')?.Values, [3, 6, 30, 12]);
      assert.equal(results.get('total')?.Label, 'Errors and faults');
      assert.deepEqual(results.get('summed')?.Values, [3, 6, 30, 12]);
      assert.deepEqual(results.get('mean')?.Values, [1.5, 3, 15, 6]);
      assert.deepEqual(results.get('peak')?.Values, [2, 4, 20, 8]);
      assert.deepEqual(results.get('scaled')?.Values, [1, 3, 19, 7]);
      assert.deepEqual(results.get('rate')?.Values, [1 / 60, 8 / 60, -6 / 60]);
      assert.deepEqual(results.get('total')?.Timestamps, results.get('m1')?.Timestamps, 'aligned by timestamp');
      assert.equal(results.get('total')?.StatusCode, 'Complete');

      await rejectsWith(
        cw.send(new GetMetricDataCommand({ StartTime: new Date(start), EndTime: new Date(minute), MetricDataQueries: [stat('m1', 'Errors'), { Id: 'e1', Expression: 'm1 + m9' }] })),
        CloudWatchValidationException,
        (err) => assert.match(err.message, /m9/),
      );
    });
  });

  describe('Step Functions redrive', () => {
    const definition = {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Broken' },
        Done: { Type: 'Succeed' },
        Broken: { Type: 'Fail', Error: 'Render.Failed', Cause: 'the render step failed' },
      },
    };

    async function settled(executionArn: string): Promise<string> {
      for (let i = 0; i < 100; i++) {
        const out = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (out.status !== 'RUNNING') return out.status ?? '';
        await sleep(100);
      }
      assert.fail('the execution never finished');
    }

    it('redrives a FAILED execution and refuses a SUCCEEDED one', async () => {
      const machine = await sfn.send(new CreateStateMachineCommand({ name: 'render', roleArn: 'arn:aws:iam::123456789012:role/sfn', definition: JSON.stringify(definition) }));
      const stateMachineArn = machine.stateMachineArn ?? '';
      const failed = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'render-1', input: JSON.stringify({ ok: false }) }));
      const executionArn = failed.executionArn ?? '';
      assert.equal(await settled(executionArn), 'FAILED');
      const before = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      assert.equal(before.redriveCount, 0);
      assert.equal(before.redriveStatus, 'REDRIVABLE');

      const redriven = await sfn.send(new RedriveExecutionCommand({ executionArn }));
      assert.ok(redriven.redriveDate instanceof Date);
      assert.equal(await settled(executionArn), 'FAILED', 'the same input fails again');
      const after = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      assert.equal(after.redriveCount, 1);
      assert.equal(after.redriveStatus, 'REDRIVABLE');
      assert.equal(after.name, 'render-1');
      assert.equal(after.error, 'Render.Failed');
      assert.ok(after.redriveDate instanceof Date);

      await sfn.send(new RedriveExecutionCommand({ executionArn }));
      await settled(executionArn);
      assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn }))).redriveCount, 2);

      const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
      assert.deepEqual(listed.executions?.map((e) => [e.name, e.status, e.redriveCount]), [['render-1', 'FAILED', 2]], 're-runs stay hidden');
      const redrivenOnly = await sfn.send(new ListExecutionsCommand({ stateMachineArn, redriveFilter: 'REDRIVEN' }));
      assert.equal(redrivenOnly.executions?.length, 1);

      const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
      const types = history.events?.map((e) => e.type) ?? [];
      assert.equal(types.filter((t) => t === 'ExecutionRedriven').length, 2);
      assert.equal(types.filter((t) => t === 'ExecutionFailed').length, 3);
      assert.deepEqual(history.events?.map((e) => e.id), types.map((_, i) => i + 1));

      const ok = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'render-2', input: JSON.stringify({ ok: true }) }));
      assert.equal(await settled(ok.executionArn ?? ''), 'SUCCEEDED');
      const succeeded = await sfn.send(new DescribeExecutionCommand({ executionArn: ok.executionArn }));
      assert.equal(succeeded.redriveStatus, 'NOT_REDRIVABLE');
      await rejectsWith(sfn.send(new RedriveExecutionCommand({ executionArn: ok.executionArn })), ExecutionNotRedrivable);
    });
  });
});
