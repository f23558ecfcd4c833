import { strict as assert } from 'node:assert';
import type { CloudWatchApi } from '../../../src/aws/services/cloudWatch';
import type { GetQueryResultsResponse, LogsApi } from '../../../src/aws/services/logs';
import type { StepFunctionsApi } from '../../../src/aws/services/stepFunctions';
import type { ToolContext } from '../../../src/agent/tools';
import { runInsightsQuery } from '../../../src/agent/tools/insights';
import { MAX_QUERIES_REMEMBERED, QueryScanHistory, SAMPLES_PER_QUERY, scanEstimateText, scanKey, type ScanEntry } from '../../../src/agent/tools/scanHistory';
import { asScopeId } from '../../../src/core/scope';

const HOUR = 3_600_000;
const MB = 1024 * 1024;

describe('bytes scanned by past runs of a query', () => {
  it('keys a query by its text however it is spaced, cased or commented, and by its log groups in any order', () => {
    const key = scanKey(asScopeId('us-east-1'), 'fields @message\n| filter @message like /ERROR/', ['/b', '/a']);
    assert.equal(scanKey(asScopeId('us-east-1'), '# errors\nFIELDS @message   | filter @message like /error/\n', ['/a', '/b', '/a']), key);
    assert.notEqual(scanKey(asScopeId('us-east-1'), 'fields @message | filter @message like /ERROR/', ['/a']), key);
    assert.notEqual(scanKey(asScopeId('eu-west-1'), 'fields @message | filter @message like /ERROR/', ['/a', '/b']), key);
    assert.match(key, /^[0-9a-f]{32}$/, 'no query text is kept');
  });

  it('says when there is nothing to estimate from, and gives the mean of past runs', () => {
    assert.equal(scanEstimateText(undefined, HOUR), 'No past runs of this query to estimate from.');
    const entry: ScanEntry = { last: 0, samples: [{ bytes: 1 * MB, windowMs: HOUR }, { bytes: 1.2 * MB, windowMs: HOUR }, { bytes: 1.4 * MB, windowMs: HOUR }] };
    assert.equal(scanEstimateText(entry, HOUR), 'Past runs of this query scanned about 1.2 MB (3 runs, over 1 h on average; < $0.0001 each).');
  });

  it('scales the estimate to a range of another length', () => {
    const entry: ScanEntry = { last: 0, samples: [{ bytes: 10 * 1024 * MB, windowMs: HOUR }] };
    assert.equal(scanEstimateText(entry, 24 * HOUR), 'Past runs of this query scanned about 10.0 GB (1 run, over 1 h on average; ≈ $0.0500 each). Over this range, at the same rate: about 240 GB (≈ $1.20).');
  });

  it('keeps the last runs of each query and the most recently run queries, in its storage', async () => {
    let stored: unknown;
    const storage = { get: () => stored, set: (v: unknown) => { stored = v; } };
    const history = new QueryScanHistory(storage);
    for (let i = 0; i < SAMPLES_PER_QUERY + 5; i++) await history.record('k', { bytes: i, windowMs: HOUR }, i);
    assert.deepEqual(history.get('k')!.samples.map((s) => s.bytes), Array.from({ length: SAMPLES_PER_QUERY }, (_, i) => i + 5));
    for (let i = 0; i < MAX_QUERIES_REMEMBERED + 10; i++) await history.record(`q${i}`, { bytes: 1, windowMs: HOUR }, 100 + i);
    const reloaded = new QueryScanHistory(storage);
    assert.equal(Object.keys(stored as object).length, MAX_QUERIES_REMEMBERED);
    assert.equal(reloaded.get('k'), undefined, 'the least recently run query is dropped first');
    assert.equal(reloaded.get(`q${MAX_QUERIES_REMEMBERED + 9}`)!.samples.length, 1);
  });

  it('ignores what it cannot read in its storage', () => {
    const history = new QueryScanHistory({ get: () => ({ a: { samples: [{ bytes: -1, windowMs: HOUR }, { bytes: 'x' }] }, b: null, c: { samples: [{ bytes: 5, windowMs: HOUR }] } }), set: () => undefined });
    assert.equal(history.get('a'), undefined);
    assert.equal(history.get('b'), undefined);
    assert.equal(history.get('c')!.samples[0].bytes, 5);
  });

  it('shows the estimate in opsLens_runInsightsQuery\'s confirmation once a run of the same query has completed', async () => {
    // GetQueryResults' statistics: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_GetQueryResults.html
    const done: GetQueryResultsResponse = { status: 'Complete', results: [[{ field: 'n', value: '1' }]], statistics: { recordsMatched: 1, recordsScanned: 900, bytesScanned: 1.5 * MB } };
    const logs = { startQuery: async () => 'q-1', queryResults: async () => done } as unknown as LogsApi;
    const ctx: ToolContext = { cloudWatch: {} as CloudWatchApi, logs, stepFunctions: {} as StepFunctionsApi, regions: async () => [asScopeId('us-east-1')], queryScans: new QueryScanHistory(), pollDelays: [0], now: () => new Date('2026-11-22T15:00:00Z') };
    const input = { query: 'stats count(*) as n', logGroups: ['/ecs/a'], range: '2h' };
    assert.match(await runInsightsQuery.confirmationText!(input, ctx), /\(2h\)\.\nNo past runs of this query to estimate from\.\n/);
    const first = await runInsightsQuery.run(input, ctx);
    assert.ok(!first.includes('Before this run'));
    assert.match(await runInsightsQuery.confirmationText!({ ...input, query: 'stats   count(*) as n' }, ctx), /\(2h\)\.\nPast runs of this query scanned about 1\.5 MB \(1 run, over 2 h on average; < \$0\.0001 each\)\.\n/);
    assert.match(await runInsightsQuery.confirmationText!({ ...input, logGroups: ['/ecs/b'] }, ctx), /No past runs of this query to estimate from/);
    assert.match(await runInsightsQuery.run(input, ctx), /\nBefore this run: Past runs of this query scanned about 1\.5 MB \(1 run/);
  });
});
