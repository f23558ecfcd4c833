// The alarms a dashboard shows: metric widgets that graph an alarm, and alarm widgets that list alarms.
import { comparisonSymbol, formatNumber } from '../core/alarms/model';
import { alarmFacts } from '../core/metrics/alarmFacts';
import { alarmRefFromArn, type DashboardWidget } from '../core/metrics/dashboard';
import type { ChartQuery } from '../core/metrics/queries';
import type { WidgetOptions } from '../core/metrics/widgetOptions';
import type { MetricsApi } from '../aws/services/metrics';
import { sameProfile, type ScopeId } from '../core/scope';
import type { AlarmItemView, ChartWidgetView, LineView } from '../webview/protocol';
import { messageOf } from './chartFetch';

/** A metric widget's alarm: what to fetch and draw, or why it cannot be. */
export interface GraphedAlarm {
  readonly queries: ChartQuery[];
  readonly lines: LineView[];
  readonly title: string;
  readonly unit?: string;
  readonly problems: string[];
  readonly facts?: NonNullable<ChartWidgetView['alarm']>;
}

export interface ListedAlarms {
  readonly items: AlarmItemView[];
  readonly error?: string;
}

/** Metric widgets that graph an alarm (`annotations.alarms`, no `metrics`): the alarm's queries and threshold. */
export async function graphedAlarms(metrics: MetricsApi, widgets: readonly DashboardWidget[], options: ReadonlyMap<number, WidgetOptions>, defaultRegion: ScopeId): Promise<Map<number, GraphedAlarm>> {
  const out = new Map<number, GraphedAlarm>();
  await Promise.all(widgets.map(async (w) => {
    const arn = w.type === 'metric' ? options.get(w.index)?.alarmArns[0] : undefined;
    if (!arn || w.type !== 'metric') return;
    const ref = alarmRefFromArn(arn);
    const region = sameProfile(defaultRegion, ref.region ?? w.region);
    try {
      const found = await metrics.describeAlarms(region, [ref.name]);
      const raw = found.metricAlarms.find((a) => a.AlarmName === ref.name);
      if (!raw) {
        out.set(w.index, { queries: [], lines: [], title: ref.name, problems: [`The alarm ${ref.name} this widget graphs does not exist in ${region}.`] });
        return;
      }
      const alarm = alarmFacts(raw);
      const threshold = alarm.threshold;
      const lines: LineView[] = threshold === undefined ? [] : [{ value: threshold, label: `${ref.name} ${comparisonSymbol(alarm.comparison)} ${formatNumber(threshold)}`, kind: 'threshold', yAxis: 'left' }];
      const facts = { name: ref.name, region, state: alarm.state ?? 'INSUFFICIENT_DATA', ...(threshold !== undefined ? { threshold } : {}), ...(alarm.comparison ? { comparison: alarm.comparison } : {}) };
      out.set(w.index, { queries: alarm.queries.map((q) => ({ ...q, region })), lines, title: ref.name, ...(alarm.unit ? { unit: alarm.unit } : {}), problems: [], facts });
    } catch (err) {
      out.set(w.index, { queries: [], lines: [], title: ref.name, problems: [`The alarm ${ref.name} could not be read: ${messageOf(err)}`] });
    }
  }));
  return out;
}

/** The alarms that alarm widgets list, one DescribeAlarms per region. */
export async function listedAlarms(metrics: MetricsApi, widgets: readonly DashboardWidget[], defaultRegion: ScopeId): Promise<Map<number, ListedAlarms>> {
  const byRegion = new Map<ScopeId, Set<string>>();
  for (const w of widgets) if (w.type === 'alarm') for (const a of w.alarms) {
    const region = sameProfile(defaultRegion, a.region);
    byRegion.set(region, (byRegion.get(region) ?? new Set()).add(a.name));
  }
  const found = new Map<string, AlarmItemView>();
  const failed = new Map<string, string>();
  await Promise.all([...byRegion].map(async ([region, names]) => {
    try {
      const out = await metrics.describeAlarms(region, [...names]);
      for (const a of [...out.metricAlarms, ...out.compositeAlarms]) {
        const state = a.StateValue === 'ALARM' || a.StateValue === 'OK' || a.StateValue === 'INSUFFICIENT_DATA' ? a.StateValue : 'UNKNOWN';
        found.set(`${region}|${a.AlarmName}`, { name: a.AlarmName ?? '', region, state, reason: a.StateReason ?? '', ...(a.StateUpdatedTimestamp ? { updated: new Date(a.StateUpdatedTimestamp).getTime() } : {}) });
      }
    } catch (err) {
      failed.set(region, messageOf(err));
    }
  }));
  const out = new Map<number, ListedAlarms>();
  for (const w of widgets) {
    if (w.type !== 'alarm') continue;
    const errors = new Set<string>();
    const items = w.alarms.map((a): AlarmItemView => {
      const region = sameProfile(defaultRegion, a.region);
      const error = failed.get(region);
      if (error) errors.add(`${region}: ${error}`);
      return found.get(`${region}|${a.name}`) ?? { name: a.name, region, state: 'UNKNOWN', reason: error ? 'Could not be read.' : 'No such alarm.' };
    });
    out.set(w.index, { items, ...(errors.size ? { error: [...errors].join('\n') } : {}) });
  }
  return out;
}
