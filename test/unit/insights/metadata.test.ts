import { strict as assert } from 'node:assert';
import { parseQuery, parseQueryFileMetadata } from '../../../src/core/insights';

describe('parseQueryFileMetadata', () => {
  it('reads the contract example', () => {
    const text = [
      '# name: Error Rate by Endpoint',
      '# logGroups: /ecs/prod/ai-video-backend, /aws/lambda/databanana-GenerateFunction',
      '# range: 3h',
      'fields @timestamp, @message',
      '| filter @message like /ERROR/',
      '| stats count() as error_count by bin(5m)',
    ].join('\n');
    assert.deepEqual(parseQueryFileMetadata(text), {
      name: 'Error Rate by Endpoint',
      logGroups: ['/ecs/prod/ai-video-backend', '/aws/lambda/databanana-GenerateFunction'],
      range: '3h',
      body: 'fields @timestamp, @message\n| filter @message like /ERROR/\n| stats count() as error_count by bin(5m)',
    });
  });

  it('ignores comments that are not metadata, and metadata-like comments after the query starts', () => {
    const text = [
      '',
      '#   Name :   Slow   requests  ',
      '# Shows the slowest requests',
      '-- logGroups: not metadata',
      '#loggroups: a,, b ,',
      '',
      'fields @timestamp, duration',
      '# range: 7d',
      '| sort duration desc',
      '',
    ].join('\r\n');
    const meta = parseQueryFileMetadata(text);
    assert.equal(meta.name, 'Slow   requests');
    assert.deepEqual(meta.logGroups, ['a', 'b']);
    assert.equal(meta.range, undefined);
    assert.equal(meta.body, 'fields @timestamp, duration\n| sort duration desc');
    assert.doesNotThrow(() => parseQuery(meta.body));
  });

  it('returns only a body when there is no metadata', () => {
    assert.deepEqual(parseQueryFileMetadata('fields @message\n| limit 5\n'), { body: 'fields @message\n| limit 5' });
    assert.deepEqual(parseQueryFileMetadata('# name:\n\n'), { body: '' });
  });
});
