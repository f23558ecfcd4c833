// Builds what a chart panel shows from what it is asked to show: the host fetches, the page only
// draws. One module per kind of chart; this picks it. No `vscode` import: tested in plain node with a fake MetricsApi.
import { timeWindow } from '../core/metrics/ranges';
import type { ChartSource, ChartView, PanelState } from '../webview/protocol';
import { loadAlarmChart } from './alarmChart';
import type { ChartDeps } from './chartFetch';
import { chartTitle } from './chartWidget';
import { loadDashboardChart } from './dashboardChart';
import { loadMetricChart } from './metricChart';
import { loadSeriesChart } from './seriesChart';

export type LoaderDeps = Omit<ChartDeps, 'now'> & { readonly now?: () => number };

export class ChartLoader {
  private readonly deps: ChartDeps;

  constructor(deps: LoaderDeps) {
    this.deps = { ...deps, now: deps.now ?? Date.now };
  }

  /** The panel's tab title. */
  title(source: ChartSource): string {
    return chartTitle(source);
  }

  async load(state: PanelState): Promise<ChartView> {
    const window = timeWindow(state.range, this.deps.now());
    switch (state.source.kind) {
      case 'metrics':
        return loadMetricChart(this.deps, state, state.source, window);
      case 'dashboard':
        return loadDashboardChart(this.deps, state, state.source);
      case 'alarm':
        return loadAlarmChart(this.deps, state, state.source, window);
      case 'insights':
        return loadSeriesChart(state, state.source, this.deps.now());
    }
  }
}
