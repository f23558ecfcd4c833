import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, FUNCTION_NAMES } from '../../../src/core/insights/catalog';

interface Grammar {
  repository: Record<string, { match?: string }>;
}

const grammar = JSON.parse(readFileSync(path.join(__dirname, '../../../media/insights.tmLanguage.json'), 'utf8')) as Grammar;

/** A grammar rule as a JavaScript regex (its leading `(?i)` becomes the `i` flag). */
function rule(name: string, flags = ''): RegExp {
  const source = grammar.repository[name]?.match ?? '';
  return source.startsWith('(?i)') ? new RegExp(source.slice(4), `i${flags}`) : new RegExp(source, flags);
}

describe('the .insights grammar colours the language the parser knows', () => {
  it('has every command, at the start of a line, after a pipe and at the start of a subquery', () => {
    const command = rule('command', 'g');
    const last = (text: string): string | undefined => [...text.matchAll(command)].pop()?.[1]?.toLowerCase();
    for (const c of COMMANDS) {
      for (const text of [c.label, `fields a | ${c.label}`, `filter x in (${c.label}`]) {
        assert.equal(last(text), c.name, text);
      }
    }
    assert.equal(last('fields sortable'), 'fields');
  });

  it('has every function when it is called', () => {
    const fn = rule('function');
    for (const name of FUNCTION_NAMES) {
      assert.ok(fn.test(`${name}(x)`), name);
      assert.ok(!fn.test(`${name} = 1`), name);
    }
  });

  it('has the metadata keys, language included', () => {
    assert.ok(rule('metadata').test('# language: SQL'));
    assert.ok(rule('metadata').test('# logGroups: arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/orders'));
  });
});
