import { createHash } from 'node:crypto';
import type { HandlerContext } from '../handler';
import type { Input } from '../input';
import { epochSeconds, objectList, optionalNumber, optionalString } from '../input';
import { pageOf } from '../paging';
import { invalidNextToken, resourceNotFoundException } from './errors';
import { lengthBetween } from './memberChecks';
import { fetchMetricAlarm } from './metricAlarms';
import type { CloudWatchRegion } from './state';
import { insightsSelect, type InsightsSelect } from '../../../src/core/alarms/metricsInsights';

const PAGE_SIZE = 100;
const COMPARISONS: Readonly<Record<string, { readonly words: string; readonly breaches: (v: number, t: number) => boolean }>> = {
  GreaterThanThreshold: { words: 'greater than', breaches: (v, t) => v > t },
  GreaterThanOrEqualToThreshold: { words: 'greater than or equal to', breaches: (v, t) => v >= t },
  LessThanThreshold: { words: 'less than', breaches: (v, t) => v < t },
  LessThanOrEqualToThreshold: { words: 'less than or equal to', breaches: (v, t) => v <= t },
};

/** The Metrics Insights query of a multi-series alarm (a `SELECT … GROUP BY …` expression in its Metrics). */
export function insightsQueryOf(alarm: Input): InsightsSelect | undefined {
  for (const query of objectList(alarm, 'Metrics')) {
    const select = insightsSelect(optionalString(query, 'Expression') ?? '');
    if (select) return select;
  }
  return undefined;
}

/**
 * DescribeAlarmContributors: the contributors of a multi-series alarm that are in ALARM. CloudWatch evaluates
 * the alarm's Metrics Insights query; the stand-in approximates it over the metric data put through it: series of
 * the queried metric grouped by the GROUP BY keys (WHERE, ORDER BY and LIMIT are not applied), a group's value per
 * period combined from its series' statistics, and a group in ALARM when DatapointsToAlarm of its last
 * EvaluationPeriods periods breach the threshold. PromQL and log alarms have contributors in CloudWatch that the
 * stand-in cannot evaluate: they, and single-series alarms, list none.
 */
export async function describeAlarmContributors(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const name = lengthBetween(optionalString(ctx.input, 'AlarmName'), 'alarmName', 1, 255);
  const token = optionalString(ctx.input, 'NextToken');
  if (state.logAlarms.has(name) || state.composites.get(name)) return { AlarmContributors: pageOf([], `DescribeAlarmContributors/${name}`, token, PAGE_SIZE, invalidNextToken).items };
  const alarm = await fetchMetricAlarm(ctx.moto, name);
  if (!alarm) throw resourceNotFoundException(`Alarm ${name} does not exist.`);
  const query = state.metricAlarmExtras.get(name)?.EvaluationCriteria === undefined ? insightsQueryOf(alarm) : undefined;
  const contributors = query ? breachingContributors(state, name, alarm, query, Date.now()) : [];
  const page = pageOf(contributors, `DescribeAlarmContributors/${name}`, token, PAGE_SIZE, invalidNextToken);
  const result: Record<string, unknown> = { AlarmContributors: page.items };
  if (page.nextToken) result.NextToken = page.nextToken;
  return result;
}

function breachingContributors(state: CloudWatchRegion, alarmName: string, alarm: Input, query: InsightsSelect, now: number): Record<string, unknown>[] {
  const comparison = COMPARISONS[optionalString(alarm, 'ComparisonOperator') ?? ''];
  const threshold = optionalNumber(alarm, 'Threshold');
  if (!comparison || threshold === undefined) return [];
  const expressionQuery = objectList(alarm, 'Metrics').find((m) => optionalString(m, 'Expression') !== undefined);
  const period = (expressionQuery && optionalNumber(expressionQuery, 'Period')) ?? optionalNumber(alarm, 'Period') ?? 60;
  const evaluationPeriods = optionalNumber(alarm, 'EvaluationPeriods') ?? 1;
  const datapointsToAlarm = optionalNumber(alarm, 'DatapointsToAlarm') ?? evaluationPeriods;
  const end = Math.floor(now / (period * 1000)) * period * 1000 + period * 1000;
  const start = end - evaluationPeriods * period * 1000;

  const groups = new Map<string, { attributes: Record<string, string>; perPeriod: Map<number, number[]> }>();
  for (const series of state.metrics.seriesOfMetric(query.namespace, query.metricName)) {
    if (!query.groupBy.every((k) => series.dimensions[k] !== undefined)) continue;
    const attributes: Record<string, string> = {};
    for (const k of query.groupBy) attributes[k] = series.dimensions[k] ?? '';
    const groupKey = JSON.stringify(query.groupBy.map((k) => attributes[k]));
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { attributes, perPeriod: new Map() }));
    const values = state.metrics.statistic(series.key, query.statistic, period, start, end);
    values.timestamps.forEach((t, i) => {
      const list = group.perPeriod.get(t) ?? [];
      list.push(values.values[i] ?? NaN);
      group.perPeriod.set(t, list);
    });
  }

  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const group of groups.values()) {
    const points = [...group.perPeriod].map(([t, vs]) => [t, combine(query.statistic, vs)] as const).sort((a, b) => b[0] - a[0]);
    const breaching = points.filter(([, v]) => comparison.breaches(v, threshold));
    if (breaching.length < datapointsToAlarm) continue;
    const id = createHash('sha256').update(JSON.stringify([alarmName, group.attributes])).digest('hex').slice(0, 32);
    seen.add(id);
    const sinceKey = `${alarmName}\u0000${id}`;
    const since = state.contributorsInAlarmSince.get(sinceKey) ?? now;
    state.contributorsInAlarmSince.set(sinceKey, since);
    const shown = breaching.slice(0, datapointsToAlarm).map(([t, v]) => `${v} (${stamp(t)})`).join(', ');
    out.push({
      ContributorId: id,
      ContributorAttributes: group.attributes,
      StateReason: `Threshold Crossed: ${breaching.length} out of the last ${evaluationPeriods} datapoints [${shown}] were ${comparison.words} the threshold (${threshold}) (minimum ${datapointsToAlarm} datapoints for OK -> ALARM transition).`,
      StateTransitionedTimestamp: epochSeconds(since),
    });
  }
  for (const key of [...state.contributorsInAlarmSince.keys()]) {
    const [alarm, id] = key.split('\u0000');
    if (alarm === alarmName && !seen.has(id ?? '')) state.contributorsInAlarmSince.delete(key);
  }
  return out.sort((a, b) => (String(a.ContributorId) < String(b.ContributorId) ? -1 : 1));
}

/** A group's value in one period from its series' values (a sum of averages would need the samples; this is the stand-in's approximation). */
function combine(statistic: string, values: readonly number[]): number {
  switch (statistic) {
    case 'Sum':
    case 'SampleCount':
      return values.reduce((a, b) => a + b, 0);
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    default:
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

/** `dd/MM/yy HH:mm:ss` in UTC, as CloudWatch writes datapoint times in state reasons. */
function stamp(epochSecondsValue: number): string {
  const d = new Date(epochSecondsValue * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
