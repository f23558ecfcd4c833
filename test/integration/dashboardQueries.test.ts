// The wire formats behind a dashboard's PromQL charts, custom widgets and trimmed statistics, through the real
// SDK against the stand-in: QueryMetrics signed with Signature V4 for `monitoring`, Lambda's Invoke, GetMetricData.
import { strict as assert } from 'node:assert';
import { CloudWatchClient, GetMetricDataCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { AwsSession } from '../../src/aws/session';
import { SdkLambda } from '../../src/aws/services/lambda';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { readCustomWidgetAnswer } from '../../src/core/metrics/customWidget';
import { inlineText } from '../../src/core/metrics/markdown';
import { promQlRangeParams, readPromQlAnswer } from '../../src/core/metrics/promql';
import { asScopeId } from '../../src/core/scope';
import { resetMoto } from '../../sandbox/moto';
import { awsEndpoint, testEnv } from './setup';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const MIN = 60_000;

describe('dashboard queries against the stand-in', () => {
  let session: AwsSession;
  const now = Math.floor(Date.now() / MIN) * MIN;

  before(async () => {
    await resetMoto(awsEndpoint());
    Object.assign(process.env, testEnv);
    const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials });
    // Two services' latency, one sample a minute for 30 minutes: 100 ms for api, 300 ms for worker, and one
    // outlier of 5 s in api's last minute (what a trimmed statistic leaves out).
    const data = [];
    for (let m = 30; m >= 1; m--) {
      data.push({ MetricName: 'http.server.duration', Dimensions: [{ Name: 'service', Value: 'api' }], Timestamp: new Date(now - m * MIN), Value: 100 });
      data.push({ MetricName: 'http.server.duration', Dimensions: [{ Name: 'service', Value: 'worker' }], Timestamp: new Date(now - m * MIN), Value: 300 });
    }
    for (let i = 0; i < 9; i++) data.push({ MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'orders' }], Timestamp: new Date(now - 5 * MIN), Value: 100 + i });
    data.push({ MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'orders' }], Timestamp: new Date(now - 5 * MIN), Value: 5000 });
    await cw.send(new PutMetricDataCommand({ Namespace: 'App/Http', MetricData: data }));
  });

  beforeEach(() => {
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
  });
  afterEach(() => session.reset());

  it('QueryMetrics: a signed query_range returns a matrix per series, drawn as labelled series', async () => {
    const metrics = new SdkMetrics(session);
    const params = promQlRangeParams('{"http.server.duration"}', now - 30 * MIN, now, 300);
    const answer = readPromQlAnswer(await metrics.queryPromQl(asScopeId('us-east-1'), params));
    assert.ok('series' in answer, JSON.stringify(answer));
    const byLabel = Object.fromEntries(answer.series.map((s) => [s.label, s.values]));
    assert.deepEqual(Object.keys(byLabel).sort(), ['http.server.duration{namespace="App/Http", service="api"}', 'http.server.duration{namespace="App/Http", service="worker"}']);
    assert.ok(byLabel['http.server.duration{namespace="App/Http", service="api"}'].every((v) => v === 100));
    const summed = readPromQlAnswer(await metrics.queryPromQl(asScopeId('us-east-1'), promQlRangeParams('sum({"http.server.duration"})', now - 30 * MIN, now, 300)), 'all services');
    assert.ok('series' in summed);
    assert.equal(summed.series.length, 1);
    assert.equal(summed.series[0].label, 'all services');
    assert.ok(summed.series[0].values.every((v) => v === 400));
  });

  it('QueryMetrics: a query the service cannot parse comes back as its bad_data error', async () => {
    const metrics = new SdkMetrics(session);
    const answer = readPromQlAnswer(await metrics.queryPromQl(asScopeId('us-east-1'), promQlRangeParams('{service="api"}', now - 30 * MIN, now, 300)));
    assert.ok('error' in answer);
    assert.match(answer.error, /^bad_data: .*metric by name/);
  });

  it('Lambda Invoke: a custom widget function returns HTML, shown without its script, handler or javascript: link', async () => {
    const lambda = new SdkLambda(session);
    const result = await lambda.invokeWidget(asScopeId('us-east-1'), 'arn:aws:lambda:us-east-1:123456789012:function:ops-cost-widget', { widgetContext: { params: { top: 2 } } });
    assert.equal(result.functionError, undefined);
    const shown = readCustomWidgetAnswer(result);
    assert.ok('blocks' in shown);
    const text = JSON.stringify(shown.blocks);
    assert.doesNotMatch(text, /owned|alert|javascript|onclick|<script/i);
    const table = shown.blocks.find((b) => b.type === 'table');
    assert.ok(table && table.type === 'table');
    assert.deepEqual(table.rows.map((r) => inlineText(r[0])), ['databanana-GenerateFunction', 'create_goal-prod']);
    assert.match(text, /"href":"https:\/\/aws\.amazon\.com\/lambda\/pricing\/"/);
  });

  it("Lambda Invoke: markdown results, a function's own error, and a missing function, in Lambda's wire format", async () => {
    const lambda = new SdkLambda(session);
    const notes = readCustomWidgetAnswer(await lambda.invokeWidget(asScopeId('us-east-1'), 'ops-release-notes-widget', {}));
    assert.ok('blocks' in notes && notes.blocks[0].type === 'heading');
    const failed = await lambda.invokeWidget(asScopeId('us-east-1'), 'ops-failing-widget', {});
    assert.equal(failed.functionError, 'Unhandled');
    const shown = readCustomWidgetAnswer(failed);
    assert.ok('error' in shown);
    assert.match(shown.error, /TypeError: Cannot read properties of undefined/);
    const raw = new LambdaClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials });
    await assert.rejects(raw.send(new InvokeCommand({ FunctionName: 'no-such-widget' })), (err: Error) => err.name === 'ResourceNotFoundException');
    const dry = await raw.send(new InvokeCommand({ FunctionName: 'ops-cost-widget', InvocationType: 'DryRun' }));
    assert.equal(dry.StatusCode, 204);
  });

  it('GetMetricData: TC, TM, TS, WM, PR, IQM and tm90 computed as the statistics definitions say', async () => {
    const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials });
    const stats = ['TC(10%:90%)', 'TM(10%:90%)', 'TS(:90%)', 'tm90', 'WM(10%:90%)', 'PR(:200)', 'IQM', 'TM(:1000)'];
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(now - 10 * MIN),
      EndTime: new Date(now),
      MetricDataQueries: stats.map((stat, i) => ({ Id: `s${i}`, MetricStat: { Metric: { Namespace: 'App/Http', MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'orders' }] }, Period: 600, Stat: stat } })),
    }));
    const value = (i: number) => out.MetricDataResults?.find((r) => r.Id === `s${i}`)?.Values?.[0];
    // Samples 100…108 and 5000: the 10th percentile is 100, the 90th 108.
    assert.equal(value(0), 8);
    assert.equal(value(1), (101 + 102 + 103 + 104 + 105 + 106 + 107 + 108) / 8);
    assert.equal(value(2), 100 + 101 + 102 + 103 + 104 + 105 + 106 + 107 + 108);
    assert.equal(value(3), value(2)! / 9);
    assert.equal(value(4), (100 + 101 + 102 + 103 + 104 + 105 + 106 + 107 + 108 + 108) / 10);
    assert.equal(value(5), 90);
    // IQM: above the 25th percentile (102), up to the 75th (107).
    assert.equal(value(6), (103 + 104 + 105 + 106 + 107) / 5);
    assert.equal(value(7), value(3));
  });
});
