import { strict as assert } from 'node:assert';
import { bandsFromData, bandsFromTransitions, breaches, transitionsFromHistory } from '../../../src/core/metrics/alarmBands';

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
