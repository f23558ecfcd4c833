import type { Muting } from './model';
import { oneTimeEnd, parseDuration, parseMuteExpression, windowAt } from './muteSchedule';

/** An alarm mute rule as GetAlarmMuteRule gives it, independent of the SDK. */
export interface MuteRule {
  readonly name: string;
  readonly description?: string;
  /** `at(2026-12-07T17:00)` or `cron(0 22 * * SAT)`. */
  readonly expression: string;
  /** ISO 8601, `PT2H`. */
  readonly duration: string;
  readonly timezone?: string;
  readonly alarmNames: readonly string[];
  readonly startDate?: Date;
  readonly expireDate?: Date;
}

export type MuteStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED';

/** The rule as GetAlarmMuteRule answers it; undefined without a name or a schedule. */
export function muteRuleFromAws(out: { Name?: string; Description?: string; Rule?: { Schedule?: { Expression?: string; Duration?: string; Timezone?: string } }; MuteTargets?: { AlarmNames?: string[] }; StartDate?: Date; ExpireDate?: Date }): MuteRule | undefined {
  const schedule = out.Rule?.Schedule;
  if (!out.Name || !schedule?.Expression || !schedule.Duration) return undefined;
  return {
    name: out.Name,
    ...(out.Description ? { description: out.Description } : {}),
    expression: schedule.Expression,
    duration: schedule.Duration,
    ...(schedule.Timezone ? { timezone: schedule.Timezone } : {}),
    alarmNames: out.MuteTargets?.AlarmNames ?? [],
    ...(out.StartDate ? { startDate: new Date(out.StartDate) } : {}),
    ...(out.ExpireDate ? { expireDate: new Date(out.ExpireDate) } : {}),
  };
}

/** The rule's name from its ARN (`arn:aws:cloudwatch:region:account:alarm-mute-rule:name`). */
export function muteRuleName(arn: string): string {
  const marker = ':alarm-mute-rule:';
  const at = arn.indexOf(marker);
  return at < 0 ? '' : arn.slice(at + marker.length);
}

/**
 * Whether the rule mutes at `now`, and until when: the end of the open window, or the expiry date when that comes
 * first. A schedule Ops Lens cannot read is reported as not muting, never as muting.
 */
export function muteActivity(rule: MuteRule, now: Date): { status: MuteStatus; until?: Date } {
  const at = now.getTime();
  const zone = rule.timezone ?? 'UTC';
  const expression = parseMuteExpression(rule.expression);
  const durationMs = parseDuration(rule.duration);
  const expiry = rule.expireDate?.getTime();
  if (expiry !== undefined && at >= expiry) return { status: 'EXPIRED' };
  if (!expression || durationMs === undefined) return { status: 'SCHEDULED' };
  const lastEnd = oneTimeEnd(expression, durationMs, zone);
  if (lastEnd !== undefined && at >= lastEnd) return { status: 'EXPIRED' };
  if (rule.startDate && at < rule.startDate.getTime()) return { status: 'SCHEDULED' };
  const window = windowAt(expression, durationMs, zone, at);
  if (!window) return { status: 'SCHEDULED' };
  return { status: 'ACTIVE', until: new Date(expiry !== undefined ? Math.min(expiry, window.end) : window.end) };
}

/** Each alarm silenced at `now` and by which rule; with several rules, the one that mutes longest. */
export function mutedAlarms(rules: readonly MuteRule[], now: Date): Map<string, Muting> {
  const out = new Map<string, Muting>();
  for (const rule of rules) {
    const activity = muteActivity(rule, now);
    if (activity.status !== 'ACTIVE') continue;
    for (const alarm of rule.alarmNames) {
      const held = out.get(alarm);
      if (!held || (held.until && activity.until && activity.until > held.until)) out.set(alarm, { rule: rule.name, until: activity.until });
    }
  }
  return out;
}

const MINUTE = 60_000;
const MAX_MUTE_MS = 15 * 24 * 60 * MINUTE;

/**
 * The default end of a mute made now: the end of the working day (`endHour` local time), or, after it, the start of
 * the next morning (`startHour`). `offsetMinutes` is the local zone's offset from UTC at `now`.
 */
export function endOfWorkingDay(now: Date, offsetMinutes: number, endHour = 18, startHour = 9): Date {
  const local = new Date(now.getTime() + offsetMinutes * MINUTE);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const endToday = day + endHour * 60 * MINUTE;
  const localEnd = local.getTime() < endToday ? endToday : day + 24 * 60 * MINUTE + startHour * 60 * MINUTE;
  return new Date(localEnd - offsetMinutes * MINUTE);
}

/** The PutAlarmMuteRule request that mutes `alarmNames` from now until `until`: one window, expiring with it. */
export function muteRequest(name: string, alarmNames: readonly string[], now: Date, until: Date, description: string): {
  Name: string; Description: string; Rule: { Schedule: { Expression: string; Duration: string } }; MuteTargets: { AlarmNames: string[] }; ExpireDate: Date;
} {
  const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const minutes = Math.max(1, Math.ceil((Math.min(until.getTime(), start + MAX_MUTE_MS) - start) / MINUTE));
  return {
    Name: name,
    Description: description,
    Rule: { Schedule: { Expression: `at(${new Date(start).toISOString().slice(0, 16)})`, Duration: `PT${minutes}M` } },
    MuteTargets: { AlarmNames: [...alarmNames] },
    ExpireDate: new Date(start + minutes * MINUTE),
  };
}

/** A rule name for a mute made by Ops Lens: readable, unique to the minute, within CloudWatch's 255 characters. */
export function muteRuleNameFor(alarmNames: readonly string[], now: Date): string {
  const first = (alarmNames[0] ?? 'alarms').replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 120);
  const more = alarmNames.length > 1 ? `-and-${alarmNames.length - 1}-more` : '';
  return `ops-lens-mute-${first}${more}-${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
}

/**
 * How to end the mute of `alarm` by `rule`: delete the rule when it mutes nothing else, else put it again without
 * the alarm (the other alarms stay muted).
 */
export function unmutePlan(rule: MuteRule, alarm: string): { kind: 'delete' } | { kind: 'retarget'; alarmNames: string[] } {
  const rest = rule.alarmNames.filter((n) => n !== alarm);
  return rest.length === 0 ? { kind: 'delete' } : { kind: 'retarget', alarmNames: rest };
}

/** "muted until 18:00 by ops-lens-mute-…" without the zone handling the caller does. */
export function mutingText(muting: Muting, formatTime: (d: Date) => string): string {
  return `muted${muting.until ? ` until ${formatTime(muting.until)}` : ''} by ${muting.rule}`;
}
