import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { parseQuery, queryCompileErrorLocation } from '../../../src/core/insights';
import { catchSyntaxError } from './helpers';
import { INLINE_SEED_QUERIES, normalizeWhitespace, SEEDS_DIR, seedQueriesFromFiles } from './seedQueries';

const MALFORMED = 'Average upload time by file size';

describe('Insights queries in the seed monitoring guides', () => {
  const fromFiles = seedQueriesFromFiles();

  it('finds the seeds', () => {
    assert.equal(fs.readdirSync(SEEDS_DIR).filter((f) => /^\d{3}\.md$/.test(f)).length, 5);
  });

  it('extracts exactly the queries written out inline', () => {
    assert.deepEqual(
      fromFiles.map((q) => ({ seed: q.seed, text: normalizeWhitespace(q.text) })),
      INLINE_SEED_QUERIES.map((q) => ({ seed: q.seed, text: q.text })),
    );
  });

  for (const [i, inline] of INLINE_SEED_QUERIES.entries()) {
    if (inline.title === MALFORMED) {
      continue;
    }
    it(`parses seed ${inline.seed} "${inline.title}"`, () => {
      const text = fromFiles[i]?.text ?? assert.fail('query missing from the seed files');
      const parsed = parseQuery(text);
      assert.ok(parsed.commands.length >= 3);
      assert.equal(parsed.commands[0]?.command, 'fields');
      assert.deepEqual(parseQuery(inline.text).commands.map((c) => c.command), parsed.commands.map((c) => c.command));
    });
  }

  it(`rejects seed 004 "${MALFORMED}" at the bin(...) line`, () => {
    const index = INLINE_SEED_QUERIES.findIndex((q) => q.title === MALFORMED);
    const text = fromFiles[index]?.text ?? assert.fail('query missing from the seed files');
    const error = catchSyntaxError(() => parseQuery(text));
    assert.equal(error.message, 'unexpected symbol found bin at line 3 and position 3');
    assert.equal(error.line, 3);
    assert.equal(error.column, 3);
    assert.equal(error.offset, text.indexOf('bin(fileSize'));
    assert.deepEqual(queryCompileErrorLocation(error), {
      line: 3,
      startCharOffset: text.indexOf('bin(fileSize'),
      endCharOffset: text.indexOf('bin(fileSize') + 3,
    });
  });
});
