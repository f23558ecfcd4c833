import * as vscode from 'vscode';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import { logAlarmWindow } from '../core/alarms/detailsDoc';
import type { Alarm } from '../core/alarms/model';
import type { WriteGuard } from '../platform/confirmWrite';
import { notifyInfo } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { AlarmDetailsPanels } from './detailsPanel';
import { muteAlarms, selectedAlarms, unmuteAlarm } from './muteCommands';
import { alarmFromArgument } from './resolveArgument';
import type { AlarmsStore } from './store';

export interface AlarmCommandDeps {
  readonly store: AlarmsStore;
  readonly cloudWatch: CloudWatchApi;
  readonly guard: WriteGuard;
  readonly ensureLoaded: () => Promise<unknown>;
  readonly details: AlarmDetailsPanels;
}

/** The details page's title-bar buttons: each runs the alarm command on the alarm of the page in front. */
const DETAILS_ACTIONS: Record<string, string> = {
  'opsLens.alarms.details.investigate': 'opsLens.alarms.investigate',
  'opsLens.alarms.details.chart': 'opsLens.alarms.showChart',
  'opsLens.alarms.details.runbook': 'opsLens.alarms.openRunbook',
  'opsLens.alarms.details.mute': 'opsLens.alarms.mute',
};

/** Details, mute and unmute, and a log alarm's query in Logs Insights. */
export function registerAlarmCommands(deps: AlarmCommandDeps): vscode.Disposable[] {
  const { store, ensureLoaded } = deps;
  const refresh = () => store.refresh(store.regions.map((r) => r.region));
  const muteDeps = { ...deps, refresh };
  return [
    vscode.commands.registerCommand('opsLens.alarms.showDetails', async (arg?: unknown) => {
      const alarm = await alarmFromArgument(store, arg, ensureLoaded, 'Show details of which alarm?');
      if (alarm) await deps.details.show(alarm);
    }),
    vscode.commands.registerCommand('opsLens.alarms.mute', async (arg?: unknown, selection?: unknown, until?: unknown) => {
      const first = await alarmFromArgument(store, arg, ensureLoaded, 'Mute the actions of which alarm?');
      const end = typeof until === 'string' && !Number.isNaN(Date.parse(until)) ? new Date(until) : undefined;
      await muteAlarms(muteDeps, selectedAlarms(first, selection), end);
    }),
    vscode.commands.registerCommand('opsLens.alarms.unmute', async (arg?: unknown) => {
      const alarm = await alarmFromArgument(store, arg, ensureLoaded, 'Unmute which alarm?');
      if (alarm) await unmuteAlarm(muteDeps, alarm);
    }),
    vscode.commands.registerCommand('opsLens.alarms.runLogQuery', async (arg?: unknown) => {
      const alarm = await alarmFromArgument(store, arg, ensureLoaded, 'Run the query of which log alarm?');
      if (alarm) await runLogQuery(alarm);
    }),
    vscode.commands.registerCommand('opsLens.alarms.details.goToDefinition', () => {
      const alarm = deps.details.activeAlarm;
      return alarm ? vscode.commands.executeCommand('opsLens.goToDefinition', { alarm }) : undefined;
    }),
    ...Object.entries(DETAILS_ACTIONS).map(([id, target]) =>
      vscode.commands.registerCommand(id, () => {
        const alarm = deps.details.activeAlarm;
        return alarm ? vscode.commands.executeCommand(target, alarm) : undefined;
      })),
  ];
}

/** Opens the log alarm's query in Logs Insights over the window its latest evaluation read. */
async function runLogQuery(alarm: Alarm): Promise<void> {
  if (!alarm.logQuery) {
    void notifyInfo(`${quoted(alarm.name, 200)} is not a log alarm: it has no Logs Insights query.`);
    return;
  }
  const q = alarm.logQuery;
  await vscode.commands.executeCommand('opsLens.insights.runQuery', { query: q.query, logGroups: [...q.logGroups], region: alarm.region, title: `${alarm.name} (log alarm query)` }, { range: logAlarmWindow(q, new Date()) });
}
