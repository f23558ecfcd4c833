import * as vscode from 'vscode';
import type { Services } from '../services';
import { refreshCommand, showAll, showOccurrences } from './commands';
import { MarkCache, registerEditorParts } from './editor';
import { ProductionErrorsModel } from './model';
import { readProductionErrorsSettings } from './settings';
import { ProductionErrorsStatus } from './statusBar';

const TICK_MS = 60_000;

/**
 * Production errors in the source: a Logs Insights refresh over `opsLens.productionErrors.logGroups` marks each
 * workspace line that failed (CodeLens, hover, Problems). Nothing is queried while the setting is empty.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const model = new ProductionErrorsModel(services);
  const marks = new MarkCache(model);
  const status = new ProductionErrorsStatus(model);

  /** Refreshes when the window has focus and the last refresh is older than refreshMinutes (never when 0). */
  const maybeRefresh = (): void => {
    const settings = readProductionErrorsSettings();
    if (settings.logGroups.length === 0 || settings.refreshMinutes === 0 || !vscode.window.state.focused) return;
    const last = model.snapshot?.at.getTime() ?? 0;
    if (Date.now() - last < settings.refreshMinutes * 60_000) return;
    model.refresh().catch(() => undefined);
  };
  const timer = setInterval(maybeRefresh, TICK_MS);

  context.subscriptions.push(
    model,
    status,
    { dispose: () => clearInterval(timer) },
    ...registerEditorParts(model, marks),
    vscode.commands.registerCommand('opsLens.productionErrors.refresh', () => refreshCommand(model)),
    vscode.commands.registerCommand('opsLens.productionErrors.showOccurrences', (arg: unknown) => showOccurrences(model, arg)),
    vscode.commands.registerCommand('opsLens.productionErrors.showAll', () => showAll(model)),
    vscode.window.onDidChangeWindowState((state) => state.focused && maybeRefresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('opsLens.productionErrors') && !e.affectsConfiguration('opsLens.sourceMappings') && !e.affectsConfiguration('opsLens.aws')) return;
      if (readProductionErrorsSettings().logGroups.length === 0) model.clear();
      else if (readProductionErrorsSettings().refreshMinutes > 0) model.refresh().catch(() => undefined);
    }),
  );
  maybeRefresh();
}
