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
/** One line declaring the block's language; tested line by line, so its `\s*` runs cannot span lines. */
const LANGUAGE_LINE = /^(?:#|--)\s*language\s*:\s*(sql|ppl)\s*$/i;
/**
 * How many non-blank lines of a block are read for a `# language:` line or the first command: the
 * declaration belongs in the block's opening lines, and a block of any length is judged in bounded time.
 */
export const LANGUAGE_SCAN_LINES = 20;

/** The first `limit` non-blank lines of a text, split without a regex, and trimmed at the start. */
function leadingLines(text: string, limit: number): string[] {
  const found: string[] = [];
  for (let start = 0; start <= text.length && found.length < limit; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (line !== '') found.push(line);
    start = end + 1;
  }
  return found;
}

/** The OpenSearch language of a block, if it is one; a block that reads as Insights syntax stays Insights. */
export function blockLanguage(info: string, text: string): 'SQL' | 'PPL' | undefined {
  for (const line of leadingLines(text, LANGUAGE_SCAN_LINES)) {
    const declared = LANGUAGE_LINE.exec(line)?.[1];
    if (declared) return declared.toUpperCase() as 'SQL' | 'PPL';
  }
  const byInfo = LANGUAGE_INFO[info.toLowerCase()];
  return byInfo && !looksLikeInsightsQuery(text) ? byInfo : undefined;
}

const COMMENT = /^\s*(#|--)/;
/**
 * Commands a query starts with. Not every command: `diff`, `join`, `lookup` or a lower-case `source`
 * also start shell lines and patches; `SOURCE` counts when log groups follow it.
 * Tested on a line trimmed at the start, so no two `\s*` runs meet.
 */
const FIRST_WORD = /^\|?\s*(?:(?:fields|filter|filterIndex|stats|parse|sort|display|dedup|pattern|unnest|limit)\b|SOURCE\s+(?:logGroups\s*\(|['"]))/i;

function startsWithCommand(line: string): boolean {
  return FIRST_WORD.test(line.trimStart());
}

/** Whether a block's first line that is not a comment (within its opening lines) starts with a Logs Insights command. */
export function looksLikeInsightsQuery(text: string): boolean {
  const first = leadingLines(text, LANGUAGE_SCAN_LINES).find((line) => !line.startsWith('#') && !line.startsWith('--'));
  return first !== undefined && startsWithCommand(first);
}

/** Whether a line closes a fence opened with `length` of `char` (up to 3 spaces, the run, then only blanks). */
function closesFence(line: string, char: string, length: number): boolean {
  let k = 0;
  while (k < 3 && (line[k] === ' ' || line[k] === '\t')) k++;
  let run = 0;
  while (line[k + run] === char) run++;
  return run >= length && line.slice(k + run).trim() === '';
}

/** Fenced code blocks of a markdown text that hold Logs Insights queries, whatever their info string. */
export function insightsBlocks(markdown: string): QueryBlock[] {
  const lines = markdown.split(/\r?\n/);
  const headings = markdownHeadings(markdown);
  const blocks: QueryBlock[] = [];
  // Headings are in line order, so the one above each block is found by walking forward once.
  let nextHeading = 0;
  const headingAbove = (line: number): string | undefined => {
    while (nextHeading < headings.length && headings[nextHeading].line < line) nextHeading++;
    const heading = headings[nextHeading - 1];
    return heading ? headingPlainText(heading.text) : undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const info = open[2];
    let end = i + 1;
    while (end < lines.length && !closesFence(lines[end], fence[0], fence.length)) end++;
    const content = lines.slice(i + 1, end);
    const text = content.join('\n');
    const language = blockLanguage(info, text);
    if (language) {
      blocks.push({ heading: headingAbove(i), fenceLine: i, startLine: i + 1, endLine: end - 1, text, info, language });
    } else if (looksLikeInsightsQuery(text)) {
      const heading = headingAbove(i);
      for (const part of splitQueries(content)) {
        blocks.push({ heading, label: part.label, fenceLine: i, startLine: i + 1 + part.start, endLine: i + 1 + part.end, text: content.slice(part.start, part.end + 1).join('\n'), info });
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
  const starts: { start: number; label?: string }[] = [];
  let separated = true;
  let lastNonBlank: string | undefined;
  content.forEach((line, index) => {
    const blank = line.trim() === '' || COMMENT.test(line);
    if (!blank && separated && startsWithCommand(line) && !line.trimStart().startsWith('|')) {
      starts.push({ start: index, label: lastNonBlank !== undefined && COMMENT.test(lastNonBlank) ? lastNonBlank.trimStart().replace(/^(?:#|--)/, '').trim() : undefined });
    }
    separated = blank;
    if (line.trim() !== '') lastNonBlank = line;
  });
  if (starts.length <= 1) return [{ start: 0, end: content.length - 1 }];
  return starts.map(({ start, label }, k) => {
    let end = (starts[k + 1]?.start ?? content.length) - 1;
    while (end > start && (content[end].trim() === '' || COMMENT.test(content[end]))) end--;
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
