import { strict as assert } from 'node:assert';
import { inlineText, parseInline, parseMarkdown, safeHref, type MdBlock, type MdInline } from '../../../src/core/metrics/markdown';

/** Every node kind in a tree, depth first. */
function kinds(blocks: readonly MdBlock[]): string[] {
  const out: string[] = [];
  const inline = (nodes: readonly MdInline[]) => nodes.forEach((n) => {
    out.push(n.type);
    if (n.type === 'strong' || n.type === 'em' || n.type === 'link') inline(n.children);
  });
  for (const b of blocks) {
    out.push(b.type);
    if (b.type === 'heading' || b.type === 'paragraph' || b.type === 'quote') inline(b.children);
    if (b.type === 'list') b.items.forEach(inline);
    if (b.type === 'table') [b.header, ...b.rows].forEach((row) => row.forEach(inline));
  }
  return out;
}

function allText(blocks: readonly MdBlock[]): string {
  return blocks.map((b) => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
      case 'quote':
        return inlineText(b.children);
      case 'list':
        return b.items.map(inlineText).join('\n');
      case 'code':
        return b.text;
      case 'table':
        return [b.header, ...b.rows].map((r) => r.map(inlineText).join('|')).join('\n');
      default:
        return '';
    }
  }).join('\n');
}

describe('text widget markdown', () => {
  it('reads the application dashboard header (seed 002 scenario)', () => {
    const blocks = parseMarkdown('# AI Video Pipeline - dev application\nECS service `ai-video-backend-service` on `ai-video-cluster`. Runbooks: see docs/MONITORING.md (CloudWatch Alarms). Normal CPU <50%, memory <60%; at least 1 running task.');
    assert.deepEqual(blocks.map((b) => b.type), ['heading', 'paragraph']);
    assert.deepEqual(blocks[0], { type: 'heading', level: 1, children: [{ type: 'text', text: 'AI Video Pipeline - dev application' }] });
    const p = blocks[1];
    assert.ok(p.type === 'paragraph');
    assert.deepEqual(p.children.map((c) => c.type), ['text', 'code', 'text', 'code', 'text']);
    assert.match(inlineText(p.children), /Normal CPU <50%, memory <60%/);
  });

  it('reads headings, lists, emphasis, code, quotes, rules and tables', () => {
    const blocks = parseMarkdown([
      '## Response',
      '1. **Check** the *dashboard*',
      '2. Run `aws ecs describe-services`',
      '',
      '- CPU: __high__ means _scale out_',
      '- snake_case_names stay as they are',
      '',
      '> Escalate after 15 minutes',
      '',
      '---',
      '| Metric | Target |',
      '|--------|--------|',
      '| API Latency p99 | <200ms |',
      '```bash',
      'aws logs tail /ecs/dev/ai-video-backend --follow',
      '```',
    ].join('\n'));
    assert.deepEqual(blocks.map((b) => b.type), ['heading', 'list', 'list', 'quote', 'rule', 'table', 'code']);
    const [, ordered, bullets, , , table, code] = blocks;
    assert.ok(ordered.type === 'list' && ordered.ordered && ordered.start === 1);
    assert.deepEqual(ordered.items[0].map((n) => n.type), ['strong', 'text', 'em']);
    assert.ok(bullets.type === 'list' && !bullets.ordered);
    assert.deepEqual(bullets.items[0].map((n) => n.type), ['text', 'strong', 'text', 'em']);
    assert.deepEqual(bullets.items[1], [{ type: 'text', text: 'snake_case_names stay as they are' }]);
    assert.ok(table.type === 'table');
    assert.deepEqual(table.header.map(inlineText), ['Metric', 'Target']);
    assert.deepEqual(table.rows[0].map(inlineText), ['API Latency p99', '<200ms']);
    assert.deepEqual(code, { type: 'code', text: 'aws logs tail /ecs/dev/ai-video-backend --follow' });
  });

  it('keeps only https link targets', () => {
    const nodes = parseInline('[Runbook](https://wiki.example.com/runbooks#ecs) [local](docs/MONITORING.md) [x](javascript:alert(1)) [y](http://example.com) [button:primary:Open console](https://console.aws.amazon.com/cloudwatch/)');
    const links = nodes.filter((n): n is Extract<MdInline, { type: 'link' }> => n.type === 'link');
    assert.deepEqual(links.map((l) => [inlineText(l.children), l.href]), [
      ['Runbook', 'https://wiki.example.com/runbooks#ecs'],
      ['local', undefined],
      ['x', undefined],
      ['y', undefined],
      ['Open console', 'https://console.aws.amazon.com/cloudwatch/'],
    ]);
    assert.equal(safeHref(' https://example.com/a b'), 'https://example.com/a%20b');
    assert.equal(safeHref('HTTPS://Example.com'), 'https://example.com/');
    assert.equal(safeHref('https://'), undefined);
  });

  it('renders hostile HTML as text nodes, nothing else', () => {
    const hostile = [
      '# <script>alert(1)</script>',
      '<img src=x onerror="alert(document.cookie)">',
      '- <iframe src="https://evil.example"></iframe>',
      '**<b onmouseover=alert(1)>bold</b>**',
      '[<svg onload=alert(1)>](javascript:alert(1))',
      '![<img src=x onerror=alert(2)>](https://evil.example/x.png)',
      '| <script>x</script> | ok |',
      '|---|---|',
      '| a | <style>body{display:none}</style> |',
    ].join('\n');
    const blocks = parseMarkdown(hostile);
    const allowed = new Set(['heading', 'paragraph', 'list', 'code', 'quote', 'table', 'rule', 'text', 'strong', 'em', 'link']);
    for (const k of kinds(blocks)) assert.ok(allowed.has(k), k);
    const text = allText(blocks);
    assert.ok(text.includes('<script>alert(1)</script>'), 'the script tag is shown as text');
    assert.ok(text.includes('<img src=x onerror="alert(document.cookie)">'));
    assert.ok(text.includes('<iframe src="https://evil.example"></iframe>'));
    assert.ok(text.includes('<style>body{display:none}</style>'));
    // The javascript: link lost its target; the image became its alternative text.
    const flat = JSON.stringify(blocks);
    assert.ok(!flat.includes('"href":"javascript'), flat);
    assert.ok(!flat.includes('x.png'), 'images are never loaded');
  });

  it('honours backslash escapes and leaves unmatched markers alone', () => {
    assert.deepEqual(parseInline('\\*not italic\\* 2 * 3 * 4 a**b'), [{ type: 'text', text: '*not italic* 2 * 3 * 4 a**b' }]);
  });
});
