import * as assert from 'node:assert/strict';
import { fromMetricAlarm } from '../../../src/core/alarms/model';
import { formatAlarmDetails, mdText } from '../../../src/core/alarms/details';
import { asScopeId } from '../../../src/core/scope';

// The renderer of VS Code's markdown preview (markdown-it, default options).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new () => { render(text: string): string };
const render = (markdown: string) => new MarkdownIt().render(markdown);

describe('markdown documents: alarm text from AWS stays text (details, incident notes)', () => {
  const definition = '[s]: https://attacker.example/p.png';

  it('F7: a reference definition in the description and `![x][s]` in the reason render no image and no link', () => {
    const alarm = fromMetricAlarm(asScopeId('us-east-1'), {
      AlarmName: 'checkout-latency', StateValue: 'ALARM', MetricName: 'Latency', Namespace: 'Shop', Statistic: 'Average', Period: 60, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold',
      AlarmDescription: `${definition}\n[t]: https://attacker.example/t "title"`, StateReason: 'Threshold crossed ![x][s] [click][t] [s] ![y](https://attacker.example/i.png)',
    });
    const before = render(`# checkout-latency\n\n## Description\n\n${definition}\n\n## Reason\n\nThreshold crossed ![x][s]\n`);
    assert.match(before, /<img src="https:\/\/attacker\.example\/p\.png"/, 'unescaped, the same text renders a remote image');
    const html = render(formatAlarmDetails(alarm, { history: [] }));
    assert.doesNotMatch(html, /<img|<a /);
    assert.match(html, /\[s\]: https:\/\/attacker\.example\/p\.png/, 'the definition is shown as text');
    assert.match(html, /Threshold crossed !\[x\]\[s\] \[click\]\[t\]/);
  });

  it('F7: table cells of the incident notes render no image either', () => {
    const html = render(`${mdText(definition)}\n\n| Time (UTC) | What |\n|---|---|\n| 10:00 | ${mdText('deploy ![a][s] ![b](https://attacker.example/b.png)')} |\n`);
    assert.doesNotMatch(html, /<img|<a /);
    assert.match(html, /<td>deploy !\[a\]\[s\]/);
  });

  it('escapes line-start markers within a line and stays linear on long runs of newlines', () => {
    assert.equal(mdText('  # a\n\t1. b\n[c]: d'), '  \\# a  \n\t\\1. b  \n\\[c\\]: d');
    const started = performance.now();
    mdText(`${'\n'.repeat(200_000)}x`);
    assert.ok(performance.now() - started < 500, 'well under a second for 200 K newlines');
  });
});
