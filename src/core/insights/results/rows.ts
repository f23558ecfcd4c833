import type { ResultField } from '../executor';

/** One result row as GetQueryResults returns it: the fields present, in order; missing fields are left out. */
export type ResultRow = readonly ResultField[];

/** Pointer to the log event; used to fetch the whole record, never shown or exported by default. */
export const PTR_FIELD = '@ptr';

/** Union of the rows' fields in first-appearance order, without `@ptr` unless asked for. */
export function resultColumns(rows: readonly ResultRow[], includePtr = false): string[] {
  const seen = new Set<string>();
  const columns: string[] = [];
  for (const row of rows) {
    for (const cell of row) {
      if (seen.has(cell.field)) continue;
      seen.add(cell.field);
      if (includePtr || cell.field !== PTR_FIELD) columns.push(cell.field);
    }
  }
  return columns;
}

/** The row's value of each column ('' when the field is missing); the first occurrence of a field wins. */
export function rowValues(row: ResultRow, columnIndex: ReadonlyMap<string, number>, width: number): string[] {
  const values = new Array<string | undefined>(width);
  for (const cell of row) {
    const i = columnIndex.get(cell.field);
    if (i !== undefined && values[i] === undefined) values[i] = cell.value;
  }
  for (let i = 0; i < width; i++) if (values[i] === undefined) values[i] = '';
  return values as string[];
}

export function indexColumns(columns: readonly string[]): Map<string, number> {
  return new Map(columns.map((c, i) => [c, i]));
}
