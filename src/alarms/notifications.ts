import * as vscode from 'vscode';
import type { Alarm } from '../core/alarms/model';
import { readTimeZone } from '../platform/timeZone';
import { INVESTIGATE, OPEN_RUNBOOK, SHOW_ALARMS, enteredAlarmNotice } from '../core/watch/notice';
import { notifyWarning } from '../platform/notify';
import { readSetting } from '../platform/trust';

/**
 * One notification per read that saw alarms move into ALARM (read in the background too): one alarm
 * offers Investigate and Open Runbook, several Show Alarms (the view, filtered to ALARM).
 */
export async function notifyEnteredAlarm(alarms: readonly Alarm[], intervalSeconds: number): Promise<void> {
  if (!readSetting<boolean>('alarms.notifyOnAlarm', true)) return;
  const notice = enteredAlarmNotice(alarms, new Date(), intervalSeconds, readTimeZone());
  const picked = await notifyWarning(notice.message, ...notice.buttons);
  const target = { region: alarms[0].region, name: alarms[0].name };
  if (picked === INVESTIGATE) await vscode.commands.executeCommand('opsLens.alarms.investigate', target);
  if (picked === OPEN_RUNBOOK) await vscode.commands.executeCommand('opsLens.alarms.openRunbook', target);
  if (picked === SHOW_ALARMS) {
    await vscode.commands.executeCommand('opsLens.alarms.filter', { text: '', states: ['ALARM'] });
    await vscode.commands.executeCommand('opsLens.alarms.focus');
  }
}
