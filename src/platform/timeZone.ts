import * as vscode from 'vscode';
import { parseTimeZone, type TimeZone } from '../core/time/zone';
import { readSetting } from './trust';

/** `opsLens.timeZone`: the zone every chart, panel, document and tree writes its times in. */
export function readTimeZone(): TimeZone {
  return parseTimeZone(readSetting<unknown>('timeZone', 'local'));
}

export function onTimeZoneChange(listener: (zone: TimeZone) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('opsLens.timeZone')) listener(readTimeZone());
  });
}
