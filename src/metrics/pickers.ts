import type { ScopeId } from '../core/scope';
import * as vscode from 'vscode';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { DashboardSummary, MetricsApi } from '../aws/services/metrics';
import type { MetricSelection } from '../core/metrics/arguments';
import type { MetricRef } from '../core/metrics/queries';
import { relativeTime } from '../core/time/relative';
import { showError } from '../platform/errors';
import { inEveryRegion } from '../aws/regions';
import { notifyInfo, notifyWarning } from '../platform/notify';
import { quoted } from '../core/text/notification';
import { BACK, showPick, showStepPick, withNotificationProgress } from '../platform/textSinks';

/** ListMetrics pages read at most for one picker (500 metrics a page). */
const MAX_PAGES = 20;

async function collect<T>(pages: AsyncIterable<T[]>, maxPages = MAX_PAGES): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page);
    if (++count >= maxPages) return { items, truncated: true };
  }
  return { items, truncated: false };
}

function progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return withNotificationProgress(title, task);
}

export async function pickRegion(regions: readonly ScopeId[], purpose: string): Promise<ScopeId | undefined> {
  if (regions.length <= 1) return regions[0];
  const picked = await showPick(regions.map((r) => ({ label: r })), { title: purpose, placeHolder: 'Region' });
  return picked?.label;
}

function dimensionText(m: MetricRef): string {
  return m.dimensions.length ? m.dimensions.map((d) => `${d.name}=${d.value}`).join(', ') : '(no dimensions)';
}

/** Namespace, then metric, then one or more of its dimension sets, from ListMetrics: three steps, each with Back. */
export async function pickMetrics(metrics: MetricsApi, region: ScopeId): Promise<MetricSelection[] | undefined> {
  try {
    const all = await progress(`Listing metrics in ${region}…`, () => collect(metrics.listMetricPages(region)));
    const namespaces = [...new Set(all.items.map((m) => m.namespace))].sort();
    const typeOwn = { label: 'Type a namespace…', iconPath: new vscode.ThemeIcon('edit'), own: true };
    let step: 1 | 2 | 3 = 1;
    let namespace = '';
    let metricName = '';
    let inNamespace: MetricRef[] = [];
    for (;;) {
      if (step === 1) {
        const picked = await showStepPick([...namespaces.map((n) => ({ label: n, own: false })), typeOwn], {
          title: `Metric chart (${region}): namespace`,
          placeHolder: all.truncated ? 'Namespace (from the first metrics listed; type your own if it is missing)' : 'Namespace',
        }, { step: 1, totalSteps: 3 });
        if (!picked || picked === BACK) return undefined;
        const own = picked[0]?.own ? (await vscode.window.showInputBox({ title: 'Namespace', placeHolder: 'AWS/ECS' }))?.trim() : picked[0]?.label;
        if (!own) continue;
        namespace = own;
        inNamespace = (await progress(`Listing metrics of ${namespace}…`, () => collect(metrics.listMetricPages(region, { namespace })))).items;
        step = 2;
      } else if (step === 2) {
        const counts = new Map<string, number>();
        for (const m of inNamespace) counts.set(m.metricName, (counts.get(m.metricName) ?? 0) + 1);
        if (counts.size === 0) {
          void notifyInfo(`No metrics in ${namespace} in ${region} (CloudWatch lists metrics that received data in the last two weeks).`);
          step = 1;
          continue;
        }
        const picked = await showStepPick([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => ({ label: name, description: `${n} dimension set${n === 1 ? '' : 's'}` })), {
          title: `Metric chart (${region}): ${namespace} metric`,
          placeHolder: 'Metric',
          matchOnDescription: true,
        }, { step: 2, totalSteps: 3 });
        if (picked === BACK) {
          step = 1;
          continue;
        }
        if (!picked?.[0]) return undefined;
        metricName = picked[0].label;
        step = 3;
      } else {
        const sets = await progress(`Listing ${metricName} dimensions…`, () => collect(metrics.listMetricPages(region, { namespace, metricName })));
        const unique = new Map(sets.items.map((m) => [dimensionText(m), m]));
        if (unique.size <= 1) return [...unique.values()].map((m) => ({ region, namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions }));
        const picked = await showStepPick([...unique].sort(([a], [b]) => a.localeCompare(b)).map(([label, m]) => ({ label, metric: m })), {
          title: `Metric chart (${region}): ${metricName}, which dimensions? (several are drawn on one chart)`,
          placeHolder: 'Dimension sets',
          canPickMany: true,
          matchOnDescription: true,
        }, { step: 3, totalSteps: 3 });
        if (picked === BACK) {
          step = 2;
          continue;
        }
        if (!picked || picked.length === 0) return undefined;
        return picked.map(({ metric: m }) => ({ region, namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions }));
      }
    }
  } catch (err) {
    await showError(err, `Could not list metrics in ${region}`);
    return undefined;
  }
}

/** Every dashboard of every region, in one list. */
export async function listAllDashboards(metrics: MetricsApi, regions: readonly ScopeId[]): Promise<{ dashboards: DashboardSummary[]; failures: string[] }> {
  const failures: string[] = [];
  const lists = await Promise.all(regions.map(async (region) => {
    try {
      return (await collect(metrics.listDashboards(region), 50)).items;
    } catch (err) {
      failures.push(`${region}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }));
  return { dashboards: lists.flat(), failures };
}

export async function pickDashboard(metrics: MetricsApi, regions: readonly ScopeId[]): Promise<{ region: ScopeId; name: string } | undefined> {
  const { dashboards, failures } = await progress('Listing CloudWatch dashboards…', () => listAllDashboards(metrics, regions));
  for (const f of failures) void notifyWarning(`Could not list dashboards in ${f}`);
  if (dashboards.length === 0) {
    if (failures.length === 0) void notifyInfo(`No CloudWatch dashboards in ${regions.join(', ')}.`);
    return undefined;
  }
  const now = new Date();
  const picked = await showPick(
    dashboards.sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({
      label: d.name,
      description: [regions.length > 1 ? d.region : '', d.lastModified ? `changed ${relativeTime(d.lastModified, now)}` : ''].filter(Boolean).join(' · '),
      dashboard: d,
    })),
    { title: 'Open CloudWatch dashboard', placeHolder: 'Dashboard', matchOnDescription: true },
  );
  return picked ? { region: picked.dashboard.region, name: picked.dashboard.name } : undefined;
}

/** Metric alarms of every region (composite alarms have no chart). */
export async function pickAlarm(cloudWatch: CloudWatchApi, regions: readonly ScopeId[]): Promise<{ region: ScopeId; name: string } | undefined> {
  const items: { label: string; description: string; region: ScopeId }[] = [];
  // A region (or profile) that cannot be listed never hides the others' alarms.
  const failures = await progress('Listing alarms…', () => inEveryRegion(regions, async (region) => {
    for await (const page of cloudWatch.alarmPages(region)) {
      for (const a of page.metricAlarms) items.push({ label: a.AlarmName ?? '', description: [a.StateValue ?? '', regions.length > 1 ? region : ''].filter(Boolean).join(' · '), region });
      for (const a of page.logAlarms ?? []) items.push({ label: a.AlarmName ?? '', description: [a.StateValue ?? '', 'log alarm', regions.length > 1 ? region : ''].filter(Boolean).join(' · '), region });
    }
  }));
  if (failures.length === regions.length && failures.length > 0) {
    await showError(failures[0].error, 'Could not list alarms');
    return undefined;
  }
  for (const f of failures) void notifyWarning(`Could not list the alarms of ${quoted(f.region, 120)}: ${quoted(f.error instanceof Error ? f.error.message : String(f.error))}`);
  if (items.length === 0) {
    void notifyInfo('No metric alarms in the selected regions.');
    return undefined;
  }
  const picked = await showPick(items.sort((a, b) => a.label.localeCompare(b.label)), { title: 'Chart of which alarm?', placeHolder: 'Alarm name', matchOnDescription: true });
  return picked ? { region: picked.region, name: picked.label } : undefined;
}
