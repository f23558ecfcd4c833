import type { MetricDimension } from './model';

/** A Metrics Insights query reduced to what a chart of one of its series needs. */
export interface InsightsSelect {
  /** CloudWatch statistic: `Average`, `Sum`, `Minimum`, `Maximum`, `SampleCount`. */
  readonly statistic: string;
  readonly metricName: string;
  readonly namespace: string;
  readonly groupBy: readonly string[];
}

const SELECT = /^\s*SELECT\s+(AVG|SUM|MIN|MAX|COUNT)\s*\(\s*"?([^"()]{1,255})"?\s*\)\s+FROM\s+(?:SCHEMA\s*\(\s*"?([^",()]{1,255})"?[^()]{0,2000}\)|"?([^"\s()]{1,255})"?)/i;
const GROUP_BY = /\bGROUP\s+BY\s+([^]{1,2000}?)(?:\s+ORDER\s+BY\b|\s+LIMIT\b|\s*$)/i;
const STATISTIC: Readonly<Record<string, string>> = { AVG: 'Average', SUM: 'Sum', MIN: 'Minimum', MAX: 'Maximum', COUNT: 'SampleCount' };
// Queries are at most a few thousand characters; a longer text is cut before it is scanned.
const MAX_QUERY = 10_000;

/** The GROUP BY keys of a Metrics Insights query: each group is a series of the alarm, a contributor. */
export function insightsGroupBy(query: string): string[] {
  const match = GROUP_BY.exec(query.slice(0, MAX_QUERY));
  if (!match) return [];
  return (match[1] ?? '')
    .split(',')
    .map((k) => k.trim().replace(/^"(.*)"$/, '$1'))
    .filter((k) => k !== '');
}

/** `SELECT MAX(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId`, read; undefined for other queries. */
export function insightsSelect(query: string): InsightsSelect | undefined {
  const select = SELECT.exec(query.slice(0, MAX_QUERY));
  if (!select) return undefined;
  return { statistic: STATISTIC[(select[1] ?? '').toUpperCase()] ?? 'Average', metricName: select[2] ?? '', namespace: select[3] ?? select[4] ?? '', groupBy: insightsGroupBy(query) };
}

/** One series of a multi-series alarm that is in ALARM (DescribeAlarmContributors). */
export interface Contributor {
  readonly id: string;
  readonly attributes: readonly MetricDimension[];
  readonly reason: string;
  readonly since?: Date;
}

/** Contributors as DescribeAlarmContributors answers, ordered by their attributes so the tree keeps its order. */
export function contributorsFromAws(items: readonly { ContributorId?: string; ContributorAttributes?: Record<string, string>; StateReason?: string; StateTransitionedTimestamp?: Date }[]): Contributor[] {
  return items
    .map((c) => ({
      id: c.ContributorId ?? '',
      attributes: Object.entries(c.ContributorAttributes ?? {}).map(([name, value]) => ({ name, value })),
      reason: c.StateReason ?? '',
      ...(c.StateTransitionedTimestamp ? { since: new Date(c.StateTransitionedTimestamp) } : {}),
    }))
    .sort((a, b) => contributorLabel(a).localeCompare(contributorLabel(b)));
}

/** `InstanceId=i-0abc, AZ=eu-west-1a`; the id when it has no attributes. */
export function contributorLabel(c: Pick<Contributor, 'attributes' | 'id'>): string {
  return c.attributes.length ? c.attributes.map((a) => `${a.name}=${a.value}`).join(', ') : c.id;
}

/**
 * The metric a contributor is, when the alarm's query names one metric of one namespace: its dimensions are the
 * contributor's attributes. Undefined when the query cannot be read that way (the chart says so).
 */
export function contributorMetric(query: string, c: Contributor): { namespace: string; metricName: string; dimensions: MetricDimension[]; stat: string } | undefined {
  const select = insightsSelect(query);
  if (!select || !select.namespace || !select.metricName) return undefined;
  return { namespace: select.namespace, metricName: select.metricName, dimensions: [...c.attributes], stat: select.statistic };
}
