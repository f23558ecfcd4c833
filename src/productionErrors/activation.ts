import * as vscode from 'vscode';
import { refreshDue } from '../core/productionErrors/schedule';
import type { Services } from '../services';
import type * as Feature from './feature';
import { readProductionErrorsSettings } from './settings';

const TICK_MS = 60_000;

/**
 * Production errors in the source: a Logs Insights refresh over `opsLens.productionErrors.logGroups` marks each
 * workspace line that failed (CodeLens, hover, Problems). Nothing is queried, and nothing more is loaded, while
 * the setting is empty and no command ran.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  const lensChanged = new vscode.EventEmitter<void>();
  let feature: Feature.ProductionErrorsFeature | undefined;
  const load = (): Feature.ProductionErrorsFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createProductionErrorsFeature(context, services, lensChanged);
    return feature;
  };

  /** Refreshes when the window has focus and the last refresh is older than refreshMinutes (never when 0). */
  const maybeRefresh = (): void => {
    const settings = readProductionErrorsSettings();
    const due = refreshDue({ logGroups: settings.logGroups.length, refreshMinutes: settings.refreshMinutes, focused: vscode.window.state.focused, lastAt: feature?.model.lastAttempt, now: Date.now() });
    if (!due) return;
    load().model.refresh().catch(() => undefined);
  };
  const timer = setInterval(maybeRefresh, TICK_MS);

  context.subscriptions.push(
    lensChanged,
    { dispose: () => clearInterval(timer) },
    vscode.commands.registerCommand('opsLens.productionErrors.refresh', () => load().commands.refresh()),
    vscode.commands.registerCommand('opsLens.productionErrors.showOccurrences', (arg: unknown) => load().commands.showOccurrences(arg)),
    vscode.commands.registerCommand('opsLens.productionErrors.showAll', () => load().commands.showAll()),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, {
      onDidChangeCodeLenses: lensChanged.event,
      provideCodeLenses: (document) => feature?.editor.provideCodeLenses(document) ?? [],
    }),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, { provideHover: (document, position) => feature?.editor.provideHover(document, position) }),
    vscode.window.onDidChangeWindowState((state) => state.focused && maybeRefresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('opsLens.productionErrors') && !e.affectsConfiguration('opsLens.sourceMappings') && !e.affectsConfiguration('opsLens.aws')) return;
      feature?.model.settingsChanged();
      const settings = readProductionErrorsSettings();
      if (settings.logGroups.length === 0) feature?.model.clear();
      else if (settings.refreshMinutes > 0) load().model.refresh().catch(() => undefined);
    }),
  );
  // The first refresh loads the feature's bundle: after activation has returned, not inside it.
  const first = setTimeout(maybeRefresh, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(first) });
}
