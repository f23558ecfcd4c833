import { strict as assert } from 'node:assert';

/** Asserts that a call fails with the SDK's exception class for the error the service answered. */
export async function rejectsWith<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T, check?: (err: T) => void): Promise<void> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof type, `expected ${type.name}, got ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    check?.(err);
    return;
  }
  assert.fail(`expected ${type.name}, but the call succeeded`);
}
