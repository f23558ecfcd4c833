import * as vscode from 'vscode';
import { NO_FILTER, isActive } from '../core/alarms/filter';
import { showError } from '../platform/errors';
import { registerRegionalView } from '../platform/regionalView';
import { BACKGROUND_REFRESH_SETTING, readBackgroundRefreshSeconds } from '../platform/config';
import type { AlarmWatch } from '../firing/activation';
import type { Services } from '../services';
import { registerAlarmCommands } from './commands';
import { AlarmDetailsPanels } from './detailsPanel';
import { notifyEnteredAlarm } from './notifications';
import { alarmFromArgument } from './resolveArgument';
import { findRunbook, offerMapping, openRunbook } from './runbook';
import { AlarmsStore } from './store';
import { AlarmsTree } from './tree';
import { IgnoredSettings } from '../platform/trust';
import { pickFilter } from './filterCommand';

/** Returns the alarm watch: alarm states read whatever view is in front, for the status bar, the badge and notifications. */
export function activate(context: vscode.ExtensionContext, services: Services): AlarmWatch {
  const { cloudWatch, log } = services;
  const store = new AlarmsStore(cloudWatch);
  const ignored = new IgnoredSettings();
  const tree = new AlarmsTree(store, ignored, services.accounts);
  const { view, ensureLoaded, auto } = registerRegionalView(context, services, {
    viewId: 'opsLens.alarms', name: 'Alarms', tree, store, autoRefresh: true, refreshWhileHidden: true, canSelectMany: true,
    watch: { backgroundSeconds: readBackgroundRefreshSeconds, setting: BACKGROUND_REFRESH_SETTING },
  });
  const staleAfterSeconds = () => auto?.staleAfterSeconds ?? 0;

  const updateFilterUi = () => {
    view.description = tree.filterDescription;
    void vscode.commands.executeCommand('setContext', 'opsLens.alarms.filtered', isActive(tree.filter));
  };

  const details = new AlarmDetailsPanels(store, cloudWatch, (alarm) => findRunbook(alarm, cloudWatch, log));

  context.subscriptions.push(
    store, tree, details, ignored,
    store.onDidEnterAlarm((alarms) => void notifyEnteredAlarm(alarms, staleAfterSeconds())),
    ...registerAlarmCommands({ store, cloudWatch, guard: services, ensureLoaded, details }),
    vscode.commands.registerCommand('opsLens.alarms.openRunbook', async (arg?: unknown) => {
      const alarm = await alarmFromArgument(store, arg, ensureLoaded, 'Open the runbook of which alarm?');
      if (!alarm) return;
      try {
        const runbook = await findRunbook(alarm, cloudWatch, log);
        if (runbook) await openRunbook(runbook, log);
        else await offerMapping(alarm);
      } catch (err) {
        await showError(err, `Could not open the runbook of ${alarm.name}`);
      }
    }),
    vscode.commands.registerCommand('opsLens.alarms.filter', async (arg?: unknown) => {
      const filter = await pickFilter(tree.filter, arg);
      if (!filter) return;
      tree.filter = filter;
      updateFilterUi();
    }),
    vscode.commands.registerCommand('opsLens.alarms.clearFilter', () => {
      tree.filter = NO_FILTER;
      updateFilterUi();
    }),
  );
  return { store, view: view as vscode.TreeView<unknown>, staleAfterSeconds };
}
