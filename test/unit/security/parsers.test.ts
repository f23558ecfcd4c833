import * as assert from 'node:assert/strict';
import { bodyExcerpt } from '../../../src/core/health/body';
import { toCsv } from '../../../src/core/insights/results';
import { layoutWidgets, MAX_WIDGETS, parseDashboardBody } from '../../../src/core/metrics/dashboard';
import { inlineText, MAX_INLINE_DEPTH, MAX_MARKDOWN_CHARS, parseInline, parseMarkdown, type MdInline } from '../../../src/core/metrics/markdown';
import { compileGlob } from '../../../src/core/runbooks/glob';
import { atxHeading, markdownHeadings } from '../../../src/core/runbooks/headings';
import { nameWords } from '../../../src/core/runbooks/nameMatching';
import { resolveRunbook } from '../../../src/core/runbooks/resolve';
import { runbookPathCandidates } from '../../../src/core/runbooks/workspacePath';
import { parseJsonc } from '../../../src/core/text/jsonc';
import { capDocument } from '../../../src/core/text/limits';

function depth(nodes: readonly MdInline[]): number {
  return nodes.reduce((max, n) => Math.max(max, n.type === 'text' || n.type === 'code' ? 0 : 1 + depth(n.children)), 0);
}

describe('hostile inputs: the rewritten parsers still read ordinary text the same way', () => {
  it('ATX headings: closing hashes, levels, and the line that froze the host', () => {
    assert.deepEqual(atxHeading('## ECS Service Unhealthy ##'), { level: 2, text: 'ECS Service Unhealthy' });
    assert.deepEqual(atxHeading('   # Top'), { level: 1, text: 'Top' });
    assert.deepEqual(atxHeading('# C#'), { level: 1, text: 'C#' }, 'a # inside the text stays');
    assert.deepEqual(atxHeading('#'), { level: 1, text: '' });
    assert.equal(atxHeading('#5 bolt'), undefined);
    assert.equal(atxHeading('####### seven'), undefined);
    assert.equal(atxHeading('    # code'), undefined);
    const pathological = `# a${' '.repeat(16 * 1024)}x`;
    assert.deepEqual(atxHeading(pathological), { level: 1, text: `a${' '.repeat(16 * 1024)}x` });
    assert.deepEqual(markdownHeadings(`# One\r\n\`\`\`\n# not\n\`\`\`\n${pathological}\n## Two`).map((h) => [h.line, h.level]), [[0, 1], [4, 1], [5, 2]]);
  });

  it('splits camelCase runs of capitals as before', () => {
    assert.deepEqual(nameWords('APIGatewayHTTPErrors'), ['api', 'gateway', 'http', 'error']);
  });

  it('globs: stars, question marks, case, whole names', () => {
    assert.ok(compileGlob('dev-*-critical').test('DEV-rds-cpu-critical'));
    assert.ok(compileGlob('*').test(''));
    assert.ok(compileGlob('a*b*c').test('aXXbYYc'));
    assert.ok(!compileGlob('a*b*c').test('aXXbYY'));
    assert.ok(compileGlob('??-*').test('eu-west'));
    assert.ok(!compileGlob(`${'*?'.repeat(400)}x`).test('a'.repeat(255)));
    assert.ok(!compileGlob('a'.repeat(2000)).test('a'.repeat(2000)), 'longer than any alarm name: never matches');
  });

  it('multi-root: a heading found as "<folder>/docs/x.md" opens under that folder, not "<folder>/<folder>/docs"', () => {
    assert.deepEqual(runbookPathCandidates('api/docs/MONITORING.md', ['web', 'api']), [
      { folder: 1, path: 'docs/MONITORING.md' },
      { folder: 0, path: 'api/docs/MONITORING.md' },
      { folder: 1, path: 'api/docs/MONITORING.md' },
    ]);
    assert.deepEqual(runbookPathCandidates('api/docs/MONITORING.md', ['api']), [{ folder: 0, path: 'api/docs/MONITORING.md' }], 'one folder: paths are relative to it');
  });

  it('a runbook URL at the end of a sentence loses its full stop only', () => {
    const r = resolveRunbook({ alarmName: 'x', description: 'Runbook: https://wiki.example.com/runbooks/api-errors.', mappings: [] });
    assert.deepEqual(r, { kind: 'url', url: 'https://wiki.example.com/runbooks/api-errors', source: 'description' });
  });

  it('dashboard markdown: links and emphasis as before, nesting cut at its limit, long text cut with a note', () => {
    assert.deepEqual(parseInline('**bold** and [docs](https://docs.example.com "Docs") `x*y`'), [
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'link', href: 'https://docs.example.com/', children: [{ type: 'text', text: 'docs' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'x*y' },
    ]);
    const nested = `${'['.repeat(100)}deep${'](https://x.example)'.repeat(100)}`;
    const tree = parseInline(nested);
    assert.ok(depth(tree) <= MAX_INLINE_DEPTH, `depth ${depth(tree)}`);
    assert.match(inlineText(tree), /deep/);
    const emphasis = parseInline(`${'*a '.repeat(5000)}x${' a*'.repeat(5000)}`);
    assert.ok(depth(emphasis) <= MAX_INLINE_DEPTH);
    const blocks = parseMarkdown(`# Title\n\n${'word '.repeat(MAX_MARKDOWN_CHARS)}`);
    const last = blocks.at(-1)!;
    assert.ok(last.type === 'paragraph' && /the first 100 KB are shown/.test(inlineText(last.children)));
    assert.deepEqual(parseMarkdown('a | b\n--- | :-:\n1 | 2').map((b) => b.type), ['table']);
    assert.deepEqual(parseMarkdown(`a | b\n${' '.repeat(1000)}x`).map((b) => b.type), ['paragraph'], 'spaces are no table separator');
  });

  it('dashboards: at most 500 widgets, said as a problem; every flowed widget placed without overlap', () => {
    const parsed = parseDashboardBody({ widgets: Array.from({ length: 600 }, () => ({ type: 'text', properties: { markdown: 'x' } })) });
    assert.equal(parsed.widgets.length, MAX_WIDGETS);
    assert.match(parsed.problems.join(' '), /600 widgets; the first 500 are shown/);
    const boxes = [...Array.from({ length: 60 }, (_, i) => ({ x: i % 24, y: i * 3, width: 1, height: 2 })), ...Array.from({ length: 200 }, (_, i) => ({ width: 1 + (i % 24), height: 1 + (i % 7) }))];
    const placed = layoutWidgets(boxes);
    const cells = new Set<string>();
    for (const p of placed) {
      for (let r = p.y; r < p.y + p.height; r++) {
        for (let c = p.x; c < p.x + p.width; c++) {
          assert.ok(!cells.has(`${r},${c}`), `overlap at row ${r}, column ${c}`);
          cells.add(`${r},${c}`);
        }
      }
    }
  });

  it('health bodies: tags, scripts and styles dropped as before', () => {
    assert.equal(bodyExcerpt('<html><head><style>a{}</style><script>if (a<b) x()</script></head><body><h1>Internal error</h1><p>in <b>app</b></p></body>'), 'Internal error in app');
    assert.equal(bodyExcerpt('plain < text > here'), 'plain here');
    assert.equal(bodyExcerpt(`<p>${'x'.repeat(500)}</p>`).length, 160);
  });

  it('CSV export guards column names like cells, keeping Logs Insights @fields', () => {
    const csv = toCsv([[{ field: '@timestamp', value: '2024-01-01' }, { field: '=HYPERLINK("https://evil.example","x")', value: '=1+1' }, { field: '-2+3+cmd|calc', value: '-42' }]]);
    const [header, row] = csv.split('\r\n');
    assert.equal(header, `@timestamp,"'=HYPERLINK(""https://evil.example"",""x"")",'-2+3+cmd|calc`);
    assert.equal(row, "2024-01-01,'=1+1,-42");
  });

  it('reads a workspace settings file with comments and trailing commas (to name what Restricted Mode ignores)', () => {
    const text = '{\n  // the team profile\n  "opsLens.aws.profile": "prod//admin", /* note */\n  "opsLens.runbooks": [{ "alarm": "*", "target": "https://x.example" },],\n}\n';
    assert.deepEqual(Object.keys(parseJsonc(text) as object), ['opsLens.aws.profile', 'opsLens.runbooks']);
    assert.equal((parseJsonc(text) as Record<string, string>)['opsLens.aws.profile'], 'prod//admin');
    assert.equal(parseJsonc('{ not json'), undefined);
  });

  it('documents are cut at their cap with a line saying so', () => {
    const text = 'row\n'.repeat(1000);
    const cut = capDocument(text, 1000);
    assert.ok(cut.length < 1200);
    assert.match(cut, /… cut here/);
    assert.equal(capDocument('small', 1000), 'small');
  });
});
