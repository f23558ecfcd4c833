/**
 * Logs Insights queries written here from the syntax AWS's pages describe — not AWS's own text, which is in
 * test/fixtures/insights/awsQueries.ts — for the commands and forms those examples leave out. The
 * conformance suite parses each without a finding; DEVIATIONS says where Ops Lens departs on purpose.
 */
export interface WrittenQuery {
  /** The page whose syntax the query follows. */
  readonly url: string;
  readonly command: string;
  readonly query: string;
}

const DOCS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/';

function written(name: string, command: string, ...queries: string[]): WrittenQuery[] {
  return queries.map((query) => ({ url: `${DOCS}${name}.html`, command, query }));
}

export const WRITTEN_QUERIES: readonly WrittenQuery[] = [
  ...written('CWL_QuerySyntax-Parse', 'parse',
    'parse @message /user=(?<user2>.*?), method:(?<method2>.*?), latency := (?<latency2>.*?)/ | stats avg(latency2) by @method2, @user2',
  ),
  ...written('CWL_QuerySyntax-Source', 'SOURCE',
    "SOURCE logGroups(accountIdentifiers:['111122223333'], namePrefix: ['namePrefix1', 'namePrefix2'])",
    "SOURCE logGroups(namePrefix: ['Query']) | fields @timestamp, @message | limit 5",
  ),
  ...written('CWL_QuerySyntax-Lookup', 'lookup',
    'lookup user_data id as userId OUTPUT name, email, department',
    'fields @timestamp, userId | lookup user_data id as userId OUTPUT name, department | stats count(*) by department',
  ),
  ...written('CWL_QuerySyntax-Join', 'join',
    "filter eventType = \"ORDER_CREATED\"\n| join type=left left=order right=payment \n    where order.transactionId=payment.transactionId \n    (SOURCE '/aws/lambda/payment-service')\n| fields order.transactionId, payment.status",
  ),
  ...written('CWL_QuerySyntax-Diff', 'diff',
    'fields @timestamp, @message | pattern @message | diff',
    'fields @timestamp, @message | pattern @message | diff previousDay',
    'fields @timestamp, @message | pattern @message | diff previousWeek',
    'fields @timestamp, @message | pattern @message | diff previousMonth',
  ),
  ...written('CWL_QuerySyntax-Pattern', 'pattern',
    'pattern @message',
    'filter @message like /ERROR/ | pattern @message',
  ),
  ...written('CWL_QuerySyntax-Unmask', 'unmask',
    'fields @timestamp, @message | unmask',
  ),
  ...written('CWL_QuerySyntax-Dedup', 'dedup',
    'fields @timestamp, server, severity, message \n| sort @timestamp desc \n| dedup server, severity',
  ),
  ...written('CWL_QuerySyntax-Stats', 'stats',
    'stats count(*) by @logStream \n    | limit 100',
    'stats count(*) by fieldA',
    'stats count_distinct(fieldA) as distinctCount, pct(@duration, 99) as p99, stddev(@duration) as sd',
    'stats earliest(@message), latest(@message), sortsFirst(level), sortsLast(level) by @logStream',
  ),
  ...written('CWL_QuerySyntax-Sort', 'sort',
    'stats count(*) as count by level | sort by count desc, level asc',
  ),
  ...written('CWL_QuerySyntax-Limit', 'limit',
    'fields @timestamp, @message | sort @timestamp desc | limit 10',
  ),
  ...written('CWL_QuerySyntax-operations-functions', 'fields',
    'fields 2 ^ 3 as eight, 10 % 3 as one, abs(-4) as four, ceil(1.2) as two, floor(1.8) as flat, greatest(1, 5, 3) as most, least(4, 2) as fewest, log(10) as ln, sqrt(16) as root',
    'fields ispresent(requestId) as has, coalesce(userId, requestId) as who',
    'fields isempty(userId) as e, isblank(userId) as b, concat("a", "b") as ab, ltrim("xyZfooxyZ","xyZ") as l, rtrim("xyZfooxyZ","xyZ") as r, trim("xyZfooxyZ","xyZ") as t',
    'fields strlen(@message) as len, toupper("x") as up, tolower("X") as low, substr("xyZfooxyZ",3, 3) as foo, replace("foo","o","0") as f00, strcontains(@message, "REPORT") as isReport',
    'fields datefloor(@timestamp, 1h) as hour, dateceil(@timestamp, 1h) as nextHour, bin(5m) as five, fromMillis(1700000000000) as t, toMillis(@timestamp) as ms',
    'fields isValidIp(srcAddr) as v, isValidIpV4(srcAddr) as v4, isValidIpV6(srcAddr) as v6',
    'filter isIpInSubnet(srcAddr, "172.31.0.0/16") | fields srcAddr',
    'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24") or isIpv6InSubnet(srcAddr, "2001:db8::/32") | fields srcAddr',
    'fields jsonParse(@message) as js | fields jsonStringify(js) as again',
    'filter LogLevel == "ERR" or status != 200 | fields LogLevel, status',
    'filter level in ["ERROR", "WARN"] and level not in ["DEBUG"] | fields level',
    'filter @message not like /Exception/ | fields @message',
  ),
  ...written('CWL_QuerySyntax-examples', 'sample',
    'filter @type = "REPORT" and ispresent(@initDuration)\n| stats count(*) as coldStarts, avg(@initDuration) as avgInit by bin(1h)',
    'filter srcAddr like "172.31."\n| stats sum(bytes) as bytesTransferred by dstAddr\n| sort bytesTransferred  desc\n| limit 15',
    'filter action="REJECT"\n| stats count(*) as numRejections by srcAddr\n| sort numRejections desc',
    'fields @timestamp, requestParameters.instancesSet.items.0.instanceId as instance | filter ispresent(instance)',
    'filter @message like /Exception/\n| stats count(*) as exceptionCount by bin(1h) offset 30m\n| sort exceptionCount desc',
  ),
];

/** Where Ops Lens departs from AWS's documentation on purpose, and why. */
export const DEVIATIONS: readonly { readonly construct: string; readonly reason: string }[] = [
  { construct: '`parse` in logfmt and CSV modes, `logcompare`, `addtotals`, `limit any`, `SOURCE lg start=-1d end=now`', reason: 'Newer than the pages this suite follows; the local check marks them as not known (a warning) and Logs Insights decides.' },
  { construct: '`pattern`, `anomaly`, `diff` in the stand-in', reason: 'No model of AWS\'s clustering or anomaly detection: `pattern` groups events by their text with digit-bearing tokens as <*>; `anomaly` and `diff` pass those rows through unchanged.' },
  { construct: '`lookup` in the stand-in', reason: 'The stand-in keeps no lookup tables unless a test gives one; without a table the output fields stay missing.' },
  { construct: '`unmask` in the stand-in', reason: 'Nothing is masked locally, so `unmask` changes nothing.' },
  { construct: '`SOURCE logGroups(class: …, accountIdentifiers: …)` in the stand-in', reason: 'moto keeps one account and one log class, so these select the same log groups as no filter.' },
  { construct: '`SOURCE … START=… END=…` in the stand-in', reason: 'Parsed and kept, but the stand-in reads the window StartQuery gives (startTime, endTime).' },
  { construct: 'OpenSearch SQL and PPL in the stand-in', reason: 'The stand-in runs only the Logs Insights language; SQL and PPL queries are sent with their queryLanguage and answered by AWS.' },
  { construct: 'Expressions nested deeper than 100 levels or chains longer than 200 operators', reason: 'The parser stops there to stay within its stack; such queries get a warning and are still sent.' },
];
