import { strict as assert } from 'node:assert';
import { alarmChartBands, bandsFromData, bandsFromTransitions, breaches, transitionsFromHistory } from '../../../src/core/metrics/alarmBands';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const MIN = 60000;

function history(minutes: number, from: string, to: string) {
  return {
    Timestamp: new Date(T0 + minutes * MIN),
    HistoryItemType: 'StateUpdate',
    HistorySummary: `Alarm updated from ${from} to ${to}`,
    HistoryData: JSON.stringify({ version: '1.0', oldState: { stateValue: from }, newState: { stateValue: to } }),
  };
}

describe('ALARM periods', () => {
  it('come from the alarm history, newest-first items sorted', () => {
    const items = [history(50, 'OK', 'ALARM'), history(30, 'ALARM', 'OK'), history(10, 'OK', 'ALARM'), { Timestamp: new Date(T0), HistoryItemType: 'Action', HistorySummary: 'sent' }];
    const transitions = transitionsFromHistory(items);
    assert.deepEqual(transitions.map((t) => [(t.time - T0) / MIN, t.from, t.to]), [[10, 'OK', 'ALARM'], [30, 'ALARM', 'OK'], [50, 'OK', 'ALARM']]);
    const bands = bandsFromTransitions(transitions, T0, T0 + 60 * MIN, 'ALARM');
    assert.deepEqual(bands.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[10, 30], [50, 60]]);
  });

  it('start at the range start when the alarm was already firing, and read summaries without data', () => {
    const items = [{ Timestamp: new Date(T0 + 20 * MIN), HistorySummary: 'Alarm updated from ALARM to OK' }];
    assert.deepEqual(bandsFromTransitions(transitionsFromHistory(items), T0, T0 + 60 * MIN).map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[0, 20]]);
    assert.deepEqual(bandsFromTransitions([], T0, T0 + MIN, 'ALARM'), [{ from: T0, to: T0 + MIN }]);
    assert.deepEqual(bandsFromTransitions([], T0, T0 + MIN, 'OK'), []);
  });

  it('are computed from the data with M out of N', () => {
    const timestamps = Array.from({ length: 8 }, (_, i) => T0 + i * 5 * MIN);
    const values = [10, 95, 20, 95, 96, 97, 10, 10];
    const single = bandsFromData({ timestamps, values, threshold: 90, comparison: 'GreaterThanThreshold', period: 300 });
    assert.deepEqual(single.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[5, 10], [15, 30]]);
    const twoOfThree = bandsFromData({ timestamps, values, threshold: 90, comparison: 'GreaterThanThreshold', period: 300, evaluationPeriods: 3, datapointsToAlarm: 2 });
    assert.deepEqual(twoOfThree.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[15, 35]]);
    assert.deepEqual(bandsFromData({ timestamps, values, threshold: 1, comparison: 'LessThanThreshold', period: 300 }), []);
  });

  it('compare the way the alarm does', () => {
    assert.deepEqual(['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold', 'LessThanLowerOrGreaterThanUpperThreshold'].map((c) => breaches(70, 70, c)), [false, true, false, true, false]);
  });
});

describe('an alarm chart’s shaded stretches', () => {
  const window = { start: T0, end: T0 + 60 * MIN };
  const rising = { timestamps: [0, 5, 10, 15].map((m) => T0 + m * MIN), values: [10, 80, 90, 20] };
  const base = { ...window, threshold: 70, comparison: 'GreaterThanThreshold', period: 300, series: rising };

  it('come from the history when it has state changes, even though the data would say otherwise', () => {
    const transitions = transitionsFromHistory([history(40, 'OK', 'ALARM')]);
    const bands = alarmChartBands({ ...base, transitions, state: 'ALARM' });
    assert.equal(bands.from, 'history');
    assert.deepEqual(bands.bands.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[40, 60]]);
  });

  it('are computed from the data without history', () => {
    const bands = alarmChartBands({ ...base, transitions: [] });
    assert.equal(bands.from, 'data');
    assert.deepEqual(bands.bands.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[5, 15]]);
  });

  it('cover an alarm in ALARM from its last change when its data shows no breach', () => {
    const quiet = { ...rising, values: [1, 2, 3, 4] };
    const bands = alarmChartBands({ ...base, series: quiet, transitions: [], state: 'ALARM', stateUpdated: T0 + 50 * MIN });
    assert.deepEqual(bands.bands.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[50, 60]]);
    const unknownChange = alarmChartBands({ ...base, series: quiet, transitions: [], state: 'ALARM' });
    assert.deepEqual(unknownChange.bands.map((b) => [(b.from - T0) / MIN, (b.to - T0) / MIN]), [[55, 60]], 'one period back');
  });

  it('are none without history or threshold', () => {
    assert.deepEqual(alarmChartBands({ ...base, threshold: undefined, transitions: [], state: 'ALARM' }), { bands: [] });
  });
});
