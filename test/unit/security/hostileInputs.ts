import { bodyExcerpt } from '../../../src/core/health/body';
import { resolveSecretHeaders } from '../../../src/core/health/secrets';
import { parseDashboardBody } from '../../../src/core/metrics/dashboard';
import { parseMarkdown } from '../../../src/core/metrics/markdown';
import { compileGlob } from '../../../src/core/runbooks/glob';
import { markdownHeadings } from '../../../src/core/runbooks/headings';
import { bestHeadingMatch } from '../../../src/core/runbooks/nameMatching';
import { resolveRunbook } from '../../../src/core/runbooks/resolve';
import { notificationMessage, quoted } from '../../../src/core/text/notification';
import { toCsv } from '../../../src/core/insights/results';
import { PARSER_CASES } from './hostileParsers';

/** One megabyte: the size of every adversarial input below. */
export const MB = 1024 * 1024;

/** `unit` repeated to one megabyte (cut to exactly that length), between `head` and `tail`. */
export function fill(unit: string, head = '', tail = ''): string {
  const body = unit.repeat(Math.ceil((MB - head.length - tail.length) / unit.length));
  return head + body.slice(0, MB - head.length - tail.length) + tail;
}

export interface HostileCase {
  /** The parser (what the bench groups by). */
  readonly parser: string;
  /** What the input is, and which finding it reproduces. */
  readonly input: string;
  readonly make: () => string;
  readonly run: (text: string) => unknown;
}

/**
 * Each parser of text written by someone else, fed the input that made it backtrack, rescan or
 * recurse before it was rewritten, at 1 MB. The unit suite runs them within a bound; `npm run bench`
 * prints each parser's worst time.
 */
export const HOSTILE_CASES: readonly HostileCase[] = [
  // Finding 2: `# a` + spaces + `x` took about a minute at 8 KB.
  { parser: 'runbook headings', input: '"# a" + 1 MB of spaces + "x"', make: () => fill(' ', '# a', 'x'), run: markdownHeadings },
  { parser: 'runbook headings', input: '1 MB of "# a   x" lines', make: () => fill('# a        x\n'), run: markdownHeadings },
  { parser: 'runbook headings', input: 'a heading of 1 MB of "[a](" (link stripping)', make: () => fill('[a](', '# '), run: (t) => bestHeadingMatch('dev-a-b', [{ path: 'README.md', text: t }]) },
  { parser: 'runbook headings', input: 'a heading of 1 MB of capitals (camelCase split)', make: () => fill('A', '# '), run: (t) => bestHeadingMatch('dev-a-b', [{ path: 'README.md', text: t }]) },
  // Finding 5: a glob of many `*?` blocks became `.*.` … and backtracked for seconds per star.
  { parser: 'runbook globs', input: 'a 1 MB glob of "*?" on a 255-character name', make: () => fill('*?', '', 'x'), run: (g) => compileGlob(g).test('a'.repeat(255)) },
  { parser: 'runbook globs', input: '500 "*a" blocks on a 255-character name of "a"', make: () => `${'*a'.repeat(500)}b`, run: (g) => compileGlob(g).test('a'.repeat(255)) },
  { parser: 'runbook globs', input: 'a 1 MB description of dots after an https URL', make: () => fill('.', 'see https://wiki.example.com/x', 'y'), run: (d) => resolveRunbook({ alarmName: 'a', description: d, mappings: [] }) },
  // Finding 3: flowed layout scanned without bound (35 KB: 79 s); markdown rescanned to the end (80 KB: 15 s).
  { parser: 'dashboard layout', input: '1 MB body of flowed widgets of height 1000', make: () => JSON.stringify({ widgets: Array.from({ length: Math.floor(MB / 17) }, () => ({ height: 1000 })) }), run: parseDashboardBody },
  { parser: 'dashboard layout', input: 'blockers every 999 rows, then tall full-width widgets', make: () => JSON.stringify({ widgets: [...Array.from({ length: 250 }, (_, i) => ({ x: 23, y: i * 999 + 998, width: 1, height: 1 })), ...Array.from({ length: 250 }, (_, i) => ({ width: 24, height: 1000 - i }))], pad: 'x'.repeat(MB / 2) }), run: parseDashboardBody },
  { parser: 'dashboard layout', input: 'a hole in every row, then widgets of every width', make: () => JSON.stringify({ widgets: [...Array.from({ length: 250 }, (_, i) => ({ x: i % 24, y: i, width: 1, height: 1 })), ...Array.from({ length: 250 }, (_, i) => ({ width: 2 + (i % 22), height: 1000 - i }))], pad: 'x'.repeat(MB / 2) }), run: parseDashboardBody },
  { parser: 'dashboard layout', input: 'metrics nested 100,000 lists deep', make: () => `{"widgets":[{"type":"metric","properties":{"metrics":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`, run: parseDashboardBody },
  { parser: 'dashboard markdown', input: '1 MB of "*a" (emphasis never closed)', make: () => fill('*a'), run: parseMarkdown },
  { parser: 'dashboard markdown', input: '1 MB of "**a_" (mixed delimiters)', make: () => fill('**a_'), run: parseMarkdown },
  { parser: 'dashboard markdown', input: '1 MB of "[" (links never closed)', make: () => fill('['), run: parseMarkdown },
  { parser: 'dashboard markdown', input: '1 MB of "[a](" (link targets never closed)', make: () => fill('[a]('), run: parseMarkdown },
  { parser: 'dashboard markdown', input: 'links nested 500,000 deep', make: () => `${'['.repeat(MB / 2)}${'](https://x.example)'.repeat(1)}${']'.repeat(MB / 2)}`, run: parseMarkdown },
  { parser: 'dashboard markdown', input: 'emphasis nested 250,000 deep', make: () => `${'*a '.repeat(MB / 6)}${' a*'.repeat(MB / 6)}`, run: parseMarkdown },
  { parser: 'dashboard markdown', input: 'a table row, then 1 MB of spaces + "x"', make: () => `a | b\n${fill(' ', '', 'x')}`, run: parseMarkdown },
  { parser: 'dashboard markdown', input: 'a link whose target is 1 MB of spaces', make: () => `[a](x${' '.repeat(MB)}y)`, run: parseMarkdown },
  { parser: 'dashboard markdown', input: '"# a" + 1 MB of spaces + "x"', make: () => fill(' ', '# a', 'x'), run: parseMarkdown },
  // Finding 4: tag stripping was quadratic on `<` (80 KB: 2.2 s).
  { parser: 'health body excerpt', input: '1 MB of "<"', make: () => fill('<'), run: bodyExcerpt },
  { parser: 'health body excerpt', input: '1 MB of "<script>" never closed', make: () => fill('<script>'), run: bodyExcerpt },
  { parser: 'health body excerpt', input: '1 MB of "<p>"', make: () => fill('<p>'), run: bodyExcerpt },
  { parser: 'health body excerpt', input: '1 MB of "<a" (tags never closed)', make: () => fill('<a'), run: bodyExcerpt },
  { parser: 'health secret references', input: '1 MB of "${secret:" never closed', make: () => fill('${secret:'), run: (v) => resolveSecretHeaders({ Authorization: v }, new Map()) },
  // Finding 1: text quoted in notifications.
  { parser: 'notification text', input: '1 MB of "[a](command:x)"', make: () => fill('[a](command:x)'), run: (t) => [notificationMessage(t), quoted(t)] },
  // Finding 8: CSV headers from `parse … as` names.
  { parser: 'csv export', input: 'a 1 MB column name of "=1+"', make: () => fill('=1+'), run: (name) => toCsv([[{ field: name, value: '1' }]]) },
  ...PARSER_CASES,
];
