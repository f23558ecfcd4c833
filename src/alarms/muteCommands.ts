import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { Alarm } from '../core/alarms/model';
import { endOfWorkingDay, muteRequest, muteRuleNameFor, unmutePlan } from '../core/alarms/muteRules';
import { formatShort } from '../core/time/zone';
import { quoted } from '../core/text/notification';
import { confirmWrite, type WriteGuard } from '../platform/confirmWrite';
import { showError } from '../platform/errors';
import { notifyInfo } from '../platform/notify';
import { readTimeZone } from '../platform/timeZone';
import { showPick } from '../platform/textSinks';
import type { AlarmsStore } from './store';

export interface MuteDeps {
  readonly store: AlarmsStore;
  readonly cloudWatch: CloudWatchApi;
  readonly guard: WriteGuard;
  /** Reads the scope again after a change, so the tree shows it. */
  readonly refresh: () => Promise<unknown>;
}

const HOUR = 3_600_000;

/** A mute's end as the person's chosen zone writes it. */
const endText = (until: Date, now: Date) => formatShort(until.getTime(), now.getTime(), readTimeZone());

/** The ends a person can choose; the first, the end of the working day, is the default. */
function untilChoices(now: Date): { label: string; until: Date }[] {
  const workday = endOfWorkingDay(now, -now.getTimezoneOffset());
  return [
    { label: `Until the end of the working day (${endText(workday, now)})`, until: workday },
    { label: 'For 1 hour', until: new Date(now.getTime() + HOUR) },
    { label: 'For 4 hours', until: new Date(now.getTime() + 4 * HOUR) },
    { label: 'For 24 hours', until: new Date(now.getTime() + 24 * HOUR) },
  ];
}

/**
 * "Mute Alarm Actions…": one alarm mute rule over the chosen alarms of one scope, from now until the chosen end, after
 * the write guard's confirmation. The alarms keep changing state; their actions (notifications) are muted.
 */
export async function muteAlarms(deps: MuteDeps, alarms: readonly Alarm[], untilArg?: Date): Promise<void> {
  if (alarms.length === 0) return;
  const scope = alarms[0]!.region;
  const chosen = alarms.filter((a) => a.region === scope);
  const now = new Date();
  const until = untilArg ?? (await showPick(untilChoices(now), { title: `Mute the actions of ${chosen.length === 1 ? chosen[0]!.name : `${chosen.length} alarms`}`, placeHolder: 'Until when? The alarms still change state; nobody is notified.' }))?.until;
  if (!until) return;
  const names = chosen.map((a) => a.name);
  const name = muteRuleNameFor(names, now);
  const request = muteRequest(name, names, now, until, `Muted from Ops Lens until ${until.toISOString()}`);
  const what = names.length === 1 ? names[0]! : `${names.length} alarms`;
  const permit = await confirmWrite(deps.guard, {
    scope, operation: 'PutAlarmMuteRule', action: `Mute the actions of ${what} until ${endText(request.ExpireDate, now)}`, target: name,
    question: { message: `Mute the actions of ${quoted(what, 200)} until ${endText(request.ExpireDate, now)}?`, detail: `An alarm mute rule "${name}" is created. The alarms still change state and show in Ops Lens; their actions (notifications, automations) do not run until it expires or is ended with Unmute.`, buttons: ['Mute'] },
  });
  if (!permit) return;
  try {
    await permit.run(() => deps.cloudWatch.putMuteRule(scope, request));
  } catch (err) {
    await showError(err, `Could not mute ${what}`);
    return;
  }
  await deps.refresh();
  void notifyInfo(`The actions of ${quoted(what, 200)} are muted until ${endText(request.ExpireDate, now)} (rule ${name}).`);
}

/** "Unmute": ends the mute rule that mutes the alarm — deleted when it mutes nothing else, else kept for the others. */
export async function unmuteAlarm(deps: MuteDeps, alarm: Alarm): Promise<void> {
  const ruleName = alarm.muted?.rule;
  const rule = ruleName ? deps.store.muteRules(alarm.region).find((r) => r.name === ruleName) : undefined;
  if (!ruleName || !rule) {
    void notifyInfo(`${quoted(alarm.name, 200)} is not muted by a mute rule Ops Lens has read. Refresh the Alarms view.`);
    return;
  }
  const plan = unmutePlan(rule, alarm.name);
  const permit = await confirmWrite(deps.guard, {
    scope: alarm.region, operation: plan.kind === 'delete' ? 'DeleteAlarmMuteRule' : 'PutAlarmMuteRule', action: `Unmute ${alarm.name}`, target: ruleName,
    question: {
      message: `Unmute ${quoted(alarm.name, 200)}?`,
      detail: plan.kind === 'delete' ? `The mute rule "${ruleName}" is deleted; the alarm's actions run again.` : `The mute rule "${ruleName}" keeps muting its ${plan.alarmNames.length} other alarm(s); ${alarm.name} is taken out of it.`,
      buttons: ['Unmute'],
    },
  });
  if (!permit) return;
  try {
    if (plan.kind === 'delete') await permit.run(() => deps.cloudWatch.deleteMuteRule(alarm.region, ruleName));
    else await permit.run(() => deps.cloudWatch.putMuteRule(alarm.region, { Name: rule.name, Description: rule.description, Rule: { Schedule: { Expression: rule.expression, Duration: rule.duration, ...(rule.timezone ? { Timezone: rule.timezone } : {}) } }, MuteTargets: { AlarmNames: plan.alarmNames }, StartDate: rule.startDate, ExpireDate: rule.expireDate }));
  } catch (err) {
    await showError(err, `Could not unmute ${alarm.name}`);
    return;
  }
  await deps.refresh();
  void notifyInfo(`${quoted(alarm.name, 200)} is no longer muted.`);
}

/** The alarms a tree command acts on: every selected alarm row when several are, else the one given. */
export function selectedAlarms(first: Alarm | undefined, selection: unknown): Alarm[] {
  const many = Array.isArray(selection) ? selection.flatMap((n: unknown) => (n && typeof n === 'object' && 'alarm' in n && (n as { alarm?: Alarm }).alarm ? [(n as { alarm: Alarm }).alarm] : [])) : [];
  return many.length > 1 ? many : first ? [first] : [];
}
