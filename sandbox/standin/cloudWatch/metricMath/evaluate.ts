import type { MathExpr } from './expression';
import { MathSyntaxError } from './expression';
import type { MathValue, Series } from './series';
import { avg, mapSeries, max, min, rate, reduceAcross, seriesOf, sum, zipSeries } from './series';

export interface MathEnvironment {
  /** The value of another query of the request, by Id (undefined when there is none). */
  resolve(id: string): MathValue | undefined;
  /** The results of the request's MetricStat queries, in request order, for `METRICS()`. */
  metrics(): ReadonlyArray<{ readonly id: string; readonly label: string; readonly series: Series }>;
}

const AGGREGATES: Readonly<Record<string, (v: number[]) => number>> = { SUM: sum, AVG: avg, MAX: max, MIN: min };

/**
 * Evaluates metric math: arithmetic between series and scalars (series aligned on shared timestamps),
 * SUM/AVG/MAX/MIN over an array (per timestamp) or a single series (to a scalar), METRICS([filter]),
 * RATE and ABS.
 */
export function evaluateMath(expr: MathExpr, env: MathEnvironment): MathValue {
  switch (expr.kind) {
    case 'number':
      return { kind: 'scalar', value: expr.value };
    case 'string':
      return { kind: 'string', value: expr.value };
    case 'ref': {
      const value = env.resolve(expr.id);
      if (!value) throw new MathSyntaxError(`Unrecognized metric identifier ${expr.id}`);
      return value;
    }
    case 'negate':
      return arithmetic('*', { kind: 'scalar', value: -1 }, evaluateMath(expr.operand, env));
    case 'binary':
      return arithmetic(expr.op, evaluateMath(expr.left, env), evaluateMath(expr.right, env));
    case 'call':
      return call(expr.name, expr.args.map((a) => evaluateMath(a, env)), env);
  }
}

function operate(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    default:
      return x ** y;
  }
}

function arithmetic(op: string, a: MathValue, b: MathValue): MathValue {
  const f = (x: number, y: number): number => operate(op, x, y);
  if (a.kind === 'string' || b.kind === 'string') throw new MathSyntaxError(`a string cannot be an operand of '${op}'`);
  if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', value: f(a.value, b.value) };
  if (a.kind === 'array' && b.kind === 'array') throw new MathSyntaxError(`'${op}' between two arrays of time series is not supported`);
  if (a.kind === 'array') return { kind: 'array', items: a.items.map((s) => single(op, s, b)) };
  if (b.kind === 'array') return { kind: 'array', items: b.items.map((s) => singleReversed(op, a, s)) };
  return { kind: 'series', series: a.kind === 'series' ? single(op, a.series, b) : singleReversed(op, a, (b as { series: Series }).series) };
}

function single(op: string, s: Series, other: MathValue): Series {
  if (other.kind === 'scalar') return mapSeries(s, (x) => operate(op, x, other.value));
  if (other.kind === 'series') return zipSeries(s, other.series, (x, y) => operate(op, x, y));
  throw new MathSyntaxError(`unsupported operand of '${op}'`);
}

function singleReversed(op: string, other: MathValue, s: Series): Series {
  if (other.kind === 'scalar') return mapSeries(s, (y) => operate(op, other.value, y));
  if (other.kind === 'series') return zipSeries(other.series, s, (x, y) => operate(op, x, y));
  throw new MathSyntaxError(`unsupported operand of '${op}'`);
}

function call(name: string, args: MathValue[], env: MathEnvironment): MathValue {
  const aggregate = AGGREGATES[name];
  if (aggregate) {
    const [arg] = args;
    if (args.length !== 1 || arg === undefined) throw new MathSyntaxError(`${name} takes one argument`);
    if (arg.kind === 'array') return { kind: 'series', series: reduceAcross(arg.items, aggregate) };
    if (arg.kind === 'series') return { kind: 'scalar', value: aggregate([...arg.series.values]) };
    throw new MathSyntaxError(`${name} needs a time series or an array of time series`);
  }
  switch (name) {
    case 'METRICS': {
      const filter = args[0];
      if (args.length > 1 || (filter && filter.kind !== 'string')) throw new MathSyntaxError('METRICS takes an optional string');
      const match = filter?.kind === 'string' ? filter.value : '';
      return { kind: 'array', items: env.metrics().filter((m) => m.id.includes(match)).map((m) => m.series) };
    }
    case 'RATE':
      return perSeries(name, args, rate);
    case 'ABS':
      return perSeries(name, args, (s) => mapSeries(s, Math.abs), Math.abs);
    case 'ANOMALY_DETECTION_BAND': {
      const [metric, width] = args;
      if (metric?.kind !== 'series' || args.length > 2 || (width && width.kind !== 'scalar')) throw new MathSyntaxError('ANOMALY_DETECTION_BAND takes a time series and an optional number of standard deviations');
      return { kind: 'array', items: expectedBand(metric.series, width?.kind === 'scalar' ? width.value : 2) };
    }
    default:
      throw new MathSyntaxError(`Unsupported function ${name}`);
  }
}

/** Points of history each expected value is learned from. */
const BAND_HISTORY = 12;

/**
 * A stand-in for CloudWatch's trained model: each point's expected range is the median of the points before it
 * ± `deviations` robust standard deviations (1.4826 × the median absolute deviation, at least 5% of the median),
 * so a few outliers do not widen it. Two series, upper then lower, as GetMetricData returns a band's two edges
 * under its id.
 */
function expectedBand(s: Series, deviations: number): Series[] {
  const upper: Array<[number, number]> = [];
  const lower: Array<[number, number]> = [];
  s.timestamps.forEach((t, i) => {
    const from = s.values.slice(Math.max(0, i - BAND_HISTORY), Math.max(i, 1));
    const middle = median(from);
    const spread = Math.max(1.4826 * median(from.map((v) => Math.abs(v - middle))), Math.abs(middle) * 0.05);
    upper.push([t, middle + deviations * spread]);
    lower.push([t, middle - deviations * spread]);
  });
  return [seriesOf(upper), seriesOf(lower)];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

function perSeries(name: string, args: MathValue[], f: (s: Series) => Series, onScalar?: (v: number) => number): MathValue {
  const [arg] = args;
  if (args.length !== 1 || arg === undefined) throw new MathSyntaxError(`${name} takes one argument`);
  if (arg.kind === 'series') return { kind: 'series', series: f(arg.series) };
  if (arg.kind === 'array') return { kind: 'array', items: arg.items.map(f) };
  if (arg.kind === 'scalar' && onScalar) return { kind: 'scalar', value: onScalar(arg.value) };
  throw new MathSyntaxError(`${name} needs a time series`);
}
