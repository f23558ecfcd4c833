import { createHash } from 'node:crypto';
import type { HandlerContext } from '../handler';
import type { Input } from '../input';
import { asInput, epochSeconds, optionalBoolean, optionalNumber, optionalString, stringList } from '../input';
import type { StateSnapshot } from './alarmHistory';
import { validationError } from './errors';
import { integerBetween, invalidMember, lengthBetween } from './memberChecks';
import { fetchMetricAlarm, lowerFirstKeys } from './metricAlarms';
import { currentAccount } from '../accounts';
import type { CloudWatchRegion } from './state';
import { tagOnCreation } from './tags';
import { DEFAULT_ACCOUNT } from './state';

/**
 * A log alarm (PutLogAlarm): a scheduled Logs Insights query whose aggregated result is compared with a threshold.
 * The stand-in keeps the definition but never runs the query: a log alarm stays in INSUFFICIENT_DATA until
 * SetAlarmState moves it, where CloudWatch would evaluate each scheduled run.
 */
export interface LogAlarm {
  readonly name: string;
  readonly arn: string;
  /** The request's configuration members, as DescribeAlarms returns them. */
  config: Record<string, unknown>;
  configuredAt: number;
  state: StateSnapshot;
  stateUpdatedAt: number;
  stateTransitionedAt: number;
}

const OPERATORS: ReadonlySet<string> = new Set(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold']);
const MISSING_DATA: ReadonlySet<string> = new Set(['breaching', 'notBreaching', 'ignore', 'missing']);
const RATE = /^rate\(\s*(\d{1,6})\s+(minute|minutes|hour|hours|day|days)\s*\)$/;




/** The members of a PutLogAlarm request, checked as the CloudWatch API reference documents them. */
function checkedConfiguration(input: Input): Record<string, unknown> {
  const sqc = input.ScheduledQueryConfiguration;
  if (typeof sqc !== 'object' || sqc === null) invalidMember('scheduledQueryConfiguration', 'Member must not be null');
  const query = asInput(sqc);
  const queryString = lengthBetween(optionalString(query, 'QueryString'), 'scheduledQueryConfiguration.queryString', 1, 10000);
  const roleArn = lengthBetween(optionalString(query, 'ScheduledQueryRoleARN'), 'scheduledQueryConfiguration.scheduledQueryRoleARN', 1, 1600);
  const aggregation = lengthBetween(optionalString(query, 'AggregationExpression'), 'scheduledQueryConfiguration.aggregationExpression', 1, 2048);
  const logGroups = stringList(query, 'LogGroupIdentifiers');
  if (query.LogGroupIdentifiers !== undefined && (logGroups.length < 1 || logGroups.length > 50)) {
    invalidMember('scheduledQueryConfiguration.logGroupIdentifiers', 'Member must have length between 1 and 50');
  }
  const schedule = asInput(query.ScheduleConfiguration);
  if (query.ScheduleConfiguration === undefined) invalidMember('scheduledQueryConfiguration.scheduleConfiguration', 'Member must not be null');
  const expression = optionalString(schedule, 'ScheduleExpression');
  if (expression === undefined) invalidMember('scheduledQueryConfiguration.scheduleConfiguration.scheduleExpression', 'Member must not be null');
  if (!RATE.test(expression.trim())) throw validationError(`The schedule expression ${expression} is not a valid rate() expression.`);
  const startOffset = optionalNumber(schedule, 'StartTimeOffset');
  if (startOffset === undefined || !Number.isInteger(startOffset) || startOffset <= 0) invalidMember('scheduledQueryConfiguration.scheduleConfiguration.startTimeOffset', 'Member must be a positive integer');
  const endOffset = optionalNumber(schedule, 'EndTimeOffset') ?? 0;
  if (!Number.isInteger(endOffset) || endOffset < 0 || endOffset >= startOffset) throw validationError('EndTimeOffset must be non-negative and less than StartTimeOffset.');

  const toEvaluate = integerBetween(optionalNumber(input, 'QueryResultsToEvaluate'), 'queryResultsToEvaluate', 1, 100);
  const toAlarm = integerBetween(optionalNumber(input, 'QueryResultsToAlarm'), 'queryResultsToAlarm', 1, 100);
  if (toAlarm > toEvaluate) throw validationError('QueryResultsToAlarm must be less than or equal to QueryResultsToEvaluate.');
  const threshold = optionalNumber(input, 'Threshold');
  if (threshold === undefined) invalidMember('threshold', 'Member must not be null');
  const operator = optionalString(input, 'ComparisonOperator');
  if (operator === undefined) invalidMember('comparisonOperator', 'Member must not be null');
  if (!OPERATORS.has(operator)) throw validationError(`The value ${operator} for parameter ComparisonOperator is not valid for a log alarm.`);
  const treatMissing = optionalString(input, 'TreatMissingData') ?? 'missing';
  if (!MISSING_DATA.has(treatMissing)) throw validationError(`The value ${treatMissing} for parameter TreatMissingData is not valid.`);
  const logLines = optionalNumber(input, 'ActionLogLineCount');
  if (logLines !== undefined) integerBetween(logLines, 'actionLogLineCount', 0, 50);
  const logLineRole = optionalString(input, 'ActionLogLineRoleArn');
  if ((logLines ?? 0) > 0 && !logLineRole) throw validationError('ActionLogLineRoleArn is required when ActionLogLineCount is greater than 0.');
  const description = optionalString(input, 'AlarmDescription');
  if (description !== undefined) lengthBetween(description, 'alarmDescription', 0, 1024);

  const scheduledQuery: Record<string, unknown> = {
    QueryString: queryString,
    ScheduledQueryRoleARN: roleArn,
    ScheduleConfiguration: { ScheduleExpression: expression, StartTimeOffset: startOffset, EndTimeOffset: endOffset },
    AggregationExpression: aggregation,
  };
  if (logGroups.length > 0) scheduledQuery.LogGroupIdentifiers = logGroups;
  // The scheduled query's own tags (ScheduledQueryConfiguration.Tags), returned as given.
  if (Array.isArray(query.Tags)) scheduledQuery.Tags = query.Tags.filter((t) => typeof t === 'object' && t !== null).slice(0, 50);
  const config: Record<string, unknown> = {
    ActionsEnabled: optionalBoolean(input, 'ActionsEnabled') ?? true,
    OKActions: stringList(input, 'OKActions'),
    AlarmActions: stringList(input, 'AlarmActions'),
    InsufficientDataActions: stringList(input, 'InsufficientDataActions'),
    ScheduledQueryConfiguration: scheduledQuery,
    QueryResultsToEvaluate: toEvaluate,
    QueryResultsToAlarm: toAlarm,
    Threshold: threshold,
    ComparisonOperator: operator,
    TreatMissingData: treatMissing,
  };
  if (description !== undefined) config.AlarmDescription = description;
  if (logLines !== undefined) config.ActionLogLineCount = logLines;
  if (logLineRole !== undefined) config.ActionLogLineRoleArn = logLineRole;
  for (const member of ['WarmUpConfiguration', 'ActionConfiguration']) {
    if (typeof input[member] === 'object' && input[member] !== null) config[member] = input[member];
  }
  return config;
}

/** PutLogAlarm: creates or replaces a log alarm held by the stand-in (moto has none). */
export async function putLogAlarm(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const name = lengthBetween(optionalString(input, 'AlarmName'), 'alarmName', 1, 255);
  const config = checkedConfiguration(input);
  if (state.composites.get(name)) throw validationError(`An alarm named ${name} already exists as a composite alarm.`);
  if (await fetchMetricAlarm(ctx.moto, name)) throw validationError(`An alarm named ${name} already exists as a metric alarm.`);

  const now = Date.now();
  const existing = state.logAlarms.get(name);
  const alarm: LogAlarm = existing ?? {
    name,
    arn: `arn:aws:cloudwatch:${state.region}:${currentAccount()}:alarm:${name}`,
    config,
    configuredAt: now,
    state: { stateValue: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation' },
    stateUpdatedAt: now,
    stateTransitionedAt: now,
  };
  alarm.config = config;
  alarm.configuredAt = now;
  state.logAlarms.set(name, alarm);
  if (!existing) tagOnCreation(state, alarm.arn, input);
  state.history.recordConfiguration(name, 'LogAlarm', existing ? 'Update' : 'Create', logAlarmConfiguration(alarm), now);
  return {};
}

/**
 * A log alarm as DescribeAlarms returns it. `QueryARN` names the scheduled query CloudWatch creates for the
 * alarm; the stand-in creates none, so the ARN is derived from the alarm's and names nothing in CloudWatch Logs.
 */
export function logAlarmJson(alarm: LogAlarm): Record<string, unknown> {
  const account = alarm.arn.split(':')[4] ?? DEFAULT_ACCOUNT;
  const region = alarm.arn.split(':')[3] ?? '';
  const queryId = createHash('sha256').update(alarm.arn).digest('hex').slice(0, 32);
  const scheduled = { ...asInput(alarm.config.ScheduledQueryConfiguration), QueryARN: `arn:aws:logs:${region}:${account}:scheduled-query:${queryId}` };
  const json: Record<string, unknown> = {
    AlarmName: alarm.name,
    AlarmArn: alarm.arn,
    AlarmConfigurationUpdatedTimestamp: epochSeconds(alarm.configuredAt),
    ...alarm.config,
    ScheduledQueryConfiguration: scheduled,
    StateValue: alarm.state.stateValue,
    StateReason: alarm.state.stateReason,
    StateUpdatedTimestamp: epochSeconds(alarm.stateUpdatedAt),
    StateTransitionedTimestamp: epochSeconds(alarm.stateTransitionedAt),
  };
  if (alarm.state.stateReasonData) json.StateReasonData = alarm.state.stateReasonData;
  return json;
}

/** The configuration part of a log alarm, for ConfigurationUpdate history items. */
export function logAlarmConfiguration(alarm: LogAlarm): Record<string, unknown> {
  return lowerFirstKeys({ AlarmName: alarm.name, ...alarm.config });
}
