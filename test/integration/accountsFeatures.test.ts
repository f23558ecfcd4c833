import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { CloudWatchClient, PutDashboardCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutQueryDefinitionCommand } from '@aws-sdk/client-cloudwatch-logs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { AwsSession } from '../../src/aws/session';
import { collect } from '../../src/aws/paging';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { errorEventsQuery } from '../../src/core/productionErrors';
import { scopeOfArn } from '../../src/aws/arnScope';
import { gatherInvestigation } from '../../src/investigate/gather';
import { awsQueries } from '../../src/insights/awsQueries';
import { runInsightsQuery } from '../../src/insights/execution';
import { ChartLoader } from '../../src/metrics/loader';
import { fetchProductionErrors } from '../../src/productionErrors/scopes';
import type { AlarmsWidgetView, ChartWidgetView, LogWidgetView } from '../../src/webview/protocol';
import { resetMoto } from '../../sandbox/moto';
import { FAKE_CREDENTIALS } from '../../sandbox/scenario/constants';
import { STAGING_ACCOUNT_ID, STAGING_CREDENTIALS, STAGING_LOG_GROUP } from '../../sandbox/scenario/staging';
import { seedStaging } from '../../sandbox/seeders/staging';
import { awsCalls, lastCallSeq } from '../support/awsCalls';
import { INVESTIGATED_ALARM, seedInvestigation } from '../support/investigateScenario';
import { twoAccountSession, type TwoAccounts } from '../support/twoAccounts';
import { awsEndpoint } from './setup';

const STAGING = 'staging · us-east-1';
const SANDBOX = 'sandbox · us-east-1';
const MIN = 60_000;

/** Who signed each call since `since`: staging's twelve-digit key or the sandbox's `testing` key. */
async function signers(since: number): Promise<string[]> {
  return [...new Set((await awsCalls(awsEndpoint(), since)).map((c) => (c.accessKeyId === STAGING_ACCOUNT_ID ? 'staging' : c.accessKeyId === FAKE_CREDENTIALS.accessKeyId ? 'sandbox' : c.accessKeyId)))];
}

describe('the features of each account, with two profiles side by side', () => {
  let accounts: TwoAccounts;
  let stagingMachineArn: string;
  let session: AwsSession;
  const config = (credentials: { accessKeyId: string; secretAccessKey: string }) => ({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { ...credentials } });

  async function putDashboard(credentials: { accessKeyId: string; secretAccessKey: string }, name: string, body: unknown): Promise<void> {
    const cw = new CloudWatchClient(config(credentials));
    await cw.send(new PutDashboardCommand({ DashboardName: name, DashboardBody: JSON.stringify(body) }));
    cw.destroy();
  }

  async function putErrorLog(credentials: { accessKeyId: string; secretAccessKey: string }, group: string, message: string): Promise<void> {
    const logs = new CloudWatchLogsClient(config(credentials));
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' }));
    await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's1', logEvents: [{ timestamp: Date.now() - 2 * MIN, message }] }));
    logs.destroy();
  }

  before(async function () {
    this.timeout(120_000);
    await resetMoto(awsEndpoint());
    const now = Date.now();
    stagingMachineArn = (await seedStaging(awsEndpoint(), new Date(now))).stateMachineArn;
    const staging = new CloudWatchClient(config(STAGING_CREDENTIALS));
    await staging.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [-30, -20, -10].map((m, i) => ({ MetricName: 'Orders', Dimensions: [{ Name: 'Env', Value: 'staging' }], Timestamp: new Date(now + m * MIN), Value: 10 + i })) }));
    await staging.send(new PutMetricDataCommand({ Namespace: 'AWS/ApiGateway', MetricData: [-30, -20, -10].map((m) => ({ MetricName: '5XXError', Timestamp: new Date(now + m * MIN), Value: 4.2 })) }));
    staging.destroy();
    // A dashboard as the CloudWatch console writes it: every widget names its region, none its account.
    await putDashboard(STAGING_CREDENTIALS, 'staging-orders', { widgets: [
      { type: 'metric', x: 0, y: 0, width: 12, height: 6, properties: { metrics: [['Shop', 'Orders', 'Env', 'staging']], region: 'us-east-1', stat: 'Sum', period: 60, title: 'Orders' } },
      { type: 'alarm', x: 12, y: 0, width: 12, height: 6, properties: { alarms: [`arn:aws:cloudwatch:us-east-1:${STAGING_ACCOUNT_ID}:alarm:staging-api-5xx-rate`], title: 'Staging alarms' } },
      { type: 'log', x: 0, y: 6, width: 24, height: 6, properties: { query: `SOURCE '${STAGING_LOG_GROUP}' | fields @timestamp, @message`, region: 'us-east-1', title: 'Errors' } },
    ] });
    await putDashboard(FAKE_CREDENTIALS, 'sandbox-overview', { widgets: [{ type: 'text', x: 0, y: 0, width: 24, height: 2, properties: { markdown: '# Sandbox' } }] });
    for (const [credentials, name] of [[STAGING_CREDENTIALS, 'staging: not found orders'], [FAKE_CREDENTIALS, 'sandbox: slow requests']] as const) {
      const logs = new CloudWatchLogsClient(config(credentials));
      await logs.send(new PutQueryDefinitionCommand({ name, queryString: 'fields @timestamp, @message | filter @message like /ERROR/', logGroupNames: [STAGING_LOG_GROUP] }));
      logs.destroy();
    }
    // An alarm that just fired in staging, with its logs and a failed execution of its state machine.
    await seedInvestigation(awsEndpoint(), { ...STAGING_CREDENTIALS });
    accounts = twoAccountSession(awsEndpoint());
    session = accounts.session;
  });

  after(() => accounts.dispose());

  it("lists each account's dashboards under its profile, and opens staging's with staging's credentials only", async () => {
    const metrics = new SdkMetrics(session);
    const names = async (scope: string) => (await collect(metrics.listDashboards(scope))).map((d) => [d.name, d.region]);
    assert.deepEqual(await names(STAGING), [['staging-orders', STAGING]]);
    assert.deepEqual(await names(SANDBOX), [['sandbox-overview', SANDBOX]]);

    const since = await lastCallSeq(awsEndpoint());
    const view = await new ChartLoader({ metrics }).load({ version: 1, source: { kind: 'dashboard', region: STAGING, name: 'staging-orders' }, range: '3h', autoRefresh: false });
    const [chart, alarms, log] = view.widgets as [ChartWidgetView, AlarmsWidgetView, LogWidgetView];
    assert.equal(log.region, STAGING, "the log widget's query runs in staging");
    assert.equal(chart.error, undefined);
    assert.deepEqual(chart.series[0]?.values, [10, 11, 12], "the widget's us-east-1 is staging's us-east-1");
    assert.deepEqual(alarms.alarms.map((a) => [a.name, a.region, a.state]), [['staging-api-5xx-rate', STAGING, 'ALARM']]);
    assert.match(view.subtitle, /^staging · us-east-1 · /);
    assert.deepEqual(await signers(since), ['staging']);
  });

  it("charts an alarm of the staging account from staging's metrics", async () => {
    const since = await lastCallSeq(awsEndpoint());
    const view = await new ChartLoader({ metrics: new SdkMetrics(session), alarmHistory: (region, name) => new SdkCloudWatch(session).alarmHistory(region, name, 100) })
      .load({ version: 1, source: { kind: 'alarm', region: STAGING, name: 'staging-api-5xx-rate' }, range: '3h', autoRefresh: false });
    const [chart] = view.widgets as [ChartWidgetView];
    assert.equal(chart.alarm?.state, 'ALARM');
    assert.deepEqual(chart.series[0]?.values, [4.2, 4.2, 4.2]);
    assert.deepEqual(await signers(since), ['staging']);
  });

  it('reads the saved queries of each account, each kept with its profile, and runs one in its own account', async () => {
    const since = await lastCallSeq(awsEndpoint());
    const logs = new SdkLogs(session);
    const { queries, errors } = await awsQueries(session, logs);
    assert.deepEqual(errors, []);
    assert.deepEqual(queries.map((q) => [q.name, q.region]), [['sandbox: slow requests', SANDBOX], ['staging: not found orders', STAGING]]);
    const staging = queries.find((q) => q.region === STAGING)!;
    const runFrom = await lastCallSeq(awsEndpoint());
    const outcome = await runInsightsQuery(logs, { region: staging.region!, queryString: staging.text, logGroupNames: [...staging.logGroups!], start: new Date(Date.now() - 60 * MIN), end: new Date() });
    assert.equal(outcome.status, 'Complete');
    assert.deepEqual(outcome.response.results?.map((r) => r.find((f) => f.field === '@message')?.value), ['[ERROR] OrderNotFound: order st-0001 not found']);
    assert.deepEqual(await signers(runFrom), ['staging']);
    assert.deepEqual((await signers(since)).sort(), ['sandbox', 'staging']);
  });

  it("searches and tails staging's log group with staging's credentials", async () => {
    const logs = new SdkLogs(session);
    const since = await lastCallSeq(awsEndpoint());
    const group = (await collect(logs.logGroupPages(STAGING))).find((g) => g.logGroupName === STAGING_LOG_GROUP)!;
    const found = await logs.filterEvents(STAGING, { logGroupName: STAGING_LOG_GROUP, startTime: Date.now() - 60 * MIN, endTime: Date.now(), filterPattern: 'ERROR', limit: 100 });
    assert.deepEqual(found.events.map((e) => e.message), ['[ERROR] OrderNotFound: order st-0001 not found']);
    const abort = new AbortController();
    const seen: string[] = [];
    for await (const message of logs.startLiveTail(STAGING, { logGroupIdentifiers: [(group.arn ?? '').replace(/:\*$/, '')] }, abort.signal)) {
      seen.push(message.kind);
      abort.abort();
    }
    assert.equal(seen[0], 'start');
    assert.match(group.arn ?? '', new RegExp(`:${STAGING_ACCOUNT_ID}:log-group:`));
    assert.deepEqual(await signers(since), ['staging']);
  });

  it("looks for production errors in every profile's region and labels each finding with its profile", async () => {
    const frame = '\n    at charge (/var/task/src/checkout.ts:42:7)';
    await putErrorLog(STAGING_CREDENTIALS, '/aws/lambda/checkout', `ERROR CheckoutFailed: staging card processor timed out${frame}`);
    await putErrorLog(FAKE_CREDENTIALS, '/aws/lambda/checkout', `ERROR CheckoutFailed: sandbox card declined${frame}`);
    await putErrorLog(STAGING_CREDENTIALS, '/aws/lambda/staging-only', `ERROR StagingOnly: feature flag missing${frame}`);
    const end = Math.floor(Date.now() / 1000);
    const logs = new SdkLogs(session);
    const stagingOnlyArn = `arn:aws:logs:us-east-1:${STAGING_ACCOUNT_ID}:log-group:/aws/lambda/staging-only:*`;
    const fetched = await fetchProductionErrors(session, logs, ['/aws/lambda/checkout', stagingOnlyArn], errorEventsQuery(), end - 3600, end, [200]);
    assert.deepEqual(fetched.regions, [SANDBOX, STAGING]);
    assert.deepEqual(fetched.failures, []);
    assert.deepEqual(fetched.events.map((e) => [e.logGroup, e.message.split('\n')[0]]).sort(), [
      ['sandbox · /aws/lambda/checkout', 'ERROR CheckoutFailed: sandbox card declined'],
      ['staging · /aws/lambda/checkout', 'ERROR CheckoutFailed: staging card processor timed out'],
      ['staging · /aws/lambda/staging-only', 'ERROR StagingOnly: feature flag missing'],
    ]);

    // A name one account lacks: that profile's failure is said, the other's findings stay.
    const partly = await fetchProductionErrors(session, logs, ['/aws/lambda/staging-only'], errorEventsQuery(), end - 3600, end, [200]);
    assert.deepEqual(partly.events.map((e) => e.logGroup), ['staging · /aws/lambda/staging-only']);
    assert.deepEqual(partly.failures.map((f) => f.region), [SANDBOX]);
  });

  it("investigates an alarm of the staging account with staging's credentials for every call", async function () {
    this.timeout(60_000);
    const since = await lastCallSeq(awsEndpoint());
    const deps = { cloudWatch: new SdkCloudWatch(session), metrics: new SdkMetrics(session), logs: new SdkLogs(session), stepFunctions: new SdkStepFunctions(session), settings: () => [] };
    const gathered = await gatherInvestigation(deps, { region: STAGING, name: INVESTIGATED_ALARM }, () => undefined);
    assert.deepEqual(gathered.parts.all.filter((p) => p.status === 'failed').map((p) => `${p.id}: ${p.error}`), []);
    assert.ok(gathered.parts.data('metric')[0].series[0].values.includes(2));
    assert.deepEqual(gathered.parts.data('executions')[0].executions.map((e) => e.status), ['FAILED']);
    assert.equal(gathered.parts.data('logs').length, 3);
    const operations = new Set((await awsCalls(awsEndpoint(), since)).map((c) => c.operation));
    for (const op of ['DescribeAlarms', 'GetMetricData', 'FilterLogEvents', 'ListExecutions']) assert.ok(operations.has(op), op);
    assert.deepEqual(await signers(since), ['staging']);
  });

  it("opens an execution known by its ARN alone in the account the ARN names", async () => {
    const executionArn = `${stagingMachineArn.replace(':stateMachine:', ':execution:')}:order-staging-0001`;
    assert.match(executionArn, new RegExp(`:${STAGING_ACCOUNT_ID}:execution:`));
    assert.equal(await scopeOfArn(session, executionArn), STAGING);
    assert.equal(await scopeOfArn(session, executionArn.replace(STAGING_ACCOUNT_ID, '123456789012')), SANDBOX);
    assert.equal(await scopeOfArn(session, executionArn.replace(STAGING_ACCOUNT_ID, '999999999999').replace('us-east-1', 'eu-west-1')), 'sandbox · eu-west-1', 'an account of no profile: the first profile asks');
    const since = await lastCallSeq(awsEndpoint());
    const described = await new SdkStepFunctions(session).describeExecution(await scopeOfArn(session, executionArn), executionArn);
    assert.equal(described.name, 'order-staging-0001');
    assert.deepEqual(await signers(since), ['staging']);
  });

  it('serves both accounts from the MCP server the extension starts with several profiles', async function () {
    this.timeout(60_000);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--require', require.resolve('tsx/cjs'), path.join(__dirname, '..', '..', 'src/mcp/server.ts'), '--profile', 'sandbox', '--profile', 'staging',
        // As started for a user who lets queries run unasked; asking is proven in mcp.test.ts.
        '--run-without-confirmation', 'opsLens_runInsightsQuery'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_CONFIG_FILE: accounts.configFile, AWS_SHARED_CREDENTIALS_FILE: accounts.credentialsFile },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'ops-lens-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const call = async (name: string, args: Record<string, unknown>) => ((await client.callTool({ name, arguments: args })).content as { text: string }[]).map((c) => c.text).join('\n');
      const since = await lastCallSeq(awsEndpoint());
      const alarms = await call('opsLens_listAlarms', { state: 'ALARM' });
      assert.match(alarms, /in sandbox · us-east-1, staging · us-east-1/);
      assert.match(alarms, /staging-api-5xx-rate \| staging · us-east-1/);
      assert.deepEqual((await signers(since)).sort(), ['sandbox', 'staging']);
      // A plain region means that region of each profile; an ARN, the profile of its account.
      assert.match(await call('opsLens_listAlarms', { state: 'ALARM', region: 'us-east-1' }), /staging-api-5xx-rate \| staging · us-east-1/);
      const executionArn = `${stagingMachineArn.replace(':stateMachine:', ':execution:')}:order-staging-0001`;
      assert.match(await call('opsLens_describeExecution', { executionArn }), /^Execution order-staging-0001 of OrderFulfilmentStaging: SUCCEEDED/);
      assert.match(await call('opsLens_getMetricData', { alarmName: 'staging-api-5xx-rate', range: '3h' }), /in staging · us-east-1/);
      const query = { query: 'fields @message | filter @message like /ERROR/', logGroups: [STAGING_LOG_GROUP], range: '1h' };
      assert.match(await call('opsLens_runInsightsQuery', { ...query, region: 'us-east-1' }), /give the region as one of sandbox · us-east-1, staging · us-east-1/);
      assert.match(await call('opsLens_runInsightsQuery', { ...query, region: STAGING }), /OrderNotFound: order st-0001 not found/);
      const investigation = await call('opsLens_investigateAlarm', { name: INVESTIGATED_ALARM });
      assert.match(investigation, /staging · us-east-1/);
      assert.match(investigation, /PaymentDeclined/);
    } finally {
      await client.close();
    }
  });
});
