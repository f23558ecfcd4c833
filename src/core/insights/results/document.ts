import { formatBytes, formatScanCost, PRICE_PER_GB_SCANNED } from '../cost';
import { prettyJsonLines } from './prettyJson';
import { indexColumns, resultColumns, rowValues, type ResultRow } from './rows';
import { sanitizeText } from './sanitize';
import { formatDateTime, type TimeZone } from '../../time/zone';

export { formatBytes, formatScanCost, scanCost, PRICE_PER_GB_SCANNED } from '../cost';

export interface ResultsStatistics {
  readonly recordsMatched?: number;
  readonly recordsScanned?: number;
  readonly bytesScanned?: number;
}

export interface ResultsDocumentInput {
  readonly queryName: string;
  readonly query: string;
  readonly logGroups: readonly string[];
  /** Where the query ran: the profile (with several side by side) and the region. */
  readonly profile?: string;
  readonly region?: string;
  /** The account's marking (`PRODUCTION account prod-main`), when opsLens.aws.accounts marks it. */
  readonly account?: string;
  readonly range: { readonly start: Date; readonly end: Date; readonly label: string };
  /** `Scheduled`, `Running`, `Complete`, `Failed`, `Cancelled`, `Timeout`, … shown as given. */
  readonly status: string;
  readonly statistics?: ResultsStatistics;
  readonly rows: readonly ResultRow[];
  /** The results stopped at this many rows (query `limit` or the 10,000-row cap); rows beyond it are not shown. */
  readonly truncatedAt?: number;
  /** Widest a table column gets; longer values are cut with `…` and shown whole under their row. Default 60. */
  readonly maxColumnWidth?: number;
  /** The zone the header's times are written in (opsLens.timeZone); UTC when not given. */
  readonly zone?: TimeZone;
}

export interface ResultsDocument {
  readonly text: string;
  /** 0-based line of each shown row's table line, in row order (`rowLines[i]` is `rows[i]`). */
  readonly rowLines: number[];
}

const MISSING = '—';
export const DEFAULT_MAX_COLUMN_WIDTH = 60;
const COLUMN_GAP = '  ';
const DETAIL_LABEL_INDENT = '    ';
const DETAIL_INDENT = '      ';
const QUERY_INDENT = '    ';
const ELLIPSIS = '…';

/** "45,210". */
function count(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const digits = String(Math.abs(Math.round(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}


/** `s` cut to at most `width` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, width: number): string {
  if (s.length <= width) return s;
  let end = Math.max(0, width);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

const TABS = /\t/g;

/** A column name as a table header shows it: one line, tabs as spaces. */
function cellText(value: string): string {
  return value.replace(/[\t\n]/g, ' ');
}

/**
 * The whole value as lines for under its row, each starting with `prefix` (empty lines stay empty); JSON
 * (alone, or after a text prefix such as Lambda's) pretty-printed.
 */
export function detailLines(value: string, prefix = ''): string[] {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const pretty = prettyJsonLines(trimmed, '  ', prefix);
    if (pretty) return pretty;
  }
  // `2026-…Z\t<requestId>\tERROR\tInvoke Error \t{"errorType":…}`, `INFO {"…"}`: a prefix, then a JSON object.
  let at = value.indexOf('{', 1);
  for (let tries = 0; at > 0 && tries < 3; tries++, at = value.indexOf('{', at + 1)) {
    const before = value.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a) continue;
    const pretty = prettyJsonLines(value.slice(at), '  ', prefix);
    if (pretty) return [...prefixed(value.slice(0, at).trimEnd(), prefix), ...pretty];
  }
  return prefixed(value, prefix);
}

function prefixed(text: string, prefix: string): string[] {
  const lines = text.split('\n');
  if (prefix) for (let i = 0; i < lines.length; i++) if (lines[i]) lines[i] = prefix + lines[i];
  return lines;
}

function header(input: ResultsDocumentInput, shown: number): string[] {
  const out: string[] = [];
  const title = sanitizeText(input.queryName).replace(/\s+/g, ' ').trim() || 'Logs Insights query';
  out.push(title, '═'.repeat(Math.min(80, Math.max(3, title.length))));
  if (input.account) out.push(`Account:     ${sanitizeText(input.account).replace(/\s+/g, ' ').trim()}`);
  const groups = input.logGroups.map((g) => sanitizeText(g).replace(/\s+/g, ' '));
  out.push(`Log groups:  ${groups.length ? groups.join(', ') : 'named in the query (SOURCE, SQL FROM)'}`);
  if (input.profile) out.push(`Profile:     ${sanitizeText(input.profile).replace(/\s+/g, ' ').trim()}`);
  if (input.region) out.push(`Region:      ${sanitizeText(input.region).replace(/\s+/g, ' ').trim()}`);
  const label = sanitizeText(input.range.label).replace(/\s+/g, ' ').trim();
  out.push(`Range:       ${label ? `${label} — ` : ''}${formatDateTime(input.range.start.getTime(), input.zone ?? 'utc', { bare: true })} → ${formatDateTime(input.range.end.getTime(), input.zone ?? 'utc')}`);
  out.push(`Status:      ${sanitizeText(input.status).replace(/\s+/g, ' ').trim() || 'unknown'}`);
  const stats = input.statistics;
  if (stats) {
    const records: string[] = [];
    if (stats.recordsMatched !== undefined) records.push(`${count(stats.recordsMatched)} matched`);
    if (stats.recordsScanned !== undefined) records.push(`${count(stats.recordsScanned)} scanned`);
    if (records.length) out.push(`Records:     ${records.join(', ')}`);
    if (stats.bytesScanned !== undefined) {
      out.push(`Scanned:     ${formatBytes(stats.bytesScanned)} (${formatScanCost(stats.bytesScanned)} at $${PRICE_PER_GB_SCANNED} per GB scanned)`);
    }
  }
  const truncated = input.truncatedAt !== undefined && (input.rows.length >= input.truncatedAt || shown < input.rows.length);
  out.push(`Rows:        ${count(shown)}${truncated ? ` — results stop at ${count(input.truncatedAt ?? shown)} rows; narrow the range or add a filter to see the rest` : ''}`);
  out.push('', 'Query:');
  const queryLines = sanitizeText(input.query).replace(/\s+$/, '').split('\n');
  for (const line of queryLines) out.push(line ? QUERY_INDENT + line : '');
  out.push('');
  return out;
}

/**
 * The text of a results document: a header (query, log groups, profile and region, UTC range, status, records, bytes scanned and
 * their approximate cost), the query, then the rows as an aligned table. Columns are the fields in
 * first-appearance order without `@ptr`; values wider than the column, or spanning lines, are cut with `…`
 * and shown whole on indented lines under their row (JSON pretty-printed). Values are sanitized with
 * {@link sanitizeText}.
 */
export function formatResultsDocument(input: ResultsDocumentInput): ResultsDocument {
  const limit = input.truncatedAt !== undefined && input.truncatedAt >= 0 ? Math.min(input.truncatedAt, input.rows.length) : input.rows.length;
  const rows = limit < input.rows.length ? input.rows.slice(0, limit) : input.rows;
  const lines = header(input, rows.length);
  const rowLines: number[] = [];

  if (rows.length === 0) {
    const running = /^(scheduled|running)$/i.test(input.status.trim());
    lines.push(running ? 'No records yet — the query is still running.' : 'No records matched. Try a wider time range or other log groups.');
    return { text: lines.join('\n') + '\n', rowLines };
  }

  const maxWidth = Math.max(4, Math.floor(input.maxColumnWidth ?? DEFAULT_MAX_COLUMN_WIDTH));
  const columns = resultColumns(rows);
  if (columns.length === 0) {
    for (let r = 0; r < rows.length; r++) rowLines.push(lines.length);
    lines.push(`${count(rows.length)} ${rows.length === 1 ? 'row' : 'rows'} without fields to show.`);
    return { text: lines.join('\n') + '\n', rowLines };
  }
  const names = columns.map((c) => cellText(sanitizeText(c)));
  const labels = names.map((n) => `${DETAIL_LABEL_INDENT}${n}:`);
  const index = indexColumns(columns);
  const width = columns.length;
  const last = width - 1;
  const widths = names.map((n) => Math.min(maxWidth, n.length));

  // Pass 1: sanitized values and column widths (a cell shows its first line, plus `…` when there is more).
  const values: string[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = rowValues(rows[r], index, width);
    const present = new Set(rows[r].map((cell) => cell.field));
    for (let c = 0; c < width; c++) {
      // A field the row has no value for (a stats group with no key, a missing JSON key) shows as a dash.
      const value = present.has(columns[c]) ? sanitizeText(cells[c]) : MISSING;
      cells[c] = value;
      const nl = value.indexOf('\n');
      const w = nl < 0 ? value.length : nl + 1;
      if (w > widths[c]) widths[c] = w > maxWidth ? maxWidth : w;
    }
    values[r] = cells;
  }

  const pad = (text: string, c: number): string => (c === last ? text : text.padEnd(widths[c]) + COLUMN_GAP);
  let headerLine = '';
  let ruleLine = '';
  for (let c = 0; c < width; c++) {
    headerLine += pad(names[c].length > widths[c] ? cut(names[c], widths[c] - 1) + ELLIPSIS : names[c], c);
    ruleLine += pad('─'.repeat(widths[c]), c);
  }
  lines.push(headerLine.trimEnd(), ruleLine.trimEnd());

  // Pass 2: the table lines, each followed by the whole of any value it had to cut. A row and its details
  // become one string, so few objects live until the final join.
  const cutColumns: number[] = [];
  let lineNo = lines.length;
  for (let r = 0; r < rows.length; r++) {
    const cells = values[r];
    cutColumns.length = 0;
    let line = '';
    for (let c = 0; c < width; c++) {
      const value = cells[c];
      const nl = value.indexOf('\n');
      let text = nl < 0 ? value : value.slice(0, nl);
      if (text.length > widths[c] || nl >= 0) {
        text = cut(text, Math.min(text.length, widths[c] - 1)) + ELLIPSIS;
        cutColumns.push(c);
      }
      if (text.includes('\t')) text = text.replace(TABS, ' ');
      line += pad(text, c);
    }
    rowLines.push(lineNo);
    if (cutColumns.length === 0) {
      lines.push(line.trimEnd());
      lineNo++;
      continue;
    }
    let block = line.trimEnd();
    let blockLines = 1;
    for (const c of cutColumns) {
      const details = detailLines(cells[c], DETAIL_INDENT);
      block += `\n${labels[c]}\n${details.join('\n')}`;
      blockLines += 1 + details.length;
    }
    lines.push(block);
    lineNo += blockLines;
  }
  return { text: lines.join('\n') + '\n', rowLines };
}
