import { strict as assert } from 'node:assert';
import { analyzeQuery } from '../../../src/core/insights';
import { executeQuery } from '../../../sandbox/standin/logs/insightsEngine';
import { csvColumns, logfmtPairs } from '../../../sandbox/standin/logs/insightsEngine/parseModes';
import { ALIAS_RULES, LANGUAGE_FORMS } from '../../fixtures/insights/languageForms';

const at = (i: number) => 1_765_100_000_000 + i * 1000;
const events = (...messages: string[]) => messages.map((message, i) => ({ timestamp: at(i), message, logStreamName: 's', logGroupName: '/app' }));
const rows = (query: string, messages: string[], lookupTable?: (name: string) => Record<string, string>[] | undefined) =>
  executeQuery(query, events(...messages), lookupTable ? { lookupTable } : {}).rows.map((r) => Object.fromEntries(r.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])));

describe('Logs Insights language: the forms of the second round', () => {
  for (const f of LANGUAGE_FORMS) {
    it(`understands ${f.form} without a finding (${f.url})`, () => {
      assert.deepEqual(analyzeQuery(f.query).findings, []);
    });
  }

  it('quoted member names read as the dotted field they name', () => {
    const fields = analyzeQuery('fields headers."user-agent", detail.`x-id`.value').query.commands[0];
    assert.ok(fields.command === 'fields');
    assert.deepEqual(fields.items.map((i) => i.name), ['headers.user-agent', 'detail.x-id.value']);
  });

  it('a field named logfmt or csv is read as the field where a pattern or a mode follows it', () => {
    const source = (q: string) => {
      const c = analyzeQuery(q).query.commands[0];
      return c?.command === 'parse' ? [c.source.kind === 'field' ? c.source.name : '', c.mode] : [];
    };
    assert.deepEqual(source('parse csv csv as a, b'), ['csv', 'csv']);
    assert.deepEqual(source('parse logfmt "x=*" as x'), ['logfmt', 'glob']);
    assert.deepEqual(source('parse logfmt'), ['@message', 'logfmt']);
  });

  it('the two alias rules are warnings naming the alias, and the query is still understood', () => {
    for (const rule of ALIAS_RULES) {
      const analysis = analyzeQuery(rule.query);
      assert.deepEqual(analysis.findings.map((f) => [f.severity, f.construct]), [['warning', rule.construct]], rule.url);
      assert.equal(analysis.query.commands.length, 3);
    }
    // A field shadowed before anything projected it, and stats over stats aliases, are fine.
    assert.deepEqual(analyzeQuery('fields strlen(@message) as @message').findings, []);
    assert.deepEqual(analyzeQuery('fields a as x | stats count(*) as x by x | fields x * 2 as doubled').findings, []);
  });

  it('the stand-in runs if(), !, quoted members and stats over stats', () => {
    const lines = ['{"status":503,"headers":{"user-agent":"curl"}}', '{"status":200,"userId":"u1","headers":{"user-agent":"curl"}}', '{"status":200,"headers":{"user-agent":"k6"}}'];
    assert.deepEqual(rows('fields if(status >= 500, "error", "ok") as outcome | stats count(*) as n by outcome | sort outcome', lines), [{ outcome: 'error', n: '1' }, { outcome: 'ok', n: '2' }]);
    assert.deepEqual(rows('filter !isPresent(userId) | fields headers."user-agent" as agent | sort agent', lines).map((r) => r.agent), ['curl', 'k6']);
    assert.deepEqual(rows('stats count(*) as n by headers."user-agent" as agent | stats max(n) as peak, sum(n) as total', lines), [{ peak: '2', total: '3' }]);
  });

  it('the stand-in parses logfmt (as a map read with dots, or as fields), csv columns and every match with multi', () => {
    const logfmt = ['level=error msg="disk full" code=7', 'level=info msg=ok'];
    assert.deepEqual(rows('parse @message logfmt as lf | filter lf.level = "error" | display lf.msg, lf.code', logfmt), [{ 'lf.msg': 'disk full', 'lf.code': '7' }]);
    assert.deepEqual(rows('parse logfmt | filter level = "info" | display msg', logfmt), [{ msg: 'ok' }]);
    assert.deepEqual(rows('parse @message csv as day, orderId, amount | stats sum(amount) as total by day', ['mon,o1,5', 'mon,"o,2",7', 'tue,o3,1']), [{ day: 'mon', total: '12' }, { day: 'tue', total: '1' }]);
    assert.deepEqual(rows('parse @message /(?<ip>\\d+\\.\\d+\\.\\d+\\.\\d+)/ multi | stats count(*) as n by ip | sort ip', ['from 10.0.0.1 to 10.0.0.2', 'from 10.0.0.1']), [{ ip: '10.0.0.1', n: '2' }, { ip: '10.0.0.2', n: '1' }]);
    assert.deepEqual(logfmtPairs('a=1 b="x \\"y\\"" flag'), { a: '1', b: 'x "y"', flag: 'true' });
    assert.deepEqual(csvColumns('a,"b,c","d""e",'), ['a', 'b,c', 'd"e', '']);
  });

  it('the stand-in looks up a table by name, matching the table field against the log field', () => {
    const table = [{ id: 'u1', name: 'Ada', department: 'ops' }];
    assert.deepEqual(rows('fields userId | lookup users id as userId OUTPUT name, department', ['{"userId":"u1"}', '{"userId":"u2"}'], (n) => (n === 'users' ? table : undefined)), [
      { userId: 'u1', name: 'Ada', department: 'ops' },
      { userId: 'u2' },
    ]);
  });

  it('pattern and anomaly take their arguments', () => {
    const pattern = analyzeQuery('pattern @message | anomaly detectionPeriod=1h, priority="HIGH"');
    assert.deepEqual(pattern.findings, []);
    const anomaly = pattern.query.commands[1];
    assert.ok(anomaly.command === 'anomaly');
    assert.deepEqual(Object.keys(anomaly.options ?? {}), ['detectionPeriod', 'priority']);
  });

  it('parse logfmt and csv stay linear on 1 MB values', function () {
    this.timeout(10_000);
    const MB = 1024 * 1024;
    for (const text of ['a='.repeat(MB / 2), '"'.repeat(MB), 'x="'.repeat(MB / 3), ','.repeat(MB)]) {
      const started = performance.now();
      logfmtPairs(text);
      csvColumns(text);
      assert.ok(performance.now() - started < 1000);
    }
  });
});
