import { strict as assert } from 'node:assert';
import { parseQuery } from '../../../../src/core/insights';
import { executeQuery } from '../../../../sandbox/standin/logs/insightsEngine';
import {
  activityEvents,
  avatarEvents,
  backendJsonEvents,
  backendTextEvents,
  fieldOrder,
  jsonDuration,
  stepFunctionLambdaEvents,
  table,
  workerEvents,
} from './fixtures';
import { INLINE_SEED_QUERIES } from '../../insights/seedQueries';

function seedQuery(title: string): string {
  return INLINE_SEED_QUERIES.find((q) => q.title === title)?.text ?? assert.fail(`no seed query ${title}`);
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

describe('executeQuery on the seed queries', () => {
  it('seed 000 "Find execution errors": ERROR lines, newest first, with @ptr', () => {
    const events = backendTextEvents();
    const result = executeQuery(parseQuery(seedQuery('Find execution errors')), events);
    const errors = events.filter((e) => e.message.includes('ERROR'));
    assert.equal(result.rows.length, 17);
    assert.deepEqual(result.columns, ['@timestamp', '@message']);
    assert.deepEqual(fieldOrder(result)[0], ['@timestamp', '@message', '@ptr']);
    assert.deepEqual(
      table(result).map((r) => r['@message']),
      [...errors].reverse().map((e) => e.message),
    );
    assert.equal(table(result)[0]?.['@timestamp'], '2025-10-14 10:31:00.000');
    assert.deepEqual(result.statistics, {
      recordsMatched: 17,
      recordsScanned: events.length,
      bytesScanned: events.reduce((n, e) => n + Buffer.byteLength(e.message), 0),
    });
  });

  it('seed 000 "Find Step Function executions" on Lambda-formatted lines', () => {
    const result = executeQuery(seedQuery('Find Step Function executions'), stepFunctionLambdaEvents());
    assert.deepEqual(
      table(result).map((r) => r['@message']?.split('\t').pop()),
      [
        'Started Step Functions execution arn:aws:states:us-east-1:123456789012:execution:ImageGenerationStateMachine:batch-2',
        'Started Step Functions execution arn:aws:states:us-east-1:123456789012:execution:ImageGenerationStateMachine:batch-1',
      ],
    );
  });

  it('seed 002 "Error Rate by Endpoint": error_count per parsed endpoint, highest first', () => {
    const result = executeQuery(seedQuery('Error Rate by Endpoint'), backendTextEvents());
    assert.deepEqual(result.columns, ['endpoint', 'error_count']);
    assert.deepEqual(table(result), [
      { endpoint: '/api/videos', error_count: '7' },
      // ERROR lines the parse regex does not match form a group without an endpoint
      { error_count: '6' },
      { endpoint: '/api/jobs', error_count: '3' },
      { endpoint: '/api/users', error_count: '1' },
    ]);
    assert.deepEqual(fieldOrder(result)[0], ['endpoint', 'error_count']);
    assert.equal(result.statistics.recordsMatched, 17);
  });

  it('seed 002 "Slowest API Endpoints": parsed durations compare and average as numbers', () => {
    const result = executeQuery(seedQuery('Slowest API Endpoints'), backendTextEvents());
    assert.deepEqual(result.columns, ['endpoint', 'avg_duration', 'max_duration', 'request_count']);
    assert.deepEqual(table(result), [
      { endpoint: '/api/jobs', avg_duration: '1500', max_duration: '1800', request_count: '3' },
      { endpoint: '/api/videos', avg_duration: '515.5', max_duration: '530.5', request_count: '7' },
      { endpoint: '/api/users', avg_duration: '90', max_duration: '90', request_count: '1' },
      { endpoint: '/api/health', avg_duration: '3.5', max_duration: '5', request_count: '4' },
      { request_count: '10' },
    ]);
  });

  it('seed 002 "Failed Generation Jobs": failures per job_id', () => {
    const result = executeQuery(seedQuery('Failed Generation Jobs'), backendTextEvents());
    assert.deepEqual(table(result), [
      { job_id: 'gen-7', failure_count: '2' },
      { job_id: 'gen-9', failure_count: '1' },
    ]);
    assert.equal(result.statistics.recordsMatched, 3);
  });

  it('seed 002 "Database Connection Errors": 5-minute bins, newest bin first', () => {
    const result = executeQuery(seedQuery('Database Connection Errors'), backendTextEvents());
    assert.deepEqual(result.columns, ['bin(5m)', 'error_count']);
    assert.deepEqual(fieldOrder(result)[0], ['bin(5m)', 'error_count']);
    assert.deepEqual(table(result), [
      { 'bin(5m)': '2025-10-14 10:10:00.000', error_count: '3' },
      { 'bin(5m)': '2025-10-14 10:05:00.000', error_count: '1' },
      { 'bin(5m)': '2025-10-14 10:00:00.000', error_count: '2' },
    ]);
    assert.equal(result.statistics.recordsMatched, 6);
  });

  it('seed 003 "Find Slow Requests": JSON duration above 200, slowest 20', () => {
    const events = backendJsonEvents(30);
    const result = executeQuery(seedQuery('Find Slow Requests'), events);
    const expected = events
      .map((e, i) => ({ timestamp: e.timestamp, duration: jsonDuration(i) }))
      .filter((e) => e.duration > 200)
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 20);
    assert.ok(expected.length > 0 && expected.length <= 20);
    assert.deepEqual(
      table(result),
      expected.map((e) => ({ '@timestamp': stamp(e.timestamp), duration: String(e.duration) })),
    );
    assert.deepEqual(fieldOrder(result)[0], ['@timestamp', 'duration', '@ptr']);
    assert.equal(result.statistics.recordsMatched, events.filter((_, i) => jsonDuration(i) > 200).length);
  });

  it('seed 003 "Error Pattern Analysis": count() by a JSON field', () => {
    const result = executeQuery(seedQuery('Error Pattern Analysis'), backendJsonEvents(30));
    assert.deepEqual(result.columns, ['error_type', 'count()']);
    assert.deepEqual(table(result), [
      { error_type: 'ThrottlingException', 'count()': '2' },
      { error_type: 'ValidationError', 'count()': '1' },
    ]);
  });

  it('seed 003 "User Activity Patterns": by user and hour', () => {
    const result = executeQuery(seedQuery('User Activity Patterns'), activityEvents());
    assert.deepEqual(result.columns, ['user_id', 'bin(1h)', 'count()']);
    assert.deepEqual(table(result), [
      { user_id: 'user-a', 'bin(1h)': '2025-10-14 10:00:00.000', 'count()': '2' },
      { user_id: 'user-b', 'bin(1h)': '2025-10-14 10:00:00.000', 'count()': '1' },
      { user_id: 'user-c', 'bin(1h)': '2025-10-14 11:00:00.000', 'count()': '1' },
      { user_id: 'user-a', 'bin(1h)': '2025-10-14 11:00:00.000', 'count()': '1' },
      { user_id: 'user-b', 'bin(1h)': '2025-10-14 11:00:00.000', 'count()': '1' },
    ]);
  });

  it('seed 004 "Upload success rate" and "Deduplication effectiveness": JSON booleans as 1/0', () => {
    const success = executeQuery(seedQuery('Upload success rate'), avatarEvents());
    assert.deepEqual(table(success), [
      { success: '1', 'count()': '3' },
      { success: '0', 'count()': '1' },
    ]);
    const dedup = executeQuery(seedQuery('Deduplication effectiveness'), avatarEvents());
    assert.deepEqual(table(dedup), [
      { isDuplicate: '0', 'count()': '3' },
      { isDuplicate: '1', 'count()': '1' },
    ]);
    assert.equal(dedup.statistics.recordsMatched, 4);
    assert.equal(dedup.statistics.recordsScanned, 5);
  });

  it('seed 001 nested JSON: metadata keys flattened with dots', () => {
    const result = executeQuery(
      'fields component, metadata.generationId, metadata.duration | filter ispresent(metadata.duration) | stats avg(metadata.duration) as avg_ms, count_distinct(metadata.generationId) as generations by component',
      workerEvents(),
    );
    assert.deepEqual(table(result), [
      { component: 'Worker', avg_ms: '30000', generations: '1' },
      { component: 'FLUX', avg_ms: '1200', generations: '1' },
    ]);
  });
});
