// A CloudWatch dashboard: its variables applied, every metric, alarm and explorer widget fetched (as few
// GetMetricData calls as possible), text, alarm lists and log widgets drawn, the rest explained.
import type { ChartSpec, FetchedChart } from '../core/metrics/chartCalls';
import { parseDashboardBody, widgetTitle, type DashboardWidget, type MetricView, type MetricWidget, type OtherWidget } from '../core/metrics/dashboard';
import { parseMarkdown } from '../core/metrics/markdown';
import { widgetQueries } from '../core/metrics/queries';
import { RANGE_LABEL, timeWindow } from '../core/metrics/ranges';
import { normalizeStat } from '../core/metrics/statistics';
import { applyVariables, readVariables } from '../core/metrics/variables';
import { functionName, readWidgetOptions, widgetWindow, type ExplorerSelection, type WidgetOptions } from '../core/metrics/widgetOptions';
import { sameProfile, type ScopeId } from '../core/scope';
import type { ChartSource, ChartView, LineView, PanelState, WidgetView } from '../webview/protocol';
import { fetchByWindow, messageOf, type ChartDeps } from './chartFetch';
import { chartTitle, chartWidget, windowView } from './chartWidget';
import { graphedAlarms, listedAlarms, type GraphedAlarm, type ListedAlarms } from './dashboardAlarms';
import { explorerQueries, resolveVariables } from './dashboardParts';
import { annotationLines, promQlWidgetView, timeMarks } from './promQlWidget';
import { dashboardFunctions, invokeCustomWidgets } from './customWidgets';

type DashboardSource = Extract<ChartSource, { kind: 'dashboard' }>;

/** How an explorer widget is drawn; its queries, when it has any, are in the plan's specs. */
interface ExplorerLook {
  readonly title: string;
  readonly view: MetricView;
  readonly stacked: boolean;
  readonly notes: string[];
}

/** What the widgets need fetched, by widget index. */
interface WidgetPlan {
  readonly specs: Map<number, ChartSpec>;
  readonly explorers: Map<number, ExplorerLook>;
  readonly graphed: Map<number, GraphedAlarm>;
}

/** Everything a widget is drawn from once fetched. */
interface Fetched {
  readonly plan: WidgetPlan;
  readonly charts: Map<string, FetchedChart>;
  readonly alarms: Map<number, ListedAlarms>;
  readonly options: ReadonlyMap<number, WidgetOptions>;
  /** PromQL chart widgets, drawn. */
  readonly promQl: ReadonlyMap<number, WidgetView>;
  /** Custom widgets drawn by their functions (only on a dashboard whose functions were allowed). */
  readonly custom: ReadonlyMap<number, WidgetView>;
  /** The dashboard can draw its custom widgets once the person allows invoking their functions. */
  readonly canInvoke: boolean;
  /** A widget's own `region` is a region of the dashboard's account: with several profiles, the dashboard's profile. */
  readonly inAccount: (region: string | undefined) => ScopeId;
}

const EXPLORER_VIEWS: Record<string, MetricView> = { timeSeries: 'timeSeries', singleValue: 'singleValue', bar: 'bar', pie: 'pie', gauge: 'gauge', table: 'table' };

/** The body with the variables' values (picked in the panel, else their defaults) applied. */
async function readDashboard(deps: ChartDeps, state: PanelState, source: DashboardSource) {
  const definition = await deps.metrics.getDashboard(source.region, source.name);
  let raw: unknown = definition.body;
  try {
    raw = JSON.parse(definition.body);
  } catch {
    // parseDashboardBody says what is wrong with it.
  }
  const declared = readVariables(raw);
  const variables = await resolveVariables(deps.metrics, source.region, declared.variables, state.variables);
  const body = applyVariables(raw, variables.assignments);
  return { parsed: parseDashboardBody(body), options: readWidgetOptions(body), variables, notes: [...declared.problems, ...variables.notes] };
}

async function explorerPlan(deps: ChartDeps, selection: ExplorerSelection, region: ScopeId): Promise<{ look: ExplorerLook; spec?: Omit<ChartSpec, 'widgetId'> }> {
  if (!selection.metrics.length) {
    return { look: { title: selection.title ?? 'Explorer', view: 'timeSeries', stacked: false, notes: ['This explorer widget selects no metrics (each needs a metricName and a resourceType).'] } };
  }
  try {
    const found = await explorerQueries(deps.metrics, region, selection);
    return {
      look: { title: selection.title ?? (selection.metrics.map((m) => m.metricName).join(', ') || 'Explorer'), view: EXPLORER_VIEWS[selection.view] ?? 'timeSeries', stacked: selection.stacked, notes: found.notes },
      spec: { queries: found.queries },
    };
  } catch (err) {
    return { look: { title: selection.title ?? 'Explorer', view: 'timeSeries', stacked: false, notes: [`The metrics of this explorer could not be listed: ${messageOf(err)}`] } };
  }
}

async function planWidgets(deps: ChartDeps, source: DashboardSource, widgets: readonly DashboardWidget[], options: ReadonlyMap<number, WidgetOptions>, stat: string | undefined, inAccount: Fetched['inAccount']): Promise<WidgetPlan> {
  const plan: WidgetPlan = { specs: new Map(), explorers: new Map(), graphed: await graphedAlarms(deps.metrics, widgets, options, source.region) };
  await Promise.all(widgets.map(async (w) => {
    const own = options.get(w.index);
    const timing = { window: own ? widgetWindow(own.time, deps.now()) : undefined, liveData: own?.time.liveData ?? false };
    const widgetId = `w${w.index}`;
    if (w.type === 'metric') {
      const alarm = plan.graphed.get(w.index);
      if (alarm) {
        plan.specs.set(w.index, { widgetId, queries: alarm.queries, problems: alarm.problems, ...timing });
        return;
      }
      const expanded = widgetQueries(w.metrics, { region: w.region ?? source.region, stat: w.stat, period: w.period });
      const queries = expanded.queries.map((q) => ({ ...q, region: inAccount(q.region), ...(stat && q.metric ? { stat } : {}) }));
      plan.specs.set(w.index, { widgetId, queries, periodIsRange: w.periodIsRange, problems: expanded.problems, ...timing });
    } else if (w.type === 'other' && own?.explorer) {
      const explorer = await explorerPlan(deps, own.explorer, inAccount(own.explorer.region));
      plan.explorers.set(w.index, explorer.look);
      if (explorer.spec) plan.specs.set(w.index, { widgetId, ...explorer.spec, ...timing });
    }
  }));
  return plan;
}

function metricWidgetView(w: MetricWidget, f: Fetched): WidgetView {
  const id = `w${w.index}`;
  const spec = f.plan.specs.get(w.index)!;
  const chart = f.charts.get(id)!;
  const alarm = f.plan.graphed.get(w.index);
  const notes = [...(spec.problems ?? []).map((p) => (alarm ? p : `Metrics ${p}.`)), ...(w.requestedView ? [`The "${w.requestedView}" view is drawn as a time series.`] : [])];
  const lines: LineView[] = [...annotationLines(w.annotations), ...(alarm?.lines ?? [])];
  const drawn = chartWidget({ id, title: w.title ?? alarm?.title ?? widgetTitle(w), pos: w.pos, view: w.view, stacked: w.stacked, yAxis: w.yAxis, lines, ...(alarm?.unit ? { unit: alarm.unit } : {}) }, spec, { ...chart, notes: [...notes, ...chart.notes] });
  const marked = w.verticalAnnotations.length ? { ...drawn, marks: timeMarks(w.verticalAnnotations) } : drawn;
  return alarm?.facts ? { ...marked, alarm: alarm.facts } : marked;
}

/** Explorer widgets are drawn; custom and unknown widgets say why they are not. */
function otherWidgetView(w: OtherWidget, f: Fetched): WidgetView {
  const id = `w${w.index}`;
  const title = widgetTitle(w);
  const explorer = f.plan.explorers.get(w.index);
  const spec = f.plan.specs.get(w.index);
  if (explorer && spec) {
    const chart = f.charts.get(id)!;
    return chartWidget({ id, title: explorer.title, pos: w.pos, view: explorer.view, stacked: explorer.stacked, yAxis: {}, lines: [] }, spec, { ...chart, notes: [...explorer.notes, ...chart.notes] });
  }
  if (explorer) return { kind: 'placeholder', id, title: explorer.title, pos: w.pos, widgetType: 'explorer', message: explorer.notes.join(' ') };
  const drawn = f.custom.get(w.index);
  if (drawn) return drawn;
  const custom = f.options.get(w.index)?.customFunction;
  if (custom !== undefined) {
    const name = custom ? functionName(custom) : '';
    if (!name) return { kind: 'placeholder', id, title, pos: w.pos, widgetType: 'custom', message: 'A custom widget without a Lambda function (its "endpoint" is missing).' };
    return {
      kind: 'placeholder', id, title, pos: w.pos, widgetType: 'custom',
      message: `A custom widget drawn by the Lambda function ${name}. Drawing it runs that function in your account, so Ops Lens invokes it only once you allow it for this dashboard.`,
      ...(f.canInvoke ? { action: { kind: 'allowCustomWidgets' as const, label: 'Invoke to draw…' } } : {}),
    };
  }
  return { kind: 'placeholder', id, title, pos: w.pos, widgetType: w.widgetType, message: `Ops Lens does not draw "${w.widgetType}" widgets yet. Open the dashboard in the CloudWatch console to see it.` };
}

function widgetView(w: DashboardWidget, f: Fetched): WidgetView {
  const id = `w${w.index}`;
  switch (w.type) {
    case 'metric':
      return metricWidgetView(w, f);
    case 'text':
      return { kind: 'text', id, title: widgetTitle(w), pos: w.pos, blocks: parseMarkdown(w.markdown), transparent: w.transparent };
    case 'alarm': {
      const found = f.alarms.get(w.index)!;
      return { kind: 'alarms', id, title: widgetTitle(w), pos: w.pos, alarms: found.items, ...(found.error ? { error: found.error } : {}) };
    }
    case 'log':
      return { kind: 'log', id, title: widgetTitle(w), pos: w.pos, region: f.inAccount(w.region), query: w.query, logGroups: w.logGroups };
    case 'chart':
      return f.promQl.get(w.index)!;
    case 'other':
      return otherWidgetView(w, f);
  }
}

export async function loadDashboardChart(deps: ChartDeps, state: PanelState, source: DashboardSource): Promise<ChartView> {
  const { parsed, options, variables, notes } = await readDashboard(deps, state, source);
  const inAccount = (region: string | undefined): ScopeId => sameProfile(source.region, region);
  // The dashboard's own `start` until a range is picked in the panel.
  const range = state.rangeFromSource && parsed.range ? parsed.range : state.range;
  const window = timeWindow(range, deps.now());
  const plan = await planWidgets(deps, source, parsed.widgets, options, normalizeStat(state.stat), inAccount);
  const promQlWidgets = parsed.widgets.filter((w) => w.type === 'chart');
  const functions = dashboardFunctions(source.region, source.name, options);
  const [charts, alarms, promQlViews, custom] = await Promise.all([
    fetchByWindow(deps, [...plan.specs.values()], window),
    listedAlarms(deps.metrics, parsed.widgets, source.region),
    Promise.all(promQlWidgets.map((w) => promQlWidgetView(deps, w, inAccount(w.region), window))),
    invokeCustomWidgets(deps.customWidgets, functions, parsed.widgets, options, window, inAccount),
  ]);
  const promQl = new Map(promQlWidgets.map((w, i) => [w.index, promQlViews[i]]));
  const fetched: Fetched = { plan, charts, alarms, options, inAccount, promQl, custom, canInvoke: !!deps.customWidgets };
  return windowView(range, window, deps.now(), {
    title: chartTitle(source),
    subtitle: [source.region, `${parsed.widgets.length} widget${parsed.widgets.length === 1 ? '' : 's'}`, `last ${RANGE_LABEL[range]}`].join(' · '),
    layout: 'dashboard',
    rows: parsed.rows,
    statSelectable: true,
    widgets: parsed.widgets.map((w) => widgetView(w, fetched)),
    notes: [...notes, ...parsed.problems],
    ...(variables.views.length ? { variables: variables.views } : {}),
  });
}
