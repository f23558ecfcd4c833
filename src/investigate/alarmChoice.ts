import type * as vscode from 'vscode';
import { foundAny } from '../core/alarms/model';
import type { CloudWatchApi } from '../aws/services/cloudWatch';
import type { MetricsApi } from '../aws/services/metrics';
import { inEveryRegion } from '../aws/regions';
import { quoted } from '../core/text/notification';
import { showError } from '../platform/errors';
import { notifyWarning } from '../platform/notify';
import { showPick } from '../platform/textSinks';
import type { ScopeId } from '../core/scope';

/** Lets the user pick an alarm of the regions, those in ALARM first; undefined when cancelled or none could be listed. */
export async function pickAlarm(cloudWatch: CloudWatchApi, regions: readonly ScopeId[]): Promise<{ region: ScopeId; name: string } | undefined> {
  const items: (vscode.QuickPickItem & { region: ScopeId })[] = [];
  // A region (or profile) that cannot be listed never hides the others' alarms.
  const failures = await inEveryRegion(regions, async (region) => {
    for await (const page of cloudWatch.alarmPages(region)) {
      for (const a of [...page.metricAlarms, ...page.compositeAlarms]) items.push({ label: a.AlarmName ?? '', description: [a.StateValue ?? '', regions.length > 1 ? region : ''].filter(Boolean).join(' · '), region });
    }
  });
  if (failures.length === regions.length && failures.length > 0) {
    await showError(failures[0].error, 'Could not list alarms');
    return undefined;
  }
  for (const f of failures) void notifyWarning(`Could not list the alarms of ${quoted(f.region, 120)}: ${quoted(f.error instanceof Error ? f.error.message : String(f.error))}`);
  const order = (s: string | undefined) => (s?.startsWith('ALARM') ? 0 : 1);
  const picked = await showPick(items.sort((a, b) => order(a.description) - order(b.description) || a.label.localeCompare(b.label)), { title: 'Investigate which alarm?', placeHolder: 'Alarm name', matchOnDescription: true });
  return picked ? { region: picked.region, name: picked.label } : undefined;
}

/** The first of the regions with an alarm of that name (the only one without asking). */
export async function findAlarmRegion(metrics: MetricsApi, name: string, regions: readonly ScopeId[]): Promise<ScopeId | undefined> {
  if (regions.length === 1) return regions[0];
  for (const region of regions) {
    const found = await metrics.describeAlarms(region, [name]).catch(() => undefined);
    if (found && foundAny(found)) return region;
  }
  return undefined;
}
