// `npm run bench -- --check` fails when a figure breaks its budget and when an expected one was never
// reported: a bench that stops measuring something, or measures nothing, cannot pass.
import { strict as assert } from 'node:assert';
import { EXPECTED_FIGURES, failures, figure } from '../../../bench/report';

describe('Bench check', () => {
  it('fails when an expected figure was never reported', () => {
    const reported = [figure('merge 500 series × 1,440 points (median of 5)', 40, 'ms', 100)];
    const broken = failures(reported, ['merge 500 series × 1,440 points (median of 5)', 'soak: timers left after dispose']);
    assert.deepEqual(broken.map((f) => f.name), ['soak: timers left after dispose (never reported)']);
    assert.ok(Number.isNaN(broken[0].value));
  });

  it('expects a figure for every part of the bench, and fails a run that reported none', () => {
    assert.equal(failures([]).length, EXPECTED_FIGURES.length);
    assert.ok(EXPECTED_FIGURES.length >= 50, `${EXPECTED_FIGURES.length} expected figures`);
  });

  it('matches figures whose names carry a workload size by pattern', () => {
    const reported = [figure('alarms: 2000 alarms to a ready tree', 900, 'ms', 1500)];
    assert.deepEqual(failures(reported, [/^alarms: \d+ alarms to a ready tree$/]), []);
  });

  it('fails when the AWS SDK was loaded during activation', () => {
    assert.deepEqual(failures([figure('AWS SDK loaded during activation', 0, 'times', 0)], []), []);
    assert.equal(failures([figure('AWS SDK loaded during activation', 1, 'times', 0)], []).length, 1);
  });

  it('fails a health round whose checks ran one at a time, however fast it was', () => {
    const serial = [figure('health: full round, 50 endpoints, one takes 2 s', 2369, 'ms', 2300), figure('health: checks in flight at once', 1, 'in flight', 8)];
    assert.deepEqual(failures(serial, []).map((f) => f.name), ['health: checks in flight at once']);
    assert.deepEqual(failures([figure('health: checks in flight at once', 8, 'in flight', 8)], []), []);
  });
});
