import type { LogEvent } from '../../../src/core/insights/executor';

/** 2026-11-22 15:00:00 UTC. */
export const START = Date.UTC(2026, 10, 22, 15, 0, 0);

/**
 * Log lines in the formats AWS documents, for the conformance suite to run on:
 * - Lambda platform lines: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
 * - VPC flow logs (default format): https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html
 * - Route 53 public DNS query logs: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
 * - CloudTrail records: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * - API Gateway access logs in JSON: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 * - unnest's JSON example: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Unnest.html
 */
const LINES: readonly [string, string][] = [
  ['/aws/lambda/orders', 'START RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95 Version: $LATEST'],
  ['/aws/lambda/orders', '2026-11-22T15:00:01.120Z\t8f507cfc-xmpl-4697-b07a-ac58fc914c95\tERROR\t{"level":"ERROR","message":"java.lang.IllegalStateException: order 42 not found","requestId":"r-1","userId":"u-7"}'],
  ['/aws/lambda/orders', 'END RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95'],
  ['/aws/lambda/orders', 'REPORT RequestId: 8f507cfc-xmpl-4697-b07a-ac58fc914c95\tDuration: 1187.45 ms\tBilled Duration: 1188 ms\tMemory Size: 512 MB\tMax Memory Used: 214 MB\tInit Duration: 412.83 ms'],
  ['/aws/lambda/orders', 'REPORT RequestId: 3c2a1f0e-xmpl-4d8e-9f11-2b7c5a6d9e01\tDuration: 87.12 ms\tBilled Duration: 88 ms\tMemory Size: 512 MB\tMax Memory Used: 220 MB'],
  ['/vpc/flow-logs', '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK'],
  ['/vpc/flow-logs', '2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK'],
  ['/vpc/flow-logs', '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA'],
  ['/vpc/flow-logs', '2 123456789010 eni-1235b8ca123456789 192.0.2.10 198.51.100.7 53 40112 17 1 72 1418530010 1418530070 ACCEPT OK'],
  ['/aws/route53/example.com', '1.0 2017-12-13T08:16:02.130Z Z123412341234 example.com A NOERROR UDP FRA6 192.168.1.1 -'],
  ['/aws/route53/example.com', '1.0 2017-12-13T08:15:50.235Z Z123412341234 example.com AAAA SERVFAIL TCP IAD12 192.168.3.1 192.168.222.0/24'],
  ['/aws/cloudtrail', '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"Alice","accountId":"123456789012"},"eventTime":"2026-11-22T15:02:00Z","eventSource":"ec2.amazonaws.com","eventName":"StartInstances","awsRegion":"us-east-2","sourceIPAddress":"205.251.233.176","requestParameters":{"instancesSet":{"items":[{"instanceId":"i-abcde123"}]}},"responseElements":{"instancesSet":{"items":[{"instanceId":"i-abcde123","currentState":{"code":0,"name":"pending"}}]}}}'],
  ['/aws/cloudtrail', '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"Alice"},"eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","requestParameters":{"userName":"Bob"},"responseElements":{"user":{"userName":"Bob","arn":"arn:aws:iam::123456789012:user/Bob"}}}'],
  ['/aws/cloudtrail', '{"eventVersion":"1.08","eventSource":"cloudtrail.amazonaws.com","eventName":"UpdateTrail","awsRegion":"us-east-1","errorCode":"TrailNotFoundException","errorMessage":"Unknown trail"}'],
  ['/aws/apigateway/access', '{"requestId":"r-1","ip":"203.0.113.9","httpMethod":"POST","path":"/orders","status":502,"latency":1210,"requestTime":"22/Nov/2026:15:03:00 +0000"}'],
  ['/aws/apigateway/access', '{"requestId":"r-2","ip":"2001:db8::17","httpMethod":"GET","path":"/orders/42","status":200,"latency":35}'],
  ['/app/events', '{"events":[{"name":"exception"},{"name":"user action"}],"accounts":[{"type":"internal","accountId":"111122223333","droppedSpans":3},{"type":"external","accountId":"444455556666","droppedSpans":1}]}'],
  ['/app/events', '[ERROR] payment gateway timeout server=web-1 severity=high'],
  ['/app/events', 'user=alice, method:GET, latency := 120'],
];

export const DOCUMENTED_EVENTS: readonly LogEvent[] = LINES.map(([logGroupName, message], i) => ({
  timestamp: START + i * 60_000,
  message,
  logGroupName,
  logStreamName: `${logGroupName.split('/').pop() ?? 'stream'}/2026/11/22/[$LATEST]0`,
  ingestionTime: START + i * 60_000 + 500,
}));
