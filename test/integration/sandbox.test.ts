import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CloudWatchClient, DescribeAlarmsCommand, GetDashboardCommand, GetMetricDataCommand, ListDashboardsCommand,
  ListTagsForResourceCommand, type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { sandboxClientConfig } from '../../sandbox/awsClients';
import { checkSandbox } from '../../sandbox/check';
import { ALARMS } from '../../sandbox/scenario/alarms';
import { LOG_GROUPS, STATE_MACHINE_ARN } from '../../sandbox/scenario/constants';
import { startSandbox, type Sandbox } from '../../sandbox/start';

interface HealthBody {
  status?: string;
  successRate?: number;
  checks?: { redis?: string; queue?: { counts?: { waiting?: number } } };
  [key: string]: unknown;
}

describe('sandbox scenario', function () {
  let sandbox: Sandbox;
  let workspaceDir: string;
  let cw: CloudWatchClient;
  let cwEu: CloudWatchClient;
  let logs: CloudWatchLogsClient;
  let sfn: SFNClient;

  before(async function () {
    this.timeout(120_000);
    workspaceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-sandbox-'));
    sandbox = await startSandbox({ workspaceDir });
    cw = new CloudWatchClient(sandboxClientConfig(sandbox.awsEndpoint, 'us-east-1'));
    cwEu = new CloudWatchClient(sandboxClientConfig(sandbox.awsEndpoint, 'eu-north-1'));
    logs = new CloudWatchLogsClient(sandboxClientConfig(sandbox.awsEndpoint, 'us-east-1'));
    sfn = new SFNClient(sandboxClientConfig(sandbox.awsEndpoint, 'us-east-1'));
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of [cw, cwEu, logs, sfn]) c?.destroy();
    await sandbox?.stop();
    if (workspaceDir) fs.rmSync(workspaceDir, { recursive: true, force: true });
  });

  describe('CloudWatch alarms', () => {
    let alarms: MetricAlarm[];
    before(async () => {
      alarms = [...((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []), ...((await cwEu.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? [])];
    });

    it('puts every seeded alarm in its intended state, with a reason', () => {
      for (const spec of ALARMS) {
        const alarm = alarms.find((a) => a.AlarmName === spec.name && a.AlarmArn?.includes(`:${spec.region}:`));
        assert.ok(alarm, `${spec.name} in ${spec.region}`);
        assert.equal(alarm.StateValue, spec.state, spec.name);
        assert.ok(alarm.StateReason && alarm.StateReason.length > 20, `${spec.name} reason`);
        assert.doesNotThrow(() => JSON.parse(alarm.StateReasonData ?? ''), `${spec.name} reason data`);
      }
    });

    it('spreads states: 5-6 metric alarms in ALARM (including the ECS, Step Functions, anomaly-band and multi-series alarms), 1-2 INSUFFICIENT_DATA', () => {
      const inState = (s: string) => alarms.filter((a) => a.StateValue === s).map((a) => a.AlarmName);
      const alarming = inState('ALARM');
      assert.ok(alarming.length >= 5 && alarming.length <= 6, alarming.join());
      assert.ok(alarming.includes('checkout-latency-band'));
      assert.ok(alarming.includes('worker-cpu-by-instance'));
      assert.ok(alarming.includes('dev-ecs-service-unhealthy'));
      assert.ok(alarming.includes('StepFunction-Failures'));
      const insufficient = inState('INSUFFICIENT_DATA');
      assert.ok(insufficient.length >= 1 && insufficient.length <= 2, insufficient.join());
      assert.equal(alarms.filter((a) => a.AlarmArn?.includes(':eu-north-1:')).length, 2);
    });

    it('keeps the seeds\' metrics, thresholds, runbook URLs, SNS actions and tags', async () => {
      const byName = (n: string) => alarms.find((a) => a.AlarmName === n);
      const sf = byName('StepFunction-Failures');
      assert.equal(sf?.Namespace, 'AWS/States');
      assert.equal(sf?.MetricName, 'ExecutionsFailed');
      assert.equal(sf?.ComparisonOperator, 'GreaterThanOrEqualToThreshold');
      assert.equal(sf?.Threshold, 1);
      assert.equal(sf?.Period, 300);
      assert.match(byName('API-High-Errors')?.AlarmDescription ?? '', /Runbook: https:\/\/wiki\.example\.com\/runbooks\/api-high-errors/);
      assert.deepEqual(byName('API-High-Errors')?.AlarmActions, ['arn:aws:sns:us-east-1:123456789012:ops-alerts']);
      const ecs = byName('dev-ecs-service-unhealthy');
      assert.deepEqual(
        Object.fromEntries((ecs?.Dimensions ?? []).map((d) => [d.Name, d.Value])),
        { ClusterName: 'ai-video-cluster', ServiceName: 'ai-video-backend-service' },
      );
      assert.doesNotMatch(ecs?.AlarmDescription ?? '', /https?:/, 'dev-* alarms find their runbook in docs/MONITORING.md');
      assert.equal(byName('dev-rds-storage-critical')?.Threshold, 2 * 1024 ** 3);
      const p99 = byName('ai-lifestyle-app-goals-prod-high-latency-p99');
      assert.equal(p99?.ExtendedStatistic, 'p99');
      assert.equal(p99?.Threshold, 200);
      const tags = await cw.send(new ListTagsForResourceCommand({ ResourceARN: p99?.AlarmArn }));
      assert.ok(tags.Tags?.some((t) => t.Key === 'runbook' && t.Value?.startsWith('https://')));
    });
  });

  describe('metric data', () => {
    it('has a point per minute for the last 24 h behind an alarm, with the outage at the end', async function () {
      this.timeout(30_000);
      const end = new Date();
      const out = await cw.send(new GetMetricDataCommand({
        StartTime: new Date(end.getTime() - 24 * 3600_000),
        EndTime: end,
        MetricDataQueries: [{
          Id: 'tasks',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ECS',
              MetricName: 'RunningTaskCount',
              Dimensions: [{ Name: 'ClusterName', Value: 'ai-video-cluster' }, { Name: 'ServiceName', Value: 'ai-video-backend-service' }],
            },
            Period: 60,
            Stat: 'Average',
          },
        }],
        ScanBy: 'TimestampAscending',
      }));
      const values = out.MetricDataResults?.[0]?.Values ?? [];
      assert.ok(values.length >= 1400 && values.length <= 1442, `${values.length} points`);
      assert.equal(values[values.length - 1], 0, 'no running task now');
      assert.equal(values[0], 2, 'two tasks a day ago');
    });

    it('has data for every metric of every dashboard widget', async function () {
      this.timeout(60_000);
      const list = (await cw.send(new ListDashboardsCommand({}))).DashboardEntries ?? [];
      assert.deepEqual(list.map((d) => d.DashboardName).sort(), ['Enterprise-Avatar-System-Monitor', 'dev-application-dashboard', 'ops-lens-bands-and-promql', 'ops-lens-bench-20x1440', 'ops-lens-hostile-strings', 'ops-lens-lambda-functions', 'ops-lens-views-ansichten']);
      // The seeds' dashboards; the sandbox's own two (hostile strings, the draw bench) have only text and metrics.
      const seeded = new Set(['Enterprise-Avatar-System-Monitor', 'dev-application-dashboard']);
      const end = new Date();
      for (const { DashboardName } of list) {
        const body = JSON.parse((await cw.send(new GetDashboardCommand({ DashboardName }))).DashboardBody ?? '') as {
          widgets: { type: string; width?: number; properties: { metrics?: unknown[][]; region?: string; stat?: string; period?: number } }[];
        };
        assert.ok(body.widgets.every((w) => typeof w.width === 'number'), `${DashboardName}: widgets are placed`);
        if (seeded.has(DashboardName ?? '')) assert.ok(body.widgets.some((w) => w.type === 'alarm') && body.widgets.some((w) => w.type === 'log'), `${DashboardName}: alarm and log widgets`);
        for (const widget of body.widgets.filter((w) => w.type === 'metric')) {
          const client = new CloudWatchClient(sandboxClientConfig(sandbox.awsEndpoint, widget.properties.region ?? 'us-east-1'));
          let previous: unknown[] = [];
          for (const line of widget.properties.metrics ?? []) {
            const parts = line.filter((p) => typeof p === 'string').map((p, i) => (p === '.' ? previous[i] : p)) as string[];
            previous = parts;
            const [namespace, metricName, ...dims] = parts;
            const dimensions = [];
            for (let i = 0; i < dims.length; i += 2) dimensions.push({ Name: dims[i], Value: dims[i + 1] });
            const out = await client.send(new GetMetricDataCommand({
              StartTime: new Date(end.getTime() - 3 * 86400_000),
              EndTime: end,
              MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions }, Period: 3600, Stat: 'Average' } }],
            }));
            assert.ok((out.MetricDataResults?.[0]?.Values ?? []).length > 0, `${DashboardName}: ${namespace} ${metricName} in ${widget.properties.region}`);
          }
          client.destroy();
        }
      }
    });
  });

  describe('Step Functions', () => {
    it('has SUCCEEDED, FAILED, RUNNING and ABORTED executions of ImageGenerationStateMachine', async () => {
      const executions = (await sfn.send(new ListExecutionsCommand({ stateMachineArn: STATE_MACHINE_ARN }))).executions ?? [];
      const statuses = new Set(executions.map((e) => e.status));
      for (const s of ['SUCCEEDED', 'FAILED', 'RUNNING', 'ABORTED'] as const) assert.ok(statuses.has(s), s);
      assert.deepEqual(sandbox.summary.executions.RUNNING.length, 1);
    });

    it('records the failure error and JSON cause', async () => {
      const [failedArn] = sandbox.summary.executions.FAILED;
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn: failedArn }));
      assert.equal(d.status, 'FAILED');
      assert.equal(d.error, 'ImageGenerationFailed');
      const cause = JSON.parse(d.cause ?? '') as Record<string, string>;
      assert.equal(cause.errorType, 'QuotaExceeded');
      assert.equal(cause.batch_id, 'b-42');
    });
  });

  describe('CloudWatch Logs', () => {
    const events = async (logGroupName: string) => (await logs.send(new FilterLogEventsCommand({ logGroupName, limit: 10_000 }))).events ?? [];

    it('has every log group with events from the last 3 hours', async () => {
      const groups = ((await logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName);
      for (const name of Object.values(LOG_GROUPS)) {
        assert.ok(groups.includes(name), name);
        const list = await events(name);
        assert.ok(list.length > 0, `${name} has events`);
        const oldest = Math.min(...list.map((e) => e.timestamp ?? 0));
        assert.ok(Date.now() - oldest < 3 * 3600_000 + 60_000, `${name} within 3 h`);
      }
    });

    it('has Node and Python stack frames pointing at files of the workspace', async () => {
      const node = (await events(LOG_GROUPS.generate)).map((e) => e.message ?? '');
      assert.ok(node.some((m) => m.includes('    at generateImages (/var/task/src/handlers/generate.ts:42:11)')));
      const python = (await events(LOG_GROUPS.processImages)).map((e) => e.message ?? '');
      assert.ok(python.some((m) => m.includes('  File "/var/task/app/handler.py", line 57, in handler')));
      const line = (file: string, n: number) => fs.readFileSync(path.join(sandbox.workspace, file), 'utf8').split('\n')[n - 1];
      assert.match(line('src/handlers/generate.ts', 42), /throw new QuotaExceededError/);
      assert.match(line('app/handler.py', 57), /process_batch\(/);
    });

    it('has request lines for the saved queries, hostile strings and execution ARNs', async () => {
      const backend = (await events(LOG_GROUPS.backend)).map((e) => e.message ?? '');
      assert.ok(backend.some((m) => /^INFO GET \/api\/videos\/\d+ 200 duration=[0-9.]+$/.test(m)));
      assert.ok(backend.some((m) => /^ERROR POST \/api\/videos 500 duration=[0-9.]+ request failed$/.test(m)));
      assert.ok(backend.some((m) => m === 'ERROR video generation failed job_id=job-7f3a2c reason="Replicate prediction failed: CUDA out of memory"'));
      assert.ok(backend.some((m) => m === 'ERROR database connection timeout after 5000ms'));
      assert.ok(backend.some((m) => m.includes('<script>alert(1)</script>')));
      assert.ok(backend.some((m) => { try { return typeof JSON.parse(m).status_code === 'number'; } catch { return false; } }));
      const generate = (await events(LOG_GROUPS.generate)).map((e) => e.message ?? '');
      assert.ok(generate.some((m) => m.includes(`Started Step Functions execution ${sandbox.summary.executions.SUCCEEDED[0]}`)));
      const vended = (await events(LOG_GROUPS.stateMachine)).map((e) => JSON.parse(e.message ?? '{}') as { type?: string; execution_arn?: string });
      assert.ok(vended.some((e) => e.type === 'ExecutionFailed' && e.execution_arn === sandbox.summary.executions.FAILED[0]));
    });
  });

  describe('health server', () => {
    const get = async (p: string, timeoutMs = 5000) => {
      const t0 = Date.now();
      const res = await fetch(`${sandbox.healthUrl}${p}`, { signal: AbortSignal.timeout(timeoutMs) });
      return { status: res.status, body: (await res.json()) as HealthBody, ms: Date.now() - t0 };
    };

    it('answers the liveness, dependency, pose generator and avatar endpoints', async () => {
      assert.deepEqual(await get('/health').then((r) => [r.status, r.body]), [200, { status: 'healthy' }]);
      const detailed = await get('/health/detailed');
      assert.equal(detailed.status, 503);
      assert.equal(detailed.body.checks?.redis, 'unhealthy');
      const pose = await get('/api/apps/pose-generator/health');
      assert.equal(pose.status, 200);
      assert.equal(pose.body.checks?.queue?.counts?.waiting, 10);
      const metrics = await get('/api/apps/pose-generator/metrics?period=24h');
      assert.equal(metrics.body.successRate, 93.33);
      const avatar = await get('/api/monitoring/health');
      assert.equal(avatar.status, 200);
      for (const key of ['timestamp', 'service', 'version', 'database', 'redis', 's3', 'avatarService', 'workers', 'metrics']) assert.ok(key in avatar.body, key);
      assert.equal((await fetch(`${sandbox.healthUrl}/nope`)).status, 404);
    });

    it('answers /slow after 2.5 s and never answers /hang', async function () {
      this.timeout(10_000);
      const slow = await get('/slow');
      assert.equal(slow.status, 200);
      assert.ok(slow.ms >= 2400, `${slow.ms} ms`);
      await assert.rejects(get('/hang', 800), (err: Error) => err.name === 'TimeoutError');
    });
  });

  describe('workspace', () => {
    it('writes the Ops Lens settings next to the docs, queries and sources', () => {
      const settings = JSON.parse(fs.readFileSync(path.join(sandbox.workspace, '.vscode', 'settings.json'), 'utf8')) as {
        'opsLens.aws.endpointUrl': string;
        'opsLens.aws.regions': string[];
        'opsLens.health.endpoints': { url: string }[];
        'opsLens.sourceMappings': { from: string; to: string }[];
      };
      assert.equal(settings['opsLens.aws.endpointUrl'], sandbox.awsEndpoint);
      assert.deepEqual(settings['opsLens.aws.regions'], ['us-east-1', 'eu-north-1']);
      assert.equal(settings['opsLens.health.endpoints'].length, sandbox.healthEndpoints.length);
      assert.ok(settings['opsLens.health.endpoints'].every((e) => e.url.startsWith(sandbox.healthUrl)));
      assert.deepEqual(settings['opsLens.sourceMappings'], [{ from: '/var/task/', to: '${workspaceFolder}/' }]);
      const queries = fs.readdirSync(path.join(sandbox.workspace, 'queries')).filter((f) => f.endsWith('.insights'));
      assert.equal(queries.length, 5);
      const doc = fs.readFileSync(path.join(sandbox.workspace, 'docs', 'MONITORING.md'), 'utf8');
      for (const heading of ['#### ECS Service Unhealthy', '#### RDS CPU Critical', '#### Step Function Failures']) assert.ok(doc.includes(`\n${heading}\n`), heading);
    });
  });

  describe('check', () => {
    it('reports every service and endpoint as expected', async function () {
      this.timeout(30_000);
      const result = await checkSandbox(sandbox);
      assert.ok(result.ok, result.lines.join('\n'));
      assert.ok(result.lines.length >= 12);
    });

    it('stops without leaving a server behind', async function () {
      this.timeout(20_000);
      await sandbox.stop();
      await assert.rejects(fetch(`${sandbox.awsEndpoint}/moto-api/`, { signal: AbortSignal.timeout(2000) }));
      await assert.rejects(fetch(`${sandbox.healthUrl}/health`, { signal: AbortSignal.timeout(2000) }));
    });
  });
});
