import type { MotoCaller } from '../forward';
import type { Input } from '../input';
import { asInput, optionalString } from '../input';
import type { AlarmState } from './alarmRule';
import type { StateSnapshot } from './alarmHistory';

/** Every metric alarm moto holds in the caller's region, as moto writes them. */
export async function fetchMetricAlarms(moto: MotoCaller): Promise<Input[]> {
  const alarms: Input[] = [];
  let token: string | undefined;
  do {
    const page = await moto.call('DescribeAlarms', token ? { NextToken: token } : {});
    const list = page.MetricAlarms;
    if (Array.isArray(list)) alarms.push(...list.map(asInput));
    const next = optionalString(page, 'NextToken');
    token = next && next !== token ? next : undefined;
  } while (token);
  return alarms;
}

export async function fetchMetricAlarm(moto: MotoCaller, name: string): Promise<Input | undefined> {
  const page = await moto.call('DescribeAlarms', { AlarmNames: [name] });
  const list = Array.isArray(page.MetricAlarms) ? page.MetricAlarms.map(asInput) : [];
  return list.find((a) => a.AlarmName === name);
}

export function stateOfAlarm(alarm: Input): StateSnapshot {
  const value = optionalString(alarm, 'StateValue');
  const state: AlarmState = value === 'ALARM' || value === 'OK' ? value : 'INSUFFICIENT_DATA';
  return { stateValue: state, stateReason: optionalString(alarm, 'StateReason') ?? '', stateReasonData: optionalString(alarm, 'StateReasonData') };
}

/** The account of the alarms moto holds, read from an alarm ARN. */
export function accountOf(alarms: readonly Input[]): string | undefined {
  for (const a of alarms) {
    const arn = optionalString(a, 'AlarmArn');
    const account = arn?.split(':')[4];
    if (account) return account;
  }
  return undefined;
}

/** The configuration part of an alarm, for ConfigurationUpdate history items. */
export function alarmConfiguration(alarm: Input): Record<string, unknown> {
  const keep = [
    'AlarmName', 'AlarmDescription', 'ActionsEnabled', 'OKActions', 'AlarmActions', 'InsufficientDataActions', 'MetricName', 'Namespace',
    'Statistic', 'ExtendedStatistic', 'Dimensions', 'Period', 'Unit', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold',
    'ComparisonOperator', 'TreatMissingData', 'Metrics', 'ThresholdMetricId', 'AlarmRule',
  ];
  const out: Record<string, unknown> = {};
  for (const key of keep) {
    const value = alarm[key];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return lowerFirstKeys(out);
}

/** Members named as history data names them: `AlarmName` becomes `alarmName`. */
export function lowerFirstKeys(members: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(members)) out[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  return out;
}
