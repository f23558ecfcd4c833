import { PTR_FIELD, indexColumns, resultColumns, rowValues, type ResultRow } from './rows';

/** A plain decimal number (`-12`, `+3.5`, `1e6`, `.5`): spreadsheets read it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** First characters that make a spreadsheet treat a cell as a formula (or DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A cell as spreadsheets may open it: values starting with `=`, `+`, `-`, `@`, tab or CR get a leading `'`
 * unless the whole value is a plain number, so `-42` stays a number and `-2+3+cmd|…` or `=HYPERLINK(…)`
 * stays text.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * A column name as spreadsheets may open it: guarded like a cell (a field named `=HYPERLINK(…)` by a
 * `parse … as` is data too), except Logs Insights' own `@field` names, which call nothing.
 */
export function guardHeader(name: string): string {
  return /^@[\w.]+$/.test(name) ? name : guardFormula(name);
}

/** RFC 4180 field: quoted (with `"` doubled) when it holds `"`, `,`, CR or LF. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows as RFC 4180 CSV (CRLF line ends, a header row). `columns` defaults to the fields in first-appearance
 * order without `@ptr`. Header names get {@link guardHeader}, cell values {@link guardFormula}.
 */
export function toCsv(rows: readonly ResultRow[], columns: readonly string[] = resultColumns(rows)): string {
  const index = indexColumns(columns);
  const out: string[] = [columns.map((c) => csvField(guardHeader(c))).join(',')];
  for (const row of rows) out.push(rowValues(row, index, columns.length).map((v) => csvField(guardFormula(v))).join(','));
  return out.join('\r\n') + '\r\n';
}

/**
 * Rows as a pretty JSON array of objects, field → value (strings, as Logs Insights returns them), fields in
 * row order. With `columns`, only those fields, in that order; without, every field but `@ptr`.
 */
export function toJson(rows: readonly ResultRow[], columns?: readonly string[]): string {
  if (rows.length === 0) return '[]\n';
  const objects: string[] = [];
  const wanted = columns ? indexColumns(columns) : undefined;
  for (const row of rows) {
    const members: string[] = [];
    if (wanted && columns) {
      const values = new Array<string | undefined>(columns.length);
      for (const cell of row) {
        const i = wanted.get(cell.field);
        if (i !== undefined && values[i] === undefined) values[i] = cell.value;
      }
      values.forEach((v, i) => v !== undefined && members.push(`    ${JSON.stringify(columns[i])}: ${JSON.stringify(v)}`));
    } else {
      const seen = new Set<string>();
      for (const cell of row) {
        if (cell.field === PTR_FIELD || seen.has(cell.field)) continue;
        seen.add(cell.field);
        members.push(`    ${JSON.stringify(cell.field)}: ${JSON.stringify(cell.value)}`);
      }
    }
    objects.push(members.length ? `  {\n${members.join(',\n')}\n  }` : '  {}');
  }
  return `[\n${objects.join(',\n')}\n]\n`;
}
