import type { ScopeId } from '../scope';
import type { CompositeAlarm, LogAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { insightsGroupBy } from './metricsInsights';

export type AlarmState = 'ALARM' | 'INSUFFICIENT_DATA' | 'OK';

export const STATE_ORDER: readonly AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

export const STATE_LABEL: Record<AlarmState, string> = {
  ALARM: 'In alarm',
  INSUFFICIENT_DATA: 'Insufficient data',
  OK: 'OK',
};

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** One alarm as the views show it; built from DescribeAlarms output, independent of the SDK. */
export interface Alarm {
  readonly region: ScopeId;
  readonly name: string;
  readonly arn: string;
  /** The DescribeAlarms type: PromQL, Metrics Insights and anomaly-band alarms are metric alarms with more below. */
  readonly kind: 'metric' | 'composite' | 'log';
  readonly state: AlarmState;
  readonly stateReason: string;
  readonly stateReasonData?: string;
  readonly stateUpdated?: Date;
  readonly description: string;
  readonly actionsEnabled: boolean;
  readonly alarmActions: readonly string[];
  readonly okActions: readonly string[];
  readonly insufficientDataActions: readonly string[];
  readonly metric?: {
    readonly namespace: string;
    readonly name: string;
    readonly dimensions: readonly MetricDimension[];
    readonly statistic: string;
    readonly period: number;
    readonly unit?: string;
  };
  /** Metric-math alarms: the expression queries. */
  readonly metricQueries?: readonly { id: string; expression?: string; label?: string; metric?: string; returnData?: boolean }[];
  readonly threshold?: number;
  readonly comparison?: string;
  readonly evaluationPeriods?: number;
  readonly datapointsToAlarm?: number;
  readonly treatMissingData?: string;
  readonly rule?: string;
  /** Log alarms: the scheduled Logs Insights query and how its results are judged. */
  readonly logQuery?: LogAlarmQuery;
  /** PromQL alarms (EvaluationCriteria): the query and how long a breach must last. */
  readonly promQl?: { readonly query: string; readonly pendingPeriod?: number; readonly recoveryPeriod?: number; readonly evaluationInterval?: number };
  /** Multi-series alarms: the Metrics Insights query whose series are the alarm's contributors. */
  readonly metricsInsights?: { readonly query: string; readonly groupBy: readonly string[] };
  /** Anomaly-detection alarms: the band (ThresholdMetricId) the metric is compared with. */
  readonly anomalyBand?: { readonly id: string; readonly expression: string; readonly label?: string };
  /** Set by the reader when an active alarm mute rule silences this alarm's actions. */
  readonly muted?: Muting;
}

export interface LogAlarmQuery {
  readonly query: string;
  readonly logGroups: readonly string[];
  /** `rate(5 minutes)` */
  readonly schedule: string;
  /** Each run reads from `startOffsetSeconds` before it to `endOffsetSeconds` before it. */
  readonly startOffsetSeconds: number;
  readonly endOffsetSeconds: number;
  readonly aggregation: string;
  readonly resultsToEvaluate?: number;
  readonly resultsToAlarm?: number;
}

/** An alarm's actions muted by a mute rule, until when (no date: while the rule's recurring window lasts). */
export interface Muting {
  readonly rule: string;
  readonly until?: Date;
}

function state(value: string | undefined): AlarmState {
  return value === 'ALARM' || value === 'OK' ? value : 'INSUFFICIENT_DATA';
}

/** What metric and composite alarms have in common. */
function commonFields(region: ScopeId, a: MetricAlarm | CompositeAlarm | LogAlarm): Omit<Alarm, 'kind'> {
  return {
    region,
    name: a.AlarmName ?? '',
    arn: a.AlarmArn ?? '',
    state: state(a.StateValue),
    stateReason: a.StateReason ?? '',
    stateReasonData: a.StateReasonData,
    stateUpdated: a.StateUpdatedTimestamp ? new Date(a.StateUpdatedTimestamp) : undefined,
    description: a.AlarmDescription ?? '',
    actionsEnabled: a.ActionsEnabled ?? true,
    alarmActions: a.AlarmActions ?? [],
    okActions: a.OKActions ?? [],
    insufficientDataActions: a.InsufficientDataActions ?? [],
  };
}

// Object.assign rather than a spread: V8 builds spread objects of this shape many times slower, which
// a read of thousands of alarms in the background pays on every read (see the alarm watch bench).
export function fromMetricAlarm(region: ScopeId, a: MetricAlarm): Alarm {
  return Object.assign(commonFields(region, a), {
    kind: 'metric' as const,
    metric: a.MetricName
      ? {
          namespace: a.Namespace ?? '',
          name: a.MetricName,
          dimensions: (a.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
          statistic: a.Statistic ?? a.ExtendedStatistic ?? '',
          period: a.Period ?? 60,
          unit: a.Unit,
        }
      : undefined,
    metricQueries: a.Metrics?.map((m) => ({
      id: m.Id ?? '',
      expression: m.Expression,
      label: m.Label,
      metric: m.MetricStat?.Metric ? `${m.MetricStat.Metric.Namespace}/${m.MetricStat.Metric.MetricName} ${m.MetricStat.Stat ?? ''}`.trim() : undefined,
      returnData: m.ReturnData,
    })),
    threshold: a.Threshold,
    comparison: a.ComparisonOperator,
    evaluationPeriods: a.EvaluationPeriods,
    datapointsToAlarm: a.DatapointsToAlarm,
    treatMissingData: a.TreatMissingData,
  }, metricVariants(a));
}

/** Members only some metric alarms have; no spread, for the same reason as fromMetricAlarm. */
function metricVariants(a: MetricAlarm): Pick<Alarm, 'promQl' | 'metricsInsights' | 'anomalyBand'> {
  const out: { -readonly [K in 'promQl' | 'metricsInsights' | 'anomalyBand']?: Alarm[K] } = {};
  const promQl = a.EvaluationCriteria?.PromQLCriteria;
  if (promQl?.Query) out.promQl = { query: promQl.Query, pendingPeriod: promQl.PendingPeriod, recoveryPeriod: promQl.RecoveryPeriod, evaluationInterval: a.EvaluationInterval };
  const insights = a.Metrics?.find((m) => m.Expression && /^\s*SELECT\b/i.test(m.Expression));
  if (insights?.Expression) out.metricsInsights = { query: insights.Expression, groupBy: insightsGroupBy(insights.Expression) };
  if (a.ThresholdMetricId) {
    const band = a.Metrics?.find((m) => m.Id === a.ThresholdMetricId);
    out.anomalyBand = { id: a.ThresholdMetricId, expression: band?.Expression ?? '', label: band?.Label };
  }
  return out;
}

export function fromLogAlarm(region: ScopeId, a: LogAlarm): Alarm {
  const q = a.ScheduledQueryConfiguration;
  return {
    ...commonFields(region, a),
    kind: 'log',
    logQuery: {
      query: q?.QueryString ?? '',
      logGroups: q?.LogGroupIdentifiers ?? [],
      schedule: q?.ScheduleConfiguration?.ScheduleExpression ?? '',
      startOffsetSeconds: q?.ScheduleConfiguration?.StartTimeOffset ?? 0,
      endOffsetSeconds: q?.ScheduleConfiguration?.EndTimeOffset ?? 0,
      aggregation: q?.AggregationExpression ?? '',
      resultsToEvaluate: a.QueryResultsToEvaluate,
      resultsToAlarm: a.QueryResultsToAlarm,
    },
    threshold: a.Threshold,
    comparison: a.ComparisonOperator,
    treatMissingData: a.TreatMissingData,
  };
}

/** Whether a DescribeAlarms answer holds any alarm, of whatever type. */
export function foundAny(found: { readonly metricAlarms: readonly unknown[]; readonly compositeAlarms: readonly unknown[]; readonly logAlarms?: readonly unknown[] }): boolean {
  return found.metricAlarms.length + found.compositeAlarms.length + (found.logAlarms?.length ?? 0) > 0;
}

/** The alarm of this name in a DescribeAlarms answer, as the views model it, whatever its type. */
export function alarmNamed(region: ScopeId, found: { metricAlarms: readonly MetricAlarm[]; compositeAlarms: readonly CompositeAlarm[]; logAlarms?: readonly LogAlarm[] }, name: string): Alarm | undefined {
  const metric = found.metricAlarms.find((a) => a.AlarmName === name);
  if (metric) return fromMetricAlarm(region, metric);
  const composite = found.compositeAlarms.find((a) => a.AlarmName === name);
  if (composite) return fromCompositeAlarm(region, composite);
  const log = found.logAlarms?.find((a) => a.AlarmName === name);
  return log ? fromLogAlarm(region, log) : undefined;
}

/** Every alarm of one DescribeAlarms page, of whatever type. */
export function alarmsOfPage(region: ScopeId, page: { metricAlarms: readonly MetricAlarm[]; compositeAlarms: readonly CompositeAlarm[]; logAlarms?: readonly LogAlarm[] }): Alarm[] {
  return [
    ...page.metricAlarms.map((a) => fromMetricAlarm(region, a)),
    ...page.compositeAlarms.map((a) => fromCompositeAlarm(region, a)),
    ...(page.logAlarms ?? []).map((a) => fromLogAlarm(region, a)),
  ];
}

export type AlarmVariant = 'metric' | 'metricMath' | 'anomaly' | 'multiSeries' | 'promQl' | 'log' | 'composite';

/** Which of CloudWatch's alarm types this is, finer than DescribeAlarms' three. */
export function alarmVariant(alarm: Alarm): AlarmVariant {
  if (alarm.kind !== 'metric') return alarm.kind;
  if (alarm.promQl) return 'promQl';
  if (alarm.anomalyBand) return 'anomaly';
  if (alarm.metricsInsights && alarm.metricsInsights.groupBy.length > 0) return 'multiSeries';
  return alarm.metric ? 'metric' : 'metricMath';
}

export const VARIANT_LABEL: Record<AlarmVariant, string> = {
  metric: 'Metric alarm',
  metricMath: 'Metric math alarm',
  anomaly: 'Anomaly detection alarm',
  multiSeries: 'Multi-series alarm (Metrics Insights)',
  promQl: 'PromQL alarm',
  log: 'Log alarm',
  composite: 'Composite alarm',
};

/** A short tag for the tree: `log`, `PromQL`, … ; none for plain metric alarms. */
export const VARIANT_TAG: Record<AlarmVariant, string> = {
  metric: '',
  metricMath: '',
  anomaly: 'anomaly band',
  multiSeries: 'multi-series',
  promQl: 'PromQL',
  log: 'log',
  composite: 'composite',
};

export function fromCompositeAlarm(region: ScopeId, a: CompositeAlarm): Alarm {
  return Object.assign(commonFields(region, a), { kind: 'composite' as const, rule: a.AlarmRule ?? '' });
}

const COMPARISON_SYMBOL: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '≥',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '≤',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside band',
  LessThanLowerThreshold: '< lower band',
  GreaterThanUpperThreshold: '> upper band',
};

export function comparisonSymbol(op: string | undefined): string {
  return op ? (COMPARISON_SYMBOL[op] ?? op) : '';
}

/** "CPUUtilization > 90", "RunningTaskCount < 1", "count(*) > 10" for a log alarm, the PromQL query, or the composite rule. */
export function conditionText(alarm: Alarm): string {
  if (alarm.kind === 'composite') return alarm.rule ?? '';
  if (alarm.promQl) return alarm.promQl.query;
  if (alarm.logQuery) return `${alarm.logQuery.aggregation || 'result'} ${comparisonSymbol(alarm.comparison)} ${alarm.threshold === undefined ? '' : formatNumber(alarm.threshold)}`.trim();
  if (alarm.anomalyBand) return `${alarm.metric?.name ?? alarm.metricQueries?.find((q) => q.id !== alarm.anomalyBand?.id && q.returnData !== false)?.metric ?? 'metric'} ${comparisonSymbol(alarm.comparison)} ${alarm.anomalyBand.expression}`.trim();
  const subject = alarm.metric?.name ?? alarm.metricQueries?.find((q) => q.returnData !== false && q.expression)?.expression ?? 'expression';
  if (alarm.threshold === undefined) return `${subject} ${comparisonSymbol(alarm.comparison)}`.trim();
  return `${subject} ${comparisonSymbol(alarm.comparison)} ${formatThreshold(alarm.threshold, alarm.metric)}`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Byte metrics in binary units (`2 GiB`), other large numbers compact (`1.5M`), the rest as they are. */
export function formatThreshold(value: number, metric?: { name: string; unit?: string }): string {
  const isBytes = metric?.unit === 'Bytes' || /bytes$|storagespace$/i.test(metric?.name ?? '');
  if (isBytes && Math.abs(value) >= 1024) {
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < BYTE_UNITS.length - 1) {
      v /= 1024;
      i++;
    }
    return `${Number(v.toFixed(2))} ${BYTE_UNITS[i]}`;
  }
  if (Math.abs(value) >= 1e6) return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  return formatNumber(value);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return Number(n.toPrecision(6)).toString();
}

export function alarmKey(alarm: Pick<Alarm, 'region' | 'name'>): string {
  return `${alarm.region}/${alarm.name}`;
}
