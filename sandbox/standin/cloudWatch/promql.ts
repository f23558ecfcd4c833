// CloudWatch's Prometheus-compatible QueryMetrics API (GET or POST `/api/v1/query_range` and `/api/v1/query`) over the
// metrics put through the stand-in: a metric's CloudWatch name is its PromQL name, its dimensions and namespace its
// labels. The subset answered: a selector (`name`, `{"name"}`, `{__name__="name"}`, label matchers `=` and `!=`),
// optionally inside `sum`, `avg`, `min`, `max` or `count` with `by (…)`. Answers and errors in Prometheus's shapes.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-PromQL-API-QueryMetrics.html
import type { MetricStore } from './metricStore';

export interface PromQlHttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

interface Matcher {
  readonly label: string;
  readonly value: string;
  readonly negate: boolean;
}

interface ParsedQuery {
  readonly name: string;
  readonly matchers: readonly Matcher[];
  readonly aggregate?: { readonly op: string; readonly by: readonly string[] };
}

const MAX_POINTS = 11_000;
const badData = (error: string): PromQlHttpAnswer => ({ status: 400, body: { status: 'error', errorType: 'bad_data', error } });

/** `30s`, `5m`, `1h`, `1d`, `1w`, `1y`, `ms`, or a float of seconds. */
function durationSeconds(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)?$/.exec(text.trim());
  if (!m) return undefined;
  const scale = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 }[m[2] ?? 's']!;
  return Number(m[1]) * scale;
}

/** An RFC 3339 timestamp or Unix seconds, as epoch seconds. */
function timeSeconds(text: string | null): number | undefined {
  if (text === null || text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const t = Date.parse(text);
  return Number.isFinite(t) ? t / 1000 : undefined;
}

function parseMatchers(body: string): { name?: string; matchers: Matcher[] } | string {
  const matchers: Matcher[] = [];
  let name: string | undefined;
  const parts = body.split(',').map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const quoted = /^"([^"]+)"$/.exec(part);
    if (quoted) {
      name = quoted[1];
      continue;
    }
    const m = /^([A-Za-z_@.][\w@.]*)\s*(!=|=)\s*"([^"]*)"$/.exec(part);
    if (!m) return `unsupported label matcher: ${part}`;
    if (m[1] === '__name__' && m[2] === '=') name = m[3];
    else matchers.push({ label: m[1], value: m[3], negate: m[2] === '!=' });
  }
  return { name, matchers };
}

export function parsePromQl(query: string): ParsedQuery | string {
  let rest = query.trim();
  let aggregate: ParsedQuery['aggregate'];
  const agg = /^(sum|avg|min|max|count)\s*(?:by\s*\(([^)]*)\)\s*)?\((.*)\)\s*(?:by\s*\(([^)]*)\))?$/s.exec(rest);
  if (agg) {
    const by = (agg[2] ?? agg[4] ?? '').split(',').map((l) => l.trim()).filter(Boolean);
    aggregate = { op: agg[1], by };
    rest = agg[3].trim();
  }
  const sel = /^([A-Za-z_:][\w:.]*)?\s*(?:\{(.*)\})?$/s.exec(rest);
  if (!sel || (!sel[1] && sel[2] === undefined)) return `parse error: unexpected expression ${JSON.stringify(rest.slice(0, 80))}`;
  const inner = sel[2] === undefined ? { matchers: [] } : parseMatchers(sel[2]);
  if (typeof inner === 'string') return inner;
  const name = sel[1] ?? inner.name;
  if (!name) return 'the expression must select a metric by name';
  return { name, matchers: inner.matchers, ...(aggregate ? { aggregate } : {}) };
}

const AGGREGATE: Record<string, (v: number[]) => number> = {
  sum: (v) => v.reduce((a, b) => a + b, 0),
  avg: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  min: (v) => Math.min(...v),
  max: (v) => Math.max(...v),
  count: (v) => v.length,
};

/** The request's parameters: the URL query for GET, the form body for POST (as the API reference says). */
function requestParams(method: string, url: string, body: Buffer): URLSearchParams {
  const params = new URL(url, 'http://stand-in').searchParams;
  if (method === 'POST') for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
  return params;
}

/** Answers one QueryMetrics request. */
export function queryMetrics(store: MetricStore, method: string, url: string, body: Buffer, now = Date.now()): PromQlHttpAnswer {
  const range = new URL(url, 'http://stand-in').pathname.endsWith('/query_range');
  const params = requestParams(method, url, body);
  const query = params.get('query');
  if (!query) return badData('invalid parameter "query": missing');
  const end = range ? timeSeconds(params.get('end')) : (timeSeconds(params.get('time')) ?? now / 1000);
  const start = range ? timeSeconds(params.get('start')) : end;
  const step = range ? durationSeconds(params.get('step') ?? '') : 60;
  if (start === undefined) return badData('invalid parameter "start": cannot parse to a valid timestamp');
  if (end === undefined) return badData('invalid parameter "end": cannot parse to a valid timestamp');
  if (!step || step <= 0) return badData('invalid parameter "step": zero or negative query resolution step widths are not accepted');
  if (end < start) return badData('invalid parameter "end": end timestamp must not be before start time');
  if ((end - start) / step > MAX_POINTS) return badData('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  const limit = params.get('limit') === null ? 500 : Number(params.get('limit'));
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) return badData('invalid parameter "limit": must be between 1 and 500');
  const parsed = parsePromQl(query);
  if (typeof parsed === 'string') return badData(parsed);

  const periodMs = Math.max(1, Math.round(step)) * 1000;
  const from = range ? start * 1000 : end * 1000 - periodMs;
  const selected = store.seriesNamed(parsed.name).filter((s) => parsed.matchers.every((m) => (s.labels[m.label] === m.value) !== m.negate));
  let result = selected.map((s) => {
    const points = store.statistic(s.key, 'Average', periodMs / 1000, from, end * 1000 + 1);
    return { metric: { __name__: parsed.name, ...s.labels }, points: points.timestamps.map((t, i) => [t, points.values[i]] as [number, number]) };
  });
  if (parsed.aggregate) {
    const groups = new Map<string, { metric: Record<string, string>; byTime: Map<number, number[]> }>();
    for (const r of result) {
      const metric = Object.fromEntries(parsed.aggregate.by.filter((l) => l in r.metric).map((l) => [l, (r.metric as Record<string, string>)[l]]));
      const key = JSON.stringify(metric);
      const group = groups.get(key) ?? { metric, byTime: new Map() };
      groups.set(key, group);
      for (const [t, v] of r.points) group.byTime.set(t, [...(group.byTime.get(t) ?? []), v]);
    }
    const f = AGGREGATE[parsed.aggregate.op];
    result = [...groups.values()].map((g) => ({ metric: g.metric as { __name__: string }, points: [...g.byTime].sort((a, b) => a[0] - b[0]).map(([t, v]) => [t, f(v)] as [number, number]) }));
  }
  const format = (v: number) => (Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : v < 0 ? '-Inf' : 'NaN');
  const shown = result.slice(0, limit);
  const data = range
    ? { resultType: 'matrix', result: shown.map((r) => ({ metric: r.metric, values: r.points.map(([t, v]) => [t, format(v)]) })) }
    : { resultType: 'vector', result: shown.filter((r) => r.points.length).map((r) => { const [t, v] = r.points[r.points.length - 1]; return { metric: r.metric, value: [t, format(v)] }; }) };
  return { status: 200, body: { status: 'success', data, ...(result.length > limit ? { warnings: [`results truncated to the limit of ${limit} series`] } : {}) } };
}
