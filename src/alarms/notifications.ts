import * as vscode from 'vscode';
import type { Alarm } from '../core/alarms/model';
import { notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { readSetting } from '../platform/trust';

/** One notification per refresh that saw alarms move into ALARM. */
export async function notifyEnteredAlarm(alarms: readonly Alarm[]): Promise<void> {
  if (!readSetting<boolean>('alarms.notifyOnAlarm', true)) return;
  const first = alarms[0];
  const message = alarms.length === 1
    ? `Alarm ${quoted(first.name, 120)} (${first.region}) is in ALARM: ${first.stateReason ? quoted(first.stateReason) : 'no reason given'}`
    : `${alarms.length} alarms moved into ALARM: ${quoted(alarms.map((a) => a.name).join(', '))}`;
  const picked = await notifyWarning(message, 'Show Details', 'Open Runbook');
  if (picked === 'Show Details') await vscode.commands.executeCommand('opsLens.alarms.showDetails', { region: first.region, name: first.name });
  if (picked === 'Open Runbook') await vscode.commands.executeCommand('opsLens.alarms.openRunbook', { region: first.region, name: first.name });
}
