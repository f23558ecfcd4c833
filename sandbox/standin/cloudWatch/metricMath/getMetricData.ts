import type { HandlerContext } from '../../handler';
import { Relay } from '../../handler';
import type { Input } from '../../input';
import { asInput, objectList, optionalBoolean, optionalNumber, optionalString, optionalTimeMs } from '../../input';
import { validationError } from '../errors';
import { isStoredStatistic, metricIdentity, type MetricStore } from '../metricStore';
import type { CloudWatchRegion } from '../state';
import { evaluateMath, type MathEnvironment } from './evaluate';
import { MathSyntaxError, parseMathExpression, type MathExpr } from './expression';
import { seriesOf, type MathValue, type Series } from './series';

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

interface StatResult {
  readonly id: string;
  readonly label: string;
  readonly series: Series;
}

/**
 * The MetricStat queries answered from the metric data put through the stand-in, when it holds every
 * metric asked for and computes every statistic; undefined otherwise (then moto answers).
 */
function statsFromStore(store: MetricStore, input: Input, statQueries: readonly Input[]): Map<string, StatResult> | undefined {
  const startMs = optionalTimeMs(input, 'StartTime');
  const endMs = optionalTimeMs(input, 'EndTime');
  if (startMs === undefined || endMs === undefined) return undefined;
  // Whole seconds, as moto reads them.
  const start = Math.floor(startMs / 1000) * 1000;
  const end = Math.floor(endMs / 1000) * 1000;
  if (start >= end) return undefined;
  const out = new Map<string, StatResult>();
  for (const q of statQueries) {
    const metricStat = asInput(q.MetricStat);
    const metric = asInput(metricStat.Metric);
    const namespace = optionalString(metric, 'Namespace');
    const name = optionalString(metric, 'MetricName');
    const period = optionalNumber(metricStat, 'Period');
    const stat = optionalString(metricStat, 'Stat');
    if (!namespace || !name || !period || period <= 0 || !stat || !isStoredStatistic(stat)) return undefined;
    const key = metricIdentity(namespace, name, objectList(metric, 'Dimensions'));
    if (!store.has(key)) return undefined;
    const id = optionalString(q, 'Id') ?? '';
    out.set(id, { id, label: optionalString(q, 'Label') || `${name} ${stat}`, series: store.statistic(key, stat, period, start, end, optionalString(metricStat, 'Unit')) });
  }
  return out;
}

/** The MetricStat queries' results: from the stand-in's metric data when it has them all, else from moto. */
async function fetchStats(state: CloudWatchRegion, ctx: HandlerContext, statQueries: readonly Input[]): Promise<Map<string, StatResult>> {
  const stored = statsFromStore(state.metrics, ctx.input, statQueries);
  if (stored) return stored;
  const stats = new Map<string, StatResult>();
  const answer = await ctx.moto.call('GetMetricData', {
    ...ctx.input,
    ScanBy: 'TimestampAscending',
    MetricDataQueries: statQueries.map((q) => ({ ...q, ReturnData: true })),
  });
  for (const result of objectList(answer, 'MetricDataResults')) {
    const id = optionalString(result, 'Id') ?? '';
    stats.set(id, { id, label: optionalString(result, 'Label') ?? id, series: seriesFromResult(result) });
  }
  return stats;
}

/**
 * GetMetricData. MetricStat queries are answered from the metric data put through the stand-in (see
 * {@link MetricStore}) when it holds them all; a request without an `Expression` otherwise goes to moto
 * unchanged. With metric math, the MetricStat queries are fetched (all returned), the expressions are
 * computed over them, and the queries whose ReturnData is not false are answered in request order.
 */
export async function getMetricData(state: CloudWatchRegion, ctx: HandlerContext): Promise<unknown> {
  const queries = objectList(ctx.input, 'MetricDataQueries');
  const descending = (optionalString(ctx.input, 'ScanBy') ?? 'TimestampDescending') !== 'TimestampAscending';
  if (!queries.some((q) => typeof q.Expression === 'string')) {
    const stored = queries.every((q) => q.MetricStat !== undefined && ID_PATTERN.test(optionalString(q, 'Id') ?? '')) ? statsFromStore(state.metrics, ctx.input, queries) : undefined;
    if (!stored) return new Relay(await ctx.moto.send('GetMetricData', ctx.rawBody));
    const results = queries.filter((q) => optionalBoolean(q, 'ReturnData') !== false).map((q) => {
      const r = stored.get(String(q.Id))!;
      return resultJson(r.id, r.label, r.series, descending);
    });
    return { MetricDataResults: results, Messages: [] };
  }

  const ids = new Set<string>();
  queries.forEach((q, i) => {
    const id = optionalString(q, 'Id') ?? '';
    const member = `MetricDataQueries.member.${i + 1}`;
    if (!ID_PATTERN.test(id)) throw validationError(`The value ${id} for parameter ${member}.Id is not valid: it must start with a lowercase letter and hold only letters, digits and underscores.`);
    if (ids.has(id)) throw validationError(`The values for parameter id in MetricDataQueries must be unique; ${id} is repeated.`);
    ids.add(id);
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) throw validationError(`Exactly one of ${member}.MetricStat and ${member}.Expression must be given.`);
  });

  const statQueries = queries.filter((q) => q.MetricStat !== undefined);
  const stats = statQueries.length > 0 ? await fetchStats(state, ctx, statQueries) : new Map<string, StatResult>();
  const statOrder: StatResult[] = statQueries.map((q) => stats.get(String(q.Id)) ?? { id: String(q.Id), label: String(q.Id), series: seriesOf([]) });

  const parsed = new Map<string, MathExpr>();
  const values = new Map<string, MathValue>();
  const inProgress = new Set<string>();
  const byId = new Map(queries.map((q) => [String(q.Id), q]));
  const env: MathEnvironment = {
    metrics: () => statOrder,
    resolve: (id) => {
      const cached = values.get(id);
      if (cached) return cached;
      const query = byId.get(id);
      if (!query) return undefined;
      if (query.MetricStat !== undefined) {
        const value: MathValue = { kind: 'series', series: stats.get(id)?.series ?? seriesOf([]) };
        values.set(id, value);
        return value;
      }
      if (inProgress.has(id)) throw new MathSyntaxError(`Circular dependency on ${id}`);
      inProgress.add(id);
      const value = evaluateMath(expressionOf(query, id, parsed), env);
      inProgress.delete(id);
      values.set(id, value);
      return value;
    },
  };

  const allTimestamps = [...new Set(statOrder.flatMap((s) => s.series.timestamps))].sort((a, b) => a - b);
  const results: Record<string, unknown>[] = [];
  for (const query of queries) {
    if (optionalBoolean(query, 'ReturnData') === false) continue;
    const id = String(query.Id);
    let value: MathValue | undefined;
    try {
      value = env.resolve(id);
    } catch (err) {
      if (err instanceof MathSyntaxError) throw validationError(`Error in expression ${id}: ${err.message}`);
      throw err;
    }
    const label = optionalString(query, 'Label') ?? stats.get(id)?.label ?? id;
    for (const [index, series] of seriesOfValue(value, allTimestamps, id).entries()) {
      results.push(resultJson(id, index === 0 ? label : `${label} ${index + 1}`, series, descending));
    }
  }
  return { MetricDataResults: results, Messages: [] };
}

function expressionOf(query: Input, id: string, cache: Map<string, MathExpr>): MathExpr {
  const cached = cache.get(id);
  if (cached) return cached;
  const expr = parseMathExpression(String(query.Expression));
  cache.set(id, expr);
  return expr;
}

function seriesOfValue(value: MathValue | undefined, timestamps: readonly number[], id: string): Series[] {
  switch (value?.kind) {
    case 'series':
      return [value.series];
    case 'array':
      return value.items.length > 0 ? [...value.items] : [seriesOf([])];
    case 'scalar':
      return [seriesOf(timestamps.map((t) => [t, value.value]))];
    default:
      throw validationError(`Error in expression ${id}: the expression does not produce a time series`);
  }
}

function resultJson(id: string, label: string, series: Series, descending: boolean): Record<string, unknown> {
  const order = series.timestamps.map((_, i) => i);
  if (descending) order.reverse();
  return {
    Id: id,
    Label: label,
    Timestamps: order.map((i) => series.timestamps[i]),
    Values: order.map((i) => series.values[i]),
    StatusCode: 'Complete',
  };
}

function seriesFromResult(result: Input): Series {
  const times = Array.isArray(result.Timestamps) ? result.Timestamps : [];
  const values = Array.isArray(result.Values) ? result.Values : [];
  const points: Array<[number, number]> = [];
  times.forEach((t, i) => {
    const seconds = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) / 1000 : NaN;
    const v = values[i];
    if (Number.isFinite(seconds) && typeof v === 'number') points.push([seconds, v]);
  });
  return seriesOf(points);
}

