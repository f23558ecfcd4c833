import { strict as assert } from 'node:assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { AwsUserError } from '../../src/aws/errors';
import { analyzeQuery, forEachExpr, type ParsedQuery, type SourceSelection } from '../../src/core/insights';
import { runInsightsQuery } from '../../src/insights/execution';
import { resetMoto } from '../../sandbox/moto';
import { AWS_EXAMPLES, MALFORMED_QUERY } from '../fixtures/insights/awsQueries';
import { FLOW_LOG_FIELDS, JSON_FIELDS_EXAMPLE, SAMPLE_LOG_LINES, SORT_ORDER_EXAMPLE, UNNEST_EXAMPLE } from '../fixtures/insights/awsSampleLogs';
import { WRITTEN_QUERIES } from '../unit/insights/conformance';
import { awsEndpoint, testEnv } from './setup';
import { asScopeId } from '../../src/core/scope';

/** One query per command: AWS's first example where its page prints one, else one written from the page's syntax. */
const PER_COMMAND = [...AWS_EXAMPLES, ...WRITTEN_QUERIES].filter((q, i, all) => all.findIndex((other) => other.command === q.command) === i);

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

const rowsOf = (results: { field?: string; value?: string }[][] | undefined): Record<string, string>[] =>
  (results ?? []).map((r) => Object.fromEntries(r.filter((f) => f.field !== '@ptr').map((f) => [f.field ?? '', f.value ?? ''])));

describe('The stand-in\'s Logs Insights through the SDK, judged by what AWS documents', () => {
  const now = Date.now();
  const start = new Date(now - 3600_000);
  const end = new Date(now);
  const sampleGroups = [...new Set(SAMPLE_LOG_LINES.map((l) => l.logGroupName))];
  const extraGroups = [...new Set(PER_COMMAND.flatMap((q) => sourceGroups(analyzeQuery(q.query).query)))].filter((g) => !sampleGroups.includes(g));
  const docGroups: Record<string, readonly string[]> = {
    '/docs/unnest': [UNNEST_EXAMPLE.message],
    '/docs/sort': [...SORT_ORDER_EXAMPLE.ascending].reverse().map((v) => JSON.stringify({ v })),
    '/docs/dedup': ['{"server":"a","n":1}', '{"server":"b","n":2}', '{"server":"a","n":3}', '{"n":4}', '{"n":5}'],
  };
  const eventCount = new Map<string, number>();
  let session: AwsSession;
  let logs: SdkLogs;
  const run = (queryString: string, logGroupNames: string[]) => runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString, logGroupNames, start, end }, { delays: [100] });

  before(async function () {
    this.timeout(60_000);
    await resetMoto(awsEndpoint());
    const raw = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const put = async (group: string, messages: readonly string[]): Promise<void> => {
      await raw.send(new CreateLogGroupCommand({ logGroupName: group }));
      await raw.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'documented' }));
      await raw.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 'documented', logEvents: messages.map((message, i) => ({ timestamp: now - 30 * 60_000 + i * 1000, message })) }));
      eventCount.set(group, messages.length);
    };
    for (const group of sampleGroups) await put(group, SAMPLE_LOG_LINES.filter((l) => l.logGroupName === group).map((l) => l.message));
    for (const group of extraGroups) await put(group, SAMPLE_LOG_LINES.map((l) => l.message));
    for (const [group, messages] of Object.entries(docGroups)) await put(group, messages);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    logs = new SdkLogs(session);
  });

  after(() => session.reset());

  describe('results AWS\'s pages show', () => {
    it('unnests the unnest page\'s event into the two records the page names', async () => {
      const outcome = await run(UNNEST_EXAMPLE.query, ['/docs/unnest']);
      assert.deepEqual(rowsOf(outcome.response.results), UNNEST_EXAMPLE.rows);
    });

    it('sorts in the order the sort page shows, and descending in its reverse', async () => {
      const asc = await run('fields v | sort v asc', ['/docs/sort']);
      assert.deepEqual(rowsOf(asc.response.results).map((r) => r['v']), SORT_ORDER_EXAMPLE.ascending);
      const desc = await run('fields v | sort v desc', ['/docs/sort']);
      assert.deepEqual(rowsOf(desc.response.results).map((r) => r['v']), [...SORT_ORDER_EXAMPLE.ascending].reverse());
    });

    it('names JSON fields with the dot notation the discovered-fields page documents', async () => {
      const outcome = await run(`filter eventName = "StartInstances" | fields ${Object.keys(JSON_FIELDS_EXAMPLE.fields).join(', ')}`, ['/aws/cloudtrail']);
      assert.deepEqual(rowsOf(outcome.response.results), [JSON_FIELDS_EXAMPLE.fields]);
    });

    it('discovers the fields of AWS\'s example flow log record under the names AWS documents', async () => {
      const record = SAMPLE_LOG_LINES.find((l) => l.verbatim && l.message.endsWith('REJECT OK'))?.message ?? '';
      const outcome = await run(`filter action = "REJECT" | fields ${FLOW_LOG_FIELDS.join(', ')}`, ['/vpc/flow-logs']);
      assert.deepEqual(rowsOf(outcome.response.results), [Object.fromEntries(FLOW_LOG_FIELDS.map((f, i) => [f, record.split(' ')[i]]))]);
    });

    it('keeps one event per value with dedup, and every event whose value is null, as the dedup page says', async () => {
      const outcome = await run('fields server, n | sort n desc | dedup server', ['/docs/dedup']);
      assert.deepEqual(rowsOf(outcome.response.results), [{ n: '5' }, { n: '4' }, { server: 'a', n: '3' }, { server: 'b', n: '2' }]);
    });

    it('answers a query it cannot read with the exception AWS documents, its details in a QueryCompileError', async () => {
      const query = 'fields @message\n| frobnicate @message';
      assert.equal(analyzeQuery(query).findings[0]?.severity, 'warning', 'the local check only warns and sends the query');
      await assert.rejects(run(query, sampleGroups), (err: unknown) => {
        assert.ok(err instanceof AwsUserError);
        assert.equal(err.code, MALFORMED_QUERY.name);
        const original = err.original as { queryCompileError?: { location?: { startCharOffset?: unknown; endCharOffset?: unknown } } };
        const location = original.queryCompileError?.location;
        assert.equal(typeof location?.startCharOffset, 'number');
        assert.equal(typeof location?.endCharOffset, 'number');
        // Where the stand-in places the error is its own approximation, taken from the local parser.
        assert.equal(location?.startCharOffset, query.indexOf('frobnicate'));
        return true;
      });
    });
  });

  describe('the stand-in\'s own behaviour (not checked against AWS)', () => {
    it('covers every command with one query', () => {
      assert.equal(PER_COMMAND.length, 19, PER_COMMAND.map((q) => q.command).join(', '));
    });

    for (const { command, query } of PER_COMMAND) {
      it(`reads every event of the queried log groups for a ${command} query: ${query.replace(/\s+/g, ' ').slice(0, 80)}`, async () => {
        const namesOwn = /^\s*SOURCE\b/i.test(query);
        const outcome = await run(query, namesOwn ? [] : sampleGroups);
        assert.equal(outcome.status, 'Complete');
        const queried = namesOwn ? [...eventCount.values()] : sampleGroups.map((g) => eventCount.get(g) ?? 0);
        assert.equal(outcome.response.statistics?.recordsScanned, queried.reduce((a, b) => a + b, 0));
      });
    }

    it('runs a SOURCE query with no log groups in the request, and refuses one that also names log groups', async () => {
      const query = "SOURCE logGroups(namePrefix: ['/aws/lambda/ord']) | filter @type = \"REPORT\" | stats count(*) as reports";
      const outcome = await run(query, []);
      assert.deepEqual(outcome.response.results?.map((r) => r.map((f) => [f.field, f.value])), [[['reports', '2']]]);
      await assert.rejects(runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: query, logGroupNames: ['/aws/lambda/orders'], start, end }), /must not be started with/);
    });

    it('takes log group ARNs as logGroupIdentifiers', async () => {
      const arn = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders';
      const outcome = await run('filter ispresent(@initDuration) | fields @initDuration', [arn]);
      assert.deepEqual(rowsOf(outcome.response.results), [{ '@initDuration': '412.83' }]);
    });
  });
});
