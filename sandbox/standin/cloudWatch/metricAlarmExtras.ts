import type { Input } from '../input';
import { asInput, optionalNumber, optionalString } from '../input';
import { invalidParameterCombination, invalidParameterValue } from './errors';
import { integerBetween, invalidMember, lengthBetween } from './memberChecks';

/** PutMetricAlarm members moto drops; the stand-in keeps them beside moto's alarm and adds them to DescribeAlarms. */
const KEPT_MEMBERS = ['EvaluationCriteria', 'EvaluationInterval', 'EvaluationWindow', 'WarmUpConfiguration', 'ActionConfiguration'] as const;

/** Members a PromQL alarm (one with EvaluationCriteria) must not have: its criteria define its evaluation. */
const NOT_WITH_PROMQL = [
  'Namespace', 'MetricName', 'Dimensions', 'Period', 'Unit', 'Statistic', 'ExtendedStatistic', 'Metrics', 'Threshold',
  'ComparisonOperator', 'ThresholdMetricId', 'EvaluationPeriods', 'DatapointsToAlarm', 'EvaluationWindow',
];

/** The kept members of a PutMetricAlarm request, checked as the CloudWatch API reference documents them. */
export function keptMembers(input: Input): Record<string, unknown> {
  const criteria = input.EvaluationCriteria;
  const interval = optionalNumber(input, 'EvaluationInterval');
  if (criteria !== undefined) {
    const promQl = asInput(asInput(criteria).PromQLCriteria);
    if (asInput(criteria).PromQLCriteria === undefined) invalidMember('evaluationCriteria.promQLCriteria', 'Member must not be null');
    lengthBetween(optionalString(promQl, 'Query'), 'evaluationCriteria.promQLCriteria.query', 1, 10000);
    for (const period of ['PendingPeriod', 'RecoveryPeriod']) {
      const value = optionalNumber(promQl, period);
      if (value !== undefined) integerBetween(value, `evaluationCriteria.promQLCriteria.${period.charAt(0).toLowerCase()}${period.slice(1)}`, 0, 86400);
    }
    const clashing = NOT_WITH_PROMQL.filter((m) => input[m] !== undefined);
    if (clashing.length > 0) throw invalidParameterCombination(`EvaluationCriteria cannot be combined with ${clashing.join(', ')}.`);
    if (interval === undefined) throw invalidParameterValue('EvaluationInterval is required for alarms with EvaluationCriteria.');
  }
  if (interval !== undefined) {
    if (criteria === undefined) throw invalidParameterCombination('EvaluationInterval can only be specified for alarms with EvaluationCriteria.');
    if (!(interval === 10 || interval === 20 || interval === 30 || (Number.isInteger(interval) && interval > 0 && interval % 60 === 0))) {
      throw invalidParameterValue(`The value ${interval} for parameter EvaluationInterval is not valid: use 10, 20, 30 or a multiple of 60.`);
    }
  }
  const kept: Record<string, unknown> = {};
  for (const member of KEPT_MEMBERS) if (input[member] !== undefined && input[member] !== null) kept[member] = input[member];
  return kept;
}

/** What moto is sent: a PromQL alarm has no metric, so moto gets what it needs to hold the alarm at all. */
export function motoRequest(input: Input): Input {
  const out: Input = { ...input };
  for (const member of KEPT_MEMBERS) delete out[member];
  return out;
}

/**
 * A metric alarm as moto describes it, with the members moto dropped put back. moto gives a PromQL alarm the
 * metric fields every alarm has in moto; CloudWatch has none for it, so those are removed.
 */
export function withKeptMembers(alarm: Input, kept: Record<string, unknown> | undefined): Input {
  if (!kept) return alarm;
  const out: Input = { ...alarm, ...kept };
  if (kept.EvaluationCriteria !== undefined) for (const member of NOT_WITH_PROMQL) delete out[member];
  return out;
}
