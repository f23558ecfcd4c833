import type { ScopeId } from '../core/scope';
// The parts of a dashboard that need CloudWatch before they can be drawn: variables whose values a metric search
// lists, and explorer widgets whose metrics ListMetrics finds. No `vscode` import: tested with a fake MetricsApi.
import type { MetricsApi } from '../aws/services/metrics';
import type { ChartQuery, MetricRef } from '../core/metrics/queries';
import { chooseValue, type DashboardVariable, type VariableOption } from '../core/metrics/variables';
import { resourceMetrics, type ExplorerSelection } from '../core/metrics/widgetOptions';
import type { VariableView } from '../webview/protocol';

const MAX_PAGES = 5;
const MAX_OPTIONS = 200;
const MAX_EXPLORER_RESOURCES = 50;

async function listMetrics(api: MetricsApi, region: ScopeId, filter: Parameters<MetricsApi['listMetricPages']>[1]): Promise<MetricRef[]> {
  const out: MetricRef[] = [];
  let pages = 0;
  for await (const page of api.listMetricPages(region, filter)) {
    out.push(...page);
    if (++pages >= MAX_PAGES) break;
  }
  return out;
}

export interface ResolvedVariables {
  readonly assignments: { readonly variable: DashboardVariable; readonly value: string }[];
  readonly views: VariableView[];
  readonly notes: string[];
}

/** Each variable's options (its `values`, or what its search lists), the value in use, and the toolbar's view of it. */
export async function resolveVariables(api: MetricsApi, region: ScopeId, variables: readonly DashboardVariable[], picked: Readonly<Record<string, string>> = {}): Promise<ResolvedVariables> {
  const assignments: ResolvedVariables['assignments'] = [];
  const views: VariableView[] = [];
  const notes: string[] = [];
  for (const variable of variables) {
    let options: VariableOption[] = [...variable.values];
    if (variable.search) {
      const s = variable.search;
      try {
        const found = await listMetrics(api, region, { namespace: s.namespace, ...(s.metricName ? { metricName: s.metricName } : {}), dimensions: s.dimensions.map((name) => ({ name })) });
        const values = new Set<string>();
        for (const m of found) {
          if (m.dimensions.length !== s.dimensions.length) continue;
          const v = m.dimensions.find((d) => d.name === s.populateFrom)?.value;
          if (v) values.add(v);
        }
        options = [...values].sort((a, b) => a.localeCompare(b)).slice(0, MAX_OPTIONS).map((value) => ({ value, label: value }));
      } catch (err) {
        notes.push(`The values of "${variable.label}" could not be listed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const value = chooseValue(variable, options, picked[variable.id]);
    if (value !== undefined) assignments.push({ variable, value });
    if (variable.visible) views.push({ id: variable.id, label: variable.label, inputType: variable.inputType, options, ...(value !== undefined ? { value } : {}) });
  }
  return { assignments, views, notes };
}

const AGGREGATE: Record<string, string> = { AVG: 'AVG', AVERAGE: 'AVG', SUM: 'SUM', MIN: 'MIN', MINIMUM: 'MIN', MAX: 'MAX', MAXIMUM: 'MAX' };

/**
 * An explorer widget's queries: for each metric it selects, every resource of its type that publishes it (per-resource
 * metrics from ListMetrics, at most 50), or one series aggregated with `aggregateBy`'s function. Resource tags
 * cannot be read through CloudWatch: the tag filters and tag-based grouping are reported, not applied.
 */
export async function explorerQueries(api: MetricsApi, region: ScopeId, selection: ExplorerSelection): Promise<{ queries: ChartQuery[]; notes: string[] }> {
  const queries: ChartQuery[] = [];
  const notes: string[] = [];
  let n = 0;
  for (const wanted of selection.metrics) {
    const mapping = resourceMetrics(wanted.resourceType);
    if (!mapping) {
      notes.push(`${wanted.resourceType} is not a resource type Ops Lens maps to CloudWatch metrics.`);
      continue;
    }
    const found = (await listMetrics(api, region, { namespace: mapping.namespace, metricName: wanted.metricName, dimensions: [{ name: mapping.dimension }] }))
      .filter((m) => m.dimensions.length === 1 && m.dimensions[0].name === mapping.dimension)
      .sort((a, b) => a.dimensions[0].value.localeCompare(b.dimensions[0].value));
    if (found.length > MAX_EXPLORER_RESOURCES) notes.push(`${found.length} resources publish ${wanted.metricName}; the first ${MAX_EXPLORER_RESOURCES} are drawn.`);
    const func = selection.aggregateBy ? AGGREGATE[selection.aggregateBy.func] : undefined;
    const ids: string[] = [];
    for (const metric of found.slice(0, MAX_EXPLORER_RESOURCES)) {
      const id = `m${++n}`;
      ids.push(id);
      queries.push({ id, region, metric, stat: wanted.stat, ...(selection.period ? { period: selection.period } : {}), label: `${wanted.metricName} ${metric.dimensions[0].value}`, explicitLabel: true, yAxis: 'left', visible: !func });
    }
    if (func && ids.length) {
      queries.push({ id: `e${n}`, region, expression: `${func}([${ids.join(',')}])`, stat: '', ...(selection.period ? { period: selection.period } : {}), label: `${wanted.metricName} ${func.toLowerCase()} of ${ids.length}`, explicitLabel: true, yAxis: 'left', visible: true });
    }
    if (selection.aggregateBy && !func) notes.push(`Aggregation "${selection.aggregateBy.func}" is not supported; each resource is drawn.`);
  }
  if (selection.tags.length) notes.push(`Resource tag filters (${selection.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join(', ')}) are not applied: CloudWatch metrics carry no tags, so every resource of the type is shown.`);
  if (selection.aggregateBy) notes.push(`Aggregated over all resources (grouping by ${selection.aggregateBy.key} needs resource tags).`);
  if (selection.splitBy) notes.push(`Split by ${selection.splitBy} is not applied: the series share one graph.`);
  return { queries, notes };
}
