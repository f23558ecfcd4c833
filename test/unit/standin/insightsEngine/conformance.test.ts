import { strict as assert } from 'node:assert';
import { executeQuery, type LogEvent } from '../../../../sandbox/standin/logs/insightsEngine';
import { AWS_EXAMPLES } from '../../../fixtures/insights/awsQueries';
import { FLOW_LOG_FIELDS, JSON_FIELDS_EXAMPLE, SORT_ORDER_EXAMPLE, UNNEST_EXAMPLE } from '../../../fixtures/insights/awsSampleLogs';
import { WRITTEN_QUERIES } from '../../insights/conformance';
import { eventsOf, SAMPLE_EVENTS } from './sampleEvents';

const byGroup = (prefix: string): LogEvent[] => SAMPLE_EVENTS.filter((e) => e.logGroupName?.startsWith(prefix));
const options = {
  sourceEvents: (source: { logGroups: readonly string[] }) => SAMPLE_EVENTS.filter((e) => source.logGroups.includes(e.logGroupName ?? '')),
  lookupTable: (name: string) => (name === 'user_data' ? [{ id: 'u-7', name: 'Alice', email: 'alice@example.com', department: 'Payments' }] : undefined),
};
const rowsOf = (query: string, events: readonly LogEvent[] = SAMPLE_EVENTS): Record<string, string>[] =>
  executeQuery(query, events, options).rows.map((r) => Object.fromEntries(r.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])));

describe('Stand-in Logs Insights engine: the results AWS documents', () => {
  it('runs every query AWS publishes, and every query written from its syntax, over the sample logs', () => {
    for (const { query } of [...AWS_EXAMPLES, ...WRITTEN_QUERIES]) assert.doesNotThrow(() => executeQuery(query, SAMPLE_EVENTS, options), query);
  });

  it('unnests the unnest page\'s event into the two records the page names', () => {
    assert.deepEqual(rowsOf(UNNEST_EXAMPLE.query, eventsOf(UNNEST_EXAMPLE.message)), UNNEST_EXAMPLE.rows);
  });

  it('sorts in the order the sort page shows, and descending in its reverse', () => {
    const shuffled = eventsOf(...[...SORT_ORDER_EXAMPLE.ascending].reverse().map((v) => JSON.stringify({ v })));
    assert.deepEqual(rowsOf('fields v | sort v asc', shuffled).map((r) => r['v']), SORT_ORDER_EXAMPLE.ascending);
    assert.deepEqual(rowsOf('fields v | sort v desc', shuffled).map((r) => r['v']), [...SORT_ORDER_EXAMPLE.ascending].reverse());
  });

  it('names JSON fields with the dot notation the discovered-fields page documents', () => {
    const paths = Object.keys(JSON_FIELDS_EXAMPLE.fields);
    assert.deepEqual(rowsOf(`filter eventName = "StartInstances" | fields ${paths.join(', ')}`), [JSON_FIELDS_EXAMPLE.fields]);
  });

  it('discovers the flow log fields of AWS\'s example records under the names AWS documents', () => {
    const [accepted] = rowsOf(`filter action = "ACCEPT" and srcPort = 20641 | fields ${FLOW_LOG_FIELDS.join(', ')}`);
    assert.deepEqual(accepted, Object.fromEntries(FLOW_LOG_FIELDS.map((f, i) => [f, '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK'.split(' ')[i]])));
    assert.deepEqual(rowsOf('filter action="REJECT" | fields srcAddr, dstPort, protocol, bytes'), [{ srcAddr: '172.31.9.69', dstPort: '3389', protocol: '6', bytes: '4249' }]);
    assert.deepEqual(rowsOf('filter logStatus="NODATA" | fields interfaceId, startTime, endTime'), [{ interfaceId: 'eni-1235b8ca123456789', startTime: '1431280876', endTime: '1431280934' }]);
  });

  it('keeps one event per value with dedup, and every event whose value is null, as the dedup page says', () => {
    const events = eventsOf('{"server":"a","n":1}', '{"server":"b","n":2}', '{"server":"a","n":3}', '{"n":4}', '{"n":5}');
    assert.deepEqual(rowsOf('fields server, n | sort n desc | dedup server', events), [{ n: '5' }, { n: '4' }, { server: 'a', n: '3' }, { server: 'b', n: '2' }]);
  });

  it('shows only the fields of the last display command, as the display page says', () => {
    assert.deepEqual(rowsOf('filter action="REJECT" | display srcAddr | display dstPort'), [{ dstPort: '3389' }]);
  });
});

describe('Stand-in Logs Insights engine: what it answers over the sample logs', () => {
  it('discovers the Lambda REPORT fields, @initDuration of cold starts included', () => {
    const rows = rowsOf('filter @type = "REPORT" | fields @requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration | sort @timestamp asc');
    assert.deepEqual(rows[0], { '@requestId': '8f507cfc-xmpl-4697-b07a-ac58fc914c95', '@duration': '1187.45', '@billedDuration': '1188', '@memorySize': '512000000', '@maxMemoryUsed': '214000000', '@initDuration': '412.83' });
    assert.equal(rows[1]?.['@initDuration'], undefined, 'a warm start has no @initDuration');
    assert.deepEqual(rowsOf('filter ispresent(@type) | stats count(*) as n by @type | sort @type'), [{ '@type': 'END', n: '1' }, { '@type': 'REPORT', n: '2' }, { '@type': 'START', n: '1' }]);
  });

  it('discovers Route 53 and CloudTrail fields under the names AWS documents', () => {
    assert.deepEqual(rowsOf('filter responseCode="SERVFAIL" | stats count(*) by queryName'), [{ queryName: 'example.com', 'count(*)': '1' }]);
    assert.deepEqual(rowsOf('filter eventName="CreateUser"\n| fields awsRegion, requestParameters.userName, responseElements.user.arn'), [{ awsRegion: 'us-east-1', 'requestParameters.userName': 'Bob', 'responseElements.user.arn': 'arn:aws:iam::123456789012:user/Bob' }]);
    assert.deepEqual(rowsOf('filter ispresent(requestParameters.instancesSet.items.0.instanceId) | fields requestParameters.instancesSet.items.0.instanceId as id'), [{ id: 'i-abcde123' }]);
  });

  it('unnests a jsonParse list and filters its items', () => {
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
