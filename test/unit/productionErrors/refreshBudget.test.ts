import { strict as assert } from 'node:assert';
import { fetchErrorsAcross, type RunWindow } from '../../../src/core/productionErrors';
import { asScopeId } from '../../../src/core/scope';

const GB = 1024 ** 3;

/** A window that always matched more events than it returned, one row a second older each time, scanning `bytes`. */
function endless(calls: string[], name: string, bytes: number): RunWindow {
  let second = 1_000;
  return async () => {
    calls.push(name);
    second -= 1;
    return { rows: [{ '@timestamp': new Date(second * 1000).toISOString(), '@message': 'Error: x', '@log': `123456789012:${name}` }], recordsMatched: 1_000_000, recordsScanned: 1_000, bytesScanned: bytes };
  };
}

describe('production errors: the byte budget of one refresh', () => {
  it('no query starts once the budget is scanned, across regions and batches of log groups', async () => {
    const calls: string[] = [];
    const byRegion = new Map([[asScopeId('us-east-1'), ['/a']], [asScopeId('eu-west-1'), ['/b']]]);
    const fetched = await fetchErrorsAcross(byRegion, (region) => endless(calls, region, 20 * GB), 0, 999, { maxBytes: 50 * GB });
    assert.deepEqual(calls, ['us-east-1', 'us-east-1', 'us-east-1'], 'three queries reach 60 GB; eu-west-1 is never asked');
    assert.equal(fetched.bytesScanned, 60 * GB);
    assert.equal(fetched.budgetReached, true);
    assert.equal(fetched.complete, false);
  });

  it('without a budget, or under it, a refresh reads on and says nothing was cut for money', async () => {
    const calls: string[] = [];
    const once: RunWindow = async () => {
      calls.push('q');
      return { rows: [], recordsMatched: 0, recordsScanned: 0, bytesScanned: GB };
    };
    const fetched = await fetchErrorsAcross(new Map([[asScopeId('us-east-1'), ['/a']], [asScopeId('eu-west-1'), ['/b']]]), () => once, 0, 999, { maxBytes: 50 * GB });
    assert.equal(calls.length, 2);
    assert.equal(fetched.budgetReached, false);
    assert.equal(fetched.complete, true);
  });
});
