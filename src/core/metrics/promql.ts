// PromQL on dashboards: the queries of a `chart` widget, the request CloudWatch's Prometheus-compatible
// QueryMetrics API takes (`/api/v1/query_range`), and its answer as series.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-PromQL-API-QueryMetrics.html

/** One PromQL query of a chart widget. */
export interface PromQlQuery {
  readonly id: string;
  readonly query: string;
  readonly label?: string;
  readonly color?: string;
  readonly yAxis: 'left' | 'right';
}

/** Queries a widget may hold; more are left out with a note. */
export const MAX_PROMQL_QUERIES = 20;
/** A longer query is not sent. */
export const MAX_PROMQL_CHARS = 10_000;
/** CloudWatch returns at most 500 series a query. */
export const MAX_PROMQL_SERIES = 500;
/** Points per series kept from one answer (Prometheus refuses a range of more than 11,000 steps). */
export const MAX_PROMQL_POINTS = 11_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function queryText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (!isObject(value)) return undefined;
  for (const key of ['query', 'promql', 'expression', 'expr']) if (typeof value[key] === 'string' && (value[key] as string).trim()) return (value[key] as string).trim();
  return undefined;
}

/**
 * A chart widget's PromQL queries, in the shapes a body may hold them: `query` (or `promql`) as one string,
 * `queries` as a list of strings or objects (`query`/`expression`, `label`, `id`, `color`, `yAxis`), or
 * `metrics` rows of one `{ "expression": … }` object each.
 */
export function chartWidgetQueries(properties: Record<string, unknown>): { queries: PromQlQuery[]; problems: string[] } {
  const problems: string[] = [];
  const raw: unknown[] = [];
  for (const key of ['query', 'promql', 'expression']) if (typeof properties[key] === 'string') raw.push(properties[key]);
  if (Array.isArray(properties.queries)) raw.push(...properties.queries);
  if (Array.isArray(properties.metrics)) for (const row of properties.metrics) raw.push(Array.isArray(row) ? row.find(isObject) : row);
  const queries: PromQlQuery[] = [];
  for (const entry of raw) {
    const query = queryText(entry);
    if (!query) continue;
    if (queries.length >= MAX_PROMQL_QUERIES) {
      problems.push(`only the first ${MAX_PROMQL_QUERIES} queries are drawn`);
      break;
    }
    if (query.length > MAX_PROMQL_CHARS) {
      problems.push(`a query of ${query.length} characters is longer than ${MAX_PROMQL_CHARS} and is not run`);
      continue;
    }
    const o = isObject(entry) ? entry : {};
    const id = typeof o.id === 'string' && /^[a-z][A-Za-z0-9_]{0,254}$/.test(o.id) ? o.id : `q${queries.length + 1}`;
    queries.push({
      id,
      query,
      ...(typeof o.label === 'string' && o.label ? { label: o.label } : {}),
      ...(typeof o.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(o.color) ? { color: o.color } : {}),
      yAxis: o.yAxis === 'right' ? 'right' : 'left',
    });
  }
  if (!queries.length) problems.push('this chart widget holds no PromQL query');
  return { queries, problems };
}

/** The resolution step of a range query: the widget's period, else about 360 points over the range, never under 60 s. */
export function promQlStepSeconds(startMs: number, endMs: number, period?: number): number {
  const span = Math.max(1, (endMs - startMs) / 1000);
  const least = Math.ceil(span / MAX_PROMQL_POINTS);
  if (period && period > 0) return Math.max(Math.round(period), least);
  return Math.max(60, Math.ceil(span / 360 / 60) * 60, least);
}

/** The URL query of a `/api/v1/query_range` request. */
export function promQlRangeParams(query: string, startMs: number, endMs: number, stepSeconds: number): Record<string, string> {
  return { query, start: String(Math.floor(startMs / 1000)), end: String(Math.ceil(endMs / 1000)), step: `${stepSeconds}s` };
}

export interface PromQlSeries {
  readonly label: string;
  /** Epoch milliseconds, ascending. */
  readonly timestamps: number[];
  readonly values: number[];
}

export type PromQlAnswer = { readonly series: PromQlSeries[]; readonly notes: string[] } | { readonly error: string };

/** `http_requests_total{job="api", code="500"}`: a series named by its labels, as Prometheus writes them. */
export function seriesName(metric: unknown): string {
  if (!isObject(metric)) return '{}';
  const name = typeof metric.__name__ === 'string' ? metric.__name__ : '';
  const labels = Object.entries(metric).filter(([k, v]) => k !== '__name__' && typeof v === 'string').slice(0, 20).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const text = labels.length || !name ? `${name}{${labels.join(', ')}}` : name;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function sample(pair: unknown): [number, number] | undefined {
  if (!Array.isArray(pair) || pair.length !== 2) return undefined;
  const t = Number(pair[0]);
  const v = typeof pair[1] === 'string' ? Number(pair[1]) : NaN;
  return Number.isFinite(t) && Number.isFinite(v) ? [Math.round(t * 1000), v] : undefined;
}

/**
 * The answer of QueryMetrics as series: a `matrix` (range query), a `vector` or a `scalar` (one point
 * each); `{"status":"error", "errorType", "error"}` as its error. `NaN` and infinite samples are gaps.
 * `label` names a series when the query has one series; with several, it prefixes their label sets.
 */
export function readPromQlAnswer(json: unknown, label?: string): PromQlAnswer {
  if (!isObject(json)) return { error: 'The answer is not a JSON object' };
  if (json.status === 'error') {
    const what = typeof json.error === 'string' ? json.error.slice(0, 500) : 'no reason given';
    return { error: `${typeof json.errorType === 'string' ? `${json.errorType.slice(0, 40)}: ` : ''}${what}` };
  }
  const data = isObject(json.data) ? json.data : undefined;
  if (json.status !== 'success' || !data) return { error: 'The answer has no data' };
  const notes: string[] = [];
  if (Array.isArray(json.warnings)) for (const w of json.warnings.slice(0, 5)) if (typeof w === 'string') notes.push(w.slice(0, 300));
  const points = (list: unknown[]): [number, number][] => {
    const out: [number, number][] = [];
    for (const p of list.slice(0, MAX_PROMQL_POINTS)) {
      const s = sample(p);
      if (s) out.push(s);
    }
    return out.sort((a, b) => a[0] - b[0]);
  };
  let raw: { metric: unknown; points: [number, number][] }[];
  if (data.resultType === 'scalar') raw = [{ metric: {}, points: points([data.result]) }];
  else if (!Array.isArray(data.result)) return { error: 'The answer has no result list' };
  else {
    const results = data.result.slice(0, MAX_PROMQL_SERIES);
    if (data.result.length > MAX_PROMQL_SERIES) notes.push(`only the first ${MAX_PROMQL_SERIES} series are drawn`);
    raw = results.filter(isObject).map((r) => ({ metric: r.metric, points: points(data.resultType === 'matrix' ? (Array.isArray(r.values) ? r.values : []) : [r.value]) }));
  }
  const series = raw.map((r) => ({
    label: label && raw.length === 1 ? label : label ? `${label} ${seriesName(r.metric)}` : seriesName(r.metric),
    timestamps: r.points.map((p) => p[0]),
    values: r.points.map((p) => p[1]),
  }));
  return { series, notes };
}
