import { STATE_ORDER, type Alarm, type AlarmState } from './model';

export interface StateGroup {
  readonly state: AlarmState;
  readonly alarms: readonly Alarm[];
}

/** Groups alarms by state (ALARM, then INSUFFICIENT_DATA, then OK), each sorted by name; empty groups are left out. */
export function groupByState(alarms: readonly Alarm[]): StateGroup[] {
  const byState = new Map<AlarmState, Alarm[]>(STATE_ORDER.map((s) => [s, []]));
  for (const alarm of alarms) byState.get(alarm.state)?.push(alarm);
  return STATE_ORDER.map((state) => ({ state, alarms: byState.get(state)!.sort(byName) })).filter((g) => g.alarms.length > 0);
}

function byName(a: Alarm, b: Alarm): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
}
