import { strict as assert } from 'node:assert';
import { insightsBlocks, looksLikeInsightsQuery, prepareQueryText } from '../../../src/core/insights/markdownBlocks';
import { seed } from '../seeds';

describe('Insights blocks in markdown runbooks', () => {
  it('finds every query block of the five seed guides, named by the nearest heading', () => {
    const found = ['000', '001', '002', '003', '004'].map((n) => insightsBlocks(seed(n)).map((b) => b.heading));
    assert.deepEqual(found[0], ['Debug Queries', 'Debug Queries']);
    assert.deepEqual(found[1], []);
    assert.deepEqual(found[2], ['1. Error Rate by Endpoint', '2. Slowest API Endpoints', '3. Failed Generation Jobs', '4. Database Connection Errors']);
    assert.deepEqual(found[3], ['Find Slow Requests', 'Error Pattern Analysis', 'User Activity Patterns']);
    assert.deepEqual(found[4], ['Log Queries for Insights:', 'Log Queries for Insights:', 'Log Queries for Insights:']);
  });

  it('splits a block holding several queries, each named by its comment', () => {
    const blocks = insightsBlocks(seed('004'));
    assert.deepEqual(blocks.map((b) => b.label), ['1. Upload success rate', '2. Average upload time by file size', '3. Deduplication effectiveness']);
    assert.match(blocks[1].text, /^fields @timestamp, duration, fileSize\n\| filter operation = "avatar_upload" \n\| bin\(fileSize, 1000000\) as fileSizeBin\n\| stats avg\(duration\) by fileSizeBin$/);
    const lines = seed('004').split('\n');
    assert.equal(lines[blocks[1].startLine], 'fields @timestamp, duration, fileSize');
  });

  it('ignores shell, SQL and JSON blocks', () => {
    assert.equal(looksLikeInsightsQuery('aws logs tail /ecs/dev/ai-video-backend --follow'), false);
    assert.equal(looksLikeInsightsQuery('SELECT query, mean_time FROM pg_stat_statements'), false);
    assert.equal(looksLikeInsightsQuery('-- comment\n\n-- 1. x\nfields @timestamp, success'), true);
    assert.equal(looksLikeInsightsQuery('{"type": "metric"}'), false);
  });

  it('records where the block content is, for CodeLens and error markers', () => {
    const md = '# Runbook\n\n## Errors\n\n```\nfields @timestamp\n| limit 5\n```\n';
    const [block] = insightsBlocks(md);
    assert.deepEqual({ heading: block.heading, fence: block.fenceLine, start: block.startLine, end: block.endLine, text: block.text }, { heading: 'Errors', fence: 4, start: 5, end: 6, text: 'fields @timestamp\n| limit 5' });
  });

  it('prepares text for StartQuery keeping line numbers traceable', () => {
    const prepared = prepareQueryText('# name: x\n# range: 1h\n\nfields @timestamp\n# note\n| limit 5\n\n');
    assert.deepEqual(prepared, { text: 'fields @timestamp\n\n| limit 5', lineOffset: 3 });
  });
});
