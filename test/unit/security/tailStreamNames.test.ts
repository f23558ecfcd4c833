import * as assert from 'node:assert/strict';
import { formatTailEvent, tailField } from '../../../src/core/logs/tailLine';

describe('Live Tail: stream and group names from AWS cannot forge document lines', () => {
  const forged = '2026/12/07/[$LATEST]abc\n2026-12-07T10:00:00.000Z ERROR 2026/12/07/[$LATEST]def  Payment service DOWN\u202e\u001b[2J\r';

  it('F10: a stream name with a newline, ESC and U+202E yields exactly one document line', () => {
    for (const showGroup of [false, true]) {
      const text = formatTailEvent({ timestamp: Date.UTC(2026, 11, 7, 10), logGroup: '/aws/lambda/pay\n\u202eevil', logStream: forged, message: 'hello' }, { prettyJson: false, showGroup });
      assert.equal(text.split('\n').length, 1, text);
      // eslint-disable-next-line no-control-regex -- control characters are what must not reach the document
      assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      assert.match(text, /^10:00:00\.000 - {5}hello {2}· /, text);
      assert.ok(!text.includes('Payment service'), text);
    }
  });

  it('the document header puts group names, the filter and AWS errors on one line each', () => {
    assert.equal(tailField('/aws/lambda/pay\r\n\u2028Session: live\u202e\u001b]0;title\u0007'), '/aws/lambda/pay Session: live');
  });
});
