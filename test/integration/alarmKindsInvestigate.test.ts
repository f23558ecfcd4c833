import { strict as assert } from 'node:assert';
import { AwsSession } from '../../src/aws/session';
import { SdkCloudWatch } from '../../src/aws/services/cloudWatch';
import { SdkLogs } from '../../src/aws/services/logs';
import { SdkMetrics } from '../../src/aws/services/metrics';
import { SdkStepFunctions } from '../../src/aws/services/stepFunctions';
import { asScopeId } from '../../src/core/scope';
import { investigationText } from '../../src/agent/tools/investigation';
import { gatherInvestigation, type GatherDeps } from '../../src/investigate/gather';
import { ChartLoader } from '../../src/metrics/loader';
import type { ChartWidgetView, PlaceholderWidgetView } from '../../src/webview/protocol';
import { ALARM_KINDS, CHECKOUT_LOG_GROUP } from '../../sandbox/seeders/alarmKinds';
import { freshAlarmKinds } from '../support/alarmKinds';
import { awsEndpoint, testEnv } from './setup';

const EAST = asScopeId('us-east-1');

describe('investigating and charting alarms of every type (real SDK, stand-in)', () => {
  let session: AwsSession;
  let deps: GatherDeps;
  let logs: SdkLogs;

  before(async function () {
    this.timeout(60000);
    await freshAlarmKinds(awsEndpoint());
    Object.assign(process.env, testEnv);
    session = new AwsSession({ profile: '', regions: [], endpointUrl: awsEndpoint() }, { env: testEnv });
    logs = new SdkLogs(session);
    deps = { cloudWatch: new SdkCloudWatch(session), metrics: new SdkMetrics(session), logs, stepFunctions: new SdkStepFunctions(session), settings: () => [] };
  });
  after(() => session.reset());

  it('investigates a log alarm: found, its query and log groups shown, its log groups\' errors read, no metric part failing', async () => {
    const gathered = await gatherInvestigation(deps, { region: EAST, name: ALARM_KINDS.logAlarm }, () => undefined);
    const failed = gathered.parts.all.filter((p) => p.status === 'failed');
    assert.deepEqual(failed.map((p) => `${p.id}: ${p.error}`), []);
    const alarm = gathered.parts.data('alarm')[0];
    assert.deepEqual([alarm.alarmKind, alarm.variant, alarm.state, alarm.condition], ['log', 'log', 'ALARM', 'count(*) > 10']);
    assert.equal(alarm.logQuery?.query, 'fields @timestamp, status | filter status >= 500');
    assert.equal(alarm.logQuery?.schedule, 'rate(5 minutes)');
    assert.deepEqual(alarm.related.logGroups.map((g) => [g.name, g.from]), [[CHECKOUT_LOG_GROUP, 'query']]);
    assert.equal(gathered.parts.data('metric').length, 0, 'a log alarm has no metric part');
    const errors = gathered.parts.data('logs')[0];
    assert.equal(errors.logGroup, CHECKOUT_LOG_GROUP);
    assert.ok(errors.total >= 45, `the 5xx errors of the last 15 minutes at least: ${errors.total}`);
    assert.match(errors.top[0].example, /payment service timed out/);

    const text = investigationText(gathered.parts, false);
    assert.match(text, /Investigation of alarm checkout-5xx-logs \(us-east-1, log\): now ALARM; condition count\(\*\) > 10\./);
    assert.match(text, /Log alarm: its Logs Insights query runs rate\(5 minutes\), each run reading the 5 min up to each run, over \/aws\/lambda\/checkout; ALARM when 2 of the last 3 results breach/);
    assert.match(text, /fields @timestamp, status \| filter status >= 500/);
    assert.match(text, /\/aws\/lambda\/checkout \(log alarm query\)/);
    assert.doesNotMatch(text, /Not read:/);
  });

  it('investigates an anomaly-band alarm: the metric with its band joined, points outside it counted', async () => {
    const gathered = await gatherInvestigation(deps, { region: EAST, name: ALARM_KINDS.anomalyBandAlarm }, () => undefined);
    assert.deepEqual(gathered.parts.all.filter((p) => p.status === 'failed').map((p) => `${p.id}: ${p.error}`), []);
    const metric = gathered.parts.data('metric')[0];
    assert.equal(metric.series.length, 1, 'only the metric is a series; the band is not two more lines');
    assert.equal(metric.threshold, undefined, 'a band alarm has no fixed threshold');
    const band = metric.expectedBand!;
    assert.equal(band.label, 'Latency (expected)');
    assert.ok(band.timestamps.length >= 3 && band.upper.every((u, i) => u > band.lower[i]), 'upper above lower at every time');
    const last = metric.series[0].values[metric.series[0].values.length - 1];
    assert.ok(last > band.upper[band.upper.length - 1], `the latest latency ${last} is above its band`);
    assert.match(investigationText(gathered.parts, false), /Anomaly-detection band Latency \(expected\): [1-9]\d* points? outside it/);
  });

  it('investigates a PromQL alarm through QueryMetrics and a multi-series alarm with one series per contributor', async () => {
    const promQl = await gatherInvestigation(deps, { region: EAST, name: ALARM_KINDS.promQlAlarm }, () => undefined);
    const alarm = promQl.parts.data('alarm')[0];
    assert.equal(alarm.variant, 'promQl');
    assert.match(alarm.condition, /^histogram_quantile\(0\.99/);
    const metricPart = promQl.parts.all.find((p) => p.id === 'metric');
    assert.ok(metricPart, 'the PromQL query is a part');
    assert.ok(metricPart.status === 'done' || /PromQL query could not be run/.test(metricPart.error ?? ''), `${metricPart.status}: ${metricPart.error}`);

    // The stand-in does not run Metrics Insights queries: the metric part fails and says why, the rest is answered.
    const multi = await gatherInvestigation(deps, { region: EAST, name: ALARM_KINDS.multiSeriesAlarm }, () => undefined);
    assert.equal(multi.parts.data('alarm')[0].variant, 'multiSeries');
    assert.deepEqual(multi.parts.all.filter((p) => p.status === 'failed').map((p) => p.id), ['metric']);
    assert.match(investigationText(multi.parts, false), /Not read:\n- Metric: CloudWatch GetMetricData failed in us-east-1: Error in expression q1/);
  });

  it('charts a log alarm from Logs Insights only once allowed: first what it would run, then its results per 5 minutes against the threshold', async () => {
    let allowed = false;
    const loader = new ChartLoader({ metrics: new SdkMetrics(session), logs, logAlarmQueryAllowed: () => allowed, alarmHistory: (r, n) => new SdkCloudWatch(session).alarmHistory(r, n, 100) });
    const state = { version: 1 as const, source: { kind: 'alarm' as const, region: EAST, name: ALARM_KINDS.logAlarm }, range: '3h' as const, autoRefresh: false };
    const asked = (await loader.load(state)).widgets[0] as PlaceholderWidgetView;
    assert.equal(asked.kind, 'placeholder');
    assert.equal(asked.action?.kind, 'allowLogAlarmQuery');
    assert.match(asked.message, /Logs Insights charges per GB/);

    allowed = true;
    const view = await loader.load(state);
    const chart = view.widgets[0] as ChartWidgetView;
    assert.equal(chart.kind, 'chart');
    assert.equal(chart.title, 'count(*) > 10');
    assert.deepEqual(chart.lines.map((l) => [l.value, l.kind]), [[10, 'threshold']]);
    assert.equal(chart.period, 300);
    const [series] = chart.series;
    assert.equal(series.label, 'count(*) per 5 min');
    assert.ok(series.values.length >= 15, `about 18 bins over 90 minutes: ${series.values.length}`);
    assert.ok(Math.max(...series.values) > 10 && Math.min(...series.values) <= 10, `bins above and below the threshold: ${series.values.join(', ')}`);
    assert.match(view.subtitle, /log alarm · count\(\*\) > 10 · In alarm · bin 5 min/);
  });

  it('charts an anomaly-band alarm as the metric and one band between two faint edges', async () => {
    const loader = new ChartLoader({ metrics: new SdkMetrics(session) });
    const view = await loader.load({ version: 1, source: { kind: 'alarm', region: EAST, name: ALARM_KINDS.anomalyBandAlarm }, range: '3h', autoRefresh: false });
    const chart = view.widgets[0] as ChartWidgetView;
    assert.deepEqual(chart.series.map((s) => s.id), ['m1', 'ad1:upper', 'ad1:lower'], 'the metric, then the band\'s edges');
    assert.deepEqual(chart.series.slice(1).map((s) => s.label), ['Latency (expected) (upper)', 'Latency (expected) (lower)']);
    assert.deepEqual(chart.expectedBand, { label: 'Latency (expected)', upperId: 'ad1:upper', lowerId: 'ad1:lower' });
    assert.deepEqual(chart.lines, [], 'no threshold line: the band is the threshold');
    assert.ok(chart.notes.some((n) => /Shaded band: Latency \(expected\).*outside it/.test(n)), chart.notes.join(' | '));
  });
});
