import { strict as assert } from 'node:assert';
import { evaluateMath, type MathEnvironment } from '../../../sandbox/standin/cloudWatch/metricMath/evaluate';
import { MathSyntaxError, parseMathExpression } from '../../../sandbox/standin/cloudWatch/metricMath/expression';
import { seriesOf, type MathValue } from '../../../sandbox/standin/cloudWatch/metricMath/series';

const m1 = seriesOf([[60, 1], [120, 2], [180, 4]]);
const m2 = seriesOf([[120, 10], [180, 20], [240, 30]]);
const env: MathEnvironment = {
  resolve: (id) => (id === 'm1' ? { kind: 'series', series: m1 } : id === 'm2' ? { kind: 'series', series: m2 } : undefined),
  metrics: () => [
    { id: 'm1', label: 'm1', series: m1 },
    { id: 'm2', label: 'm2', series: m2 },
  ],
};

function run(expression: string): MathValue {
  return evaluateMath(parseMathExpression(expression), env);
}

function points(value: MathValue): Array<[number, number]> {
  assert.equal(value.kind, 'series');
  return value.kind === 'series' ? value.series.timestamps.map((t, i) => [t, value.series.values[i] ?? NaN]) : [];
}

describe('metric math', () => {
  it('combines series on shared timestamps and applies scalars with precedence', () => {
    assert.deepEqual(points(run('m1 + m2')), [[120, 12], [180, 24]]);
    assert.deepEqual(points(run('m1 + m2 * 2')), [[120, 22], [180, 44]]);
    assert.deepEqual(points(run('(m1 + 1) * -2')), [[60, -4], [120, -6], [180, -10]]);
    assert.deepEqual(points(run('m2 / (m1 - 2)')), [[180, 10]], 'division by zero leaves no point');
  });

  it('aggregates arrays per timestamp and single series to scalars', () => {
    assert.deepEqual(points(run('SUM(METRICS())')), [[60, 1], [120, 12], [180, 24], [240, 30]]);
    assert.deepEqual(points(run('MIN(METRICS("m"))')), [[60, 1], [120, 2], [180, 4], [240, 30]]);
    assert.deepEqual(run('AVG(m1)'), { kind: 'scalar', value: 7 / 3 });
    assert.deepEqual(points(run('m1 / MAX(m1) * 100')), [[60, 25], [120, 50], [180, 100]]);
    assert.deepEqual(points(run('RATE(m1)')), [[120, 1 / 60], [180, 2 / 60]]);
  });

  it('reports unknown ids, functions and syntax', () => {
    assert.throws(() => run('m1 + m3'), MathSyntaxError);
    assert.throws(() => run('FOO(m1)'), MathSyntaxError);
    assert.throws(() => parseMathExpression('m1 +'), MathSyntaxError);
    assert.throws(() => parseMathExpression('(m1'), MathSyntaxError);
  });
});
