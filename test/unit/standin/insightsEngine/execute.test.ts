import { strict as assert } from 'node:assert';
import { QuerySyntaxError } from '../../../../src/core/insights';
import { decodePtr, executeQuery, type LogEvent } from '../../../../sandbox/standin/logs/insightsEngine';
import { at, backendJsonEvents, backendTextEvents, fieldOrder, stepFunctionLambdaEvents, table } from './fixtures';

function events(...messages: string[]): LogEvent[] {
  return messages.map((message, i) => ({ timestamp: at(i), message, logGroupName: '/app', logStreamName: 's1' }));
}

function messagesOf(query: string, input: LogEvent[]): string[] {
  return table(executeQuery(query, input)).map((r) => r['@message'] ?? '');
}

const PEOPLE = events(
  JSON.stringify({ name: 'ann', age: 31, team: 'core', score: 7.5 }),
  JSON.stringify({ name: 'bob', age: 9, team: 'web', score: 10 }),
  JSON.stringify({ name: 'cy', age: 100, team: 'core' }),
  JSON.stringify({ name: 'dee', age: '45', team: 'Web', note: '  ' }),
  'plain text line without fields',
);

function names(query: string): string[] {
  return table(executeQuery(`fields name | ${query}`, PEOPLE)).map((r) => r['name'] ?? '-');
}

describe('executeQuery', () => {
  describe('filter', () => {
    it('compares numbers numerically, also when the value is a numeric string', () => {
      assert.deepEqual(names('filter age > 30'), ['ann', 'cy', 'dee']);
      assert.deepEqual(names('filter age >= 31 and age <= 45'), ['ann', 'dee']);
      assert.deepEqual(names('filter age < 10'), ['bob']);
      assert.deepEqual(names('filter age = 45'), ['dee']);
      assert.deepEqual(names('filter age != 45'), ['ann', 'bob', 'cy']);
      assert.deepEqual(names('filter age * 2 + 1 = 19'), ['bob']);
    });

    it('compares strings exactly and case-sensitively; missing fields never match', () => {
      assert.deepEqual(names('filter team = "core"'), ['ann', 'cy']);
      assert.deepEqual(names("filter team != 'core'"), ['bob', 'dee']);
      assert.deepEqual(names('filter score > 0'), ['ann', 'bob']);
      assert.deepEqual(names('filter not score > 8'), ['ann']);
    });

    it('like with regex, (?i), regex flags and substrings; not like; =~', () => {
      assert.deepEqual(names('filter team like /^w/'), ['bob']);
      assert.deepEqual(names('filter team like /(?i)^w/'), ['bob', 'dee']);
      assert.deepEqual(names('filter team like /^W/i'), ['bob', 'dee']);
      assert.deepEqual(names('filter team like "or"'), ['ann', 'cy']);
      assert.deepEqual(names('filter team not like /core/'), ['bob', 'dee']);
      assert.deepEqual(names('filter name =~ /^[ab]/'), ['ann', 'bob']);
      assert.deepEqual(messagesOf('filter @message like "a.b(c"', events('x a.b(c y', 'x aXb(c y')), ['x a.b(c y']);
    });

    it('in and not in', () => {
      assert.deepEqual(names('filter age in [9, 100]'), ['bob', 'cy']);
      assert.deepEqual(names('filter team in ["web", "Web"]'), ['bob', 'dee']);
      assert.deepEqual(names('filter team not in ["core"]'), ['bob', 'dee']);
    });

    it('and, or, not and parentheses', () => {
      assert.deepEqual(names('filter team = "core" or team = "web" and age < 10'), ['ann', 'bob', 'cy']);
      assert.deepEqual(names('filter (team = "core" or team = "web") and age > 50'), ['cy']);
      assert.deepEqual(names('filter not (team = "core")'), ['bob', 'dee']);
      assert.deepEqual(names('filter ispresent(score) or age = 100'), ['ann', 'bob', 'cy']);
      assert.deepEqual(names('filter not ispresent(score) and ispresent(name)'), ['cy', 'dee']);
    });

    it('isempty, isblank, strlen, toupper, tolower, concat, abs, floor, ceil', () => {
      assert.deepEqual(names('filter isblank(note) and ispresent(note)'), ['dee']);
      assert.deepEqual(names('filter isempty(score) and ispresent(name)'), ['cy', 'dee']);
      const result = executeQuery(
        'filter name = "ann" | fields strlen(name) as len, toupper(name) as up, tolower("ABC") as low, concat(name, "-", team) as tag, abs(0 - age) as a, floor(score) as f, ceil(score) as c, age / 2 as half, age % 4 as m',
        PEOPLE,
      );
      assert.deepEqual(table(result), [{ len: '3', up: 'ANN', low: 'abc', tag: 'ann-core', a: '31', f: '7', c: '8', half: '15.5', m: '3' }]);
    });

    it('datefloor, dateceil, bin and fromMillis give formatted timestamps', () => {
      const input: LogEvent[] = [{ timestamp: Date.UTC(2025, 9, 14, 10, 7, 31, 250), message: 'x' }];
      const result = executeQuery(
        'fields bin(5m) as b, datefloor(@timestamp, 1h) as h, dateceil(@timestamp, 1d) as d, datefloor(@timestamp, 1mo) as mo, fromMillis(0) as epoch, toMillis(@timestamp) as ms',
        input,
      );
      assert.deepEqual(table(result), [
        {
          b: '2025-10-14 10:05:00.000',
          h: '2025-10-14 10:00:00.000',
          d: '2025-10-15 00:00:00.000',
          mo: '2025-10-01 00:00:00.000',
          epoch: '1970-01-01 00:00:00.000',
          ms: String(Date.UTC(2025, 9, 14, 10, 7, 31, 250)),
        },
      ]);
    });
  });

  describe('parse', () => {
    it('glob patterns capture into the as-names, as strings that still compare numerically', () => {
      const input = events(
        '[ERROR] POST /api/videos failed duration=532.1 job_id=abc-123',
        '[INFO] GET /api/health ok duration=3.2',
        '[ERROR] GET /api/jobs failed duration=1200 job_id=abc-124',
      );
      const result = executeQuery(
        'parse @message "[*] * * * duration=*" as level, method, endpoint, outcome, rest | filter rest > 100 | display level, endpoint, rest',
        input,
      );
      assert.deepEqual(table(result), [
        { level: 'ERROR', endpoint: '/api/videos', rest: '532.1 job_id=abc-123' },
        { level: 'ERROR', endpoint: '/api/jobs', rest: '1200 job_id=abc-124' },
      ]);
      const numeric = executeQuery('parse @message "duration=* " as d | filter d > 600 | fields d', input);
      assert.deepEqual(table(numeric), [{ d: '1200' }]);
    });

    it('leaves the fields missing when the pattern does not match', () => {
      const result = executeQuery('parse @message /job_id=(?<job>[\\w-]+)/ | fields job', backendTextEvents());
      const rows = table(result);
      assert.equal(rows.filter((r) => r['job'] !== undefined).length, 13);
      assert.deepEqual(fieldOrder(result)[0], ['@ptr']);
      assert.deepEqual(fieldOrder(result)[2], ['job', '@ptr']);
    });

    it('adds parsed fields to the default columns when there is no fields command', () => {
      const result = executeQuery('parse @message "* *" as level, rest | limit 1', backendTextEvents());
      assert.deepEqual(result.columns, ['@timestamp', '@message', 'level', 'rest']);
      assert.equal(table(result)[0]?.['level'], 'INFO');
    });
  });

  describe('stats', () => {
    const DURATIONS = events(...Array.from({ length: 100 }, (_, i) => JSON.stringify({ d: i + 1, user: `u${i % 7}`, kind: i % 2 ? 'odd' : 'even' })));

    it('pct, count_distinct, sum, min, max, stddev', () => {
      const result = executeQuery(
        'stats pct(d, 50) as p50, pct(d, 95) as p95, pct(d, 99) as p99, count_distinct(user) as users, sum(d) as total, min(d) as lo, max(d) as hi, stddev(d) as sd, count(*) as n',
        DURATIONS,
      );
      const row = table(result)[0] ?? assert.fail();
      assert.deepEqual({ ...row, sd: undefined }, { p50: '50', p95: '95', p99: '99', users: '7', total: '5050', lo: '1', hi: '100', sd: undefined, n: '100' });
      assert.ok(Math.abs(Number(row['sd']) - 29.011491975882016) < 1e-9);
    });

    it('count(field) counts events where the field is present; earliest and latest follow @timestamp', () => {
      const result = executeQuery('stats count() as all, count(score) as scored, earliest(name) as first, latest(name) as last', PEOPLE);
      assert.deepEqual(table(result), [{ all: '5', scored: '2', first: 'ann', last: 'dee' }]);
    });

    it('arithmetic over aggregates, aliased by-fields', () => {
      const result = executeQuery('stats sum(d) / count() as mean, avg(d) as a by kind as k | sort k', DURATIONS);
      assert.deepEqual(table(result), [
        { k: 'even', mean: '50', a: '50' },
        { k: 'odd', mean: '51', a: '51' },
      ]);
    });

    it('no rows when nothing matches; no @ptr in aggregated rows', () => {
      assert.deepEqual(executeQuery('filter d > 1000 | stats count()', DURATIONS).rows, []);
      const rows = executeQuery('stats count() by kind', DURATIONS).rows;
      assert.ok(rows.every((r) => r.every((f) => f.field !== '@ptr')));
    });

    it('later commands work on the stats output', () => {
      const result = executeQuery('stats count() as n by user | filter n > 14 | sort user desc | limit 2', DURATIONS);
      assert.deepEqual(table(result), [
        { user: 'u1', n: '15' },
        { user: 'u0', n: '15' },
      ]);
    });

    it('Lambda REPORT lines expose @duration and friends', () => {
      const result = executeQuery('filter @type = "REPORT" | stats max(@duration) as d, max(@memorySize / 1000 / 1000) as mb', stepFunctionLambdaEvents());
      assert.deepEqual(table(result), [{ d: '812.45', mb: '256' }]);
    });
  });

  describe('sort, limit, dedup, display', () => {
    it('sorts by several keys; missing values last', () => {
      assert.deepEqual(names('sort team, age desc'), ['dee', 'cy', 'ann', 'bob', '-']);
      assert.deepEqual(names('sort score desc'), ['bob', 'ann', 'cy', 'dee', '-']);
    });

    it('uses the documented natural order: non-numbers before numbers, digit runs by length', () => {
      const input = events(...['10', 'a10', 'a9', 'B', '9', 'a', '@'].map((v) => JSON.stringify({ v })));
      const result = executeQuery('fields v | sort v', input);
      assert.deepEqual(table(result).map((r) => r['v']), ['@', 'B', 'a', 'a9', 'a10', '9', '10']);
    });

    it('limit keeps the first N; the default limit caps the result', () => {
      assert.equal(executeQuery('fields @message | limit 3', backendTextEvents()).rows.length, 3);
      const capped = executeQuery('fields @message', backendTextEvents(), { limitDefault: 5 });
      assert.equal(capped.rows.length, 5);
      assert.equal(capped.statistics.recordsMatched, 25);
      assert.equal(executeQuery('fields @message', backendTextEvents()).rows.length, 25);
    });

    it('dedup keeps the first event per value after sorting', () => {
      const result = executeQuery('fields user_id, duration | sort duration desc | dedup user_id', backendJsonEvents(30));
      const rows = table(result);
      assert.deepEqual(rows.map((r) => r['user_id']).sort(), ['user-0', 'user-1', 'user-2', 'user-3']);
      const all = table(executeQuery('fields user_id, duration', backendJsonEvents(30)));
      for (const row of rows) {
        const max = Math.max(...all.filter((r) => r['user_id'] === row['user_id']).map((r) => Number(r['duration'])));
        assert.equal(Number(row['duration']), max);
      }
    });

    it('display picks the output columns; the last display wins', () => {
      const result = executeQuery('fields name, age, team | display team | display age, name', PEOPLE);
      assert.deepEqual(result.columns, ['age', 'name']);
      assert.deepEqual(fieldOrder(result)[0], ['age', 'name', '@ptr']);
    });
  });

  describe('records and results', () => {
    it('exposes @logStream, @log (with account), @ingestionTime and a decodable @ptr', () => {
      const input = backendTextEvents().slice(0, 1);
      const result = executeQuery('fields @timestamp, @logStream, @log, @ingestionTime', input, { accountId: '123456789012' });
      const row = table(result)[0];
      assert.deepEqual(row, {
        '@timestamp': '2025-10-14 10:00:05.000',
        '@logStream': 'ecs/backend/task-0',
        '@log': '123456789012:/ecs/prod/ai-video-backend',
        '@ingestionTime': '2025-10-14 10:00:05.150',
      });
      const ptr = result.rows[0]?.find((f) => f.field === '@ptr')?.value ?? assert.fail();
      assert.deepEqual(decodePtr(ptr), { logGroupName: '/ecs/prod/ai-video-backend', logStreamName: 'ecs/backend/task-0', timestamp: at(0, 5), index: 0 });
      assert.equal(decodePtr('not a pointer'), undefined);
    });

    it('counts bytes as UTF-8', () => {
      const result = executeQuery('fields @message', events('é', '😀', 'abc'));
      assert.equal(result.statistics.bytesScanned, 2 + 4 + 3);
    });

    it('throws QuerySyntaxError for a malformed query string', () => {
      assert.throws(
        () => executeQuery('fields @message\n| filter @message like /x/\n| bin(5m)', backendTextEvents()),
        (e: unknown) => e instanceof QuerySyntaxError && e.message === 'unexpected symbol found bin at line 3 and position 3',
      );
    });

    it('passes hostile strings through as data', () => {
      const hostile = [
        '<script>alert("x")</script> ERROR <img src=x onerror=alert(1)>',
        '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": "x"}, "html": "<b>bold</b>", "level": "ERROR"}',
        'ERROR | fields @message | ${process.exit()} `rm -rf /` \u0000 \u202e',
      ];
      const input = events(...hostile);
      const result = executeQuery('fields @message, html, constructor.prototype | filter @message like /ERROR/', input);
      assert.deepEqual(table(result).map((r) => r['@message']), hostile);
      assert.equal(table(result)[1]?.['html'], '<b>bold</b>');
      assert.equal(table(result)[1]?.['constructor.prototype'], 'x');
      const proto = executeQuery('fields `__proto__.polluted` as p', input);
      assert.deepEqual(table(proto)[1], { p: 'yes' });
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    });
  });
});
