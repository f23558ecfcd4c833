import * as vscode from 'vscode';
import type { Services } from '../services';
import type * as Feature from './feature';

/** Charts series handed over whole: `{ title, series: [{ name, points: [[epoch ms, value], …] }], unit? }`. */
export const SHOW_SERIES_COMMAND = 'opsLens.metrics.showSeries';

const CHART_VIEW_TYPE = 'opsLens.chart';

/**
 * Registers the chart commands and the panel serializer; the charts themselves (webview host, data
 * loading, pickers) load on first use, so activation stays small.
 */
export function activate(context: vscode.ExtensionContext, services: Services): void {
  let feature: Feature.MetricsFeature | undefined;
  const load = (): Feature.MetricsFeature => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    feature ??= (require('./feature') as typeof Feature).createMetricsFeature(context, services);
    return feature;
  };
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(CHART_VIEW_TYPE, { deserializeWebviewPanel: async (panel, saved) => load().panels.restore(panel, saved) }),
    vscode.commands.registerCommand(SHOW_SERIES_COMMAND, (arg?: unknown) => load().showSeries(arg)),
    vscode.commands.registerCommand('opsLens.metrics.openChart', (arg?: unknown) => load().openChart(arg)),
    vscode.commands.registerCommand('opsLens.metrics.openDashboard', (arg?: unknown) => load().openDashboard(arg)),
    vscode.commands.registerCommand('opsLens.alarms.showChart', (arg?: unknown) => load().showAlarmChart(arg)),
    // The chart panel's title bar: shown only while a chart is in front, so the feature is loaded.
    vscode.commands.registerCommand('opsLens.chart.refresh', () => feature?.panels.refreshActive()),
    vscode.commands.registerCommand('opsLens.chart.exportCsv', () => feature?.panels.exportActive()),
  );
}
