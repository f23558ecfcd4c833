import { strict as assert } from 'node:assert';
import { chartHintsFromQuery, resultsChartInput, type ResultRow } from '../../../src/core/insights/results';

const row = (fields: Record<string, string>): ResultRow => Object.entries(fields).map(([field, value]) => ({ field, value }));
const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}Z`);
const range = { start: new Date('2026-11-22T09:00:00Z'), end: new Date('2026-11-22T12:00:00Z') };

describe('"Show as chart" for results', () => {
  it('takes the grouping from the query\'s last stats', () => {
    assert.deepEqual(chartHintsFromQuery('fields @timestamp\n| stats count() as n by endpoint, bin(5m)\n| sort n desc'), { groupBy: ['endpoint', 'bin(5m)'] });
    assert.deepEqual(chartHintsFromQuery('fields @timestamp, @message | limit 5'), {});
    assert.deepEqual(chartHintsFromQuery('stats count( by'), {}, 'a query that does not parse gives no hint');
  });

  it('charts a bin() column over the query range, titled by the query', () => {
    const rows = [
      row({ 'bin(5m)': '2026-11-22 10:05:00.000', error_count: '1' }),
      row({ 'bin(5m)': '2026-11-22 10:00:00.000', error_count: '2' }),
    ];
    assert.deepEqual(resultsChartInput({ queryName: 'Database Connection Errors', query: 'stats count() as error_count by bin(5m)', rows, range }), {
      title: 'Database Connection Errors',
      series: [{ name: 'error_count', points: [[t('2026-11-22 10:00:00.000'), 2], [t('2026-11-22 10:05:00.000'), 1]] }],
      start: range.start.getTime(),
      end: range.end.getTime(),
    });
  });

  it('splits by the stats by-fields the query names', () => {
    const rows = [
      row({ status: '500', 'bin(1h)': '2026-11-22 10:00:00.000', n: '4' }),
      row({ status: '404', 'bin(1h)': '2026-11-22 10:00:00.000', n: '9' }),
      row({ status: '500', 'bin(1h)': '2026-11-22 11:00:00.000', n: '1' }),
    ];
    const chart = resultsChartInput({ queryName: 'q', query: 'stats count() as n by status, bin(1h)', rows, range });
    assert.deepEqual(chart?.series.map((s) => [s.name, s.points.length]), [['500', 2], ['404', 1]]);
  });

  it('offers nothing for results without a time column', () => {
    const rows = [row({ endpoint: '/api/videos', error_count: '12' })];
    assert.equal(resultsChartInput({ queryName: 'q', query: 'stats count() as error_count by endpoint', rows, range }), undefined);
    assert.equal(resultsChartInput({ queryName: 'q', query: '', rows: [], range }), undefined);
  });
});
