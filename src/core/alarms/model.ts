import type { ScopeId } from '../scope';
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';

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
  readonly kind: 'metric' | 'composite';
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
}

function state(value: string | undefined): AlarmState {
  return value === 'ALARM' || value === 'OK' ? value : 'INSUFFICIENT_DATA';
}

/** What metric and composite alarms have in common. */
function commonFields(region: ScopeId, a: MetricAlarm | CompositeAlarm): Omit<Alarm, 'kind'> {
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
  });
}

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

/** "CPUUtilization > 90", "RunningTaskCount < 1", or the composite rule. */
export function conditionText(alarm: Alarm): string {
  if (alarm.kind === 'composite') return alarm.rule ?? '';
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
