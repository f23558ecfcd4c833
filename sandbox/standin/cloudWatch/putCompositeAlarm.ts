import type { HandlerContext } from '../handler';
import { optionalString } from '../input';
import { parseAlarmRule, ruleAlarms } from './alarmRule';
import type { CompositeAlarm } from './compositeAlarms';
import { applyCompositeInput, compositeConfiguration, refreshComposites } from './compositeAlarms';
import { validationError } from './errors';
import { accountOf, fetchMetricAlarms } from './metricAlarms';
import type { CloudWatchRegion } from './state';
import { tagOnCreation } from './tags';
import { DEFAULT_ACCOUNT } from './state';

const MAX_RULE_LENGTH = 10240;

/** PutCompositeAlarm: creates or replaces a composite alarm held by the stand-in, then derives its state. */
export async function putCompositeAlarm(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const { input } = ctx;
  const name = optionalString(input, 'AlarmName');
  if (!name) throw validationError("1 validation error detected: Value null at 'alarmName' failed to satisfy constraint: Member must not be null");
  const ruleText = optionalString(input, 'AlarmRule');
  if (!ruleText) throw validationError("1 validation error detected: Value null at 'alarmRule' failed to satisfy constraint: Member must not be null");
  if (ruleText.length > MAX_RULE_LENGTH) throw validationError(`1 validation error detected: Value at 'alarmRule' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RULE_LENGTH}`);
  const parsedRule = parseAlarmRule(ruleText);

  const metricAlarms = await fetchMetricAlarms(ctx.moto);
  const metricNames = new Set(metricAlarms.map((a) => a.AlarmName));
  if (metricNames.has(name)) throw validationError(`An alarm named ${name} already exists as a metric alarm.`);
  const children = ruleAlarms(parsedRule);
  if (children.includes(name)) throw validationError(`The alarm rule of ${name} refers to the alarm itself.`);
  const missing = children.filter((c) => !metricNames.has(c) && !state.composites.get(c));
  if (missing.length > 0) throw validationError(`Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`);

  const now = Date.now();
  const existing = state.composites.get(name);
  const alarm: CompositeAlarm = existing ?? {
    name,
    arn: `arn:aws:cloudwatch:${state.region}:${accountOf(metricAlarms) ?? DEFAULT_ACCOUNT}:alarm:${name}`,
    rule: ruleText,
    parsedRule,
    actionsEnabled: true,
    alarmActions: [],
    okActions: [],
    insufficientDataActions: [],
    configuredAt: now,
    state: { stateValue: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation' },
    stateUpdatedAt: now,
    stateTransitionedAt: now,
  };
  alarm.rule = ruleText;
  alarm.parsedRule = parsedRule;
  alarm.configuredAt = now;
  applyCompositeInput(alarm, input);
  state.composites.set(alarm);
  if (!existing) tagOnCreation(state, alarm.arn, input);
  state.history.recordConfiguration(name, 'CompositeAlarm', existing ? 'Update' : 'Create', compositeConfiguration(alarm), now);
  refreshComposites(state.composites, metricAlarms, state.history, now);
  return {};
}
