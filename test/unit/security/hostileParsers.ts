import { mdText } from '../../../src/core/alarms/details';
import { readHealthBody } from '../../../src/core/health/formats';
import { parseBody } from '../../../src/core/health/body';
import { insightsBlocks } from '../../../src/core/insights/markdownBlocks';
import { parseQueryFileMetadata } from '../../../src/core/insights/metadata';
import { compileFilterPattern } from '../../../src/core/logs';
import { TailBuffer } from '../../../src/core/logs/tailBuffer';
import { formatTailEvent, MAX_MESSAGE_CHARS } from '../../../src/core/logs/tailLine';
import { dependencyGroups } from '../../../src/core/metrics/batching';
import { parseDashboardBody, splitLogQuery } from '../../../src/core/metrics/dashboard';
import { expressionReferences, renameInExpression, toMetricDataQuery, widgetQueries } from '../../../src/core/metrics/queries';
import { errorHeadline } from '../../../src/core/productionErrors/headline';
import { findStackFrames } from '../../../src/core/sourceLinks';
import { fill, MB, type HostileCase } from './hostileInputs';

/** 1 MB cut into Live Tail events of the largest size shown whole. */
function tailEvents(text: string) {
  const events = [];
  for (let at = 0; at < text.length; at += MAX_MESSAGE_CHARS) events.push({ timestamp: at, logGroup: '/aws/lambda/api', logStream: '2026/12/07/[$LATEST]abc', message: text.slice(at, at + MAX_MESSAGE_CHARS) });
  return events;
}

/** Live Tail with a 1 MB buffer: events in, the document drawn, Toggle JSON, the document drawn again. */
function toggleJson(text: string): string {
  const buffer = new TailBuffer();
  buffer.add(tailEvents(text));
  buffer.text();
  buffer.setFormat({ prettyJson: true, showGroup: false });
  return buffer.text();
}

/** A dashboard body to the GetMetricData calls its metric widgets need (ids renamed per widget, then grouped). */
function dashboardCalls(body: string) {
  const queries = parseDashboardBody(body).widgets.flatMap((w, i) => (w.type === 'metric' ? widgetQueries(w.metrics, { region: 'us-east-1' }).queries : []).map((q) => {
    const query = toMetricDataQuery(q, 60);
    if (query.Expression) query.Expression = renameInExpression(query.Expression, (id) => `w${i}_${id}`);
    return query;
  }));
  return dependencyGroups(queries);
}

const newlineRun = `${'\n'.repeat(MAX_MESSAGE_CHARS - 1)}x`;

/**
 * The parsers of markdown runbooks, saved-query headers, Live Tail events, metric math, stack frames,
 * health bodies, alarm text and filter patterns, each on the input that made it (or a parser like it)
 * backtrack or rescan.
 */
export const PARSER_CASES: readonly HostileCase[] = [
  // An unclosed query fence: the language line (multiline `^\s*`) and the first word rescanned every blank line.
  { parser: 'markdown query blocks', input: 'an unclosed ``` fence + 200,000 blank lines', make: () => `# Runbook\n\`\`\`\n${'\n'.repeat(200_000)}`, run: insightsBlocks },
  { parser: 'markdown query blocks', input: 'an unclosed ``` fence + 1 MB of blank lines', make: () => fill('\n', '```\n'), run: insightsBlocks },
  { parser: 'markdown query blocks', input: 'a fence, then a line of 1 MB of spaces + "y"', make: () => fill(' ', '```\n', 'y'), run: insightsBlocks },
  { parser: 'markdown query blocks', input: '"# language:" + 1 MB of spaces + "x" in a ```sql block', make: () => fill(' ', '```sql\n# language:', 'x'), run: insightsBlocks },
  { parser: 'markdown query blocks', input: '1 MB of headings each over a query block', make: () => fill('# h\n```\nfields @message\n```\n'), run: insightsBlocks },
  { parser: 'markdown query blocks', input: 'one block of 1 MB of queries split by blank lines', make: () => fill('fields a\n\n', '```\n'), run: insightsBlocks },
  { parser: 'markdown query blocks', input: '1 MB of ``` lines (a fence opened and closed on every line)', make: () => fill('```\n'), run: insightsBlocks },
  // `# name: x` + spaces + `y`: the lazy value and the trailing `\s*$` met on every space.
  { parser: 'query-file headers', input: '"# name: x" + 1 MB of spaces + "y"', make: () => fill(' ', '# name: x', 'y'), run: parseQueryFileMetadata },
  { parser: 'query-file headers', input: '"#" + 1 MB of spaces + "a" (no colon)', make: () => fill(' ', '#', 'a'), run: parseQueryFileMetadata },
  { parser: 'query-file headers', input: '1 MB of "# name: a" lines', make: () => fill('# name: a\n'), run: parseQueryFileMetadata },
  { parser: 'query-file headers', input: '1 MB of blank lines, then a query', make: () => fill('\n', '', 'fields x'), run: parseQueryFileMetadata },
  // `/\n+$/` on each event: 32 KB of newlines before a last character.
  { parser: 'Live Tail event formatting', input: '32 events of 32 KB newline runs + "x"', make: () => newlineRun.repeat(MB / MAX_MESSAGE_CHARS), run: (t) => tailEvents(t).map((e) => formatTailEvent(e, { prettyJson: false, showGroup: true })) },
  { parser: 'Live Tail event formatting', input: '32 events of 32 KB newline runs, pretty JSON', make: () => newlineRun.repeat(MB / MAX_MESSAGE_CHARS), run: (t) => tailEvents(t).map((e) => formatTailEvent(e, { prettyJson: true, showGroup: false })) },
  { parser: 'Live Tail event formatting', input: 'Toggle JSON over 1 MB of JSON events', make: () => fill('{"a":[1,{"b":"c"}],"d":"e\\n"}'), run: toggleJson },
  { parser: 'Live Tail event formatting', input: 'Toggle JSON over 1 MB of "{" (nesting never closed)', make: () => fill('{"a":'), run: toggleJson },
  // Metric math: a quote never closed made every later quote start a rescan to the end.
  { parser: 'metric math', input: 'a 1 MB expression of unterminated quotes', make: () => fill('"a'), run: (e) => [expressionReferences(e), renameInExpression(e, (id) => `w0_${id}`)] },
  { parser: 'metric math', input: "a 1 MB expression of ' and \\ runs", make: () => fill("'\\"), run: (e) => [expressionReferences(e), renameInExpression(e, (id) => `w0_${id}`)] },
  { parser: 'metric math', input: 'a dashboard whose one expression is 1 MB of quotes', make: () => JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [[{ expression: fill('"m1 '), id: 'e1' }], ['AWS/EC2', 'CPUUtilization', { id: 'm1' }]] } }] }), run: dashboardCalls },
  // Stack frames: every pass starts at a literal and has bounded quantifiers.
  { parser: 'stack frames', input: '1 MB of "at (" (Node frames never closed)', make: () => fill('at ('), run: findStackFrames },
  { parser: 'stack frames', input: '1 MB of \'File "\' (Python frames never closed)', make: () => fill('File "'), run: findStackFrames },
  { parser: 'stack frames', input: '1 MB of ") in " (.NET frames never closed)', make: () => fill(') in '), run: findStackFrames },
  { parser: 'stack frames', input: '1 MB of "a.ts:" (generic tails without a line)', make: () => fill('a.ts:'), run: findStackFrames },
  { parser: 'stack frames', input: '1 MB of "/a" + ".ts:1" (one long path read backwards)', make: () => fill('/a', '', '.ts:1'), run: findStackFrames },
  { parser: 'stack frames', input: '1 MB of "at a.b(" (JVM frames never closed)', make: () => fill('at a.b('), run: findStackFrames },
  { parser: 'stack frames', input: 'an error headline of 1 MB of "a." + "Error"', make: () => fill('a.', '', 'Error'), run: errorHeadline },
  // Health bodies: text and JSON readers.
  { parser: 'health bodies', input: '1 MB of "[+]a ok" lines (Kubernetes verbose)', make: () => fill('[+]a ok\n'), run: (t) => readHealthBody(parseBody(t, 'text/plain', false)) },
  { parser: 'health bodies', input: '"[-]a failed:" + 1 MB of spaces', make: () => fill(' ', '[-]a failed:', 'x'), run: (t) => readHealthBody(parseBody(t, 'text/plain', false)) },
  { parser: 'health bodies', input: '1 MB of "(" then a word (status word)', make: () => fill('(', '', 'DOWN'), run: (t) => readHealthBody(parseBody(t, 'text/plain', false)) },
  { parser: 'health bodies', input: 'components nested 50,000 deep (Spring Boot)', make: () => `${'{"status":"UP","components":{"a":'.repeat(50_000)}{"status":"DOWN"}${'}}'.repeat(50_000)}`, run: (t) => readHealthBody(parseBody(t, 'application/json', false)) },
  { parser: 'health bodies', input: '1 MB of digits then " 08:13:20 c green" (_cat/health)', make: () => fill('1', '', ' 08:13:20 c green'), run: (t) => readHealthBody(parseBody(t, 'text/plain', false)) },
  { parser: 'health bodies', input: '1 MB of "a is " then "ready" (a server sentence)', make: () => fill('a is ', '', 'ready.'), run: (t) => readHealthBody(parseBody(t, 'text/plain', false), undefined, 503) },
  { parser: 'health bodies', input: '10,000 GitLab *_check lists', make: () => `{"status":"failed",${Array.from({ length: 10_000 }, (_, i) => `"c${i}_check":[{"status":"failed"}]`).join(',')}}`, run: (t) => readHealthBody(parseBody(t, 'application/json', false)) },
  // Dashboards: log widget queries.
  { parser: 'dashboard log queries', input: '1 MB of "SOURCE \'a\' | " clauses', make: () => fill("SOURCE 'a' | "), run: splitLogQuery },
  { parser: 'dashboard log queries', input: '1 MB of spaces + "SOURCE" never followed by a group', make: () => fill(' ', '', 'SOURCE x'), run: splitLogQuery },
  // Alarm text in details and notes: the line-start escape ran `\s*` across every newline.
  { parser: 'alarm details text', input: '1 MB of newlines + "x"', make: () => fill('\n', '', 'x'), run: mdText },
  { parser: 'alarm details text', input: '1 MB of " \\n" + "x"', make: () => fill(' \n', '', 'x'), run: mdText },
  { parser: 'alarm details text', input: '1 MB of "1" then no dot', make: () => fill('1', '', 'x'), run: mdText },
  // Filter patterns typed by the user: longer than CloudWatch allows is not compiled at all.
  { parser: 'filter patterns', input: 'a 1 MB pattern of "?a "', make: () => fill('?a '), run: compileFilterPattern },
  { parser: 'filter patterns', input: 'a 1 MB JSON pattern never closed', make: () => fill('{ $.a = "', '', ''), run: compileFilterPattern },
];
