import { strict as assert } from 'node:assert';
import { acceptedDespiteFindings, analyzeQuery, checkQuery } from '../../../src/core/insights';
import { AWS_EXAMPLES, AWS_EXAMPLES_READ_DIFFERENTLY, AWS_RESTRICTIONS } from '../../fixtures/insights/awsQueries';
import { DEVIATIONS, WRITTEN_QUERIES } from './conformance';

const titleOf = (url: string, query: string): string => `${url.replace(/^.*\//, '')}: ${query.replace(/\s+/g, ' ').slice(0, 90)}`;

describe('Logs Insights conformance: the queries AWS publishes', () => {
  it('has an AWS example for every command but pattern, diff, unmask and lookup, whose pages print none', () => {
    const commands = new Set(AWS_EXAMPLES.map((q) => q.command));
    const language = ['fields', 'display', 'filter', 'filterIndex', 'stats', 'sort', 'limit', 'parse', 'dedup', 'pattern', 'anomaly', 'diff', 'unmask', 'unnest', 'SOURCE', 'lookup', 'join', 'subqueries'];
    assert.deepEqual(language.filter((c) => !commands.has(c)), ['pattern', 'diff', 'unmask', 'lookup']);
    const written = new Set(WRITTEN_QUERIES.map((q) => q.command));
    assert.ok(['pattern', 'diff', 'unmask', 'lookup'].every((c) => written.has(c)), 'those are covered by queries written from their syntax');
    assert.ok([...AWS_EXAMPLES, ...AWS_RESTRICTIONS, ...WRITTEN_QUERIES].every((q) => /^https:\/\/(docs\.aws\.amazon\.com|serverlessland\.com)\//.test(q.url)));
    assert.ok(DEVIATIONS.every((d) => d.reason.length > 20));
  });

  for (const { url, query } of AWS_EXAMPLES) {
    it(`parses AWS's example without a finding — ${titleOf(url, query)}`, () => {
      assert.deepEqual(analyzeQuery(query).findings, []);
    });
  }

  for (const { url, query, why } of AWS_EXAMPLES_READ_DIFFERENTLY) {
    it(`reads this printed form of AWS's example differently, for a stated reason — ${titleOf(url, query)}`, () => {
      assert.ok(why.length > 40);
      assert.deepEqual(analyzeQuery(query).findings.map((f) => f.severity), ['error']);
      assert.deepEqual(analyzeQuery(query.replace(/\n\s*/g, ' ')).findings, []);
    });
  }

  for (const { url, says, query, construct } of AWS_RESTRICTIONS) {
    it(`warns, and never refuses, where AWS documents a limit — ${url.replace(/^.*\//, '')}: ${says}`, () => {
      const { findings } = analyzeQuery(query);
      assert.deepEqual(findings.map((f) => [f.severity, f.construct]), [['warning', construct]]);
      assert.match(findings[0]?.message ?? '', /Logs Insights decides when the query runs/);
    });
  }

  for (const { url, query } of WRITTEN_QUERIES) {
    it(`parses a query written from AWS's syntax without a finding — ${titleOf(url, query)}`, () => {
      assert.deepEqual(analyzeQuery(query).findings, []);
    });
  }
});

describe('Logs Insights is the judge: the local check only warns', () => {
  it('marks commands, functions and forms it does not know as warnings that name them', () => {
    const { findings, query, unknown } = analyzeQuery('fields @message\n| logcompare timeshift 7d\n| filter frobnicate(@message) = 1\n| limit 5');
    assert.deepEqual(findings.map((f) => [f.severity, f.construct, f.line]), [['warning', 'command logcompare', 2], ['warning', 'function frobnicate()', 3]]);
    assert.match(findings[0]?.message ?? '', /is not known to Ops Lens; Logs Insights decides when the query runs/);
    assert.deepEqual(query.commands.map((c) => c.command), ['fields', 'filter', 'limit']);
    assert.deepEqual(unknown.map((u) => u.text), ['logcompare timeshift 7d']);
  });

  it('words the output-channel line for a flagged query that Logs Insights ran', () => {
    const { findings } = analyzeQuery('fields @message\n| logcompare timeshift 7d\n| filter frobnicate(@message) = 1');
    assert.equal(acceptedDespiteFindings('Weekly compare', findings), 'Logs Insights accepted "Weekly compare", which the local check flagged: command logcompare (line 2), function frobnicate() (line 3)');
    assert.equal(acceptedDespiteFindings('Clean', []), undefined);
  });

  it('errs only on text no version of the language accepts', () => {
    for (const [text, detail] of [['filter x = "open', 'unclosed string'], ['filter @message like /a(b', 'unclosed regular expression'], ['filter (a = 1 | limit 5', 'unclosed ('], ['stats count(*) by `odd name', 'unclosed quoted name']]) {
      const findings = analyzeQuery(text).findings;
      assert.equal(findings.length, 1, text);
      assert.equal(findings[0]?.severity, 'error', text);
      assert.match(findings[0]?.message ?? '', new RegExp(`^${detail.replace(/[()]/g, '\\$&')}`), text);
    }
  });

  it('stays within its stack on hostile nesting and long chains', () => {
    const open = `filter ${'('.repeat(20_000)}`;
    assert.equal(checkQuery(open)?.fatal, true);
    assert.equal(analyzeQuery(`filter ${'('.repeat(20_000)}a${')'.repeat(20_000)}`).findings[0]?.severity, 'warning');
    assert.equal(analyzeQuery(`filter ${Array.from({ length: 20_000 }, (_, i) => `a = ${i}`).join(' or ')}`).findings[0]?.severity, 'warning');
    assert.equal(analyzeQuery(`filter a in (${'SOURCE "g" | filter b in ('.repeat(2_000)}`).findings[0]?.severity, 'error');
    assert.equal(analyzeQuery(`fields ${'-'.repeat(20_000)}1`).findings[0]?.severity, 'warning');
  });
});
