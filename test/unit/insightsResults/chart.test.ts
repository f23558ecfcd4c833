import { strict as assert } from 'node:assert';
import { chartableSeries, parseInsightsTime, type ResultRow } from '../../../src/core/insights/results';

const row = (fields: Record<string, string>): ResultRow => Object.entries(fields).map(([field, value]) => ({ field, value }));
const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}Z`);

describe('chartableSeries', () => {
  it('stats count() as error_count by bin(5m): one series over the bins, oldest first', () => {
    const rows = [
      row({ 'bin(5m)': '2026-11-22 10:10:00.000', error_count: '3' }),
      row({ 'bin(5m)': '2026-11-22 10:05:00.000', error_count: '1' }),
      row({ 'bin(5m)': '2026-11-22 10:00:00.000', error_count: '2' }),
    ];
    assert.deepEqual(chartableSeries(rows), {
      timeField: 'bin(5m)',
      valueFields: ['error_count'],
      groupFields: [],
      series: [
        {
          name: 'error_count',
          points: [
            [t('2026-11-22 10:00:00.000'), 2],
            [t('2026-11-22 10:05:00.000'), 1],
            [t('2026-11-22 10:10:00.000'), 3],
          ],
        },
      ],
    });
  });

  it('stats count() by endpoint, bin(1h): one series per endpoint', () => {
    const rows = [
      row({ endpoint: '/api/videos', 'bin(1h)': '2026-11-22 10:00:00.000', 'count()': '40' }),
      row({ endpoint: '/api/jobs/{job_id}', 'bin(1h)': '2026-11-22 10:00:00.000', 'count()': '12' }),
      row({ endpoint: '/api/videos', 'bin(1h)': '2026-11-22 09:00:00.000', 'count()': '35' }),
      row({ endpoint: '/api/jobs/{job_id}', 'bin(1h)': '2026-11-22 09:00:00.000', 'count()': '9' }),
    ];
    const chart = chartableSeries(rows);
    assert.ok(chart);
    assert.equal(chart.timeField, 'bin(1h)');
    assert.deepEqual(chart.groupFields, ['endpoint']);
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.points.map((p) => p[1])]),
      [
        ['/api/videos', [35, 40]],
        ['/api/jobs/{job_id}', [9, 12]],
      ],
    );
  });

  it('names series by group and measure when there are several measures; a numeric group needs the hint', () => {
    const rows = [
      row({ status: '500', 'bin(5m)': '2026-11-22 10:00:00.000', 'avg(duration)': '120.5', 'max(duration)': '900' }),
      row({ status: '200', 'bin(5m)': '2026-11-22 10:00:00.000', 'avg(duration)': '40', 'max(duration)': '85' }),
    ];
    assert.deepEqual(chartableSeries(rows)?.series.map((s) => s.name), ['500 · avg(duration)', '500 · max(duration)', '200 · avg(duration)', '200 · max(duration)']);
    const swapped = rows.map((r) => [r[1], r[0], r[2]]);
    assert.deepEqual(chartableSeries(swapped, { groupBy: ['bin(5m)', 'status'] })?.series.map((s) => s.name), ['500', '200']);
  });

  it('plots numeric fields of records over @timestamp without grouping', () => {
    const rows = [
      row({ '@timestamp': '2026-11-22 10:00:01.000', '@message': 'REPORT …', '@duration': '812.4', '@ptr': 'a' }),
      row({ '@timestamp': '2026-11-22 10:00:00.000', '@message': 'REPORT …', '@duration': '95', '@ptr': 'b' }),
    ];
    const chart = chartableSeries(rows);
    assert.deepEqual(chart?.series, [{ name: '@duration', points: [[t('2026-11-22 10:00:00.000'), 95], [t('2026-11-22 10:00:01.000'), 812.4]] }]);
  });

  it('finds an aliased time bin by its values, and returns undefined with nothing to plot', () => {
    const aliased = [row({ t: '2026-11-22 10:00:00.000', n: '4' })];
    assert.equal(chartableSeries(aliased)?.timeField, 't');
    assert.equal(chartableSeries([]), undefined);
    assert.equal(chartableSeries([row({ endpoint: '/a', 'count()': '3' })]), undefined);
    assert.equal(chartableSeries([row({ 'bin(5m)': '2026-11-22 10:00:00.000', endpoint: '/a' })]), undefined);
    assert.equal(chartableSeries([row({ '@timestamp': '2026-11-22 10:00:00.000', '@message': 'x' })]), undefined);
  });
});

describe('parseInsightsTime', () => {
  it('reads Insights timestamps as UTC, ISO forms and epoch ms', () => {
    assert.equal(parseInsightsTime('2026-11-22 10:05:00.000'), Date.UTC(2026, 10, 22, 10, 5));
    assert.equal(parseInsightsTime('2026-11-22 10:05:00.5'), Date.UTC(2026, 10, 22, 10, 5, 0, 500));
    assert.equal(parseInsightsTime('2026-11-22T10:05:00Z'), Date.UTC(2026, 10, 22, 10, 5));
    assert.equal(parseInsightsTime('2026-11-22T12:05:00+02:00'), Date.UTC(2026, 10, 22, 10, 5));
    assert.equal(parseInsightsTime('1795341900000'), 1795341900000);
    assert.equal(parseInsightsTime('10:05:00'), undefined);
    assert.equal(parseInsightsTime('42'), undefined);
  });
});
