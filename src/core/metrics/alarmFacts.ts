// What a chart needs to know about an alarm: what to fetch, its threshold and how it is evaluated.
// Read from DescribeAlarms, or from the snapshot an alarm view handed over when it can no longer be read.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { AlarmSnapshot } from './arguments';
import type { ChartQuery } from './queries';
import { guessUnit } from './units';

export interface AlarmFacts {
  /** The metric name, or the evaluated expression: what the threshold compares. */
  readonly subject: string;
  /** Local ids, region left empty for the caller to set. */
  readonly queries: ChartQuery<string>[];
  readonly period: number;
  readonly state?: string;
  readonly stateUpdated?: number;
  readonly threshold?: number;
  readonly comparison?: string;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  readonly unit?: string;
}

function dimensionsOf(dimensions: readonly { Name?: string; Value?: string }[] | undefined): { name: string; value: string }[] {
  return (dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' }));
}

export function alarmFacts(a: MetricAlarm): AlarmFacts {
  const common = {
    state: a.StateValue,
    stateUpdated: a.StateUpdatedTimestamp ? new Date(a.StateUpdatedTimestamp).getTime() : undefined,
    threshold: a.ThresholdMetricId ? undefined : a.Threshold,
    comparison: a.ComparisonOperator,
    evaluationPeriods: a.EvaluationPeriods,
    datapointsToAlarm: a.DatapointsToAlarm,
    unit: a.Unit,
  };
  if (a.MetricName) {
    const metric = { namespace: a.Namespace ?? '', metricName: a.MetricName, dimensions: dimensionsOf(a.Dimensions) };
    const stat = a.Statistic ?? a.ExtendedStatistic ?? 'Average';
    return {
      ...common,
      unit: a.Unit ?? guessUnit(metric.namespace, metric.metricName),
      subject: a.MetricName,
      period: a.Period ?? 60,
      queries: [{ id: 'm1', region: '', metric, stat, period: a.Period ?? 60, label: `${a.MetricName} ${stat}`, explicitLabel: false, yAxis: 'left', visible: true }],
    };
  }
  const queries: ChartQuery<string>[] = (a.Metrics ?? []).map((m, i) => {
    const stat = m.MetricStat;
    // A metric without a label of its own is named as GetMetricData names it: its metric and statistic.
    const named = stat?.Metric?.MetricName ? `${stat.Metric.MetricName} ${stat.Stat ?? 'Average'}` : undefined;
    const base = { id: m.Id ?? `q${i + 1}`, region: '', yAxis: 'left' as const, visible: m.ReturnData ?? false, label: m.Label ?? named ?? m.Id ?? `q${i + 1}`, explicitLabel: m.Label !== undefined };
    if (stat?.Metric) {
      return { ...base, metric: { namespace: stat.Metric.Namespace ?? '', metricName: stat.Metric.MetricName ?? '', dimensions: dimensionsOf(stat.Metric.Dimensions) }, stat: stat.Stat ?? 'Average', period: stat.Period };
    }
    return { ...base, expression: m.Expression ?? '', stat: '', period: m.Period };
  });
  const evaluated = queries.find((q) => q.visible);
  return { ...common, subject: evaluated?.expression ?? evaluated?.label ?? 'expression', period: evaluated?.period ?? queries.find((q) => q.period)?.period ?? 60, queries };
}

/** The facts a snapshot still holds; undefined when it names no metric. */
export function snapshotFacts(s: AlarmSnapshot): AlarmFacts | undefined {
  if (!s.metric) return undefined;
  const metric = { namespace: s.metric.namespace, metricName: s.metric.name, dimensions: s.metric.dimensions };
  return {
    subject: s.metric.name,
    period: s.metric.period,
    state: s.state,
    stateUpdated: s.stateUpdated,
    threshold: s.threshold,
    comparison: s.comparison,
    evaluationPeriods: s.evaluationPeriods,
    datapointsToAlarm: s.datapointsToAlarm,
    unit: s.metric.unit ?? guessUnit(metric.namespace, metric.metricName),
    queries: [{ id: 'm1', region: '', metric, stat: s.metric.statistic, period: s.metric.period, label: `${s.metric.name} ${s.metric.statistic}`, explicitLabel: false, yAxis: 'left', visible: true }],
  };
}
