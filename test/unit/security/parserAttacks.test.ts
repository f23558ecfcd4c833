import * as assert from 'node:assert/strict';
import { insightsBlocks, LANGUAGE_SCAN_LINES, MAX_QUERY_BLOCKS } from '../../../src/core/insights/markdownBlocks';
import { MAX_HEADER_LINES, parseQueryFileMetadata } from '../../../src/core/insights/metadata';
import { TailBuffer, type TailEvent } from '../../../src/core/logs';
import { formatTailEvent, MAX_EVENT_LINES, MAX_MESSAGE_CHARS } from '../../../src/core/logs/tailLine';
import { expressionReferences, MAX_EXPRESSION_CHARS, renameInExpression } from '../../../src/core/metrics/queries';
import { findStackFrames } from '../../../src/core/sourceLinks';
import { fill, MB } from './hostileInputs';

/**
 * Far above what the linear parsers take on 1 MB (tens of milliseconds) and far below what the regexes they
 * replace took (minutes at 1 MB), so a busy machine cannot fail it and a quadratic pass cannot pass it.
 */
const BOUND_MS = 3000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const event = (message: string): TailEvent => ({ timestamp: Date.UTC(2026, 11, 7, 10), logGroup: '/aws/lambda/api', logStream: '2026/12/07/[$LATEST]abc', message });

describe('hostile inputs: the attacks on markdown blocks, query headers, Live Tail and metric math', function () {
  this.timeout(30000);

  it('a README ending in an unclosed query fence and 200,000 blank lines is read at once, and offers no query', () => {
    const readme = `# Runbook\n\n\`\`\`\nfields @message\n\`\`\`\n\n## Tail\n\`\`\`\n${'\n'.repeat(200_000)}`;
    const { value, ms } = timed(() => insightsBlocks(readme));
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
    assert.deepEqual(value.map((b) => [b.heading, b.startLine, b.text]), [['Runbook', 3, 'fields @message']]);
  });

  it('the same fence over 1 MB of blank lines, and a 1 MB line of spaces in a block, stay linear', () => {
    for (const markdown of [fill('\n', '```\n'), fill(' ', '```\n', 'y'), fill(' ', '```sql\n# language:', 'x')]) {
      const { ms } = timed(() => insightsBlocks(markdown));
      assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms on ${JSON.stringify(markdown.slice(0, 20))}…`);
    }
  });

  it('a block declares its language in its opening lines; a declaration buried further down is not read', () => {
    const early = insightsBlocks('```sql\n-- errors\n# language: SQL\nSELECT * FROM `/aws/lambda/api`\n```');
    assert.equal(early[0]?.language, 'SQL');
    const buried = insightsBlocks(`\`\`\`sql\n${'SELECT 1\n'.repeat(LANGUAGE_SCAN_LINES)}# language: SQL\n\`\`\``);
    assert.deepEqual(buried, [], 'a bare ```sql block is not a Logs Insights query without the declaration');
  });

  it('a document of more query blocks than anyone writes gets lenses for the first ones only', () => {
    const { value, ms } = timed(() => insightsBlocks(fill('# h\n```\nfields @message\n```\n')));
    assert.ok(ms < BOUND_MS);
    assert.equal(value.length, MAX_QUERY_BLOCKS);
    assert.equal(value[0]?.heading, 'h');
  });

  it('"# name: x" + 1 MB of spaces + "y" is read at once, as the name "x … y"', () => {
    const { value, ms } = timed(() => parseQueryFileMetadata(`${fill(' ', '# name: x', 'y')}\nfields @message`));
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
    assert.equal(value.name?.length, MB - '# name: '.length);
    assert.ok(value.name?.startsWith('x ') && value.name.endsWith(' y'));
    assert.equal(value.body, 'fields @message');
  });

  it('query headers: keys with spaces and any case, comments later in the file, and a header longer than anyone writes', () => {
    const meta = parseQueryFileMetadata('  #  Name :  Errors by route  \r\n# log-groups: /aws/lambda/a, /aws/lambda/b\r\n-- a note\r\n\r\nfields @message\r\n# name: later\r\n\r\n| limit 5\r\n\r\n');
    assert.equal(meta.name, 'Errors by route');
    assert.deepEqual(meta.logGroups, ['/aws/lambda/a', '/aws/lambda/b']);
    assert.equal(meta.body, 'fields @message\n\n| limit 5');
    const long = parseQueryFileMetadata(`${'# note\n'.repeat(MAX_HEADER_LINES)}# name: too late\nfields x`);
    assert.equal(long.name, undefined, `only the first ${MAX_HEADER_LINES} header lines are read`);
  });

  it('Live Tail: 32 KB of newlines before a last character is one event formatted at once, in bounded lines', () => {
    const message = `${'\n'.repeat(MAX_MESSAGE_CHARS - 1)}x`;
    const { value, ms } = timed(() => formatTailEvent(event(message), { prettyJson: false, showGroup: false }));
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
    const lines = value.split('\n');
    assert.equal(lines.length, MAX_EVENT_LINES + 1);
    assert.match(lines[lines.length - 1] ?? '', /more lines cut\)$/);
    assert.equal(formatTailEvent(event('done\n\n\n'), { prettyJson: false, showGroup: false }).split('\n').length, 1, 'trailing newlines are dropped');
  });

  it('Live Tail: Toggle JSON over a full buffer of 32 KB events returns at once; the redraw formats only what the document shows', () => {
    const json = `{"a":"${'x'.repeat(MAX_MESSAGE_CHARS - 16)}"}`;
    const buffer = new TailBuffer(10_000);
    buffer.add(Array.from({ length: 10_000 }, () => event(json)));
    const toggle = timed(() => buffer.setFormat({ prettyJson: true, showGroup: false }));
    assert.ok(toggle.ms < 50, `Toggle JSON took ${Math.round(toggle.ms)} ms`);
    const redraw = timed(() => buffer.text(MB));
    assert.ok(redraw.ms < BOUND_MS, `${Math.round(redraw.ms)} ms`);
    assert.ok(redraw.value.length > MB && redraw.value.length < 2 * MB, 'stops soon after the limit');
    assert.ok(redraw.value.includes('\n    {\n      "a": "xxx'), 'the shown events are pretty-printed');
  });

  it('metric math: a 1 MB expression of unterminated quotes goes to AWS as written, untouched', () => {
    const expression = fill('"a');
    const { value, ms } = timed(() => [expressionReferences(expression), renameInExpression(expression, (id) => `w0_${id}`)] as const);
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
    assert.deepEqual(value[0], []);
    assert.equal(value[1], expression);
  });

  it('metric math: ids in an expression up to the 2,048-character limit are found in one pass; a quote never closed runs to the end', () => {
    assert.deepEqual(expressionReferences(`SUM([m1, m2]) + "unterminated m3 \\" m4`), ['m1', 'm2']);
    assert.equal(renameInExpression(`m1 + 'it\\'s m1' + m1_x + Am1 + m1`, (id) => (id === 'm1' ? 'w0_m1' : undefined)), `w0_m1 + 'it\\'s m1' + m1_x + Am1 + w0_m1`);
    const atLimit = `m1${' +m1'.repeat(511)}`.padEnd(MAX_EXPRESSION_CHARS);
    assert.equal(atLimit.length, MAX_EXPRESSION_CHARS);
    assert.equal(expressionReferences(atLimit).length, 512);
    assert.deepEqual(expressionReferences(`${atLimit} `), [], 'one character over the limit: left to the service');
  });

  it('stack frames: 1 MB of ") in " (.NET frames never closed) is read at once; real .NET frames still link', () => {
    const { ms } = timed(() => findStackFrames(fill(') in ')));
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
    const frames = findStackFrames('   at Api.Controller.Get() in /src/Api/Controller.cs:line 12\n   at B() in https://x.example/b.cs:line 3\n   at C() in /c.cs:line 7…');
    assert.deepEqual(frames.map((f) => [f.path, f.line, f.kind]), [['/src/Api/Controller.cs', 12, 'dotnet']]);
  });
});
