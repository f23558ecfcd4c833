// Custom dashboard widgets: drawn by invoking their Lambda functions, only for a dashboard whose functions the
// person allowed (a modal names them; a changed list asks again). What a function returns is shown as text
// blocks, never as markup.
import type { LambdaApi } from '../aws/services/lambda';
import type { MetricsApi } from '../aws/services/metrics';
import { customWidgetEvent, readCustomWidgetAnswer } from '../core/metrics/customWidget';
import { widgetTitle, type DashboardWidget } from '../core/metrics/dashboard';
import type { TimeWindow } from '../core/metrics/ranges';
import { functionName, readWidgetOptions, type WidgetOptions } from '../core/metrics/widgetOptions';
import type { ScopeId } from '../core/scope';
import type { WidgetView } from '../webview/protocol';
import { messageOf } from './chartFetch';

export interface CustomWidgetDeps {
  readonly lambda: LambdaApi;
  /** Whether the person allowed invoking these functions for this dashboard. */
  readonly isAllowed: (dashboard: DashboardFunctions) => boolean;
}

/** A dashboard and the functions its custom widgets invoke. */
export interface DashboardFunctions {
  readonly scope: ScopeId;
  readonly name: string;
  readonly functions: readonly string[];
}

/** Custom widgets one dashboard may invoke at once. */
const MAX_INVOKED = 20;

export function dashboardFunctions(scope: ScopeId, name: string, options: ReadonlyMap<number, WidgetOptions>): DashboardFunctions {
  const functions = [...new Set([...options.values()].map((o) => o.customFunction).filter((f): f is string => !!f))].sort();
  return { scope, name, functions };
}

/** The key a permission is kept under: the dashboard and exactly these functions. */
export function permissionKey(d: DashboardFunctions): string {
  return JSON.stringify([d.scope, d.name, d.functions]);
}

function arnRegion(endpoint: string): string | undefined {
  return /^arn:[^:]+:lambda:([^:]+):/.exec(endpoint)?.[1];
}

/** The custom widgets drawn (or why not), by widget index; empty when the dashboard has none or they are not allowed. */
export async function invokeCustomWidgets(
  deps: CustomWidgetDeps | undefined,
  dashboard: DashboardFunctions,
  widgets: readonly DashboardWidget[],
  options: ReadonlyMap<number, WidgetOptions>,
  window: TimeWindow,
  inAccount: (region: string | undefined) => ScopeId,
): Promise<Map<number, WidgetView>> {
  const out = new Map<number, WidgetView>();
  if (!deps || !dashboard.functions.length || !deps.isAllowed(dashboard)) return out;
  const custom = widgets.filter((w) => options.get(w.index)?.customFunction).slice(0, MAX_INVOKED);
  await Promise.all(custom.map(async (w) => {
    const own = options.get(w.index)!;
    const endpoint = own.customFunction!;
    const id = `w${w.index}`;
    const title = widgetTitle(w);
    const event = customWidgetEvent({ dashboardName: dashboard.name, widgetId: `widget-${w.index}`, title, params: own.customParams, start: window.start, end: window.end, period: 300, theme: 'light', width: w.pos.width * 60, height: w.pos.height * 40 });
    try {
      const shown = readCustomWidgetAnswer(await deps.lambda.invokeWidget(inAccount(arnRegion(endpoint)), endpoint, event));
      out.set(w.index, 'blocks' in shown
        ? { kind: 'text', id, title, pos: w.pos, blocks: shown.blocks, transparent: false }
        : { kind: 'placeholder', id, title, pos: w.pos, widgetType: 'custom', message: `${functionName(endpoint)}: ${shown.error}` });
    } catch (err) {
      out.set(w.index, { kind: 'placeholder', id, title, pos: w.pos, widgetType: 'custom', message: `The Lambda function ${functionName(endpoint)} could not be invoked: ${messageOf(err)}` });
    }
  }));
  return out;
}

/** The functions a dashboard's custom widgets invoke, read from its body as CloudWatch has it now. */
export async function readDashboardFunctions(metrics: MetricsApi, scope: ScopeId, name: string): Promise<DashboardFunctions> {
  const definition = await metrics.getDashboard(scope, name);
  let body: unknown;
  try {
    body = JSON.parse(definition.body);
  } catch {
    body = {};
  }
  return dashboardFunctions(scope, name, readWidgetOptions(body));
}
