import { strict as assert } from 'node:assert';
import {
  AGGREGATE_FUNCTION_NAMES,
  checkQuery,
  COMMAND_NAMES,
  FUNCTION_NAMES,
  parseQuery,
  queryCompileErrorLocation,
  toQueryCompileError,
  type Command,
  type Expr,
} from '../../../src/core/insights';
import { catchSyntaxError } from './helpers';

function only<K extends Command['command']>(query: string, kind: K): Extract<Command, { command: K }> {
  const commands = parseQuery(query).commands;
  assert.equal(commands.length, 1);
  const c = commands[0];
  assert.equal(c?.command, kind);
  return c as Extract<Command, { command: K }>;
}

function filterOf(condition: string): Expr {
  return only(`filter ${condition}`, 'filter').condition;
}

/** Compact rendering of an expression tree, to assert structure and precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'field':
      return e.name;
    case 'string':
      return JSON.stringify(e.value);
    case 'number':
      return String(e.value);
    case 'duration':
      return `${e.amount}${e.unit}`;
    case 'regex':
      return `/${e.pattern}/${e.flags}`;
    case 'star':
      return '*';
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
    case 'unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'like':
      return `(${show(e.subject)} ${e.negated ? 'not like' : 'like'} ${show(e.pattern)})`;
    case 'in':
      return `(${show(e.subject)} ${e.negated ? 'not in' : 'in'} [${e.items.map(show).join(', ')}])`;
  }
}

describe('parseQuery', () => {
  describe('commands', () => {
    it('fields: field names, aliases and function calls; names follow the source', () => {
      const c = only('fields @timestamp, `my field`, metadata.duration as d, strlen(@message) as len, toupper(level)', 'fields');
      assert.deepEqual(
        c.items.map((i) => [i.name, i.alias, show(i.expr)]),
        [
          ['@timestamp', undefined, '@timestamp'],
          ['my field', undefined, 'my field'],
          ['d', 'd', 'metadata.duration'],
          ['len', 'len', 'strlen(@message)'],
          ['toupper(level)', undefined, 'toupper(level)'],
        ],
      );
    });

    it('filter: comparison operators', () => {
      for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
        assert.equal(show(filterOf(`status ${op} 500`)), `(status ${op} 500)`);
      }
    });

    it('filter: like with regex (and flags) or substring, not like, =~', () => {
      assert.equal(show(filterOf('@message like /ERROR/')), '(@message like /ERROR/)');
      assert.equal(show(filterOf('@message like /(?i)error/')), '(@message like /(?i)error/)');
      assert.equal(show(filterOf('@message like /error/i')), '(@message like /error/i)');
      assert.equal(show(filterOf('@message like "timed out"')), '(@message like "timed out")');
      assert.equal(show(filterOf("@message not like 'health'")), '(@message not like "health")');
      assert.equal(show(filterOf('@message =~ /a\\/b[/]c/')), '(@message like /a\\/b[/]c/)');
    });

    it('filter: in and not in lists', () => {
      assert.equal(show(filterOf('status in [500, 502, "503"]')), '(status in [500, 502, "503"])');
      assert.equal(show(filterOf('level not in ["DEBUG"]')), '(level not in ["DEBUG"])');
    });

    it('filter: and binds tighter than or, not tighter than and, parentheses override', () => {
      assert.equal(show(filterOf('a = 1 or b = 2 and c = 3')), '((a = 1) or ((b = 2) and (c = 3)))');
      assert.equal(show(filterOf('not a = 1 and b = 2')), '((not (a = 1)) and (b = 2))');
      assert.equal(show(filterOf('(a = 1 or b = 2) and c = 3')), '(((a = 1) or (b = 2)) and (c = 3))');
      assert.equal(
        show(filterOf('@message like /database/ and (@message like /error/ or @message like /timeout/)')),
        '((@message like /database/) and ((@message like /error/) or (@message like /timeout/)))',
      );
    });

    it('filter: arithmetic precedence, unary minus, and / as division after an operand', () => {
      assert.equal(show(filterOf('a + b * 2 > -c / 4')), '((a + (b * 2)) > ((- c) / 4))');
      assert.equal(show(filterOf('duration / 1000 >= 2 ^ 3')), '((duration / 1000) >= (2 ^ 3))');
      assert.equal(show(filterOf('ispresent(userId) and not isblank(userId)')), '(ispresent(userId) and (not isblank(userId)))');
    });

    it('parse: regex with named groups', () => {
      const c = only('parse @message /(?<method>[A-Z]+)\\s+(?<endpoint>\\/[^\\s]*)/', 'parse');
      assert.equal(c.mode, 'regex');
      assert.equal(show(c.source), '@message');
      assert.deepEqual(c.fields, ['method', 'endpoint']);
    });

    it('parse: glob pattern with as-names, source defaulting to @message', () => {
      const c = only('parse @message "user=*, action=*" as user, action', 'parse');
      assert.equal(c.mode, 'glob');
      assert.equal(c.pattern?.kind === 'string' ? c.pattern.value : '', 'user=*, action=*');
      assert.deepEqual(c.fields, ['user', 'action']);
      const d = only('parse "[*] *" as level, rest', 'parse');
      assert.equal(show(d.source), '@message');
    });

    it('stats: aggregates with aliases, by fields and bin periods', () => {
      const c = only(
        'stats count() as n, count(*), count(userId), count_distinct(userId) as users, avg(d), min(d), max(d), sum(d), pct(d, 95) as p95, earliest(x), latest(x), stddev(d) by endpoint, bin(5m)',
        'stats',
      );
      assert.deepEqual(
        c.aggregates.map((a) => a.name),
        ['n', 'count(*)', 'count(userId)', 'users', 'avg(d)', 'min(d)', 'max(d)', 'sum(d)', 'p95', 'earliest(x)', 'latest(x)', 'stddev(d)'],
      );
      assert.deepEqual(c.groupBy.map((g) => g.name), ['endpoint', 'bin(5m)']);
      assert.equal(show(c.groupBy[1]?.expr ?? assert.fail()), 'bin(5m)');
      assert.deepEqual(
        ['1ms', '30s', '5m', '1h', '2hrs', '1d', '1w', '1mo', '1q', '1y'].map((p) => show(only(`stats count() by bin(${p})`, 'stats').groupBy[0]?.expr ?? assert.fail())),
        ['bin(1ms)', 'bin(30s)', 'bin(5m)', 'bin(1h)', 'bin(2h)', 'bin(1d)', 'bin(1w)', 'bin(1mo)', 'bin(1q)', 'bin(1y)'],
      );
    });

    it('stats: arithmetic over aggregates', () => {
      const c = only('stats sum(errors) / count() * 100 as error_rate by bin(1h) as hour', 'stats');
      assert.equal(show(c.aggregates[0]?.expr ?? assert.fail()), '((sum(errors) / count()) * 100)');
      assert.deepEqual(c.groupBy.map((g) => g.name), ['hour']);
    });

    it('sort, limit, display, dedup, pattern', () => {
      assert.deepEqual(
        only('sort @timestamp desc, level, duration asc', 'sort').keys.map((k) => [k.name, k.order]),
        [
          ['@timestamp', 'desc'],
          ['level', 'asc'],
          ['duration', 'asc'],
        ],
      );
      assert.equal(only('limit 25', 'limit').count, 25);
      assert.deepEqual(only('display @timestamp, level', 'display').items.map((i) => i.name), ['@timestamp', 'level']);
      assert.deepEqual(only('dedup userId, `request id`', 'dedup').fields.map((f) => f.name), ['userId', 'request id']);
      assert.equal(show(only('pattern @message', 'pattern').source), '@message');
    });

    it('commands and keywords are case-insensitive, field names are not', () => {
      const q = parseQuery('FIELDS Level | FILTER Level LIKE /x/ AND NOT ispresent(X) | SORT Level DESC');
      assert.deepEqual(q.commands.map((c) => c.command), ['fields', 'filter', 'sort']);
    });
  });

  describe('layout', () => {
    it('accepts pipes at line starts or line ends, # comments and -- comment lines', () => {
      const q = parseQuery(
        [
          '# name: Errors',
          '-- SQL-style note',
          'fields @timestamp, @message  # trailing note',
          '  | filter @message like /ERROR/ |',
          '  -- another note',
          '  sort @timestamp desc',
          '| limit 5',
        ].join('\n'),
      );
      assert.deepEqual(q.commands.map((c) => c.command), ['fields', 'filter', 'sort', 'limit']);
    });

    it('treats -- inside an expression as two minus signs', () => {
      assert.equal(show(filterOf('a --1 > 0')), '((a - (- 1)) > 0)');
    });

    it('accepts strings in both quotes with escapes', () => {
      assert.equal(show(filterOf(`msg = 'it\\'s "ok"'`)), '(msg = "it\'s \\"ok\\"")');
      assert.equal(show(filterOf('msg = "tab\\there"')), '(msg = "tab\\there")');
    });

    it('records spans of commands and expressions', () => {
      const text = 'fields a\n| stats count() as n by bin(1h)';
      const stats = parseQuery(text).commands[1];
      assert.equal(stats?.command, 'stats');
      assert.equal(text.slice(stats.nameSpan.start, stats.nameSpan.end), 'stats');
      assert.equal(text.slice(stats.span.start, stats.span.end), 'stats count() as n by bin(1h)');
    });
  });

  describe('syntax errors', () => {
    const cases: [string, string, number, number][] = [
      ['fields a\nfilter b = 1', 'filter', 2, 1],
      ['fields a\n| foo b', 'foo', 2, 3],
      ['fields a |', '<EOF>', 1, 11],
      ['', '<EOF>', 1, 1],
      ['# only a comment', '<EOF>', 1, 17],
      ['filter a = ', '<EOF>', 1, 12],
      ['filter a like', '<EOF>', 1, 14],
      ['filter a in (1, 2)', '1', 1, 14],
      ['filter a ; b', ';', 1, 10],
      ['stats count() by bin(5x)', '5x', 1, 22],
      ['limit ten', 'ten', 1, 7],
      ['limit 1.5', '1.5', 1, 7],
      ['sort a desc b', 'b', 1, 13],
      ['fields a as and', 'and', 1, 13],
      ['parse @message "a=*" b', 'b', 1, 22],
      ['| fields a', '|', 1, 1],
      ['fields a\r\n| bin(5m)', 'bin', 2, 3],
    ];
    for (const [query, token, line, column] of cases) {
      it(`${JSON.stringify(query)} → ${token} at ${line}:${column}`, () => {
        const e = catchSyntaxError(() => parseQuery(query));
        assert.equal(e.message, `unexpected symbol found ${token} at line ${line} and position ${column}`);
        assert.equal(e.line, line);
        assert.equal(e.column, column);
      });
    }

    const unreadable: [string, string, number, number][] = [
      ['filter (a = 1', 'unclosed (', 1, 8],
      ['filter a = "open', 'unclosed string: "open', 1, 12],
      ['filter @message like /open', 'unclosed regular expression: /open', 1, 22],
      ['fields a | limit 1)', 'unmatched )', 1, 19],
    ];
    for (const [query, detail, line, column] of unreadable) {
      it(`${JSON.stringify(query)} is an error no version of the language accepts: ${detail}`, () => {
        const e = catchSyntaxError(() => parseQuery(query));
        assert.equal(e.message, `${detail} at line ${line} and position ${column}`);
        assert.equal(e.fatal, true);
      });
    }

    it('reports semantic problems with the same location suffix', () => {
      assert.match(checkQuery('stats level by x')?.message ?? '', /^stats needs an aggregate function .* at line 1 and position 7$/);
      assert.match(checkQuery('parse @message "a=* b=*" as a')?.message ?? '', /2 wildcard\(s\) but 1 field name\(s\) at line 1 and position 16$/);
      assert.match(checkQuery('parse @message /no groups/')?.message ?? '', /named group .* at line 1 and position 16$/);
      assert.match(checkQuery('filter @message like /(/')?.message ?? '', /^regular expression \/\(\/ is not one Ops Lens can run: .* at line 1 and position 22$/);
    });

    it('gives AWS-style compile error locations', () => {
      const text = 'fields a\n| sort b\n| stats';
      const e = catchSyntaxError(() => parseQuery(text));
      assert.equal(e.offset, text.length);
      assert.deepEqual(queryCompileErrorLocation(e), { line: 3, startCharOffset: text.length, endCharOffset: text.length });
      const f = catchSyntaxError(() => parseQuery('fields a | frobnicate'));
      assert.deepEqual(toQueryCompileError(f), {
        location: { startCharOffset: 11, endCharOffset: 21 },
        message: 'unexpected symbol found frobnicate at line 1 and position 12',
      });
    });

    it('checkQuery returns undefined for a valid query', () => {
      assert.equal(checkQuery('fields @timestamp | limit 1'), undefined);
    });
  });

  it('only ever throws QuerySyntaxError, with a position inside the text', () => {
    const pieces = ['fields', 'filter', 'stats', 'parse', '|', ',', '(', ')', '[', ']', '@message', 'a.b', '`x`', '"s*"', "'q", '/r(?<g>x)/', '/', '*', '-', '--', '#', '\n', '=~', 'like', 'not', 'in', 'and', 'as', 'by', 'desc', 'count()', 'bin(5m)', '5', '5m', ';', 'é'];
    let seed = 1;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + next(10) }, () => pieces[next(pieces.length)] + (next(3) ? ' ' : '')).join('');
      const error = checkQuery(text);
      if (error) {
        assert.ok(error.offset >= 0 && error.offset <= text.length && error.line >= 1 && error.column >= 1, text);
      }
    }
  });

  it('exports command and function names for completion', () => {
    assert.deepEqual([...COMMAND_NAMES].sort(), ['anomaly', 'dedup', 'diff', 'display', 'fields', 'filter', 'filterindex', 'join', 'limit', 'lookup', 'parse', 'pattern', 'sort', 'source', 'stats', 'unmask', 'unnest']);
    for (const f of ['count', 'count_distinct', 'avg', 'min', 'max', 'sum', 'pct', 'earliest', 'latest', 'stddev']) {
      assert.ok(AGGREGATE_FUNCTION_NAMES.includes(f), f);
    }
    for (const f of ['strlen', 'toupper', 'tolower', 'concat', 'abs', 'floor', 'ceil', 'ispresent', 'isempty', 'isblank', 'datefloor', 'bin', 'isipv4insubnet', 'jsonparse', 'jsonstringify', 'percentile']) {
      assert.ok(FUNCTION_NAMES.includes(f), f);
    }
  });
});

describe('parseQuery: the commands added to the language', () => {
  const first = (text: string) => parseQuery(text).commands[0];

  it('reads SOURCE log groups, logGroups(…) selections and START=/END=', () => {
    const source = first("SOURCE logGroups(namePrefix: ['/aws/lambda/a', '/ecs/'], class: ['INFREQUENT_ACCESS'], accountIdentifiers: ['111122223333']) START=-2h END=now | limit 1");
    assert.equal(source?.command, 'source');
    if (source?.command !== 'source') return;
    assert.deepEqual(source.selectors, [{ namePrefix: ['/aws/lambda/a', '/ecs/'], classes: ['INFREQUENT_ACCESS'], accountIdentifiers: ['111122223333'] }]);
    assert.deepEqual(Object.keys(source.options), ['start', 'end']);
    const named = first("source '/aws/lambda/a', \"/aws/lambda/b\"");
    assert.deepEqual(named?.command === 'source' ? named.logGroups : [], ['/aws/lambda/a', '/aws/lambda/b']);
  });

  it('reads lookup keys and outputs, join options and its subquery, unnest, diff and bin offsets', () => {
    const lookup = first('lookup user_data id as userId, region OUTPUTNEW name, email');
    assert.deepEqual(lookup?.command === 'lookup' ? [lookup.table, lookup.keys, lookup.mode, lookup.outputs] : [], ['user_data', [{ tableField: 'id', logField: 'userId' }, { tableField: 'region', logField: 'region' }], 'outputnew', ['name', 'email']]);
    const join = first("join type=left left=a right=b where a.id = b.id (SOURCE 'g' | filter x = 1)");
    assert.deepEqual(join?.command === 'join' ? [join.type, join.left, join.right, join.subquery.commands.map((c) => c.command)] : [], ['left', 'a', 'b', ['source', 'filter']]);
    const unnest = first('unnest js.items into item');
    assert.deepEqual(unnest?.command === 'unnest' ? unnest.into : undefined, 'item');
    assert.deepEqual(['diff', 'diff previousDay', 'DIFF PREVIOUSMONTH'].map((t) => { const d = first(t); return d?.command === 'diff' ? d.period : undefined; }), ['previous', 'previousDay', 'previousMonth']);
    const stats = first('stats count(*) by bin(5m) offset 1h');
    assert.equal(stats?.command === 'stats' ? stats.binOffset?.text : undefined, '1h');
    const sort = first('sort by a desc, b');
    assert.deepEqual(sort?.command === 'sort' ? sort.keys.map((k) => [k.name, k.order]) : [], [['a', 'desc'], ['b', 'asc']]);
  });

  it('reads `==`, `in (subquery)`, display aliases and case-insensitive command names', () => {
    const q = parseQuery("FILTER level == 'ERROR' AND requestId IN (SOURCE 'g' | FIELDS requestId) | Display concat(a, b) as ab");
    assert.deepEqual(q.commands.map((c) => c.command), ['filter', 'display']);
    const display = q.commands[1];
    assert.deepEqual(display?.command === 'display' ? display.items.map((i) => i.name) : [], ['ab']);
  });
});
