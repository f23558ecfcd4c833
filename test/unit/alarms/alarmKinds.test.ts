import { strict as assert } from 'node:assert';
import { rangeAroundChange } from '../../../src/core/metrics/ranges';
import { alarmDetailsDoc, detailsHtml, logAlarmWindow } from '../../../src/core/alarms/detailsDoc';
import { contributorLabel, contributorMetric, contributorsFromAws, insightsGroupBy } from '../../../src/core/alarms/metricsInsights';
import { VARIANT_LABEL, alarmVariant, alarmsOfPage, conditionText, fromLogAlarm, fromMetricAlarm } from '../../../src/core/alarms/model';
import { endOfWorkingDay, muteActivity, muteRequest, muteRuleFromAws, muteRuleName, mutedAlarms, unmutePlan, type MuteRule } from '../../../src/core/alarms/muteRules';
import { asScopeId } from '../../../src/core/scope';

const east = asScopeId('us-east-1');
const INSIGHTS = 'SELECT MAX(CPUUtilization) FROM SCHEMA("Workers/EC2", InstanceId) GROUP BY InstanceId';

// Shapes from https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
const logAlarm = fromLogAlarm(east, {
  AlarmName: 'checkout-5xx-logs', StateValue: 'ALARM', StateReason: '2 out of the last 3 query results were greater than the threshold',
  ScheduledQueryConfiguration: { QueryString: 'fields @timestamp | filter status >= 500', LogGroupIdentifiers: ['/aws/lambda/checkout'], ScheduledQueryRoleARN: 'arn:aws:iam::1:role/r', ScheduleConfiguration: { ScheduleExpression: 'rate(5 minutes)', StartTimeOffset: 300 }, AggregationExpression: 'count(*)' },
  QueryResultsToEvaluate: 3, QueryResultsToAlarm: 2, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold',
});
const promQl = fromMetricAlarm(east, { AlarmName: 'p99', StateValue: 'OK', EvaluationCriteria: { PromQLCriteria: { Query: 'histogram_quantile(0.99, rate(x[5m])) > 0.5', PendingPeriod: 300 } }, EvaluationInterval: 60 });
const multi = fromMetricAlarm(east, { AlarmName: 'worker-cpu', StateValue: 'ALARM', Metrics: [{ Id: 'q1', Expression: INSIGHTS, Period: 60, ReturnData: true }], Threshold: 80, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3 });
const band = fromMetricAlarm(east, {
  AlarmName: 'latency-band', StateValue: 'OK', ThresholdMetricId: 'ad1', ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
  Metrics: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'Checkout', MetricName: 'Latency' }, Period: 300, Stat: 'Average' }, ReturnData: true }, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', Label: 'expected', ReturnData: true }],
});

describe('alarms of every type', () => {
  it('tells each type apart and says what it checks', () => {
    assert.deepEqual([logAlarm, promQl, multi, band].map(alarmVariant), ['log', 'promQl', 'multiSeries', 'anomaly']);
    assert.equal(conditionText(logAlarm), 'count(*) > 10');
    assert.equal(conditionText(promQl), 'histogram_quantile(0.99, rate(x[5m])) > 0.5');
    assert.match(conditionText(band), /outside band ANOMALY_DETECTION_BAND\(m1, 2\)/);
    assert.deepEqual(multi.metricsInsights?.groupBy, ['InstanceId']);
    assert.deepEqual(logAlarm.logQuery?.logGroups, ['/aws/lambda/checkout']);
    assert.equal(alarmsOfPage(east, { metricAlarms: [], compositeAlarms: [], logAlarms: [{ AlarmName: 'l' }] })[0]?.kind, 'log');
  });

  it('describes a log alarm by its query, log groups, schedule and evaluation', () => {
    const doc = alarmDetailsDoc(logAlarm, { history: { value: [] } });
    const text = JSON.stringify(doc);
    assert.equal(doc.sections[0]?.title, 'State');
    assert.match(text, /Log alarm/);
    assert.match(text, /filter status >= 500/);
    assert.match(text, /"Each run reads","the 5 min up to each run"/);
    assert.match(text, /"Evaluation","2 of the last 3 query results"/);
  });

  it('says a PromQL alarm cannot be charted, and shows its pending period', () => {
    const text = JSON.stringify(alarmDetailsDoc(promQl, { history: { value: [] } }));
    assert.match(text, /cannot chart a PromQL query/);
    assert.match(text, /"In ALARM after breaching for","300 s"/);
    assert.equal(VARIANT_LABEL[alarmVariant(promQl)], 'PromQL alarm');
  });

  it('opens a log alarm query over the runs it evaluates', () => {
    assert.equal(logAlarmWindow(logAlarm.logQuery!, new Date('2026-12-07T16:30:20Z')), '2026-12-07T16:15Z..2026-12-07T16:31Z');
    assert.equal(logAlarmWindow({ schedule: 'rate(1 hour)', startOffsetSeconds: 3600, endOffsetSeconds: 600 }, new Date('2026-12-07T16:30:00Z')), '2026-12-07T15:30Z..2026-12-07T16:20Z');
  });
});

describe('contributors of a multi-series alarm', () => {
  it('orders contributors by their attributes and labels them', () => {
    const list = contributorsFromAws([
      { ContributorId: 'b', ContributorAttributes: { InstanceId: 'i-2' }, StateReason: 'r2' },
      { ContributorId: 'a', ContributorAttributes: { InstanceId: 'i-1', AZ: 'a' }, StateReason: 'r1', StateTransitionedTimestamp: new Date('2026-12-07T10:00:00Z') },
      { ContributorId: 'c', StateReason: 'r3' },
    ]);
    assert.deepEqual(list.map(contributorLabel), ['c', 'InstanceId=i-1, AZ=a', 'InstanceId=i-2']);
    assert.equal(list[1]?.since?.toISOString(), '2026-12-07T10:00:00.000Z');
  });

  it('charts a contributor as the metric its attributes name, when the query names one metric', () => {
    const [c] = contributorsFromAws([{ ContributorId: 'a', ContributorAttributes: { InstanceId: 'i-1' }, StateReason: '' }]);
    assert.deepEqual(contributorMetric(INSIGHTS, c!), { namespace: 'Workers/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-1' }], stat: 'Maximum' });
    assert.equal(contributorMetric('histogram_quantile(0.99, x)', c!), undefined);
  });

  it('reads GROUP BY keys up to ORDER BY or LIMIT', () => {
    assert.deepEqual(insightsGroupBy('SELECT AVG(x) FROM y GROUP BY "a b", c ORDER BY AVG() DESC LIMIT 10'), ['a b', 'c']);
    assert.deepEqual(insightsGroupBy('SELECT AVG(x) FROM y'), []);
  });

  it('lists contributors in the details, or says why they could not be read', () => {
    const ok = JSON.stringify(alarmDetailsDoc(multi, { history: { value: [] }, contributors: { value: contributorsFromAws([{ ContributorId: 'a', ContributorAttributes: { InstanceId: 'i-1' }, StateReason: 'breached' }]) } }));
    assert.match(ok, /"InstanceId=i-1"/);
    const failed = JSON.stringify(alarmDetailsDoc(multi, { history: { value: [] }, contributors: { error: 'AccessDenied: not authorized to perform cloudwatch:DescribeAlarmContributors' } }));
    assert.match(failed, /Contributors could not be read: AccessDenied/);
  });
});

describe('alarm mute rules', () => {
  const rule = (over: Partial<MuteRule>): MuteRule => ({ name: 'r', expression: 'at(2026-12-07T16:00)', duration: 'PT2H', alarmNames: ['a'], ...over });
  const at = (iso: string) => new Date(iso);

  it('mutes inside a one-time window, until its end or the expiry that comes first', () => {
    assert.deepEqual(muteActivity(rule({}), at('2026-12-07T15:59:00Z')), { status: 'SCHEDULED' });
    assert.deepEqual(muteActivity(rule({}), at('2026-12-07T16:30:00Z')), { status: 'ACTIVE', until: at('2026-12-07T18:00:00Z') });
    assert.deepEqual(muteActivity(rule({ expireDate: at('2026-12-07T17:00:00Z') }), at('2026-12-07T16:30:00Z')), { status: 'ACTIVE', until: at('2026-12-07T17:00:00Z') });
    assert.deepEqual(muteActivity(rule({}), at('2026-12-07T18:00:00Z')), { status: 'EXPIRED' });
  });

  it('mutes a recurring window in its time zone, not before its start date nor after its expiry', () => {
    const weekly = rule({ expression: 'cron(0 22 * * SAT)', duration: 'PT4H', timezone: 'Europe/Berlin' });
    // Saturday 2026-12-05 22:00 in Berlin is 21:00 UTC.
    assert.equal(muteActivity(weekly, at('2026-12-05T21:30:00Z')).status, 'ACTIVE');
    assert.equal(muteActivity(weekly, at('2026-12-05T20:30:00Z')).status, 'SCHEDULED');
    assert.equal(muteActivity({ ...weekly, startDate: at('2026-12-06T00:00:00Z') }, at('2026-12-05T21:30:00Z')).status, 'SCHEDULED');
    assert.equal(muteActivity({ ...weekly, expireDate: at('2026-12-05T21:00:00Z') }, at('2026-12-05T21:30:00Z')).status, 'EXPIRED');
  });

  it('never reports a schedule it cannot read as muting', () => {
    assert.equal(muteActivity(rule({ expression: 'rate(5 minutes)' }), at('2026-12-07T16:30:00Z')).status, 'SCHEDULED');
  });

  it('marks each target alarm with the rule that mutes it longest', () => {
    const muted = mutedAlarms([rule({ name: 'short', alarmNames: ['a', 'b'], duration: 'PT1H' }), rule({ name: 'long', alarmNames: ['a'] }), rule({ name: 'later', expression: 'at(2026-12-08T00:00)' })], at('2026-12-07T16:30:00Z'));
    assert.deepEqual(Object.fromEntries(muted), { a: { rule: 'long', until: at('2026-12-07T18:00:00Z') }, b: { rule: 'short', until: at('2026-12-07T17:00:00Z') } });
  });

  it('defaults to the end of the working day, or the next morning after it', () => {
    assert.equal(endOfWorkingDay(at('2026-12-07T10:00:00Z'), 60).toISOString(), '2026-12-07T17:00:00.000Z');
    assert.equal(endOfWorkingDay(at('2026-12-07T19:30:00Z'), 0).toISOString(), '2026-12-08T09:00:00.000Z');
  });

  it('asks CloudWatch for one window from now that expires with it', () => {
    const request = muteRequest('m', ['a'], at('2026-12-07T16:30:40Z'), at('2026-12-07T18:00:00Z'), 'd');
    assert.deepEqual(request.Rule.Schedule, { Expression: 'at(2026-12-07T16:30)', Duration: 'PT90M' });
    assert.equal(request.ExpireDate.toISOString(), '2026-12-07T18:00:00.000Z');
    assert.equal(muteActivity({ name: 'm', expression: request.Rule.Schedule.Expression, duration: request.Rule.Schedule.Duration, alarmNames: ['a'], expireDate: request.ExpireDate }, at('2026-12-07T16:31:00Z')).status, 'ACTIVE');
  });

  it('reads a rule from GetAlarmMuteRule and its name from its ARN; unmuting keeps the others muted', () => {
    const r = muteRuleFromAws({ Name: 'r', Rule: { Schedule: { Expression: 'at(2026-12-07T16:00)', Duration: 'PT1H' } }, MuteTargets: { AlarmNames: ['a', 'b'] } })!;
    assert.equal(muteRuleName('arn:aws:cloudwatch:us-east-1:123456789012:alarm-mute-rule:r'), 'r');
    assert.deepEqual(unmutePlan(r, 'a'), { kind: 'retarget', alarmNames: ['b'] });
    assert.deepEqual(unmutePlan({ ...r, alarmNames: ['a'] }, 'a'), { kind: 'delete' });
  });

  it('says a muted alarm is muted, and never calls it disabled', () => {
    const text = JSON.stringify(alarmDetailsDoc({ ...multi, muted: { rule: 'patching', until: at('2026-12-07T18:00:00Z') } }, { history: { value: [] } }));
    assert.match(text, /Actions muted until 2026-12-07 18:00:00 UTC by the mute rule patching/);
    assert.doesNotMatch(text, /disabled/);
  });
});

describe('the rendered details page', () => {
  it('escapes every AWS string and allows no script', () => {
    const hostile = fromMetricAlarm(east, { AlarmName: '<img src=x onerror=alert(1)>', StateValue: 'ALARM', StateReason: '"><script>alert(1)</script>', AlarmDescription: '<a href="command:workbench.action.terminal.new">x</a>' });
    const html = detailsHtml(alarmDetailsDoc(hostile, { history: { error: '<b>AccessDenied</b>' } }), 'n0nce');
    assert.doesNotMatch(html, /<script|<img|<a /);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /default-src 'none'; style-src 'nonce-n0nce';/);
    assert.match(html, /History could not be read: &lt;b&gt;AccessDenied/);
  });
});

describe('the alarm chart window', () => {
  const now = Date.parse('2026-12-07T17:00:00Z');
  it('opens on the shortest range that shows the latest state change with time before it', () => {
    assert.equal(rangeAroundChange(now - 10 * 60_000, now), '1h');
    assert.equal(rangeAroundChange(now - 2 * 3_600_000, now), '3h');
    assert.equal(rangeAroundChange(now - 20 * 3_600_000, now), '3d');
    assert.equal(rangeAroundChange(now - 30 * 86_400_000, now), '7d');
    assert.equal(rangeAroundChange(undefined, now), '24h');
  });
});
