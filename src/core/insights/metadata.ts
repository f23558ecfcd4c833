export interface QueryFileMetadata {
  name?: string;
  logGroups?: string[];
  range?: string;
  /** `# language: SQL` or `PPL` (OpenSearch languages Logs Insights runs); absent for its own language. */
  language?: 'SQL' | 'PPL';
  /** The query without comment lines (`#` or `--`), blank lines at either end removed. */
  body: string;
}

/** `# key:` at the start of a comment line trimmed at the start; the value is the rest of the line, trimmed. */
const METADATA_KEY = /^#\s*([A-Za-z][\w-]*)\s*:/;
/** Comment lines read for metadata at most: a header is a few lines, and a longer one costs nothing more to read. */
export const MAX_HEADER_LINES = 50;

/**
 * Reads `# name:`, `# logGroups:` (names or ARNs), `# range:` and `# language:` from the comment lines that open a saved query
 * (keys are case-insensitive); later comments are not metadata.
 */
export function parseQueryFileMetadata(text: string): QueryFileMetadata {
  const result: QueryFileMetadata = { body: '' };
  let inHeader = true;
  let headerLines = 0;
  const body: string[] = [];
  // Blank lines are held back until a line of query follows them, so those at either end are never kept.
  let blanks: string[] = [];
  forEachLine(text, (start, end) => {
    let k = start;
    while (k < end && isWhitespace(text[k])) k++;
    if (text[k] === '#' || (text[k] === '-' && text[k + 1] === '-' && k + 1 < end)) {
      if (inHeader && headerLines++ < MAX_HEADER_LINES) {
        readMetadata(text.slice(k, end), result);
      }
      return;
    }
    if (k === end) {
      if (body.length > 0) blanks.push(text.slice(start, end));
      return;
    }
    inHeader = false;
    if (blanks.length > 0) body.push(...blanks);
    blanks = [];
    body.push(text.slice(start, end));
  });
  result.body = body.join('\n');
  return result;
}

/** Calls `line` with each line's [start, end) offsets; lines end at `\r\n`, `\r` or `\n`. */
function forEachLine(text: string, line: (start: number, end: number) => void): void {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    line(start, i);
    if (c === '\r' && text[i + 1] === '\n') i++;
    start = i + 1;
  }
  line(start, text.length);
}

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || (c !== undefined && (c < ' ' || c > '~') && c.trim() === '');
}

/** Reads one comment line (from its `#`) into the metadata. */
function readMetadata(comment: string, into: QueryFileMetadata): void {
  const m = METADATA_KEY.exec(comment);
  if (!m) {
    return;
  }
  const key = (m[1] ?? '').toLowerCase().replace(/[-_]/g, '');
  const value = comment.slice(m[0].length).trim();
  if (value === '') {
    return;
  }
  if (key === 'name') {
    into.name = value;
  } else if (key === 'loggroups' || key === 'loggroup') {
    into.logGroups = value
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '');
  } else if (key === 'range') {
    into.range = value;
  } else if (key === 'language' || key === 'querylanguage') {
    const language = value.toUpperCase();
    if (language === 'SQL' || language === 'PPL') {
      into.language = language;
    }
  }
}
