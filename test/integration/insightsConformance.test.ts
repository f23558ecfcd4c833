import { strict as assert } from 'node:assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { AwsUserError } from '../../src/aws/errors';
import { analyzeQuery, forEachExpr, type ParsedQuery, type SourceSelection } from '../../src/core/insights';
import { runInsightsQuery } from '../../src/insights/execution';
import { resetMoto } from '../../sandbox/moto';
import { DOCUMENTED_QUERIES } from '../unit/insights/conformance';
import { DOCUMENTED_EVENTS } from '../unit/insights/documentedEvents';
import { awsEndpoint, testEnv } from './setup';

/** The first documented query of each command: the sample this layer sends through the real SDK. */
const SAMPLE = [...new Map(DOCUMENTED_QUERIES.map((q) => [q.command, q])).values()];

/** Log groups a query's SOURCE commands name, and one group for each name prefix they select by. */
function sourceGroups(query: ParsedQuery): string[] {
  const sources: SourceSelection[] = [];
  const visit = (q: ParsedQuery): void => {
    for (const cmd of q.commands) {
      if (cmd.command === 'source') sources.push(cmd);
      if (cmd.command === 'join') visit(cmd.subquery);
    }
  };
  visit(query);
  forEachExpr(query, (e) => {
    if (e.kind === 'in' && e.subquery) visit(e.subquery);
  });
  return sources.flatMap((s) => [...s.logGroups, ...s.selectors.flatMap((sel) => sel.namePrefix.map((p) => `${p}-documented`))]);
}

describe('Logs Insights conformance through the SDK and the stand-in', () => {
  const now = Date.now();
  const start = new Date(now - 3600_000);
  const end = new Date(now);
  const documentedGroups = [...new Set(DOCUMENTED_EVENTS.map((e) => e.logGroupName ?? ''))];
  const extraGroups = [...new Set(SAMPLE.flatMap((q) => sourceGroups(analyzeQuery(q.query).query)))].filter((g) => !documentedGroups.includes(g));
  let session: AwsSession;
  let logs: SdkLogs;

  before(async function () {
    this.timeout(60_000);
    await resetMoto(awsEndpoint());
    const raw = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    for (const group of [...documentedGroups, ...extraGroups]) {
      await raw.send(new CreateLogGroupCommand({ logGroupName: group }));
      await raw.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'documented' }));
      const events = DOCUMENTED_EVENTS.filter((e) => e.logGroupName === group || extraGroups.includes(group));
      await raw.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'documented', logEvents: events.map((e, i) => ({ timestamp: now - 30 * 60_000 + i * 1000, message: e.message })) }));
    }
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    logs = new SdkLogs(session);
  });

  after(() => session.reset());

  it('samples at least one documented query per command', () => {
    assert.ok(SAMPLE.length >= 18, `${SAMPLE.length} commands sampled`);
  });

  for (const { command, query } of SAMPLE) {
    it(`runs the documented ${command} query to Complete: ${query.replace(/\s+/g, ' ').slice(0, 80)}`, async () => {
      const namesOwn = /^\s*SOURCE\b/i.test(query);
      const outcome = await runInsightsQuery(logs, { region: 'us-east-1', queryString: query, logGroupNames: namesOwn ? [] : documentedGroups, start, end }, { delays: [100] });
      assert.equal(outcome.status, 'Complete');
      assert.ok(Array.isArray(outcome.response.results));
    });
  }

  it('runs a SOURCE query with no log groups in the request, and refuses one that also names log groups', async () => {
    const query = "SOURCE logGroups(namePrefix: ['/aws/lambda/ord']) | filter @type = \"REPORT\" | stats count(*) as reports";
    const outcome = await runInsightsQuery(logs, { region: 'us-east-1', queryString: query, logGroupNames: [], start, end }, { delays: [100] });
    assert.deepEqual(outcome.response.results?.map((r) => r.map((f) => [f.field, f.value])), [[['reports', '2']]]);
    await assert.rejects(runInsightsQuery(logs, { region: 'us-east-1', queryString: query, logGroupNames: ['/aws/lambda/orders'], start, end }), /must not be started with/);
  });

  it('sends log group ARNs as logGroupIdentifiers', async () => {
    const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders';
    const outcome = await runInsightsQuery(logs, { region: 'us-east-1', queryString: 'filter ispresent(@initDuration) | fields @initDuration', logGroupNames: [arn], start, end }, { delays: [100] });
    assert.deepEqual(outcome.response.results?.map((r) => r.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])), [[['@initDuration', '412.83']]]);
  });

  it('sends what the local check only warns about, and the service answers with the position', async () => {
    const query = 'fields @message\n| frobnicate @message';
    assert.equal(analyzeQuery(query).findings[0]?.severity, 'warning');
    await assert.rejects(runInsightsQuery(logs, { region: 'us-east-1', queryString: query, logGroupNames: documentedGroups, start, end }), (err: unknown) => {
      assert.ok(err instanceof AwsUserError);
      assert.equal(err.code, 'MalformedQueryException');
      const original = err.original as { message?: string; queryCompileError?: { location?: { startCharOffset?: number } } };
      assert.match(original.message ?? '', /at line 2 and position 3/);
      assert.equal(original.queryCompileError?.location?.startCharOffset, query.indexOf('frobnicate'));
      return true;
    });
  });
});
