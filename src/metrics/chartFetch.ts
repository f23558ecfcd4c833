import type { ScopeId } from '../core/scope';
// Fetches the series of a panel's charts: one GetMetricData run per region (see planMetricDataCalls),
// once per distinct time window. No `vscode` import: tested in plain node with a fake MetricsApi.
import type { LogsApi } from '../aws/services/logs';
import type { MetricsApi } from '../aws/services/metrics';
import type { HistoryItemLike } from '../core/metrics/alarmBands';
import { chartsFromOutcomes, completePeriodsOnly, groupByWindow, planMetricDataCalls, type CallOutcome, type ChartSpec, type FetchedChart } from '../core/metrics/chartCalls';
import type { TimeWindow } from '../core/metrics/ranges';
import type { CustomWidgetDeps } from './customWidgets';

/** What every kind of chart is loaded with. */
export interface ChartDeps {
  readonly metrics: MetricsApi;
  /** StateUpdate history of an alarm; when it fails or is empty, ALARM periods are computed from the data. */
  readonly alarmHistory?: (region: ScopeId, name: string) => Promise<readonly HistoryItemLike[]>;
  readonly now: () => number;
  /** Custom dashboard widgets: invoked only for dashboards the person allowed. */
  readonly customWidgets?: CustomWidgetDeps;
  /** Logs Insights, for a log alarm's chart: its query runs only once the person allowed it (`logAlarmQueryAllowed`). */
  readonly logs?: Pick<LogsApi, 'startQuery' | 'queryResults' | 'stopQuery'>;
  readonly logAlarmQueryAllowed?: (region: ScopeId, name: string) => boolean;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Every chart's series over one window, with as few calls as possible. */
export async function fetchCharts(deps: ChartDeps, specs: readonly ChartSpec[], window: TimeWindow): Promise<Map<string, FetchedChart>> {
  const plan = planMetricDataCalls(specs, window, deps.now());
  const outcomes = await Promise.all(plan.calls.map(async (call): Promise<CallOutcome> => {
    try {
      return { call, data: await deps.metrics.getMetricData(call.region, call.queries, new Date(window.start), new Date(window.end)) };
    } catch (err) {
      return { call, error: messageOf(err) };
    }
  }));
  return chartsFromOutcomes(specs, plan.periods, outcomes);
}

/** fetchCharts once per distinct window: the dashboard's, and each widget's own `start`/`end`; incomplete periods dropped unless `liveData`. */
export async function fetchByWindow(deps: ChartDeps, specs: readonly ChartSpec[], dashboardWindow: TimeWindow): Promise<Map<string, FetchedChart>> {
  const out = new Map<string, FetchedChart>();
  const now = deps.now();
  for (const { window, specs: group } of groupByWindow(specs, dashboardWindow)) {
    const fetched = await fetchCharts(deps, group, window);
    for (const spec of group) {
      const chart = fetched.get(spec.widgetId)!;
      // One period over the whole range (a single value of the range) is never complete: it is drawn as it is.
      out.set(spec.widgetId, spec.liveData === false && !spec.periodIsRange ? completePeriodsOnly(chart, now) : chart);
    }
  }
  return out;
}
