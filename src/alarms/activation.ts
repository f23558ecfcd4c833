import * as vscode from 'vscode';
import { NO_FILTER, isActive } from '../core/alarms/filter';
import { showError } from '../platform/errors';
import { registerRegionalView } from '../platform/regionalView';
import { BACKGROUND_REFRESH_SETTING, readBackgroundRefreshSeconds } from '../platform/config';
import type { AlarmWatch } from '../firing/activation';
import type { Services } from '../services';
import { ALARM_SCHEME, AlarmDetailsProvider, detailsUri } from './detailsDocument';
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
  const details = new AlarmDetailsProvider(store, cloudWatch);
  const { view, ensureLoaded, auto } = registerRegionalView(context, services, {
    viewId: 'opsLens.alarms', name: 'Alarms', tree, store, autoRefresh: true, refreshWhileHidden: true,
    watch: { backgroundSeconds: readBackgroundRefreshSeconds, setting: BACKGROUND_REFRESH_SETTING },
  });
  const staleAfterSeconds = () => auto?.staleAfterSeconds ?? 0;

  const updateFilterUi = () => {
    view.description = tree.filterDescription;
    void vscode.commands.executeCommand('setContext', 'opsLens.alarms.filtered', isActive(tree.filter));
  };

  context.subscriptions.push(
    store, tree, details, ignored,
    vscode.workspace.registerTextDocumentContentProvider(ALARM_SCHEME, details),
    store.onDidEnterAlarm((alarms) => void notifyEnteredAlarm(alarms, staleAfterSeconds())),
    vscode.commands.registerCommand('opsLens.alarms.showDetails', async (arg?: unknown) => {
      const alarm = await alarmFromArgument(store, arg, ensureLoaded, 'Show details of which alarm?');
      if (!alarm) return;
      const uri = detailsUri(alarm);
      details.refresh(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
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
