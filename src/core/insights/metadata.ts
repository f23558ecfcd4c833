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
const METADATA_LINE = /^\s*#\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/;

/**
 * Reads `# name:`, `# logGroups:` (names or ARNs), `# range:` and `# language:` from the comment lines that open a saved query
 * (keys are case-insensitive); later comments are not metadata.
 */
export function parseQueryFileMetadata(text: string): QueryFileMetadata {
  const lines = text.split(/\r\n|\r|\n/);
  const result: QueryFileMetadata = { body: '' };
  let inHeader = true;
  const body: string[] = [];
  for (const line of lines) {
    if (COMMENT_LINE.test(line)) {
      if (inHeader) {
        readMetadata(line, result);
      }
      continue;
    }
    if (line.trim() !== '') {
      inHeader = false;
    }
    body.push(line);
  }
  while (body.length > 0 && (body[0] ?? '').trim() === '') {
    body.shift();
  }
  while (body.length > 0 && (body[body.length - 1] ?? '').trim() === '') {
    body.pop();
  }
  result.body = body.join('\n');
  return result;
}

function readMetadata(line: string, into: QueryFileMetadata): void {
  const m = METADATA_LINE.exec(line);
  if (!m) {
    return;
  }
  const key = (m[1] ?? '').toLowerCase().replace(/[-_]/g, '');
  const value = m[2] ?? '';
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
