import * as assert from 'node:assert/strict';
import { chartSummary, summarySentences } from '../../../src/core/metrics/chartSummary';
import { lineMeaning } from '../../../src/core/metrics/lineMeaning';
import { axisLabel, unitLabel } from '../../../src/core/metrics/units';

const t0 = Date.parse('2026-12-02T02:00:00Z');
const minute = 60_000;

describe('a chart in words', () => {
  it('says each series\' lowest, highest and newest value, the threshold, the ALARM periods and the range, in the zone', () => {
    const summary = chartSummary({
      series: [
        { label: 'RunningTaskCount', unit: 'Count', timestamps: [t0, t0 + minute, t0 + 2 * minute], values: [2, 0, 1] },
        { label: 'Empty', timestamps: [], values: [] },
      ],
      lines: [{ label: 'Threshold < 1', value: 1, kind: 'threshold' }],
      bands: [{ from: t0 + minute, to: t0 + 2 * minute }, { from: t0 + 30 * minute, to: t0 + 40 * minute }],
      start: t0,
      end: t0 + 60 * minute,
      zone: 'utc',
    });
    assert.equal(summary.range, '2026-12-02 02:00 – 03:00 UTC');
    assert.deepEqual(summary.rows[0], { label: 'RunningTaskCount', points: 3, min: '0', max: '2', last: '1', lastAt: '2026-12-02 02:02 UTC' });
    assert.deepEqual(summary.rows[1], { label: 'Empty', points: 0, min: '—', max: '—', last: '—', lastAt: '' });
    assert.deepEqual(summary.lines, ['Threshold < 1']);
    assert.equal(summary.alarm, '2 periods in ALARM, the last 2026-12-02 02:30 – 02:40 UTC');
    assert.equal(
      summarySentences('RunningTaskCount < 1', summary),
      'RunningTaskCount < 1, 2026-12-02 02:00 – 03:00 UTC. RunningTaskCount: lowest 0, highest 2, latest 1 at 2026-12-02 02:02 UTC. Empty: no data. Threshold < 1. 2 periods in ALARM, the last 2026-12-02 02:30 – 02:40 UTC.',
    );
  });

  it('names a line\'s value when its label does not, in the axis\'s unit', () => {
    const summary = chartSummary({ series: [], lines: [{ label: 'Critical', value: 90, kind: 'annotation', unit: 'Percent' }], start: t0, end: t0 + minute, zone: 'utc' });
    assert.deepEqual(summary.lines, ['Critical: 90%']);
    assert.equal(summary.alarm, '');
  });

  it('reads a series of 200,000 points without running out of call arguments, newest by time', () => {
    const n = 200_000;
    const timestamps = Array.from({ length: n }, (_, i) => t0 + i * 1000);
    const values = Array.from({ length: n }, (_, i) => (i === 5 ? -3 : i % 100));
    const [row] = chartSummary({ series: [{ label: 's', timestamps, values }], lines: [], start: t0, end: t0 + n * 1000, zone: 'utc' }).rows;
    assert.deepEqual([row.min, row.max, row.last, row.points], ['-3', '99', '99', n]);
  });
});

describe('lines coloured by what they mean', () => {
  it('reads an alarm threshold and critical lines as errors, warnings as warnings, targets as success', () => {
    assert.equal(lineMeaning('threshold', 'anything'), 'error');
    assert.equal(lineMeaning('annotation', 'Critical'), 'error');
    assert.equal(lineMeaning('annotation', 'Memory alarm'), 'error');
    assert.equal(lineMeaning('annotation', 'Warning'), 'warning');
    assert.equal(lineMeaning('annotation', 'SLO target'), 'success');
    assert.equal(lineMeaning('annotation', 'Deploy v42'), 'neutral');
  });
});

describe('one unit vocabulary', () => {
  it('writes units alike on every axis, and a dashboard\'s unit name in the same words', () => {
    assert.deepEqual(['Percent', 'Count', 'Count/Second', 'Bytes', 'Milliseconds'].map(unitLabel), ['%', 'Count', 'Count/s', 'Bytes', 'ms']);
    assert.equal(axisLabel('Percent'), '%');
    assert.equal(axisLabel('Requests per host'), 'Requests per host');
  });
});
