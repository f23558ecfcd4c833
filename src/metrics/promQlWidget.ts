// A dashboard's `chart` widget: its PromQL queries run through CloudWatch's QueryMetrics API and drawn as a chart;
// where the account has no such API (or the seam offers none), the widget is named with its queries.
import type { HorizontalAnnotation, PromQlWidget, VerticalAnnotation } from '../core/metrics/dashboard';
import { widgetTitle } from '../core/metrics/dashboard';
import { promQlRangeParams, promQlStepSeconds, readPromQlAnswer } from '../core/metrics/promql';
import type { TimeWindow } from '../core/metrics/ranges';
import type { ScopeId } from '../core/scope';
import type { ChartWidgetView, LineView, PlaceholderWidgetView, SeriesView, TimeMarkView } from '../webview/protocol';
import { messageOf, type ChartDeps } from './chartFetch';

export function annotationLines(annotations: readonly HorizontalAnnotation[]): LineView[] {
  return annotations.map((a) => ({ ...a, kind: 'annotation' as const }));
}

export function timeMarks(annotations: readonly VerticalAnnotation[]): TimeMarkView[] {
  return annotations.map((a) => ({ ...a }));
}

/** The widget drawn from its queries' answers; an error of every query is the widget's error. */
export async function promQlWidgetView(deps: ChartDeps, w: PromQlWidget, scope: ScopeId, window: TimeWindow): Promise<ChartWidgetView | PlaceholderWidgetView> {
  const id = `w${w.index}`;
  const title = widgetTitle(w);
  const query = deps.metrics.queryPromQl?.bind(deps.metrics);
  if (!query || !w.queries.length) {
    const listed = w.queries.map((q) => q.query).join('; ');
    return { kind: 'placeholder', id, title, pos: w.pos, widgetType: 'chart', message: listed ? `A PromQL chart: ${listed.slice(0, 500)}. Ops Lens cannot run PromQL queries here.` : 'A chart widget without a PromQL query.' };
  }
  const step = promQlStepSeconds(window.start, window.end, w.period);
  const notes = [...w.problems.map((p) => `Queries: ${p}.`)];
  const errors: string[] = [];
  const perQuery: SeriesView[][] = w.queries.map(() => []);
  await Promise.all(w.queries.map(async (q, qi) => {
    const name = q.label ?? q.query.slice(0, 80);
    try {
      const answer = readPromQlAnswer(await query(scope, promQlRangeParams(q.query, window.start, window.end, step)), q.label);
      if ('error' in answer) {
        errors.push(`${name}: ${answer.error}`);
        return;
      }
      notes.push(...answer.notes);
      perQuery[qi] = answer.series.map((s, si) => ({ id: `${q.id}_${si}`, label: s.label, ...(q.color && answer.series.length === 1 ? { color: q.color } : {}), yAxis: q.yAxis, timestamps: s.timestamps, values: s.values }));
    } catch (err) {
      errors.push(`${name}: ${messageOf(err)}`);
    }
  }));
  const ordered = perQuery.flat();
  const axis = (a: PromQlWidget['yAxis']['left']) => ({ ...(a?.min !== undefined ? { min: a.min } : {}), ...(a?.max !== undefined ? { max: a.max } : {}), ...(a?.label ? { label: a.label } : {}) });
  const whole = errors.length === w.queries.length;
  return {
    kind: 'chart',
    id,
    title,
    pos: w.pos,
    view: w.view,
    stacked: w.stacked,
    series: ordered,
    lines: annotationLines(w.annotations),
    marks: timeMarks(w.verticalAnnotations),
    bands: [],
    axes: { left: axis(w.yAxis.left), ...(ordered.some((s) => s.yAxis === 'right') ? { right: axis(w.yAxis.right) } : {}) },
    period: step,
    queryLanguage: 'PromQL',
    ...(whole ? { error: `The PromQL ${w.queries.length === 1 ? 'query' : 'queries'} failed: ${errors.join('; ')}` } : {}),
    notes: whole ? notes : [...notes, ...errors.map((e) => `Not drawn: ${e}`)],
  };
}
