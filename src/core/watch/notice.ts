import type { ScopeId } from '../scope';
import { quoted } from '../text/notification';
import { formatClock, type TimeZone } from '../time/zone';

export const INVESTIGATE = 'Investigate';
export const OPEN_RUNBOOK = 'Open Runbook';
export const SHOW_ALARMS = 'Show Alarms';

export interface EnteredAlarm {
  readonly name: string;
  readonly region: ScopeId;
  readonly stateReason: string;
  readonly stateUpdated?: Date;
}

export interface AlarmNotice {
  readonly message: string;
  readonly buttons: readonly string[];
}

/**
 * The one notification of a read that saw alarms move into ALARM: one alarm offers Investigate and Open
 * Runbook; several offer Show Alarms. A move older than one interval (read later, in the background)
 * says when it happened. Text from AWS is quoted (one line, cut, no link can form).
 */
export function enteredAlarmNotice(alarms: readonly EnteredAlarm[], now: Date, intervalSeconds: number, zone: TimeZone = 'local'): AlarmNotice {
  if (alarms.length === 1) {
    const [a] = alarms;
    const late = a.stateUpdated && intervalSeconds > 0 && now.getTime() - a.stateUpdated.getTime() > intervalSeconds * 1000 ? ` (since ${formatClock(a.stateUpdated.getTime(), zone)})` : '';
    return {
      message: `Alarm ${quoted(a.name, 120)} (${quoted(a.region, 80)}) is in ALARM${late}: ${a.stateReason ? quoted(a.stateReason) : 'no reason given'}`,
      buttons: [INVESTIGATE, OPEN_RUNBOOK],
    };
  }
  return { message: `${alarms.length} alarms moved into ALARM: ${quoted(alarms.map((a) => a.name).join(', '))}`, buttons: [SHOW_ALARMS] };
}
