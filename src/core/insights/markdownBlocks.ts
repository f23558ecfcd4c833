import { markdownHeadings, headingPlainText, type Heading } from '../runbooks/headings';

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
 * A block's language and first command are read from its first 20 non-blank lines within its first 1,000
 * lines: the declaration belongs at the top, and a block of any length is judged in bounded time.
 */
export const LANGUAGE_SCAN_LINES = 20;
/** Queries read from one markdown document at most (each gets a Run lens); later blocks are left alone. */
export const MAX_QUERY_BLOCKS = 1000;
const LANGUAGE_SCAN_MAX_LINES = 1000;

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';

/** The end of the line starting at `start` (the offset of its `\n`, or `to`). */
function lineEnd(text: string, start: number, to = text.length): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 || newline > to ? to : newline;
}

/** The first non-blank lines of `text[from, to)`, trimmed; a bounded read however long the text. */
function leadingLines(text: string, from = 0, to = text.length): string[] {
  const found: string[] = [];
  for (let start = from, read = 0; start <= to && found.length < LANGUAGE_SCAN_LINES && read < LANGUAGE_SCAN_MAX_LINES; read++) {
    const end = lineEnd(text, start, to);
    let k = start;
    while (k < end && isBlank(text[k])) k++;
    if (k < end) found.push(text.slice(k, end).trim());
    start = end + 1;
  }
  return found;
}

/** The OpenSearch language of a block, if it is one; a block that reads as Insights syntax stays Insights. */
export function blockLanguage(info: string, text: string): 'SQL' | 'PPL' | undefined {
  return languageOf(info, leadingLines(text));
}

function languageOf(info: string, lines: readonly string[]): 'SQL' | 'PPL' | undefined {
  for (const line of lines) {
    const declared = LANGUAGE_LINE.exec(line)?.[1];
    if (declared) return declared.toUpperCase() as 'SQL' | 'PPL';
  }
  const byInfo = LANGUAGE_INFO[info.toLowerCase()];
  return byInfo && !firstIsCommand(lines) ? byInfo : undefined;
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

function firstIsCommand(leading: readonly string[]): boolean {
  const first = leading.find((line) => !line.startsWith('#') && !line.startsWith('--'));
  return first !== undefined && startsWithCommand(first);
}

/** Whether a block's first line that is not a comment (within its opening lines) starts with a Logs Insights command. */
export function looksLikeInsightsQuery(text: string): boolean {
  return firstIsCommand(leadingLines(text));
}

interface Fence {
  readonly char: string;
  readonly length: number;
  readonly info: string;
}

/** Up to 3 blanks, then the first character of a fence or anything else. */
function fenceStart(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && k < start + 3 && (text[k] === ' ' || text[k] === '\t')) k++;
  return k;
}

/** The fence a line opens: three or more backticks or tildes, then the info string's first word. */
function openingFence(text: string, start: number, end: number): Fence | undefined {
  const k = fenceStart(text, start, end);
  const char = text[k];
  if (char !== '`' && char !== '~') return undefined;
  const open = /^(`{3,}|~{3,})[ \t]*([^`\s]*)/.exec(text.slice(k, end));
  return open ? { char, length: open[1].length, info: open[2] } : undefined;
}

/** Whether a line closes the fence (up to 3 blanks, a run at least as long, then only blanks). */
function closesFence(text: string, start: number, end: number, fence: Fence): boolean {
  const k = fenceStart(text, start, end);
  let run = 0;
  while (k + run < end && text[k + run] === fence.char) run++;
  if (run < fence.length) return false;
  for (let j = k + run; j < end; j++) if (!isBlank(text[j])) return false;
  return true;
}

/**
 * Fenced code blocks of a markdown text that hold Logs Insights queries, whatever their info string. One pass
 * over the lines; a block's lines are only split out once its first lines show a query.
 */
export function insightsBlocks(markdown: string): QueryBlock[] {
  const blocks: Omit<QueryBlock, 'heading'>[] = [];
  let lastFenceStart = 0;
  for (let start = 0, i = 0; start <= markdown.length; i++) {
    const end = lineEnd(markdown, start);
    const fence = openingFence(markdown, start, end);
    if (fence) lastFenceStart = start;
    start = end + 1;
    if (!fence) continue;
    const contentStart = start;
    let close = i + 1;
    let closeStart = start;
    while (closeStart <= markdown.length) {
      const closeEnd = lineEnd(markdown, closeStart);
      if (closesFence(markdown, closeStart, closeEnd, fence)) break;
      close++;
      closeStart = closeEnd + 1;
    }
    let contentEnd = Math.max(contentStart, Math.min(closeStart - 1, markdown.length));
    if (contentEnd > contentStart && markdown[contentEnd - 1] === '\r') contentEnd--;
    const leading = leadingLines(markdown, contentStart, contentEnd);
    const language = languageOf(fence.info, leading);
    if (language !== undefined || firstIsCommand(leading)) {
      const content = close === i + 1 ? [] : markdown.slice(contentStart, contentEnd).split(/\r?\n/);
      if (language) {
        blocks.push({ fenceLine: i, startLine: i + 1, endLine: close - 1, text: content.join('\n'), info: fence.info, language });
      } else {
        for (const part of splitQueries(content, MAX_QUERY_BLOCKS - blocks.length)) {
          blocks.push({ label: part.label, fenceLine: i, startLine: i + 1 + part.start, endLine: i + 1 + part.end, text: content.slice(part.start, part.end + 1).join('\n'), info: fence.info });
        }
      }
    }
    if (blocks.length >= MAX_QUERY_BLOCKS) break;
    i = close;
    start = lineEnd(markdown, closeStart) + 1;
  }
  return withHeadings(blocks, blocks.length ? markdownHeadings(markdown.slice(0, lastFenceStart)) : []);
}

/** Each block with the nearest heading above it; both are in line order, so one forward walk pairs them. */
function withHeadings(blocks: readonly Omit<QueryBlock, 'heading'>[], headings: readonly Heading[]): QueryBlock[] {
  let next = 0;
  return blocks.map((block) => {
    while (next < headings.length && headings[next].line < block.fenceLine) next++;
    const heading = headings[next - 1];
    return heading ? { heading: headingPlainText(heading.text), ...block } : block;
  });
}

/** Blank and comment lines separate the queries of a block. */
function isSeparator(line: string): boolean {
  return line.trim() === '' || COMMENT.test(line);
}

/**
 * A block may hold several queries, each after a blank or comment line and starting with a command
 * (not a `|` continuation). Returns the first `limit` queries' first and last lines within the block.
 */
function splitQueries(content: string[], limit: number): { start: number; end: number; label?: string }[] {
  const starts: { start: number; label?: string }[] = [];
  let separated = true;
  let lastNonBlank: string | undefined;
  for (let index = 0; index < content.length && starts.length <= limit; index++) {
    const line = content[index];
    const separator = isSeparator(line);
    if (!separator && separated && startsWithCommand(line) && !line.trimStart().startsWith('|')) {
      starts.push({ start: index, label: lastNonBlank !== undefined && COMMENT.test(lastNonBlank) ? lastNonBlank.trimStart().replace(/^(?:#|--)/, '').trim() : undefined });
    }
    separated = separator;
    if (line.trim() !== '') lastNonBlank = line;
  }
  if (starts.length <= 1) return [{ start: 0, end: content.length - 1 }];
  return starts.slice(0, limit).map(({ start, label }, k) => {
    let end = (starts[k + 1]?.start ?? content.length) - 1;
    while (end > start && isSeparator(content[end])) end--;
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
