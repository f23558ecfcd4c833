import { strict as assert } from 'node:assert';
import { acceptedDespiteFindings, analyzeQuery, checkQuery, parseQuery } from '../../../src/core/insights';
import { executeQuery, type LogEvent } from '../../../src/core/insights/executor';
import { DEVIATIONS, DOCUMENTED_QUERIES } from './conformance';
import { DOCUMENTED_EVENTS } from './documentedEvents';

const byGroup = (prefix: string): LogEvent[] => DOCUMENTED_EVENTS.filter((e) => e.logGroupName?.startsWith(prefix));
const options = {
  sourceEvents: (source: { logGroups: readonly string[] }) => DOCUMENTED_EVENTS.filter((e) => source.logGroups.includes(e.logGroupName ?? '')),
  lookupTable: (name: string) => (name === 'user_data' ? [{ id: 'u-7', name: 'Alice', email: 'alice@example.com', department: 'Payments' }] : undefined),
};
const rowsOf = (query: string, events: readonly LogEvent[] = DOCUMENTED_EVENTS): Record<string, string>[] =>
  executeQuery(query, events, options).rows.map((r) => Object.fromEntries(r.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])));

describe('Logs Insights conformance: the queries AWS documents', () => {
  it('covers every command of the language', () => {
    const commands = new Set(DOCUMENTED_QUERIES.map((q) => q.command));
    for (const c of ['fields', 'display', 'filter', 'filterIndex', 'stats', 'sort', 'limit', 'parse', 'dedup', 'pattern', 'anomaly', 'diff', 'unmask', 'unnest', 'SOURCE', 'lookup', 'join', 'subqueries']) {
      assert.ok(commands.has(c), c);
    }
    assert.ok(DOCUMENTED_QUERIES.every((q) => /^https:\/\//.test(q.page)));
    assert.ok(DEVIATIONS.every((d) => d.reason.length > 20));
  });

  for (const { page, query } of DOCUMENTED_QUERIES) {
    const title = `${page.replace(/^.*\//, '')}: ${query.replace(/\s+/g, ' ').slice(0, 90)}`;
    it(`parses without a finding and runs on the engine — ${title}`, () => {
      assert.deepEqual(analyzeQuery(query).findings, []);
      assert.doesNotThrow(() => executeQuery(parseQuery(query), DOCUMENTED_EVENTS, options));
    });
  }
});

describe('Logs Insights conformance: what the engine answers', () => {
  it('discovers the Lambda REPORT fields, @initDuration of cold starts included', () => {
    const rows = rowsOf('filter @type = "REPORT" | fields @requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration | sort @timestamp asc');
    assert.deepEqual(rows[0], { '@requestId': '8f507cfc-xmpl-4697-b07a-ac58fc914c95', '@duration': '1187.45', '@billedDuration': '1188', '@memorySize': '512000000', '@maxMemoryUsed': '214000000', '@initDuration': '412.83' });
    assert.equal(rows[1]?.['@initDuration'], undefined, 'a warm start has no @initDuration');
    assert.deepEqual(rowsOf('filter ispresent(@type) | stats count(*) as n by @type | sort @type'), [{ '@type': 'END', n: '1' }, { '@type': 'REPORT', n: '2' }, { '@type': 'START', n: '1' }]);
  });

  it('discovers VPC flow log, Route 53 and CloudTrail fields under the names AWS documents', () => {
    assert.deepEqual(rowsOf('filter action="REJECT" | fields srcAddr, dstPort, protocol, bytes'), [{ srcAddr: '172.31.9.69', dstPort: '3389', protocol: '6', bytes: '4249' }]);
    assert.deepEqual(rowsOf('filter logStatus="NODATA" | fields interfaceId, startTime, endTime'), [{ interfaceId: 'eni-1235b8ca123456789', startTime: '1431280876', endTime: '1431280934' }]);
    assert.deepEqual(rowsOf('filter responseCode="SERVFAIL" | stats count(*) by queryName'), [{ queryName: 'example.com', 'count(*)': '1' }]);
    assert.deepEqual(rowsOf('filter eventName="CreateUser"\n| fields awsRegion, requestParameters.userName, responseElements.user.arn'), [{ awsRegion: 'us-east-1', 'requestParameters.userName': 'Bob', 'responseElements.user.arn': 'arn:aws:iam::123456789012:user/Bob' }]);
    assert.deepEqual(rowsOf('filter ispresent(requestParameters.instancesSet.items.0.instanceId) | fields requestParameters.instancesSet.items.0.instanceId as id'), [{ id: 'i-abcde123' }]);
  });

  it('unnests a jsonParse list into one result per item', () => {
    assert.deepEqual(rowsOf('fields jsonParse(@message) as json_message \n| unnest json_message.events into event\n| display event.name'), [{ 'event.name': 'exception' }, { 'event.name': 'user action' }]);
    assert.deepEqual(rowsOf('fields jsonParse(@message) as js | unnest js.accounts into account | filter account.type = "internal" | display account.accountId'), [{ 'account.accountId': '111122223333' }]);
  });

  it('evaluates the IP address functions', () => {
    assert.deepEqual(rowsOf('filter isIpv4InSubnet(srcAddr, "172.31.0.0/16") | stats count(*) as n'), [{ n: '2' }]);
    assert.deepEqual(rowsOf('filter isValidIpV6(ip) | fields ip'), [{ ip: '2001:db8::17' }]);
    assert.deepEqual(rowsOf('filter isIpInSubnet(ip, "2001:db8::/32") or isIpInSubnet(ip, "203.0.113.0/24") | stats count(*) as n'), [{ n: '2' }]);
  });

  it('runs subqueries and joins over the log groups their SOURCE names', () => {
    const api = byGroup('/aws/apigateway');
    assert.deepEqual(rowsOf("filter requestId in (SOURCE '/aws/lambda/orders' | filter level = 'ERROR' | fields requestId) | fields path", api), [{ path: '/orders' }]);
    assert.deepEqual(rowsOf("filter status >= 500 | join type=inner left=api right=lambda where api.requestId=lambda.requestId (SOURCE '/aws/lambda/orders') | fields api.path, lambda.userId", api), [{ 'api.path': '/orders', 'lambda.userId': 'u-7' }]);
    assert.equal(rowsOf("join type=left left=a right=b where a.requestId=b.requestId (SOURCE '/aws/lambda/orders') | fields a.path", api).length, 2);
  });

  it('adds the OUTPUT fields of a lookup table', () => {
    assert.deepEqual(rowsOf('filter ispresent(userId) | lookup user_data id as userId OUTPUT name, department | fields userId, name, department'), [{ userId: 'u-7', name: 'Alice', department: 'Payments' }]);
  });

  it('computes stats items from earlier aggregates, percentile, and bins with an offset', () => {
    assert.deepEqual(rowsOf('filter @type = "REPORT" | stats max(@memorySize / 1000 / 1000) as provisioned, max(@maxMemoryUsed / 1000 / 1000) as used, provisioned - used as spare, percentile(@duration, 50) as p50'), [{ provisioned: '512', used: '220', spare: '292', p50: '87.12' }]);
    const bins = rowsOf('stats count(*) as n by bin(1h) offset 30m');
    assert.deepEqual(bins.map((b) => b['bin(1h)']), ['2026-11-22 14:30:00.000']);
  });
});

describe('Logs Insights is the judge: the local check only warns', () => {
  it('marks commands, functions and forms it does not know as warnings that name them', () => {
    const { findings, query, unknown } = analyzeQuery('fields @message\n| logcompare timeshift 7d\n| filter frobnicate(@message) = 1\n| limit 5');
    assert.deepEqual(findings.map((f) => [f.severity, f.construct, f.line]), [['warning', 'command logcompare', 2], ['warning', 'function frobnicate()', 3]]);
    assert.match(findings[0]?.message ?? '', /is not known to Ops Lens; Logs Insights decides when the query runs/);
    assert.deepEqual(query.commands.map((c) => c.command), ['fields', 'filter', 'limit']);
    assert.deepEqual(unknown.map((u) => u.text), ['logcompare timeshift 7d']);
  });

  it('words the output-channel line for a flagged query that Logs Insights ran', () => {
    const { findings } = analyzeQuery('fields @message\n| logcompare timeshift 7d\n| filter frobnicate(@message) = 1');
    assert.equal(acceptedDespiteFindings('Weekly compare', findings), 'Logs Insights accepted "Weekly compare", which the local check flagged: command logcompare (line 2), function frobnicate() (line 3)');
    assert.equal(acceptedDespiteFindings('Clean', []), undefined);
  });

  it('errs only on text no version of the language accepts', () => {
    for (const [text, detail] of [['filter x = "open', 'unclosed string'], ['filter @message like /a(b', 'unclosed regular expression'], ['filter (a = 1 | limit 5', 'unclosed ('], ['stats count(*) by `odd name', 'unclosed quoted name']]) {
      const findings = analyzeQuery(text).findings;
      assert.equal(findings.length, 1, text);
      assert.equal(findings[0]?.severity, 'error', text);
      assert.match(findings[0]?.message ?? '', new RegExp(`^${detail.replace(/[()]/g, '\\$&')}`), text);
    }
  });

  it('stays within its stack on hostile nesting and long chains', () => {
    const open = `filter ${'('.repeat(20_000)}`;
    assert.equal(checkQuery(open)?.fatal, true);
    assert.equal(analyzeQuery(`filter ${'('.repeat(20_000)}a${')'.repeat(20_000)}`).findings[0]?.severity, 'warning');
    assert.equal(analyzeQuery(`filter ${Array.from({ length: 20_000 }, (_, i) => `a = ${i}`).join(' or ')}`).findings[0]?.severity, 'warning');
    assert.equal(analyzeQuery(`filter a in (${'SOURCE "g" | filter b in ('.repeat(2_000)}`).findings[0]?.severity, 'error');
    assert.equal(analyzeQuery(`fields ${'-'.repeat(20_000)}1`).findings[0]?.severity, 'warning');
  });
});
