import { strict as assert } from 'node:assert';
import { summarizeErrors, errorSignature, firstLine, isErrorMessage, statedLevel } from '../../../src/core/investigate/errors';
import { executeQuery } from '../../../sandbox/standin/logs/insightsEngine';
import { prepareQueryText } from '../../../src/core/insights/markdownBlocks';
import { errorQuery } from '../../../src/core/investigate/timeline';
import { chooseMoment, DEFAULT_AFTER_MS, DEFAULT_BEFORE_MS, parseAt, parseSide, windowAround } from '../../../src/core/investigate/window';

const T = Date.parse('2026-11-22T15:00:00Z');
const MIN = 60_000;

describe('investigation: moment and window', () => {
  const transitions = [
    { time: T - 120 * MIN, from: 'OK', to: 'ALARM' },
    { time: T - 90 * MIN, from: 'ALARM', to: 'OK' },
    { time: T - 10 * MIN, from: 'OK', to: 'ALARM' },
    { time: T - 5 * MIN, from: 'ALARM', to: 'INSUFFICIENT_DATA' },
  ];

  it('picks the latest change into ALARM', () => {
    const m = chooseMoment(transitions, { now: T });
    assert.equal(m.at, T - 10 * MIN);
    assert.equal(m.transition?.to, 'ALARM');
  });

  it('picks the chosen history entry, matched within a minute', () => {
    assert.equal(chooseMoment(transitions, { now: T, at: T - 90 * MIN + 20_000 }).at, T - 90 * MIN);
    assert.equal(chooseMoment(transitions, { now: T, at: T - 50 * MIN }).at, T - 50 * MIN);
  });

  it('falls back to the last state update, then to now', () => {
    assert.equal(chooseMoment([], { now: T, stateUpdated: T - 3 * MIN }).at, T - 3 * MIN);
    assert.equal(chooseMoment([{ time: T - MIN, from: 'ALARM', to: 'OK' }], { now: T }).at, T);
  });

  it('is 30 minutes before and 15 after by default, and never ends after now', () => {
    assert.deepEqual(windowAround(T - 60 * MIN, T), { start: T - 90 * MIN, end: T - 45 * MIN, beforeMs: DEFAULT_BEFORE_MS, afterMs: DEFAULT_AFTER_MS });
    assert.equal(windowAround(T - 5 * MIN, T).end, T);
    const custom = windowAround(T - 60 * MIN, T, 2 * 3_600_000, 0);
    assert.deepEqual([custom.start, custom.end], [T - 180 * MIN, T - 60 * MIN]);
  });

  it('refuses sides that are not durations, and caps them at a day', () => {
    assert.equal(parseSide('45m'), 45 * MIN);
    assert.equal(parseSide('2h'), 2 * 3_600_000);
    assert.equal(parseSide('0m'), 0);
    assert.equal(parseSide('soon'), undefined);
    assert.equal(parseSide('3d'), undefined);
    assert.equal(windowAround(T, T, -5).beforeMs, DEFAULT_BEFORE_MS);
  });

  it('takes `at` as epoch ms or an instant with a zone', () => {
    assert.equal(parseAt(T), T);
    assert.equal(parseAt('2026-11-22T15:00Z'), T);
    assert.equal(parseAt('2026-11-22T16:00+01:00'), T);
    assert.equal(parseAt('yesterday'), undefined);
  });
});

describe('investigation: error events', () => {
  it('counts error events per minute inside the window only, and groups repeats of one message', () => {
    const start = T - 30 * MIN;
    const end = T + 15 * MIN;
    const events = [
      { timestamp: start - 1, message: 'ERROR before the window' },
      { timestamp: start + 5_000, message: 'ERROR QuotaExceededError: quota exceeded for batch 41' },
      { timestamp: start + 50_000, message: 'ERROR QuotaExceededError: quota exceeded for batch 42' },
      { timestamp: start + 61_000, message: 'INFO all good' },
      { timestamp: start + 2 * MIN, message: '{"level":"error","msg":"connection refused 10.0.0.7:5432"}' },
      { timestamp: end, message: 'ERROR at the end, outside' },
    ];
    const s = summarizeErrors(events, start, end);
    assert.equal(s.total, 3);
    assert.equal(s.perMinute.length, 45);
    assert.deepEqual(s.perMinute.slice(0, 3).map((m) => m.count), [2, 0, 1]);
    assert.equal(s.top[0].count, 2);
    assert.match(s.top[0].example, /QuotaExceededError/);
    assert.equal(s.top[0].events.length, 2);
  });

  it('knows error words in any case, and keeps a message\'s shape', () => {
    assert.ok(isErrorMessage('Traceback (most recent call last):'));
    assert.ok(!isErrorMessage('GET /health 200 12ms'));
    assert.equal(errorSignature('Timeout after 3000 ms for req 5f2b7c1e-8a9d-4e3f-b2c1-0a9b8c7d6e5f'), errorSignature('Timeout after 2500 ms for req 11111111-2222-4333-8444-555555555555'));
  });
});

describe('investigation: error query of the notes', () => {
  it('finds, with Logs Insights, the events the panel counts', () => {
    const messages = [
      '2026-11-22T14:50:00.000Z\t5f2b7c1e-8a9d-4e3f-b2c1-0a9b8c7d6e5f\tERROR\tInvoke Error {"errorType":"QuotaExceededError"}',
      '2026-11-22T14:51:00.000Z\t5f2b7c1e-8a9d-4e3f-b2c1-0a9b8c7d6e5f\tWARN\t{"error":"context must be plain text"}',
      '{"level":"info","msg":"retrying after error"}',
      '{"level":"error","msg":"connection refused"}',
      'Traceback (most recent call last):',
      'GET /health 200',
    ];
    const counted = messages.filter(isErrorMessage);
    assert.deepEqual(counted, [messages[0], messages[3], messages[4]]);
    const events = messages.map((message, i) => ({ timestamp: T - 10 * MIN + i * 1000, message }));
    const query = prepareQueryText(errorQuery({ logGroup: '/g', region: 'us-east-1', start: T - 30 * MIN, end: T, title: 't' })).text;
    const found = executeQuery(query, events).rows.map((row) => row.find((f) => f.field === '@message')?.value);
    assert.deepEqual(found, counted);
  });

  it('reads the level a line states', () => {
    assert.equal(statedLevel('2026-11-22T14:51:00.000Z\tabc\tWARN\t{"error":1}'), 'WARN');
    assert.equal(statedLevel('[ERROR] boom'), 'ERROR');
    assert.equal(statedLevel('{"severity":"INFO","message":"Error budget fine"}'), 'INFO');
    assert.equal(statedLevel('Task timed out after 3.00 seconds'), undefined);
  });
});

describe('investigation: error messages as people read them', () => {
  // Lambda's Node.js runtime: "<time>\t<request id>\tERROR\tInvoke Error \t{errorType, errorMessage, stack}"
  // https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html
  it('reads a Lambda invoke error and a structured log line by their message', () => {
    assert.equal(firstLine('2026-11-22T14:50:00.000Z\t5f2b7c1e-8a9d-4e3f-b2c1-0a9b8c7d6e5f\tERROR\tInvoke Error \t{"errorType":"QuotaExceededError","errorMessage":"Gemini API quota exceeded","stack":["a","b"]}'), 'ERROR Invoke Error QuotaExceededError: Gemini API quota exceeded');
    assert.equal(firstLine('{"timestamp":"2026-11-22T14:50:00Z","level":"error","message":"connection refused","metadata":{}}'), 'ERROR connection refused');
    assert.equal(firstLine('[ERROR] plain text {not json}'), '[ERROR] plain text {not json}');
    assert.equal(errorSignature('{"level":"error","message":"timeout after 3000 ms","requestId":"a"}'), errorSignature('{"level":"error","message":"timeout after 2500 ms","requestId":"b"}'));
  });
});
