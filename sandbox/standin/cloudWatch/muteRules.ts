import type { HandlerContext } from '../handler';
import type { Input } from '../input';
import { asInput, epochSeconds, optionalNumber, optionalString, optionalTimeMs, stringList } from '../input';
import { currentAccount } from '../accounts';
import { pageOf, pageSize } from '../paging';
import { invalidNextToken, resourceNotFoundException, validationError } from './errors';
import { invalidMember, lengthBetween } from './memberChecks';
import type { MuteExpression } from '../../../src/core/alarms/muteSchedule';
import { isTimeZone, MAX_DURATION_MS, parseDuration, parseMuteExpression } from '../../../src/core/alarms/muteSchedule';
import { muteActivity } from '../../../src/core/alarms/muteRules';
import type { CloudWatchRegion } from './state';
import { tagOnCreation } from './tags';

export type MuteRuleStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED';

/** An alarm mute rule: alarm actions of its target alarms are muted while one of its windows is open. */
export interface MuteRule {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly expression: string;
  readonly parsed: MuteExpression;
  readonly duration: string;
  readonly durationMs: number;
  readonly timezone?: string;
  readonly alarmNames?: readonly string[];
  readonly startDate?: number;
  readonly expireDate?: number;
  readonly updatedAt: number;
}

const STATUSES: ReadonlySet<string> = new Set(['SCHEDULED', 'ACTIVE', 'EXPIRED']);
const MAX_TARGETS = 100;



/** Where the rule stands at `now`: expired past its expiry date (or a one-time window that ended), active inside a window. */
export function muteRuleStatus(rule: MuteRule, now = Date.now()): MuteRuleStatus {
  return muteActivity({
    ...rule,
    alarmNames: rule.alarmNames ?? [],
    startDate: rule.startDate !== undefined ? new Date(rule.startDate) : undefined,
    expireDate: rule.expireDate !== undefined ? new Date(rule.expireDate) : undefined,
  }, new Date(now)).status;
}

function checkedRule(state: CloudWatchRegion, input: Input, now: number): MuteRule {
  const name = lengthBetween(optionalString(input, 'Name'), 'name', 1, 255);
  const description = optionalString(input, 'Description');
  if (description !== undefined) lengthBetween(description, 'description', 0, 1024);
  if (typeof input.Rule !== 'object' || input.Rule === null) invalidMember('rule', 'Member must not be null');
  const schedule = asInput(input.Rule).Schedule;
  if (typeof schedule !== 'object' || schedule === null) invalidMember('rule.schedule', 'Member must not be null');
  const expression = lengthBetween(optionalString(asInput(schedule), 'Expression'), 'rule.schedule.expression', 1, 256);
  const parsed = parseMuteExpression(expression);
  if (!parsed) throw validationError(`Invalid schedule expression: ${expression}. Use cron(Minutes Hours Day-of-month Month Day-of-week) or at(yyyy-MM-ddThh:mm).`);
  const duration = lengthBetween(optionalString(asInput(schedule), 'Duration'), 'rule.schedule.duration', 1, 50);
  const durationMs = parseDuration(duration);
  if (durationMs === undefined || durationMs < 60_000 || durationMs > MAX_DURATION_MS) {
    throw validationError(`Invalid duration: ${duration}. Use an ISO 8601 duration from PT1M to P15D.`);
  }
  const timezone = optionalString(asInput(schedule), 'Timezone');
  if (timezone !== undefined && (lengthBetween(timezone, 'rule.schedule.timezone', 1, 50), !isTimeZone(timezone))) {
    throw validationError(`Invalid time zone: ${timezone}.`);
  }
  let alarmNames: string[] | undefined;
  if (input.MuteTargets !== undefined) {
    alarmNames = stringList(asInput(input.MuteTargets), 'AlarmNames');
    if (alarmNames.length < 1 || alarmNames.length > MAX_TARGETS) invalidMember('muteTargets.alarmNames', `Member must have length between 1 and ${MAX_TARGETS}`);
    for (const alarm of alarmNames) lengthBetween(alarm, 'muteTargets.alarmNames.member', 1, 255);
  }
  const startDate = optionalTimeMs(input, 'StartDate');
  const expireDate = optionalTimeMs(input, 'ExpireDate');
  if (startDate !== undefined && expireDate !== undefined && startDate >= expireDate) throw validationError('The StartDate must be before the ExpireDate.');
  return {
    name,
    arn: `arn:aws:cloudwatch:${state.region}:${currentAccount()}:alarm-mute-rule:${name}`,
    ...(description !== undefined ? { description } : {}),
    expression,
    parsed,
    duration,
    durationMs,
    ...(timezone !== undefined ? { timezone } : {}),
    ...(alarmNames !== undefined ? { alarmNames } : {}),
    ...(startDate !== undefined ? { startDate } : {}),
    ...(expireDate !== undefined ? { expireDate } : {}),
    updatedAt: now,
  };
}

/** PutAlarmMuteRule: creates the rule, or replaces the one of that name (its tags are kept). */
export function putAlarmMuteRule(state: CloudWatchRegion, ctx: HandlerContext): unknown {
  const now = Date.now();
  const rule = checkedRule(state, ctx.input, now);
  const existed = state.muteRules.has(rule.name);
  state.muteRules.set(rule.name, rule);
  if (!existed) tagOnCreation(state, rule.arn, ctx.input);
  return {};
}

function muteType(rule: MuteRule): string {
  return rule.parsed.kind === 'at' ? 'ONE_TIME' : 'RECURRING';
}

/** GetAlarmMuteRule: the whole rule with its status now; ResourceNotFoundException for an unknown name. */
export function getAlarmMuteRule(state: CloudWatchRegion, ctx: HandlerContext): unknown {
  const name = lengthBetween(optionalString(ctx.input, 'AlarmMuteRuleName'), 'alarmMuteRuleName', 1, 255);
  const rule = state.muteRules.get(name);
  if (!rule) throw resourceNotFoundException(`Alarm mute rule ${name} does not exist.`);
  const schedule: Record<string, unknown> = { Expression: rule.expression, Duration: rule.duration };
  if (rule.timezone !== undefined) schedule.Timezone = rule.timezone;
  const out: Record<string, unknown> = {
    Name: rule.name,
    AlarmMuteRuleArn: rule.arn,
    Rule: { Schedule: schedule },
    Status: muteRuleStatus(rule),
    LastUpdatedTimestamp: epochSeconds(rule.updatedAt),
    MuteType: muteType(rule),
  };
  if (rule.description !== undefined) out.Description = rule.description;
  if (rule.alarmNames !== undefined) out.MuteTargets = { AlarmNames: rule.alarmNames };
  if (rule.startDate !== undefined) out.StartDate = epochSeconds(rule.startDate);
  if (rule.expireDate !== undefined) out.ExpireDate = epochSeconds(rule.expireDate);
  return out;
}

/**
 * ListAlarmMuteRules: by name, filtered by target alarm and status, paged by MaxRecords (default 50). A rule without
 * targets mutes no alarm by name, so it is not listed under an AlarmName. An AlarmName that names no alarm gives an
 * empty list here (CloudWatch documents ResourceNotFoundException without saying when).
 */
export function listAlarmMuteRules(state: CloudWatchRegion, ctx: HandlerContext): unknown {
  const { input } = ctx;
  const alarmName = optionalString(input, 'AlarmName');
  const statuses = stringList(input, 'Statuses');
  for (const s of statuses) if (!STATUSES.has(s)) throw validationError(`1 validation error detected: Value '${s}' at 'statuses' failed to satisfy constraint: Member must satisfy enum value set: [SCHEDULED, ACTIVE, EXPIRED]`);
  const size = pageSize(optionalNumber(input, 'MaxRecords'), 50, 100, 'maxRecords', validationError);
  const now = Date.now();
  const matching = [...state.muteRules.values()]
    .filter((r) => alarmName === undefined || (r.alarmNames ?? []).includes(alarmName))
    .map((rule) => ({ rule, status: muteRuleStatus(rule, now) }))
    .filter(({ status }) => statuses.length === 0 || statuses.includes(status))
    .sort((a, b) => (a.rule.name < b.rule.name ? -1 : a.rule.name > b.rule.name ? 1 : 0));
  const page = pageOf(matching, 'ListAlarmMuteRules', optionalString(input, 'NextToken'), size, invalidNextToken);
  const result: Record<string, unknown> = {
    AlarmMuteRuleSummaries: page.items.map(({ rule, status }) => {
      const summary: Record<string, unknown> = { AlarmMuteRuleArn: rule.arn, Status: status, MuteType: muteType(rule), LastUpdatedTimestamp: epochSeconds(rule.updatedAt) };
      if (rule.expireDate !== undefined) summary.ExpireDate = epochSeconds(rule.expireDate);
      return summary;
    }),
  };
  if (page.nextToken) result.NextToken = page.nextToken;
  return result;
}

/** DeleteAlarmMuteRule: removes the rule and its tags; CloudWatch documents no error for a name that is not there. */
export function deleteAlarmMuteRule(state: CloudWatchRegion, ctx: HandlerContext): unknown {
  const name = lengthBetween(optionalString(ctx.input, 'AlarmMuteRuleName'), 'alarmMuteRuleName', 1, 255);
  const rule = state.muteRules.get(name);
  if (rule) {
    state.muteRules.delete(name);
    state.tags.delete(rule.arn);
  }
  return {};
}
