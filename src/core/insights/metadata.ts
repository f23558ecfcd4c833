export interface QueryFileMetadata {
  name?: string;
  logGroups?: string[];
  range?: string;
  /** `# language: SQL` or `PPL` (OpenSearch languages Logs Insights runs); absent for its own language. */
  language?: 'SQL' | 'PPL';
  /** The query without comment lines (`#` or `--`), blank lines at either end removed. */
  body: string;
}

const COMMENT_LINE = /^\s*(#|--)/;
/** `# key:` at the start of a comment line trimmed at the start; the value is the rest of the line, trimmed. */
const METADATA_KEY = /^#\s*([A-Za-z][\w-]*)\s*:/;
/** Comment lines read for metadata at most: a header is a few lines, and a longer one costs nothing more to read. */
export const MAX_HEADER_LINES = 50;

/**
 * Reads `# name:`, `# logGroups:` (names or ARNs), `# range:` and `# language:` from the comment lines that open a saved query
 * (keys are case-insensitive); later comments are not metadata.
 */
export function parseQueryFileMetadata(text: string): QueryFileMetadata {
  const lines = text.split(/\r\n|\r|\n/);
  const result: QueryFileMetadata = { body: '' };
  let inHeader = true;
  let headerLines = 0;
  const body: string[] = [];
  for (const line of lines) {
    if (COMMENT_LINE.test(line)) {
      if (inHeader && headerLines++ < MAX_HEADER_LINES) {
        readMetadata(line, result);
      }
      continue;
    }
    if (line.trim() !== '') {
      inHeader = false;
    }
    body.push(line);
  }
  let first = 0;
  let last = body.length - 1;
  while (first <= last && (body[first] ?? '').trim() === '') first++;
  while (last >= first && (body[last] ?? '').trim() === '') last--;
  result.body = body.slice(first, last + 1).join('\n');
  return result;
}

function readMetadata(line: string, into: QueryFileMetadata): void {
  const comment = line.trimStart();
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
