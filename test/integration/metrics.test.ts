import { strict as assert } from 'node:assert';
import { CloudWatchClient, PutDashboardCommand, PutMetricAlarmCommand, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { collect } from '../../src/aws/paging';
import { AwsSession } from '../../src/aws/session';
import { SdkMetrics } from '../../src/aws/services/metrics';
import type { CallRecord } from '../../src/aws/callLog';
import { choosePeriod } from '../../src/core/metrics/period';
import { parseDashboardBody } from '../../src/core/metrics/dashboard';
import { toMetricDataQuery, widgetQueries } from '../../src/core/metrics/queries';
import { timeWindow } from '../../src/core/metrics/ranges';
import { ChartLoader } from '../../src/metrics/loader';
import type { ChartWidgetView } from '../../src/webview/protocol';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

const MIN = 60000;

/** Seed 004's three widgets, as the dashboard they describe. */
const avatarDashboard = {
  widgets: [
    { type: 'metric', x: 0, y: 0, width: 8, height: 6, properties: { metrics: [['AWS/S3', 'BucketSizeBytes', 'BucketName', 'easy-to-image-production'], ['AWS/S3', 'NumberOfObjects', 'BucketName', 'easy-to-image-production']], period: 86400, stat: 'Average', region: asScopeId('eu-north-1'), title: 'S3 Storage Usage' } },
    { type: 'metric', x: 8, y: 0, width: 8, height: 6, properties: { metrics: [['AWS/CloudFront', 'Requests', 'DistributionId', 'E3SJ7B3QL1F8WH'], ['AWS/CloudFront', 'BytesDownloaded', 'DistributionId', 'E3SJ7B3QL1F8WH'], ['AWS/CloudFront', 'CacheHitRate', 'DistributionId', 'E3SJ7B3QL1F8WH']], period: 300, stat: 'Sum', region: asScopeId('us-east-1'), title: 'CDN Performance' } },
    { type: 'metric', x: 16, y: 0, width: 8, height: 6, properties: { metrics: [['AWS/CloudFront', 'ErrorRate', 'DistributionId', 'E3SJ7B3QL1F8WH'], ['AWS/S3', '4xxErrors', 'BucketName', 'easy-to-image-production'], ['AWS/S3', '5xxErrors', 'BucketName', 'easy-to-image-production']], period: 300, stat: 'Sum', region: asScopeId('eu-north-1'), title: 'Error Monitoring' } },
  ],
};

describe('metrics and dashboards against moto', () => {
  let session: AwsSession;
  let calls: CallRecord[];

  function client(region = 'us-east-1'): CloudWatchClient {
    return new CloudWatchClient({ region, endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  }

  async function put(data: MetricDatum[], namespace: string, region = 'us-east-1'): Promise<void> {
    const c = client(region);
    for (let i = 0; i < data.length; i += 1000) await c.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data.slice(i, i + 1000) }));
  }

  const count = (operation: string) => calls.filter((c) => c.operation === operation).length;

  beforeEach(async () => {
    await resetMoto(awsEndpoint());
    calls = [];
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv, onCall: (r) => calls.push(r) });
    Object.assign(process.env, testEnv);
  });

  afterEach(() => session.reset());

  it('reads back 24 hours of 1-minute data point for point', async () => {
    const end = Math.floor(Date.now() / MIN) * MIN;
    const start = end - 24 * 60 * MIN;
    const dims = [{ Name: 'ServiceName', Value: 'ai-video-backend-service' }, { Name: 'ClusterName', Value: 'ai-video-cluster' }];
    await put(Array.from({ length: 1440 }, (_, i) => ({ MetricName: 'CPUUtilization', Dimensions: dims, Timestamp: new Date(start + i * MIN), Value: 40 + (i % 30), Unit: 'Percent' })), 'AWS/ECS');

    const period = choosePeriod({ start, end, now: end });
    assert.equal(period, 60);
    const [query] = widgetQueries([['AWS/ECS', 'CPUUtilization', 'ServiceName', 'ai-video-backend-service', 'ClusterName', 'ai-video-cluster']], { region: asScopeId('us-east-1'), stat: 'Average' }).queries;
    const out = await new SdkMetrics(session).getMetricData(asScopeId('us-east-1'), [toMetricDataQuery(query, period)], new Date(start), new Date(end));
    assert.equal(count('GetMetricData'), 1);
    assert.equal(out.series.length, 1);
    const s = out.series[0];
    assert.equal(s.id, 'm1');
    assert.equal(s.label, 'CPUUtilization');
    assert.equal(s.timestamps.length, 1440);
    assert.equal(s.timestamps[0], start);
    assert.equal(s.timestamps[1439], end - MIN);
    assert.deepEqual(s.values.slice(0, 3), [40, 41, 42]);
    assert.ok(s.timestamps.every((t, i) => i === 0 || t > s.timestamps[i - 1]), 'oldest first');
  });

  it('batches M = 1,200 metrics into ⌈M/500⌉ = 3 calls and merges each series', async function () {
    this.timeout(120000);
    const end = Math.floor(Date.now() / MIN) * MIN;
    const start = end - 10 * MIN;
    const M = 1200;
    // A point for metrics on both sides of each batch boundary.
    const withData = [0, 499, 500, 999, 1000, 1199];
    await put(withData.map((i) => ({ MetricName: `Metric${i}`, Timestamp: new Date(start + 2 * MIN), Value: i })), 'Bench/Batch');
    const queries = Array.from({ length: M }, (_, i) => ({ Id: `m${i}`, MetricStat: { Metric: { Namespace: 'Bench/Batch', MetricName: `Metric${i}` }, Period: 60, Stat: 'Sum' }, ReturnData: true }));

    const out = await new SdkMetrics(session).getMetricData(asScopeId('us-east-1'), queries, new Date(start), new Date(end));
    assert.equal(count('GetMetricData'), Math.ceil(M / 500));
    assert.equal(out.calls, 3);
    assert.equal(out.series.length, M);
    for (const i of withData) {
      const s = out.series.find((x) => x.id === `m${i}`)!;
      assert.deepEqual([s.timestamps, s.values], [[start + 2 * MIN], [i]], `m${i}`);
    }
    assert.equal(out.series.filter((s) => s.values.length > 0).length, withData.length);
  });

  it('pages ListMetrics and filters by namespace, metric and dimensions', async () => {
    await put(Array.from({ length: 1200 }, (_, i) => ({ MetricName: 'Requests', Dimensions: [{ Name: 'Endpoint', Value: `/api/${i}` }], Value: 1 })), 'App/Api');
    await put([{ MetricName: 'Errors', Dimensions: [{ Name: 'Endpoint', Value: '/api/1' }], Value: 1 }], 'App/Api');
    const metrics = new SdkMetrics(session);
    const pages = [];
    for await (const page of metrics.listMetricPages(asScopeId('us-east-1'), { namespace: 'App/Api' })) pages.push(page);
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    assert.equal(pages.flat().length, 1201);
    const errors = await collect(metrics.listMetricPages(asScopeId('us-east-1'), { namespace: 'App/Api', metricName: 'Errors' }));
    assert.deepEqual(errors, [{ namespace: 'App/Api', metricName: 'Errors', dimensions: [{ name: 'Endpoint', value: '/api/1' }] }]);
    const one = await collect(metrics.listMetricPages(asScopeId('us-east-1'), { namespace: 'App/Api', metricName: 'Requests', dimensions: [{ name: 'Endpoint', value: '/api/7' }] }));
    assert.deepEqual(one.map((m) => m.dimensions[0].value), ['/api/7']);
  });

  it('lists dashboards per region and gets their bodies', async () => {
    await client().send(new PutDashboardCommand({ DashboardName: 'Enterprise-Avatar-System-Monitor', DashboardBody: JSON.stringify(avatarDashboard) }));
    await client().send(new PutDashboardCommand({ DashboardName: 'dev-application-dashboard', DashboardBody: JSON.stringify({ widgets: [{ type: 'text', properties: { markdown: '# dev' } }] }) }));
    await client('eu-north-1').send(new PutDashboardCommand({ DashboardName: 'stockholm-only', DashboardBody: JSON.stringify({ widgets: [] }) }));
    const metrics = new SdkMetrics(session);
    const east = await collect(metrics.listDashboards(asScopeId('us-east-1')));
    assert.deepEqual(east.map((d) => [d.name, d.region]).sort(), [['Enterprise-Avatar-System-Monitor', 'us-east-1'], ['dev-application-dashboard', 'us-east-1']]);
    assert.deepEqual((await collect(metrics.listDashboards(asScopeId('eu-north-1')))).map((d) => d.name), ['stockholm-only']);
    const def = await metrics.getDashboard(asScopeId('us-east-1'), 'Enterprise-Avatar-System-Monitor');
    assert.equal(def.name, 'Enterprise-Avatar-System-Monitor');
    const parsed = parseDashboardBody(def.body);
    assert.deepEqual(parsed.widgets.map((w) => (w.type === 'metric' ? w.title : w.type)), ['S3 Storage Usage', 'CDN Performance', 'Error Monitoring']);
    await assert.rejects(metrics.getDashboard(asScopeId('us-east-1'), 'nope'), /GetDashboard/);
  });

  it('draws the seed 004 dashboard end to end: one GetMetricData per region', async () => {
    await client().send(new PutDashboardCommand({ DashboardName: 'Enterprise-Avatar-System-Monitor', DashboardBody: JSON.stringify(avatarDashboard) }));
    const now = Date.now();
    const { start } = timeWindow('3h', now);
    const first = Math.ceil(start / (5 * MIN)) * 5 * MIN;
    await put(Array.from({ length: 30 }, (_, i) => ({ MetricName: 'Requests', Dimensions: [{ Name: 'DistributionId', Value: 'E3SJ7B3QL1F8WH' }], Timestamp: new Date(first + i * 5 * MIN), Value: 4000 + i })), 'AWS/CloudFront');
    await put([{ MetricName: '5xxErrors', Dimensions: [{ Name: 'BucketName', Value: 'easy-to-image-production' }], Timestamp: new Date(first + 10 * MIN), Value: 3 }], 'AWS/S3', 'eu-north-1');
    const loader = new ChartLoader({ metrics: new SdkMetrics(session), now: () => now });
    const view = await loader.load({ version: 1, source: { kind: 'dashboard', region: asScopeId('us-east-1'), name: 'Enterprise-Avatar-System-Monitor' }, range: '3h', autoRefresh: false });
    assert.equal(count('GetDashboard'), 1);
    assert.deepEqual(calls.filter((c) => c.operation === 'GetMetricData').map((c) => c.region).sort(), ['eu-north-1', 'us-east-1']);
    const [s3, cdn, errors] = view.widgets as ChartWidgetView[];
    assert.equal(s3.period, 86400);
    assert.deepEqual(cdn.series.map((s) => s.label), ['Requests', 'BytesDownloaded', 'CacheHitRate']);
    assert.equal(cdn.series[0].values.length, 30);
    assert.equal(cdn.series[0].values[29], 4029);
    assert.deepEqual(errors.series.find((s) => s.label === '5xxErrors')?.values, [3]);
  });

  it('describes alarms by name', async () => {
    await client().send(new PutMetricAlarmCommand({ AlarmName: 'dev-ecs-cpu-warning', MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 300, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' }));
    await client().send(new PutMetricAlarmCommand({ AlarmName: 'other', MetricName: 'CPUUtilization', Namespace: 'AWS/RDS', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' }));
    const found = await new SdkMetrics(session).describeAlarms(asScopeId('us-east-1'), ['dev-ecs-cpu-warning', 'missing']);
    assert.deepEqual(found.metricAlarms.map((a) => [a.AlarmName, a.Threshold]), [['dev-ecs-cpu-warning', 70]]);
  });
});
