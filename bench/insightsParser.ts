import { analyzeQuery } from '../src/core/insights/parser';
import { AWS_EXAMPLES } from '../test/fixtures/insights/awsQueries';
import { WRITTEN_QUERIES } from '../test/unit/insights/conformance';
import { median, report } from './report';

const KEYSTROKES = 200;
const SUITE_RUNS = 7;

/** A 30-line query as teams keep them in runbooks: parse, filters, a subquery, stats with bins, sort. */
const THIRTY_LINES = [
  'fields @timestamp, @message, @logStream, @requestId',
  '| filter @message like /(?i)(error|exception|timeout)/',
  '| filter @logStream not like "canary"',
  '| parse @message /(?<method>GET|POST|PUT|DELETE) (?<path>\\/[^ ?]*)/',
  '| parse @message "status=* latency=* ms" as status, latency',
  '| fields tolower(method) as verb, concat(verb, " ", path) as endpoint',
  '| fields latency / 1000 as latencySeconds',
  '| filter status >= 500 or latencySeconds > 2',
  '| filter ispresent(path) and not isblank(path)',
  '| filter isIpv4InSubnet(clientIp, "10.0.0.0/8") == 0',
  "| filter requestId in (SOURCE '/aws/lambda/payments' | filter level = 'ERROR' | fields requestId)",
  '| fields coalesce(userId, sessionId, "anonymous") as who',
  '| fields datefloor(@timestamp, 5m) as window',
  '| filter strcontains(@message, "retry") = 0',
  '| fields replace(path, "/v1", "") as route',
  '| fields substr(route, 0, 40) as shortRoute',
  '| fields greatest(latency, 0) as boundedLatency',
  '| filter level in ["ERROR", "FATAL", "CRITICAL"]',
  '| fields jsonParse(@message) as body',
  '| filter body.error.code != "ThrottlingException"',
  '| stats count(*) as requests,',
  '    sum(status >= 500) as errors,',
  '    avg(boundedLatency) as meanLatency,',
  '    pct(boundedLatency, 95) as p95,',
  '    percentile(boundedLatency, 99) as p99,',
  '    count_distinct(who) as users,',
  '    errors / requests * 100 as errorRate',
  '    by bin(5m) offset 1m, shortRoute',
  '| sort by errorRate desc, requests desc',
  '| limit 50',
].join('\n');

const CONFORMANCE_QUERIES = [...AWS_EXAMPLES, ...WRITTEN_QUERIES];

/** Diagnostics run on every keystroke of an `.insights` document, and over the conformance suite's queries at once. */
export function benchInsightsParser(): void {
  const times: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const text = THIRTY_LINES.slice(0, THIRTY_LINES.length - (i % 7));
    const t = process.hrtime.bigint();
    analyzeQuery(text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  report('insights: diagnostics of a 30-line query (median)', median(times), 'ms', 1, `${KEYSTROKES} keystrokes`);

  const suite: number[] = [];
  for (let run = 0; run < SUITE_RUNS; run++) {
    const t = process.hrtime.bigint();
    for (const q of CONFORMANCE_QUERIES) analyzeQuery(q.query);
    suite.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  report('insights: conformance suite parsed (median)', median(suite), 'ms', 50, `${CONFORMANCE_QUERIES.length} queries`);
}
