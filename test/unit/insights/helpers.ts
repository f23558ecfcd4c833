import { strict as assert } from 'node:assert';
import { QuerySyntaxError } from '../../../src/core/insights';

export function catchSyntaxError(f: () => unknown): QuerySyntaxError {
  try {
    f();
  } catch (e) {
    if (e instanceof QuerySyntaxError) {
      return e;
    }
    throw e;
  }
  return assert.fail('expected a QuerySyntaxError');
}
