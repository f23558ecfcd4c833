import { strict as assert } from 'node:assert';
import { compileFilterPattern } from '../../../src/core/logs';
import {
  COMPOUND_EVENT, COMPOUND_EXAMPLES, JSON_EVENT, JSON_EXAMPLES, SPACE_DELIMITED_EVENTS, SPACE_DELIMITED_EXAMPLES,
  UNSTRUCTURED_EVENTS, UNSTRUCTURED_EXAMPLES,
} from '../../fixtures/logs/filterPatterns';

const matching = (pattern: string, events: readonly string[]): number[] => {
  const compiled = compileFilterPattern(pattern);
  assert.equal(compiled.warning, undefined, `${pattern}: ${compiled.warning}`);
  return events.flatMap((e, i) => (compiled.matches(e) ? [i] : []));
};

describe('filter patterns (CloudWatch Logs documented examples)', () => {
  for (const example of UNSTRUCTURED_EXAMPLES) {
    it(`unstructured: ${example.pattern}`, () => assert.deepEqual(matching(example.pattern, UNSTRUCTURED_EVENTS), example.matches));
  }
  for (const example of JSON_EXAMPLES) {
    it(`JSON: ${example.pattern} ${example.match ? 'matches' : 'does not match'}`, () => assert.deepEqual(matching(example.pattern, [JSON_EVENT]), example.match ? [0] : []));
  }
  for (const example of COMPOUND_EXAMPLES) {
    it(`compound: ${example.pattern} ${example.match ? 'matches' : 'does not match'}`, () => assert.deepEqual(matching(example.pattern, [COMPOUND_EVENT]), example.match ? [0] : []));
  }
  for (const example of SPACE_DELIMITED_EXAMPLES) {
    it(`space-delimited: ${example.pattern}`, () => assert.deepEqual(matching(example.pattern, SPACE_DELIMITED_EVENTS), example.matches));
  }
});

describe('filter patterns beyond the examples', () => {
  it('matches JSON after a Lambda runtime prefix and never matches plain text', () => {
    const p = compileFilterPattern('{ $.level = "ERROR" }');
    assert.equal(p.matches('2026-11-22T15:00:00.000Z\tabc-123\tERROR\t{"level":"ERROR","msg":"boom"}'), true);
    assert.equal(p.matches('{"level":"INFO"}'), false);
    assert.equal(p.matches('level ERROR'), false);
  });

  it('warns about a pattern it cannot read, and lets every event through (CloudWatch Logs decides)', () => {
    for (const pattern of ['{ $.level = }', '{ $.level = "ERROR"', '[a, b', '{ $.a ~ 1 }', '"unclosed']) {
      const p = compileFilterPattern(pattern);
      assert.match(p.warning ?? '', /CloudWatch Logs decides/, pattern);
      assert.equal(p.matches('anything'), true, pattern);
    }
  });

  it('is case-sensitive, as CloudWatch Logs is', () => {
    assert.equal(compileFilterPattern('ERROR').matches('error: disk full'), false);
  });

  it('stays fast on hostile input (long messages, deep parentheses, many stars)', () => {
    const started = performance.now();
    const long = 'a'.repeat(300_000);
    compileFilterPattern('*a*a*a*a*a*b').matches(long);
    compileFilterPattern(`{ ${'('.repeat(100)}$.a = 1${')'.repeat(100)} }`).matches('{"a":1}');
    compileFilterPattern('[a = *a*a*a*a*a*a*b]').matches(long);
    compileFilterPattern('{ $.a = *a*a*a*a*a*b }').matches(JSON.stringify({ a: long }));
    assert.ok(performance.now() - started < 2000);
  });
});
