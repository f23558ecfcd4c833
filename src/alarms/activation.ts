import * as vscode from 'vscode';
import { NO_FILTER, isActive } from '../core/alarms/filter';
import { AutoRefresh } from '../platform/autoRefresh';
import { showError } from '../platform/errors';
import { announceOutage } from '../platform/outageNotice';
import type { Services } from '../services';
import { ALARM_SCHEME, AlarmDetailsProvider, detailsUri } from './detailsDocument';
import { notifyEnteredAlarm } from './notifications';
import { alarmFromArgument } from './resolveArgument';
import { findRunbook, offerMapping, openRunbook } from './runbook';
import { AlarmsStatusBar } from './statusBar';
import { AlarmsStore } from './store';
import { AlarmsTree } from './tree';
import { IgnoredSettings } from '../platform/trust';
import { pickFilter } from './filterCommand';
import { withViewProgress } from '../platform/textSinks';

export function activate(context: vscode.ExtensionContext, services: Services): AlarmsStore {
  const { session, cloudWatch, log } = services;
  const store = new AlarmsStore(cloudWatch);
  const ignored = new IgnoredSettings();
  const tree = new AlarmsTree(store, ignored, services.accounts);
  const view = vscode.window.createTreeView('opsLens.alarms', { treeDataProvider: tree, showCollapseAll: true });
  services.views.set('opsLens.alarms', view as vscode.TreeView<unknown>);
  const details = new AlarmDetailsProvider(store, cloudWatch);

  let started = false;
  const refresh = async (): Promise<boolean> => {
    started = true;
    await services.ensureCredentialsChecked();
    const { regions } = await session.regions();
    const ok = await withViewProgress('opsLens.alarms', () => store.refresh(regions));
    for (const outage of services.outages.update('Alarms', store.regions)) void announceOutage(outage, store.regions.find((r) => r.region === outage.region)?.loadedAt);
    await vscode.commands.executeCommand('setContext', 'opsLens.alarms.loaded', true);
    return ok;
  };
  const auto = new AutoRefresh(view, refresh);
  const ensureLoaded = () => (store.loaded ? Promise.resolve(true) : refresh());

  const updateFilterUi = () => {
    view.description = tree.filterDescription;
    void vscode.commands.executeCommand('setContext', 'opsLens.alarms.filtered', isActive(tree.filter));
  };

  context.subscriptions.push(
    store, tree, view, details, auto, ignored,
    new AlarmsStatusBar(store),
    services.refresh.add(async () => auto.outcome(await refresh())),
    vscode.workspace.registerTextDocumentContentProvider(ALARM_SCHEME, details),
    view.onDidChangeVisibility((e) => e.visible && !started && void refresh().then((ok) => auto.outcome(ok))),
    store.onDidEnterAlarm((alarms) => void notifyEnteredAlarm(alarms)),
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
  if (view.visible) void refresh().then((ok) => auto.outcome(ok));
  return store;
}
