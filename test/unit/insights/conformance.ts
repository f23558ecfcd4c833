/**
 * Logs Insights queries as AWS documents them, each with the page it comes from. The conformance suite
 * parses every one without a finding and runs it on the stand-in's engine; the integration layer sends a
 * sample through the real SDK. Where Ops Lens deliberately deviates, DEVIATIONS says why.
 */
export interface DocumentedQuery {
  readonly page: string;
  /** The command the example is on the page of (the integration layer runs one per command). */
  readonly command: string;
  /** `example`: as the page prints it; `syntax`: written here from the syntax the page describes. */
  readonly origin: 'example' | 'syntax';
  readonly query: string;
}

const DOCS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/';

function page(name: string, command: string, ...queries: string[]): DocumentedQuery[] {
  return queries.map((query) => ({ page: `${DOCS}${name}.html`, command, origin: 'example', query }));
}

function written(name: string, command: string, ...queries: string[]): DocumentedQuery[] {
  return queries.map((query) => ({ page: `${DOCS}${name}.html`, command, origin: 'syntax', query }));
}

export const DOCUMENTED_QUERIES: readonly DocumentedQuery[] = [
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html (commands table, regular expressions,
  // aliases), as published in the guide's source: https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob/master/doc_source/CWL_QuerySyntax.md
  ...page('CWL_QuerySyntax', 'fields',
    'fields `foo-bar`, action, abs(f3-f4)',
    'fields f1, f2, f3 | filter (duration>2000)',
    'filter (duration>2000)',
    'fields f1, f2 | filter (f1=10 or f3>25)',
    'fields f1 | filter statusCode like /2\\d\\d/',
    'stats avg (f1) by f2',
    'fields f1, f2, f3 | sort f1 desc',
    'fields f1, f2 | sort @timestamp desc | limit 25',
    'parse @message "user=*, method:*, latency := *" as @user,\n    @method, @latency | stats avg(@latency) by @method,\n    @user',
    'parse @message /(?<time>[0-9]{10}\\.[0-9]{1,3}) .* (?<code>[A-Z_]+\\/[0-9]{3}) (?<url>[a-zA-Z.]+:[0-9]{1,5})/',
    'fields f1, f2, f3 | filter f1 like /Exception/',
    'fields f1, f2, f3 | filter f1 =~ /Exception/',
    'fields f1, f2, f3 | filter f1 like "Exception"',
    'fields f1, f2, f3 | filter f1 like /(?i)Exception/',
    'fields f1, f2, f3 | filter f1 =~ /^(?i)Exception$/',
    'fields abs(myField) as AbsoluteValuemyField, myField2',
    'stats avg(f1) as myAvgF1 | sort myAvgF1 desc',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Filter.html
  ...page('CWL_QuerySyntax-Filter', 'filter',
    'fields @timestamp, @message\n| filter (range>3000)\n| sort @timestamp desc\n| limit 20',
    'fields @timestamp, @message\n| filter (range>3000 and accountId=123456789012)\n| sort @timestamp desc\n| limit 20',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-FilterIndex.html
  ...page('CWL_QuerySyntax-FilterIndex', 'filterIndex',
    'fields @timestamp, @message\n| filterIndex IPaddress = "198.51.100.0"\n| limit 20',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Parse.html
  ...page('CWL_QuerySyntax-Parse', 'parse',
    'parse @message "\'fieldsA\': \'*\', \'fieldsB\': [\'*\']" as fld, array',
    'parse @message /(?<NetworkInterface>eni-.*?) / | display NetworkInterface, @message',
    // The page wraps this regex over two lines for display; it is one line here.
    'parse @message /user=(?<user2>.*?), method:(?<method2>.*?), latency := (?<latency2>.*?)/ | stats avg(latency2) by @method2, \n    @user2',
    'parse @logStream "*/*/*/*" as env, service, instance, shard\n| stats count(*) by env, service',
    'parse @message "url=*" as url\n| parse url "/api/*/users/*" as apiVersion, userId\n| display apiVersion, userId',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Source.html
  ...page('CWL_QuerySyntax-Source', 'SOURCE',
    'SOURCE logGroups()',
    "SOURCE logGroups(accountIdentifiers:['111122223333'])",
    "SOURCE logGroups(namePrefix: ['namePrefix1', 'namePrefix2'])",
    "SOURCE logGroups(class: ['INFREQUENT_ACCESS'])",
    "SOURCE logGroups(accountIdentifiers:['111122223333'], namePrefix: ['namePrefix1', 'namePrefix2'])",
    "SOURCE logGroups(namePrefix: ['Query']) | fields @timestamp, @message | limit 5",
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Unnest.html
  ...page('CWL_QuerySyntax-Unnest', 'unnest',
    'fields jsonParse(@message) as json_message \n| unnest json_message.events into event\n| display event.name',
    'fields jsonParse(@message) as js | unnest js.accounts into account | filter account.type = "internal"',
    'fields jsonParse(trimmedData) as accounts | unnest accounts into account | stats sum(account.droppedSpans) as n by account.accountId | sort n desc | limit 10',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Lookup.html
  ...written('CWL_QuerySyntax-Lookup', 'lookup',
    'lookup user_data id as userId OUTPUT name, email, department',
    'fields @timestamp, userId | lookup user_data id as userId OUTPUT name, department | stats count(*) by department',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Join.html
  ...page('CWL_QuerySyntax-Join', 'join',
    "filter status >= 500\n| join type=inner left=api right=lambda \n    where api.requestId=lambda.requestId \n    (SOURCE '/aws/lambda/my-function')\n| fields api.requestId, api.status, api.latency, lambda.duration, lambda.memoryUsed\n| sort api.latency desc",
  ),
  ...written('CWL_QuerySyntax-Join', 'join',
    "filter eventType = \"ORDER_CREATED\"\n| join type=left left=order right=payment \n    where order.transactionId=payment.transactionId \n    (SOURCE '/aws/lambda/payment-service')\n| fields order.transactionId, payment.status",
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Subqueries.html
  ...page('CWL_QuerySyntax-Subqueries', 'subqueries',
    "filter requestId in (\n    SOURCE '/aws/lambda/database-service'\n    | filter errorType = \"DatabaseConnectionTimeout\"\n    | fields requestId\n)\n| fields @timestamp, requestId, endpoint, userId, responseTime\n| sort @timestamp desc",
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Anomaly.html
  ...page('CWL_QuerySyntax-Anomaly', 'anomaly',
    'fields @timestamp, @message\n| pattern @message\n| anomaly',
    'fields @timestamp, @message\n| filter @type = "REPORT"\n| pattern @message\n| anomaly',
    'fields @timestamp, @message\n| filter @type = "ERROR"\n| pattern @message\n| anomaly\n| sort @timestamp desc',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Diff.html
  ...written('CWL_QuerySyntax-Diff', 'diff',
    'fields @timestamp, @message | pattern @message | diff',
    'fields @timestamp, @message | pattern @message | diff previousDay',
    'fields @timestamp, @message | pattern @message | diff previousWeek',
    'fields @timestamp, @message | pattern @message | diff previousMonth',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Pattern.html
  ...written('CWL_QuerySyntax-Pattern', 'pattern',
    'pattern @message',
    'filter @message like /ERROR/ | pattern @message',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Unmask.html
  ...written('CWL_QuerySyntax-Unmask', 'unmask',
    'fields @timestamp, @message | unmask',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Dedup.html
  ...page('CWL_QuerySyntax-Dedup', 'dedup',
    'fields @timestamp, server, severity, message \n| sort @timestamp desc \n| dedup server',
  ),
  ...written('CWL_QuerySyntax-Dedup', 'dedup',
    'fields @timestamp, server, severity, message \n| sort @timestamp desc \n| dedup server, severity',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Display.html
  ...page('CWL_QuerySyntax-Display', 'display',
    'fields @message\n| parse @message "[*] *" as loggingType, loggingMessage\n| filter loggingType = "ERROR"\n| display loggingMessage',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Stats.html
  ...written('CWL_QuerySyntax-Stats', 'stats',
    'stats count(*) by @logStream \n    | limit 100',
    'stats count(*) by fieldA',
    'stats count_distinct(fieldA) as distinctCount, pct(@duration, 99) as p99, stddev(@duration) as sd',
    'stats earliest(@message), latest(@message), sortsFirst(level), sortsLast(level) by @logStream',
    'filter @message like /Exception/ \n| stats count(*) as exceptionCount by bin(1h)\n| sort exceptionCount desc',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Sort.html
  ...written('CWL_QuerySyntax-Sort', 'sort',
    'fields @timestamp, @message | sort @timestamp desc | limit 25',
    'stats count(*) as count by level | sort by count desc, level asc',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Limit.html
  ...written('CWL_QuerySyntax-Limit', 'limit',
    'fields @timestamp, @message | sort @timestamp desc | limit 10',
  ),
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-operations-functions.html
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
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-examples.html, as published in
  // https://github.com/awsdocs/amazon-cloudwatch-logs-user-guide/blob/master/doc_source/CWL_QuerySyntax-examples.md
  ...page('CWL_QuerySyntax-examples', 'sample',
    'fields @timestamp, @message | sort @timestamp desc | limit 25',
    'fields @message | filter @message not like /Exception/',
    'filter @message like /Exception/ \n| stats count(*) as exceptionCount by bin(1h)\n| sort exceptionCount desc',
    'filter @type = "REPORT"\n| stats max(@memorySize / 1024 / 1024) as provisonedMemoryMB,\n    min(@maxMemoryUsed / 1024 / 1024) as smallestMemoryRequestMB,\n    avg(@maxMemoryUsed / 1024 / 1024) as avgMemoryUsedMB,\n    max(@maxMemoryUsed / 1024 / 1024) as maxMemoryUsedMB,\n    provisonedMemoryMB - maxMemoryUsedMB as overProvisionedMB',
    'filter type = "REPORT" |\nstats avg(@duration), max(@duration), min(@duration) by bin(5m)',
    'stats sum(packets) as packetsTransferred by srcAddr, dstAddr\n| sort packetsTransferred  desc\n| limit 15',
    'filter srcAddr= "192.0.2.0/24"\n| stats sum(bytes) as bytesTransferred by dstAddr\n| sort bytesTransferred  desc\n| limit 15',
    'filter protocol=17 | stats count(*) by srcAddr',
    'filter logStatus="SKIPDATA"\n| stats count(*) by bin(1h) as t\n| sort t',
    'stats count(*) by queryType, bin(1h)',
    'stats count(*) as numRequests by resolverIp\n| sort numRequests desc\n| limit 10',
    'filter responseCode="SERVFAIL" | stats count(*) by queryName',
    'stats count(*) by eventSource, eventName, awsRegion',
    'filter (eventName="StartInstances" or eventName="StopInstances") and region="us-east-2"',
    'filter eventName="CreateUser"\n| fields awsRegion, requestParameters.userName, responseElements.user.arn',
    'filter eventName="UpdateTrail" and ispresent(errorCode)\n| stats count(*) by errorCode, errorMessage',
  ),
  ...written('CWL_QuerySyntax-examples', 'sample',
    'filter @type = "REPORT" and ispresent(@initDuration)\n| stats count(*) as coldStarts, avg(@initDuration) as avgInit by bin(1h)',
    'filter srcAddr like "172.31."\n| stats sum(bytes) as bytesTransferred by dstAddr\n| sort bytesTransferred  desc\n| limit 15',
    'filter action="REJECT"\n| stats count(*) as numRejections by srcAddr\n| sort numRejections desc',
    'fields @timestamp, requestParameters.instancesSet.items.0.instanceId as instance | filter ispresent(instance)',
    'filter @message like /Exception/\n| stats count(*) as exceptionCount by bin(1h) offset 30m\n| sort exceptionCount desc',
  ),
  // https://github.com/aws-samples/serverless-snippets (API Gateway and Lambda snippets that serverlessland.com publishes)
  {
    page: 'https://serverlessland.com/snippets/cloudwatch-insight-apigw-last-10-requests',
    command: 'sample',
    origin: 'example',
    query: 'fields @timestamp, status, ip, path, httpMethod\n| sort @timestamp desc\n| limit 10',
  },
  {
    page: 'https://serverlessland.com/snippets/cloudwatch-insight-apigw-top-10-ips',
    command: 'sample',
    origin: 'example',
    query: 'stats count(*) as requestCount by ip\n| sort requestCount desc\n| limit 10',
  },
  {
    page: 'https://serverlessland.com/snippets/cloudwatch-insight-lambda-percentile-duration-report',
    command: 'sample',
    origin: 'example',
    query: 'filter @type = "REPORT"\n| stats\n    avg(@billedDuration) as Average,\n    percentile(@billedDuration, 99) as NinetyNinth,\n    percentile(@billedDuration, 95) as NinetyFifth,\n    percentile(@billedDuration, 90) as Ninetieth\n    by bin(30m)',
  },
  {
    page: 'https://serverlessland.com/snippets/lambda-loginsights-duration',
    command: 'sample',
    origin: 'example',
    query: 'fields @timestamp, @message\n|filter @type = "REPORT" \n| parse @message /Duration: (?<duration>.*?) ms/\n| filter duration > 1000\n| sort by duration desc',
  },
];

/** Where Ops Lens departs from AWS's documentation on purpose, and why. */
export const DEVIATIONS: readonly { readonly construct: string; readonly reason: string }[] = [
  { construct: '`parse` in logfmt and CSV modes, `logcompare`, `addtotals`, `SOURCE lg start=-1d end=now`', reason: 'Newer than the pages this suite follows; the local check marks them as not known (a warning) and Logs Insights decides.' },
  { construct: '`pattern`, `anomaly`, `diff` in the stand-in', reason: 'No model of AWS\'s clustering or anomaly detection: `pattern` groups events by their text with digit-bearing tokens as <*>; `anomaly` and `diff` pass those rows through unchanged.' },
  { construct: '`lookup` in the stand-in', reason: 'The stand-in keeps no lookup tables unless a test gives one; without a table the output fields stay missing.' },
  { construct: '`unmask` in the stand-in', reason: 'Nothing is masked locally, so `unmask` changes nothing.' },
  { construct: '`SOURCE logGroups(class: …, accountIdentifiers: …)` in the stand-in', reason: 'moto keeps one account and one log class, so these select the same log groups as no filter.' },
  { construct: '`SOURCE … START=… END=…` in the stand-in', reason: 'Parsed and kept, but the stand-in reads the window StartQuery gives (startTime, endTime).' },
  { construct: 'OpenSearch SQL and PPL in the stand-in', reason: 'The stand-in runs only the Logs Insights language; SQL and PPL queries are sent with their queryLanguage and answered by AWS.' },
  { construct: 'Expressions nested deeper than 100 levels or chains longer than 200 operators', reason: 'The parser stops there to stay within its stack; such queries get a warning and are still sent.' },
];
