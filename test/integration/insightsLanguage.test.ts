import { strict as assert } from 'node:assert';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, CreateLookupTableCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AwsSession } from '../../src/aws/session';
import { SdkLogs } from '../../src/aws/services/logs';
import { AwsUserError } from '../../src/aws/errors';
import { analyzeQuery } from '../../src/core/insights';
import { runInsightsQuery } from '../../src/insights/execution';
import { asScopeId } from '../../src/core/scope';
import { resetMoto } from '../../sandbox/moto';
import { ALIAS_RULES } from '../fixtures/insights/languageForms';
import { awsEndpoint, testEnv } from './setup';

const GROUP = '/shop/api';
const LINES = [
  '{"status":503,"userId":"u1","headers":{"user-agent":"curl"},"kv":"level=error msg=\\"disk full\\"","csv":"mon,o1,5"}',
  '{"status":200,"userId":"u2","headers":{"user-agent":"k6"},"kv":"level=info msg=ok","csv":"mon,\\"o,2\\",7"}',
  '{"status":200,"headers":{"user-agent":"curl"},"kv":"level=info msg=ok","csv":"tue,o3,1","peers":"10.0.0.1 10.0.0.2"}',
];

const rowsOf = (results: { field?: string; value?: string }[][] | undefined): Record<string, string>[] =>
  (results ?? []).map((r) => Object.fromEntries(r.filter((f) => f.field !== '@ptr').map((f) => [f.field ?? '', f.value ?? ''])));

describe('Logs Insights language forms through the SDK against the stand-in', () => {
  const now = Date.now();
  const start = new Date(now - 3600_000);
  const end = new Date(now);
  let session: AwsSession;
  let logs: SdkLogs;
  let raw: CloudWatchLogsClient;
  const run = async (queryString: string) => {
    assert.deepEqual(analyzeQuery(queryString).findings, [], queryString);
    const outcome = await runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString, logGroupNames: [GROUP], start, end }, { delays: [100] });
    assert.equal(outcome.status, 'Complete');
    return rowsOf(outcome.response.results);
  };

  before(async function () {
    this.timeout(60_000);
    await resetMoto(awsEndpoint());
    raw = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: awsEndpoint(), credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await raw.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    await raw.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'a' }));
    await raw.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'a', logEvents: LINES.map((message, i) => ({ timestamp: now - 60_000 + i * 1000, message })) }));
    await raw.send(new CreateLookupTableCommand({ lookupTableName: 'users', tableBody: 'id,name,department\nu1,Ada,ops\nu2,Grace,"research, labs"\n' }));
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    Object.assign(process.env, testEnv);
    logs = new SdkLogs(session);
  });

  after(() => session.reset());

  it('if(), ! before a function and quoted member names', async () => {
    assert.deepEqual(await run('fields if(status >= 500, "error", "ok") as outcome | stats count(*) as n by outcome | sort outcome'), [{ outcome: 'error', n: '1' }, { outcome: 'ok', n: '2' }]);
    assert.deepEqual(await run('filter !isPresent(userId) | fields headers."user-agent" as agent'), [{ agent: 'curl' }]);
  });

  it('stats over the aliases of an earlier stats', async () => {
    assert.deepEqual(await run('stats count(*) as n by headers."user-agent" as agent | stats max(n) as peak, sum(n) as total'), [{ peak: '2', total: '3' }]);
  });

  it('parse in its logfmt, csv and multi forms', async () => {
    assert.deepEqual(await run('parse kv logfmt as lf | filter lf.level = "error" | display lf.msg'), [{ 'lf.msg': 'disk full' }]);
    assert.deepEqual(await run('parse csv csv as day, orderId, amount | stats sum(amount) as total by day | sort day'), [{ day: 'mon', total: '12' }, { day: 'tue', total: '1' }]);
    assert.deepEqual(await run('parse peers /(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+)/ multi | filter ispresent(ip) | display ip | sort ip'), [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }]);
  });

  it('lookup reads a table created with CreateLookupTable', async () => {
    assert.deepEqual(await run('filter ispresent(userId) | lookup users id as userId OUTPUT name, department | display userId, name, department | sort userId'), [
      { userId: 'u1', name: 'Ada', department: 'ops' },
      { userId: 'u2', name: 'Grace', department: 'research, labs' },
    ]);
  });

  it('pattern and anomaly with their arguments run', async () => {
    const rows = await run('pattern headers."user-agent" | anomaly priority="HIGH"');
    assert.ok(rows.length > 0);
  });

  it('the two alias rules: Ops Lens warns and still sends; the stand-in answers MalformedQueryException with a location', async () => {
    for (const rule of ALIAS_RULES) {
      assert.equal(analyzeQuery(rule.query).findings[0]?.severity, 'warning');
      await assert.rejects(runInsightsQuery(logs, { region: asScopeId('us-east-1'), queryString: rule.query, logGroupNames: [GROUP], start, end }, { delays: [100] }), (err: unknown) => {
        assert.ok(err instanceof AwsUserError, String(err));
        assert.equal(err.code, 'MalformedQueryException');
        const original = err.original as { queryCompileError?: { location?: { startCharOffset?: number; endCharOffset?: number } } };
        const location = original.queryCompileError?.location;
        assert.equal(location?.startCharOffset, rule.query.lastIndexOf(rule.construct === 'alias defined again' ? 'trim(term)' : 'if('));
        return true;
      });
    }
  });
});
