import { strict as assert } from 'node:assert';
import { logAlarmChartQuery, logAlarmSeries, scheduleEveryMs } from '../../../src/core/alarms/logAlarmChart';
import type { LogAlarmQuery } from '../../../src/core/alarms/model';

const alarm: LogAlarmQuery = { query: 'fields @timestamp, status | filter status >= 500', logGroups: ['/aws/lambda/checkout'], schedule: 'rate(5 minutes)', startOffsetSeconds: 300, endOffsetSeconds: 0, aggregation: 'count(*)', resultsToEvaluate: 3, resultsToAlarm: 2 };
const HOUR = 3_600_000;

describe('a log alarm charted from Logs Insights', () => {
  it('reads how often a rate schedule runs, and nothing from a cron schedule', () => {
    assert.equal(scheduleEveryMs('rate(5 minutes)'), 300_000);
    assert.equal(scheduleEveryMs('rate(1 hour)'), HOUR);
    assert.equal(scheduleEveryMs(' rate(2 days) '), 2 * 24 * HOUR);
    assert.equal(scheduleEveryMs('cron(0/5 * * * ? *)'), undefined);
  });

  it('runs the alarm\'s own query, then its aggregation per bin of its schedule', () => {
    const chart = logAlarmChartQuery(alarm, 3 * HOUR);
    assert.equal(chart.query, 'fields @timestamp, status | filter status >= 500\n| stats count(*) as alarm_value by bin(5m)');
    assert.deepEqual([chart.binMs, chart.binFrom, chart.aggregation], [300_000, 'schedule', 'count(*)']);
  });

  it('widens the bins over a long range so the chart holds at most 500 points', () => {
    const chart = logAlarmChartQuery(alarm, 7 * 24 * HOUR);
    assert.equal(chart.binMs, 21 * 60_000, '7 days / 500 points, up to whole minutes');
    assert.equal(chart.binFrom, 'range');
    assert.match(chart.query, /by bin\(21m\)$/);
  });

  it('uses 5-minute bins for a cron schedule, and count(*) for an aggregation that is not one function call', () => {
    const chart = logAlarmChartQuery({ ...alarm, schedule: 'cron(0 * * * ? *)', aggregation: 'sum(x) | display y' }, HOUR);
    assert.deepEqual([chart.binMs, chart.binFrom, chart.aggregation], [300_000, 'default', 'count(*)']);
    assert.equal(logAlarmChartQuery({ ...alarm, schedule: 'rate(1 hour)', aggregation: 'avg(latency)' }, HOUR).query.split('\n')[1], '| stats avg(latency) as alarm_value by bin(1h)');
  });

  it('reads the results as one series, oldest first', () => {
    const rows = [
      [{ field: 'bin(5m)', value: '2026-12-07 10:05:00.000' }, { field: 'alarm_value', value: '23' }],
      [{ field: 'bin(5m)', value: '2026-12-07 10:00:00.000' }, { field: 'alarm_value', value: '4' }],
    ];
    assert.deepEqual(logAlarmSeries(rows), { timestamps: [Date.UTC(2026, 11, 7, 10, 0), Date.UTC(2026, 11, 7, 10, 5)], values: [4, 23] });
    assert.deepEqual(logAlarmSeries([]), { timestamps: [], values: [] });
  });
});
