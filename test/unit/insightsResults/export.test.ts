import { strict as assert } from 'node:assert';
import { guardFormula, resultColumns, toCsv, toJson, type ResultRow } from '../../../src/core/insights/results';

const row = (fields: Record<string, string>): ResultRow => Object.entries(fields).map(([field, value]) => ({ field, value }));

describe('toCsv', () => {
  it('writes a header and RFC 4180 rows (CRLF, quotes doubled, fields with , " or newlines quoted), without @ptr', () => {
    const rows = [
      row({ '@timestamp': '2026-11-22 10:05:00.000', '@message': 'said "hi", then left', '@ptr': 'CmAK' }),
      row({ '@timestamp': '2026-11-22 10:04:00.000', '@message': 'line 1\nline 2', level: 'ERROR', '@ptr': 'CmAL' }),
    ];
    assert.equal(
      toCsv(rows),
      '@timestamp,@message,level\r\n' +
        '2026-11-22 10:05:00.000,"said ""hi"", then left",\r\n' +
        '2026-11-22 10:04:00.000,"line 1\nline 2",ERROR\r\n',
    );
  });

  it('takes explicit columns, including @ptr when asked', () => {
    const rows = [row({ a: '1', b: '2', '@ptr': 'p' })];
    assert.equal(toCsv(rows, ['b', '@ptr', 'missing']), 'b,@ptr,missing\r\n2,p,\r\n');
    assert.equal(toCsv([]), '\r\n');
  });

  it('guards against formula injection while negative and signed numbers stay numbers', () => {
    assert.equal(guardFormula('=HYPERLINK("http://evil","x")'), `'=HYPERLINK("http://evil","x")`);
    assert.equal(guardFormula('+cmd'), "'+cmd");
    assert.equal(guardFormula('-2+3+cmd|\' /C calc\'!A0'), "'-2+3+cmd|' /C calc'!A0");
    assert.equal(guardFormula('@SUM(A1:A2)'), "'@SUM(A1:A2)");
    assert.equal(guardFormula('\t=1+1'), "'\t=1+1");
    assert.equal(guardFormula('-42'), '-42');
    assert.equal(guardFormula('-0.5'), '-0.5');
    assert.equal(guardFormula('+3'), '+3');
    assert.equal(guardFormula('-1e-3'), '-1e-3');
    assert.equal(guardFormula('plain = text'), 'plain = text');
    const csv = toCsv([row({ '@message': '=1+1', delta: '-12', note: '-, then "x"' })]);
    assert.equal(csv, `@message,delta,note\r\n'=1+1,-12,"'-, then ""x"""\r\n`);
  });
});

describe('toJson', () => {
  it('writes a pretty array of objects, field → value, without @ptr', () => {
    const rows = [row({ '@timestamp': '2026-11-22 10:05:00.000', count: '3', '@ptr': 'p' }), [...row({ msg: 'a "quoted"\nline' }), { field: '__proto__', value: 'x' }]];
    const text = toJson(rows);
    assert.deepEqual(JSON.parse(text), [{ '@timestamp': '2026-11-22 10:05:00.000', count: '3' }, JSON.parse('{"msg":"a \\"quoted\\"\\nline","__proto__":"x"}')]);
    assert.equal(text, '[\n  {\n    "@timestamp": "2026-11-22 10:05:00.000",\n    "count": "3"\n  },\n  {\n    "msg": "a \\"quoted\\"\\nline",\n    "__proto__": "x"\n  }\n]\n');
    assert.equal(toJson([]), '[]\n');
  });

  it('keeps the given columns in their order', () => {
    assert.equal(toJson([row({ a: '1', b: '2', c: '3' })], ['c', 'a', 'z']), '[\n  {\n    "c": "3",\n    "a": "1"\n  }\n]\n');
  });
});

describe('result columns', () => {
  it('keeps the query\'s order when the first row lacks a field', () => {
    const rows = [[{ field: 'error_count', value: '18' }], [{ field: 'endpoint', value: '/api/videos' }, { field: 'error_count', value: '13' }], [{ field: 'endpoint', value: '/x' }, { field: 'error_count', value: '1' }, { field: '@ptr', value: 'p' }]];
    assert.deepEqual(resultColumns(rows), ['endpoint', 'error_count']);
    assert.deepEqual(resultColumns(rows, true), ['endpoint', 'error_count', '@ptr']);
  });
});
