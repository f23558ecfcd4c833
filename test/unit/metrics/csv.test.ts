import { strict as assert } from 'node:assert';
import { exportFileName, seriesToCsv } from '../../../src/core/metrics/csv';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const MIN = 60000;

describe('CSV export', () => {
  it('writes a time column in ISO 8601 and one column per series, gaps left empty', () => {
    const csv = seriesToCsv([
      { label: 'Average', timestamps: [T0, T0 + MIN, T0 + 2 * MIN], values: [41.5, 43, 40.25] },
      { label: 'Maximum', timestamps: [T0 + MIN, T0], values: [88, 79.5] },
    ]);
    assert.equal(csv, [
      'time,Average,Maximum',
      '2026-11-22T10:00:00.000Z,41.5,79.5',
      '2026-11-22T10:01:00.000Z,43,88',
      '2026-11-22T10:02:00.000Z,40.25,',
      '',
    ].join('\n'));
  });

  it('quotes labels with commas and quotes, and defuses formula-like labels', () => {
    const csv = seriesToCsv([
      { label: 'CPUUtilization ServiceName=api, ClusterName=prod', timestamps: [T0], values: [1] },
      { label: 'say "hi"', timestamps: [T0], values: [2] },
      { label: '=HYPERLINK("http://x")', timestamps: [T0], values: [3] },
    ]);
    assert.equal(csv.split('\n')[0], 'time,"CPUUtilization ServiceName=api, ClusterName=prod","say ""hi""","\'=HYPERLINK(""http://x"")"');
  });

  it('writes just the header when there is no data', () => {
    assert.equal(seriesToCsv([{ label: 'x', timestamps: [], values: [] }]), 'time,x\n');
  });

  it('names files after the chart', () => {
    assert.equal(exportFileName('Dashboard: dev-application-dashboard', 'csv'), 'Dashboard-dev-application-dashboard.csv');
    assert.equal(exportFileName('../../etc/passwd', 'png'), 'etc-passwd.png');
    assert.equal(exportFileName('???', 'png'), 'chart.png');
  });
});
