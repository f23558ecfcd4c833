import { strict as assert } from 'node:assert';
import {
  formatBytes,
  formatResultsDocument,
  formatScanCost,
  prettyJsonLines,
  sanitizeText,
  type ResultRow,
  type ResultsDocumentInput,
} from '../../../src/core/insights/results';

const row = (fields: Record<string, string>): ResultRow => Object.entries(fields).map(([field, value]) => ({ field, value }));

function input(rows: ResultRow[], extra: Partial<ResultsDocumentInput> = {}): ResultsDocumentInput {
  return {
    queryName: 'Failed generation jobs',
    query: 'fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc',
    logGroups: ['/aws/lambda/databanana-GenerateFunction', '/ecs/prod/ai-video-backend'],
    range: { start: new Date('2026-11-22T07:05:00Z'), end: new Date('2026-11-22T10:05:00Z'), label: 'Last 3 hours' },
    status: 'Complete',
    statistics: { recordsMatched: 1234, recordsScanned: 45210, bytesScanned: 20 * 1024 * 1024 },
    rows,
    ...extra,
  };
}

const lines = (text: string) => text.split('\n');

describe('formatResultsDocument — header', () => {
  it('shows the query name, log groups, UTC range, status, records, bytes and cost, then the query indented', () => {
    const doc = formatResultsDocument(input([row({ '@timestamp': '2026-11-22 10:05:00.000', '@message': 'ok' })]));
    const text = doc.text;
    assert.match(text, /^Failed generation jobs\n═+\n/);
    assert.match(text, /^Log groups: +\/aws\/lambda\/databanana-GenerateFunction, \/ecs\/prod\/ai-video-backend$/m);
    assert.match(text, /^Range: +Last 3 hours — 2026-11-22 07:05:00 → 2026-11-22 10:05:00 UTC$/m);
    assert.match(text, /^Status: +Complete$/m);
    assert.match(text, /^Records: +1,234 matched, 45,210 scanned$/m);
    assert.match(text, /^Scanned: +20\.0 MB \(≈ \$0\.0001 at \$0\.005 per GB scanned\)$/m);
    assert.match(text, /^Query:\n {4}fields @timestamp, @message\n {4}\| filter @message like \/ERROR\/\n {4}\| sort @timestamp desc\n$/m);
  });

  it('says where the query ran: the profile (with several side by side) and the region', () => {
    const text = formatResultsDocument(input([], { profile: 'staging', region: 'eu-west-1' })).text;
    assert.match(text, /^Log groups: .*\nProfile: +staging\nRegion: +eu-west-1\nRange: /m);
    const single = formatResultsDocument(input([], { region: 'us-east-1' })).text;
    assert.match(single, /^Region: +us-east-1$/m);
    assert.doesNotMatch(single, /^Profile:/m);
  });

  it('formats bytes and the scan cost', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(3.4 * 1024), '3.4 KB');
    assert.equal(formatBytes(1.5 * 1024 ** 3), '1.5 GB');
    assert.equal(formatBytes(250 * 1024 ** 2), '250 MB');
    assert.equal(formatScanCost(0), '$0');
    assert.equal(formatScanCost(1024), '< $0.0001');
    assert.equal(formatScanCost(20 * 1024 ** 2), '≈ $0.0001');
    assert.equal(formatScanCost(10 * 1024 ** 3), '≈ $0.0500');
    assert.equal(formatScanCost(500 * 1024 ** 3), '≈ $2.50');
  });

  it('says when no records matched and suggests a wider range or other log groups', () => {
    const doc = formatResultsDocument(input([]));
    assert.match(doc.text, /No records matched\. Try a wider time range or other log groups\./);
    assert.deepEqual(doc.rowLines, []);
    assert.match(formatResultsDocument(input([], { status: 'Running' })).text, /still running/);
  });

  it('notes truncated results and shows only the rows up to the limit', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row({ n: String(i) }));
    const doc = formatResultsDocument(input(rows, { truncatedAt: 3 }));
    assert.match(doc.text, /^Rows: +3 — results stop at 3 rows; narrow the range or add a filter to see the rest$/m);
    assert.equal(doc.rowLines.length, 3);
  });

  it('says so when the rows have no fields to show', () => {
    const doc = formatResultsDocument(input([row({ '@ptr': 'a' }), row({ '@ptr': 'b' })]));
    assert.equal(lines(doc.text)[doc.rowLines[1]], '2 rows without fields to show.');
  });

  it('omits statistics it was not given', () => {
    const text = formatResultsDocument(input([], { statistics: undefined })).text;
    assert.doesNotMatch(text, /Records:|Scanned:/);
  });
});

describe('formatResultsDocument — table', () => {
  it('aligns columns (union of fields in first-appearance order, @ptr hidden) and reports each row line', () => {
    const rows = [
      row({ '@timestamp': '2026-11-22 10:05:00.000', endpoint: '/api/videos', count: '12', '@ptr': 'CmAKJgoi' }),
      row({ '@timestamp': '2026-11-22 10:00:00.000', count: '3', status: '500', '@ptr': 'CmAKJgoj' }),
    ];
    const doc = formatResultsDocument(input(rows));
    const all = lines(doc.text);
    const header = all[doc.rowLines[0] - 2];
    assert.equal(header, '@timestamp               endpoint     count  status');
    assert.equal(all[doc.rowLines[0] - 1], '───────────────────────  ───────────  ─────  ──────');
    assert.equal(all[doc.rowLines[0]], '2026-11-22 10:05:00.000  /api/videos  12     —', 'a missing field shows as a dash');
    assert.equal(all[doc.rowLines[1]], '2026-11-22 10:00:00.000  —            3      500');
    assert.doesNotMatch(doc.text, /@ptr|CmAKJgo/);
  });

  it('cuts long values with … and shows them whole under their row; JSON pretty-printed', () => {
    const json = '{"level":"error","message":"generation failed","batch_id":"b-42","attempt":3,"trace_id":12345678901234567890,"details":{"quota":"exceeded","retryable":false},"tags":[]}';
    const long = 'x'.repeat(59) + 'END-OF-LONG-VALUE';
    const rows = [
      row({ '@timestamp': '2026-11-22 10:05:00.000', '@message': json }),
      row({ '@timestamp': '2026-11-22 10:04:00.000', '@message': 'short' }),
      row({ '@timestamp': '2026-11-22 10:03:00.000', '@message': long }),
    ];
    const doc = formatResultsDocument(input(rows));
    const all = lines(doc.text);
    const first = all[doc.rowLines[0]];
    assert.equal(first.length, '2026-11-22 10:05:00.000  '.length + 60);
    assert.ok(first.endsWith('…'));
    assert.deepEqual(all.slice(doc.rowLines[0] + 1, doc.rowLines[1]), [
      '    @message:',
      '      {',
      '        "level": "error",',
      '        "message": "generation failed",',
      '        "batch_id": "b-42",',
      '        "attempt": 3,',
      '        "trace_id": 12345678901234567890,',
      '        "details": {',
      '          "quota": "exceeded",',
      '          "retryable": false',
      '        },',
      '        "tags": []',
      '      }',
    ]);
    assert.equal(doc.rowLines[2], doc.rowLines[1] + 1, 'a value that fits gets no detail lines');
    assert.deepEqual(all.slice(doc.rowLines[2] + 1, doc.rowLines[2] + 3), ['    @message:', `      ${long}`]);
  });

  it('shows multi-line values (a Python traceback) line by line under the row, and a Lambda prefix + JSON split', () => {
    const trace = '[ERROR]\t2026-11-22T10:06:00.000Z\tabc\tQuotaExceeded\nTraceback (most recent call last):\n  File "/var/task/app/handler.py", line 57, in handler\n    raise QuotaExceeded()';
    const lambda = '2026-11-22T10:05:01.123Z\t0f3c\tERROR\tInvoke Error \t{"errorType":"QuotaExceededError","stack":["QuotaExceededError: quota","    at generateImages (/var/task/src/handlers/generate.ts:42:11)"]}';
    const doc = formatResultsDocument(input([row({ '@message': trace }), row({ '@message': lambda })]));
    const all = lines(doc.text);
    assert.match(all[doc.rowLines[0]], /^\[ERROR\] 2026-11-22T10:06:00\.000Z abc QuotaExceeded…$/);
    assert.deepEqual(all.slice(doc.rowLines[0] + 1, doc.rowLines[1]), [
      '    @message:',
      '      [ERROR]\t2026-11-22T10:06:00.000Z\tabc\tQuotaExceeded',
      '      Traceback (most recent call last):',
      '        File "/var/task/app/handler.py", line 57, in handler',
      '          raise QuotaExceeded()',
    ]);
    assert.deepEqual(all.slice(doc.rowLines[1] + 1, doc.rowLines[1] + 9), [
      '    @message:',
      '      2026-11-22T10:05:01.123Z\t0f3c\tERROR\tInvoke Error',
      '      {',
      '        "errorType": "QuotaExceededError",',
      '        "stack": [',
      '          "QuotaExceededError: quota",',
      '          "    at generateImages (/var/task/src/handlers/generate.ts:42:11)"',
      '        ]',
    ]);
  });

  it('strips ANSI escapes and control characters, keeps <script> and other text verbatim', () => {
    const evil = '\x1b[31mERROR\x1b[0m <script>alert(1)</script> a\rb\x00c\x07d \u202eevil\u202c \x1b]0;title\x07done';
    const doc = formatResultsDocument(input([row({ '@message': evil, 'f\x1b[1mield': 'v\u2028w' })], { queryName: 'q\x1b[2J\r\nname' }));
    // eslint-disable-next-line no-control-regex -- checks that none are left
    assert.doesNotMatch(doc.text, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.ok(doc.text.includes('ERROR <script>alert(1)</script> abcd evil done'));
    assert.match(doc.text, /^q name$/m);
    const all = lines(doc.text);
    assert.match(all[doc.rowLines[0] - 2], /^@message +field$/);
    assert.deepEqual(all.slice(doc.rowLines[0] + 1), ['    field:', '      v', '      w', '']);
  });

  it('formats 10,000 rows quickly and keeps rowLines in step with the text', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      row({
        '@timestamp': `2026-11-22 10:${String(i % 60).padStart(2, '0')}:00.000`,
        '@message': i % 3 ? `INFO request ${i} done in ${i % 97} ms` : `{"level":"error","i":${i},"msg":"${'y'.repeat(80)}"}`,
        '@ptr': `p${i}`,
      }),
    );
    const started = performance.now();
    const doc = formatResultsDocument(input(rows));
    const ms = performance.now() - started;
    assert.ok(ms < 2500, `took ${ms} ms`);
    const all = lines(doc.text);
    assert.equal(doc.rowLines.length, 10_000);
    for (const i of [0, 1, 2, 4999, 9999]) assert.ok(all[doc.rowLines[i]].startsWith(`2026-11-22 10:${String(i % 60).padStart(2, '0')}:00.000`));
  });
});

describe('sanitizeText and prettyJsonLines', () => {
  it('removes escape sequences and controls, turns CRLF and LS into newlines', () => {
    assert.equal(sanitizeText('plain\ttext\nok'), 'plain\ttext\nok');
    assert.equal(sanitizeText('a\r\nb\rc'), 'a\nbc');
    assert.equal(sanitizeText('\x1b[1;31mred\x1b[0m \x9b2Jx \x1bPq#0\x1b\\y \x1bcz'), 'red x y z');
    assert.equal(sanitizeText('l1\u2028l2\u2029l3'), 'l1\nl2\nl3');
  });

  it('re-indents JSON keeping literals verbatim, and refuses what is not one JSON object/array', () => {
    assert.deepEqual(prettyJsonLines('{"a":1e3,"b":"\\u0041\\n","c":[1, {"d":null}]}'), ['{', '  "a": 1e3,', '  "b": "\\u0041\\n",', '  "c": [', '    1,', '    {', '      "d": null', '    }', '  ]', '}']);
    assert.equal(prettyJsonLines('{"a":1} trailing'), undefined);
    assert.equal(prettyJsonLines('{"a":}'), undefined);
    assert.equal(prettyJsonLines('"just a string"'), undefined);
    assert.equal(prettyJsonLines('{a:1}'), undefined);
    assert.equal(prettyJsonLines('['.repeat(10_000)), undefined);
  });
});
