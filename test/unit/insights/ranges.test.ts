import { strict as assert } from 'node:assert';
import { blockLanguage, insightsBlocks } from '../../../src/core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../../../src/core/insights';
import { parseTimeRange, rangeLabel, RANGE_FORMS, windowFor } from '../../../src/core/time/ranges';

describe('time ranges as people write them during an incident', () => {
  const now = new Date(Date.UTC(2026, 10, 22, 16, 0));

  it('takes any relative duration', () => {
    for (const [text, minutes] of [['30m', 30], ['2h', 120], ['14d', 14 * 1440], ['2w', 14 * 1440], ['90 minutes', 90], ['45s', 0.75]] as const) {
      const w = windowFor(text, now);
      assert.equal(w?.end.getTime(), now.getTime(), text);
      assert.equal((now.getTime() - (w?.start.getTime() ?? 0)) / 60_000, minutes, text);
    }
    assert.equal(rangeLabel('30m'), 'last 30 minutes');
    assert.equal(rangeLabel('1h'), 'last 1 hour');
  });

  it('takes an absolute window in UTC or with an offset, and labels it in UTC', () => {
    const utc = windowFor('2026-11-22T15:00Z..2026-11-22T16:30Z');
    assert.deepEqual(utc, { start: new Date('2026-11-22T15:00:00Z'), end: new Date('2026-11-22T16:30:00Z') });
    assert.deepEqual(windowFor('2026-11-22T16:00+01:00..2026-11-22T17:30+01:00'), utc);
    assert.deepEqual(windowFor('2026-11-22 10:00:30.250-05:00..2026-11-22T11:00:00-05:00'), { start: new Date('2026-11-22T15:00:30.250Z'), end: new Date('2026-11-22T16:00:00Z') });
    assert.equal(rangeLabel('2026-11-22T15:00Z..2026-11-22T16:30Z'), '2026-11-22 15:00:00 – 16:30:00 UTC');
    assert.equal(rangeLabel('2026-11-22T23:00Z..2026-11-23T01:00Z'), '2026-11-22 23:00:00 – 2026-11-23 01:00:00 UTC');
  });

  it('refuses what is not a range, and says which forms are', () => {
    for (const text of ['', 'soon', '0m', '5 fortnights', '2026-11-22T15:00..2026-11-22T16:30', '2026-11-22T16:30Z..2026-11-22T15:00Z', '2026-02-30T10:00Z..2026-03-01T10:00Z', '9999999d']) {
      assert.equal(parseTimeRange(text), undefined, text);
    }
    assert.match(RANGE_FORMS, /30m.*2026-11-22T15:00Z\.\.2026-11-22T16:30Z/);
  });
});

describe('SQL and PPL queries', () => {
  it('reads the language from .insights metadata', () => {
    assert.equal(parseQueryFileMetadata('# language: SQL\nSELECT * FROM `logGroups(namePrefix: [\'/aws/lambda\'])` LIMIT 10').language, 'SQL');
    assert.equal(parseQueryFileMetadata('# language: ppl\nfields @message').language, 'PPL');
    assert.equal(parseQueryFileMetadata('# language: cobol\nfields @message').language, undefined);
  });

  it('reads it from a fenced block, but a ```sql block written in Insights syntax stays Insights', () => {
    assert.equal(blockLanguage('ppl', 'fields `@timestamp`, `@message` | where status = 500'), undefined, 'starts like Insights');
    assert.equal(blockLanguage('ppl', 'source = `/aws/lambda/orders` | where status = 500'), 'PPL');
    assert.equal(blockLanguage('sql', 'filter @message like /ERROR/ | stats count(*) by bin(5m)'), undefined);
    assert.equal(blockLanguage('sql', '-- language: SQL\nSELECT count(*) FROM `/aws/lambda/orders`'), 'SQL');
    const md = '# Runbook\n\n```sql\nfilter @message like /ERROR/\n| stats count(*) by bin(5m)\n```\n\n```sql\nSELECT * FROM users\n```\n\n```insights-sql\nSELECT count(*) FROM `/aws/lambda/orders`\n```\n';
    assert.deepEqual(insightsBlocks(md).map((b) => [b.info, b.language ?? 'CWLI']), [['sql', 'CWLI'], ['insights-sql', 'SQL']]);
  });

  it('offers no Run lens on shell and patch blocks that start with words Insights also has', () => {
    const md = '```bash\nsource .venv/bin/activate\n```\n\n```diff\ndiff --git a/x b/x\n```\n\n```\nSOURCE logGroups(namePrefix: [\'/aws/lambda\']) | limit 5\n```\n';
    assert.deepEqual(insightsBlocks(md).map((b) => b.text), ["SOURCE logGroups(namePrefix: ['/aws/lambda']) | limit 5"]);
  });
});
