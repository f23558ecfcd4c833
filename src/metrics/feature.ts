import { rangeAroundChange } from '../core/metrics/ranges';
import { foundAny } from '../core/alarms/model';
import * as vscode from 'vscode';
import { alarmFromArgument, dashboardFromArgument, metricSelectionsFromArgument, seriesChartFromArgument, type AlarmTarget } from '../core/metrics/arguments';
import { readRefreshIntervalSeconds } from '../platform/config';
import { showError } from '../platform/errors';
import type { Services } from '../services';
import { ChartPanel } from '../webview/panel';
import { profilesIn, sameProfile, scopesFor, type ScopeId } from '../core/scope';
import { ChartLoader } from './loader';
import { listAllDashboards, pickAlarm, pickDashboard, pickMetrics, pickRegion } from './pickers';
import { confirmChange, notifyError } from '../platform/notify';
import { SdkLambda } from '../aws/services/lambda';
import { functionName } from '../core/metrics/widgetOptions';
import type { ChartSource } from '../webview/protocol';
import { permissionKey, readDashboardFunctions, type DashboardFunctions } from './customWidgets';
import { quoted } from '../core/text/notification';

export interface MetricsFeature {
  readonly panels: ChartPanel;
  openChart(arg?: unknown): Promise<void>;
  openDashboard(arg?: unknown): Promise<void>;
  showAlarmChart(arg?: unknown): Promise<void>;
  showSeries(arg?: unknown): void;
}

/**
 * Metric charts, alarm charts and CloudWatch dashboards, all in `opsLens.chart` webview panels. Loaded
 * on first use (see activation.ts); `showSeries` charts series another feature already has
 * (`opsLens.insights.showChart` hands it Logs Insights results).
 */
export function createMetricsFeature(context: vscode.ExtensionContext, services: Services): MetricsFeature {
  const { session, cloudWatch, metrics: metricsApi, logs, log } = services;
  // Dashboards whose custom widget functions the person allowed to invoke, this session (dashboard + exact functions).
  const allowedFunctions = new Set<string>();
  const customWidgets = { lambda: new SdkLambda(session), isAllowed: (d: DashboardFunctions) => allowedFunctions.has(permissionKey(d)) };
  // Log alarms whose query the person allowed to run to chart them, this session.
  const allowedLogAlarms = new Set<string>();
  const logAlarmKey = (region: string, name: string) => `${region}\u0000${name}`;
  const loader = new ChartLoader({
    metrics: metricsApi, alarmHistory: (region, name) => cloudWatch.alarmHistory(region, name, 100), customWidgets,
    logs, logAlarmQueryAllowed: (region, name) => allowedLogAlarms.has(logAlarmKey(region, name)),
  });
  const allowLogAlarmQuery = async (source: ChartSource): Promise<boolean> => {
    if (source.kind !== 'alarm') return false;
    const allowed = await confirmChange(
      `Run the query of log alarm "${quoted(source.name, 120)}" in Logs Insights to chart it?`,
      'Run the query',
      `It runs in ${source.region} with your credentials over the chart's range, once per load (Refresh, a new range, or auto refresh run it again). Logs Insights charges per GB scanned. Ops Lens does not ask again for this alarm until VS Code restarts.`,
    );
    if (allowed) allowedLogAlarms.add(logAlarmKey(source.region, source.name));
    return allowed;
  };
  const allowCustomWidgets = async (source: ChartSource): Promise<boolean> => {
    if (source.kind !== 'dashboard') return false;
    const dashboard = await readDashboardFunctions(metricsApi, source.region, source.name);
    if (!dashboard.functions.length) return false;
    const names = dashboard.functions.map((f) => quoted(functionName(f))).join(', ');
    const allowed = await confirmChange(
      `Invoke the Lambda functions of dashboard ${quoted(source.name)} to draw its custom widgets?`,
      'Invoke for this dashboard',
      `Each custom widget runs its function in ${source.region} with your credentials: ${names}. Their HTML or markdown is shown as plain text blocks, never run. Ops Lens asks again when the dashboard names other functions.`,
    );
    if (allowed) allowedFunctions.add(permissionKey(dashboard));
    return allowed;
  };
  const panels = new ChartPanel({ extensionUri: context.extensionUri, loader, log, refreshSeconds: readRefreshIntervalSeconds, marking: (scope) => services.accounts.marking(scope), allowCustomWidgets, allowLogAlarmQuery });

  const regions = async (): Promise<readonly ScopeId[]> => (await session.regions()).regions;

  const openChart = async (arg?: unknown): Promise<void> => {
    const all = await regions();
    const given = arg === undefined ? undefined : metricSelectionsFromArgument(arg, all[0], profilesIn(all));
    if (arg !== undefined && !given) {
      void notifyError('Open Metric Chart takes { region?, namespace, metricName, dimensions?, stat? } or a list of them.');
      return;
    }
    let metrics = given;
    const plain = [...new Set((given ?? []).map((m) => m.region))].flatMap((r) => (scopesFor(r, all).length > 1 ? [r] : []));
    if (metrics && plain.length > 0) {
      // Regions given on their own, with several profiles side by side: the metrics of which account?
      const scope = await pickRegion(scopesFor(plain[0], all), 'Metric chart: which account?');
      if (!scope) return;
      metrics = metrics.map((m) => ({ ...m, region: sameProfile(scope, m.region) }));
    }
    if (!metrics) {
      await services.ensureCredentialsChecked();
      const region = await pickRegion(all, 'Metric chart: region');
      if (!region) return;
      metrics = await pickMetrics(metricsApi, region);
    }
    if (!metrics || metrics.length === 0) return;
    panels.show({ kind: 'metrics', metrics });
  };

  const openDashboard = async (arg?: unknown): Promise<void> => {
    const all = await regions();
    const target = dashboardFromArgument(arg);
    if (arg !== undefined && !target) {
      void notifyError('Open CloudWatch Dashboard takes a dashboard name or { name, region }.');
      return;
    }
    await services.ensureCredentialsChecked();
    let chosen: { region: ScopeId; name: string } | undefined;
    const where = target?.region ? scopesFor(target.region, all) : all;
    if (target && where.length === 1) chosen = { region: where[0], name: target.name };
    else if (target) {
      const { dashboards } = await listAllDashboards(metricsApi, where);
      const found = dashboards.find((d) => d.name === target.name);
      if (!found) {
        void notifyError(`No CloudWatch dashboard named "${quoted(target.name, 120)}" in ${where.join(', ')}.`);
        return;
      }
      chosen = { region: found.region, name: found.name };
    } else chosen = await pickDashboard(metricsApi, all);
    if (chosen) panels.show({ kind: 'dashboard', region: chosen.region, name: chosen.name });
  };

  const findAlarmRegion = async (target: AlarmTarget, all: readonly ScopeId[]): Promise<ScopeId | undefined> => {
    const where = target.region ? scopesFor(target.region, all) : all;
    if (where.length === 1) return where[0];
    for (const region of where) {
      const found = await metricsApi.describeAlarms(region, [target.name]).catch(() => undefined);
      if (found && foundAny(found)) return region;
    }
    return undefined;
  };

  const showAlarmChart = async (arg?: unknown): Promise<void> => {
    const all = await regions();
    await services.ensureCredentialsChecked();
    const target: AlarmTarget | undefined = alarmFromArgument(arg) ?? (arg === undefined ? await pickAlarm(cloudWatch, all) : undefined);
    if (!target) {
      if (arg !== undefined) void notifyError('Show Alarm Chart takes an alarm, { region, name }, or an alarm name.');
      return;
    }
    try {
      const region = await findAlarmRegion(target, all);
      if (!region) {
        void notifyError(`No alarm named "${quoted(target.name, 120)}" in ${all.join(', ')}.`);
        return;
      }
      panels.show({ kind: 'alarm', region, name: target.name, ...(target.snapshot ? { snapshot: target.snapshot } : {}) }, { range: rangeAroundChange(target.snapshot?.stateUpdated, Date.now()) });
    } catch (err) {
      await showError(err, `Could not chart ${target.name}`);
    }
  };

  const showSeries = (arg?: unknown): void => {
    const chart = seriesChartFromArgument(arg);
    if (!chart) {
      void notifyError('There is nothing to chart: showSeries takes { title, series: [{ name, points: [[epoch ms, value], …] }], unit? }.');
      return;
    }
    panels.show({ kind: 'insights', ...chart });
  };

  context.subscriptions.push(panels);
  return { panels, openChart, openDashboard, showAlarmChart, showSeries };
}
