import { alarmKey, type Alarm } from './model';

/** Alarms that are in ALARM now but were known and not in ALARM before. New alarms are not transitions. */
export function newlyInAlarm(before: ReadonlyMap<string, Alarm>, after: readonly Alarm[]): Alarm[] {
  return after.filter((a) => {
    if (a.state !== 'ALARM') return false;
    const previous = before.get(alarmKey(a));
    return previous !== undefined && previous.state !== 'ALARM';
  });
}
