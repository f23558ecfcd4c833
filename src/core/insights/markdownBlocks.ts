import { markdownHeadings, headingPlainText } from '../runbooks/headings';

export interface QueryBlock {
  /** Nearest heading above the block (plain text), or undefined. */
  readonly heading?: string;
  /** The comment line just above the query inside the block, when a block holds several queries. */
  readonly label?: string;
  /** 0-based line of the opening fence. */
  readonly fenceLine: number;
  /** 0-based first and last line of the block's content. */
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
  readonly info: string;
  /** SQL or PPL when the info string or a `# language:` line says so and the text is not Insights syntax. */
  readonly language?: 'SQL' | 'PPL';
}

/** Info strings that mark a block as OpenSearch SQL or PPL for Logs Insights (a bare `sql` only with `# language:`). */
const LANGUAGE_INFO: Readonly<Record<string, 'SQL' | 'PPL'>> = { ppl: 'PPL', 'insights-ppl': 'PPL', 'cwl-ppl': 'PPL', 'insights-sql': 'SQL', 'cwl-sql': 'SQL' };
const LANGUAGE_LINE = /^\s*(?:#|--)\s*language\s*:\s*(sql|ppl)\s*$/im;

/** The OpenSearch language of a block, if it is one; a block that reads as Insights syntax stays Insights. */
export function blockLanguage(info: string, text: string): 'SQL' | 'PPL' | undefined {
  const declared = LANGUAGE_LINE.exec(text)?.[1]?.toUpperCase() as 'SQL' | 'PPL' | undefined;
  if (declared) return declared;
  const byInfo = LANGUAGE_INFO[info.toLowerCase()];
  return byInfo && !looksLikeInsightsQuery(text) ? byInfo : undefined;
}

const COMMENT = /^\s*(#|--)/;
/**
 * Commands a query starts with. Not every command: `diff`, `join`, `lookup` or a lower-case `source`
 * also start shell lines and patches; `SOURCE` counts when log groups follow it.
 */
const STARTING_COMMANDS = ['fields', 'filter', 'filterIndex', 'stats', 'parse', 'sort', 'display', 'dedup', 'pattern', 'unnest', 'limit'];
const FIRST_WORD = new RegExp(`^\\s*\\|?\\s*(?:(?:${STARTING_COMMANDS.join('|')})\\b|SOURCE\\s+(?:logGroups\\s*\\(|['"]))`, 'i');

/** Whether a block's first line that is not a comment starts with a Logs Insights command. */
export function looksLikeInsightsQuery(text: string): boolean {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !COMMENT.test(line));
  return first !== undefined && FIRST_WORD.test(first);
}

/** Fenced code blocks of a markdown text that hold Logs Insights queries, whatever their info string. */
export function insightsBlocks(markdown: string): QueryBlock[] {
  const lines = markdown.split(/\r?\n/);
  const headings = markdownHeadings(markdown);
  const blocks: QueryBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s{0,3})(`{3,}|~{3,})\s*([^`\s]*)?.*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[end])) end++;
    const content = lines.slice(i + 1, end);
    const language = blockLanguage(open[3] ?? '', content.join('\n'));
    if (language) {
      const heading = [...headings].reverse().find((h) => h.line < i);
      blocks.push({ heading: heading ? headingPlainText(heading.text) : undefined, fenceLine: i, startLine: i + 1, endLine: end - 1, text: content.join('\n'), info: open[3] ?? '', language });
    } else if (looksLikeInsightsQuery(content.join('\n'))) {
      const heading = [...headings].reverse().find((h) => h.line < i);
      for (const part of splitQueries(content)) {
        blocks.push({ heading: heading ? headingPlainText(heading.text) : undefined, label: part.label, fenceLine: i, startLine: i + 1 + part.start, endLine: i + 1 + part.end, text: content.slice(part.start, part.end + 1).join('\n'), info: open[3] ?? '' });
      }
    }
    i = end;
  }
  return blocks;
}

/**
 * A block may hold several queries, each after a blank or comment line and starting with a command
 * (not a `|` continuation). Returns each query's first and last line within the block.
 */
function splitQueries(content: string[]): { start: number; end: number; label?: string }[] {
  const starts: number[] = [];
  let separated = true;
  content.forEach((line, index) => {
    const blank = line.trim() === '' || COMMENT.test(line);
    if (!blank && separated && FIRST_WORD.test(line) && !/^\s*\|/.test(line)) starts.push(index);
    separated = blank;
  });
  if (starts.length <= 1) return [{ start: 0, end: content.length - 1 }];
  return starts.map((start, k) => {
    let end = (starts[k + 1] ?? content.length) - 1;
    while (end > start && (content[end].trim() === '' || COMMENT.test(content[end]))) end--;
    const above = content.slice(0, start).reverse().find((l) => l.trim() !== '');
    const label = above && COMMENT.test(above) ? above.replace(/^\s*(#|--)\s*/, '').trim() : undefined;
    return { start, end, label };
  });
}

export interface PreparedQuery {
  /** The text to send: leading comment and blank lines dropped, later comment lines blanked. */
  readonly text: string;
  /** How many lines were dropped at the start; add it to an error's line to find it in the source. */
  readonly lineOffset: number;
}

/** Makes a query text ready for StartQuery while keeping its line numbers traceable to the source. */
export function prepareQueryText(source: string): PreparedQuery {
  const lines = source.split(/\r?\n/);
  let lineOffset = 0;
  while (lineOffset < lines.length && (lines[lineOffset].trim() === '' || COMMENT.test(lines[lineOffset]))) lineOffset++;
  const kept = lines.slice(lineOffset).map((line) => (COMMENT.test(line) ? '' : line));
  while (kept.length && kept[kept.length - 1].trim() === '') kept.pop();
  return { text: kept.join('\n'), lineOffset };
}
