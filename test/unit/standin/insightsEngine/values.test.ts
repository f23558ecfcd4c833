import { strict as assert } from 'node:assert';
import { toNumber } from '../../../../sandbox/standin/logs/insightsEngine/values';

describe('insights engine: numbers in log values', () => {
  it('reads numeric strings as Logs Insights compares them', () => {
    assert.deepEqual(['532.1', ' 7 ', '-1e5', '+1.2E-3', '1.', '.5'].map(toNumber), [532.1, 7, -100_000, 0.0012, 1, 0.5]);
    assert.deepEqual(['', ' ', '1e', 'e1', '..1', '1..2', '1 2', '0x1', 'Infinity'].map(toNumber), Array(9).fill(undefined));
  });

  it('gives up on a long run of digits that is not a number in linear time', () => {
    const started = process.hrtime.bigint();
    for (const hostile of [`${'0'.repeat(200_000)}E`, `1.${'1'.repeat(200_000)}x`, `1${' '.repeat(200_000)}x`]) assert.equal(toNumber(hostile), undefined);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 1_000, 'three 200 KB values take well under a second');
  });
});
