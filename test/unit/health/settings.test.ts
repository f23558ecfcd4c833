import { strict as assert } from 'node:assert';
import { describeProblemEntry, readEndpointSettings, validateEndpoint, validateUrl } from '../../../src/core/health/settings';

describe('health settings', () => {
  it('applies defaults to a minimal entry', () => {
    const { endpoints, problems } = readEndpointSettings([{ source: 'user', value: [{ name: 'API', url: 'https://api.example.com/health' }] }]);
    assert.deepEqual(problems, []);
    assert.deepEqual(endpoints, [{
      name: 'API', url: 'https://api.example.com/health', method: 'GET', headers: {}, body: undefined, timeoutMs: 5000, intervalSeconds: 30,
      expectStatus: { codes: [], classes: [2] }, assertions: [], source: 'user', index: 0,
    }]);
  });

  it('reads every option', () => {
    const result = validateEndpoint({
      name: ' Metrics ', url: 'http://127.0.0.1:3000/metrics', method: 'post', headers: { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Count': 3 },
      body: { period: '24h' }, timeoutMs: 2000, intervalSeconds: 2, expectStatus: [200, '2xx', '304'],
      assertions: [{ path: 'successRate', op: '<', value: 90 }, { path: 'queueDepth', op: ' > ', value: 100, severity: 'Warning' }],
    }, 'workspace', 3);
    assert.ok('endpoint' in result);
    const e = result.endpoint;
    assert.equal(e.name, 'Metrics');
    assert.equal(e.method, 'POST');
    assert.deepEqual(e.headers, { Authorization: 'Bearer ${secret:API_TOKEN}', 'X-Count': '3' });
    assert.equal(e.body, '{"period":"24h"}');
    assert.equal(e.timeoutMs, 2000);
    assert.equal(e.intervalSeconds, 5, 'never more often than every 5 s');
    assert.deepEqual(e.expectStatus, { codes: [200, 304], classes: [2] });
    assert.deepEqual(e.assertions, [
      { path: 'successRate', op: '<', value: 90, severity: 'critical' },
      { path: 'queueDepth', op: '>', value: 100, severity: 'warning' },
    ]);
    assert.equal(e.source, 'workspace');
    assert.equal(e.index, 3);
  });

  it('a setting that is not a list is one problem, not a crash', () => {
    const { endpoints, problems } = readEndpointSettings([{ source: 'workspace', value: { name: 'api', url: 'http://x' } }]);
    assert.deepEqual(endpoints, []);
    assert.deepEqual(problems, [{ source: 'workspace', messages: ['opsLens.health.endpoints must be a list of endpoints, found an object'] }]);
    assert.equal(describeProblemEntry(problems[0]), 'opsLens.health.endpoints in workspace settings');
  });

  it('each bad entry becomes a problem saying what is wrong; good entries still load', () => {
    const { endpoints, problems } = readEndpointSettings([{
      source: 'user',
      value: [
        { name: 'ok', url: 'https://ok.example.com/health' },
        { url: 'https://no-name.example.com' },
        { name: 'no-url' },
        { name: 'bad-url', url: 'not a url' },
        { name: 'ftp', url: 'ftp://files.example.com/health' },
        { name: 'bad-op', url: 'http://x.example.com', assertions: [{ path: 'successRate', op: '=~', value: 90 }] },
        'just a string',
        { name: 'many', url: 'http://x.example.com', method: 'FETCH', timeoutMs: -1, expectStatus: 999, headers: { 'Bad Header': 'x' }, assertions: [{ op: '<', value: 1, severity: 'fatal' }] },
      ],
    }]);
    assert.deepEqual(endpoints.map((e) => e.name), ['ok']);
    assert.deepEqual(problems.map((p) => [describeProblemEntry(p), p.messages]), [
      ['Entry 2 in user settings', ['has no name']],
      ['"no-url" (entry 3 in user settings)', ['has no url']],
      ['"bad-url" (entry 4 in user settings)', ['"not a url" is not a valid URL']],
      ['"ftp" (entry 5 in user settings)', ['Only http and https URLs can be checked, not ftp:']],
      ['"bad-op" (entry 6 in user settings)', ['assertion 1 has an unknown op "=~"; use one of < <= > >= == !=']],
      ['Entry 7 in user settings', ['must be an object { "name": …, "url": … }, found string "just a string"']],
      ['"many" (entry 8 in user settings)', [
        'method "FETCH" is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'header name "Bad Header" is not a valid HTTP header name',
        'timeoutMs must be a positive number, found number -1',
        'expectStatus 999 is not an HTTP status (100–599, or "2xx")',
        'assertion 1 has no path (e.g. "checks.queue.counts.waiting")',
        'assertion 1 has an unknown severity "fatal"; use "warning" or "critical"',
      ]],
    ]);
  });

  it('a duplicate name is a problem pointing at the first; user settings come first', () => {
    const { endpoints, problems } = readEndpointSettings([
      { source: 'user', value: [{ name: 'API', url: 'https://a.example.com' }, { name: 'api', url: 'https://b.example.com' }] },
      { source: 'workspace', value: [{ name: 'Api', url: 'https://c.example.com' }, { name: 'Worker', url: 'https://d.example.com' }] },
    ]);
    assert.deepEqual(endpoints.map((e) => [e.name, e.source]), [['API', 'user'], ['Worker', 'workspace']]);
    assert.deepEqual(problems.map((p) => [p.source, p.index, p.messages[0]]), [
      ['user', 1, 'the name "api" is already used by entry 1 of the same settings; give one of them another name'],
      ['workspace', 0, 'the name "Api" is already used by user settings (entry 1); give one of them another name'],
    ]);
  });

  it('a bad JSON path, a body on GET and a bad secret name are caught', () => {
    const r = validateEndpoint({ name: 'x', url: 'http://x.example.com', body: 'hi', headers: { A: '${secret:}' }, assertions: [{ path: 'a..b', op: '<', value: 1 }, { path: 'a', op: '<', value: [1] }] }, 'user', 0);
    assert.ok('problem' in r);
    assert.deepEqual(r.problem.messages, [
      'a body is sent with POST, PUT or PATCH, not with GET',
      'assertion 1: empty key in "a..b"',
      'assertion 2: value must be a number, text, true/false or null, found a list',
      'secret name "" may only hold letters, digits, "_", "-" and "."',
    ]);
  });

  it('validates URLs for the add-endpoint box', () => {
    assert.equal(validateUrl('https://api.example.com/health'), undefined);
    assert.equal(validateUrl('http://127.0.0.1:8080'), undefined);
    assert.equal(validateUrl(''), 'Enter a URL, e.g. https://api.example.com/health');
    assert.equal(validateUrl('api.example.com/health'), '"api.example.com/health" is not a valid URL; write it with its scheme, e.g. https://api.example.com/health');
    assert.equal(validateUrl('file:///etc/passwd'), 'Only http and https URLs can be checked, not file:');
    assert.equal(validateUrl('javascript:alert(1)'), 'Only http and https URLs can be checked, not javascript:');
  });
});
