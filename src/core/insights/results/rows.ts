/** One field of a result row, as GetQueryResults returns it. */
export interface ResultField {
  readonly field: string;
  readonly value: string;
}

/** One result row as GetQueryResults returns it: the fields present, in order; missing fields are left out. */
export type ResultRow = readonly ResultField[];

/** Pointer to the log event; used to fetch the whole record, never shown or exported by default. */
export const PTR_FIELD = '@ptr';

/** Union of the rows' fields in first-appearance order, without `@ptr` unless asked for. */
export function resultColumns(rows: readonly ResultRow[], includePtr = false): string[] {
  // Rows leave out fields they have no value for, so a field first seen in a later row is placed
  // where that row has it: after its predecessor in the row, else before its successor.
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (seen.has(cell.field)) return;
      seen.add(cell.field);
      const previous = i > 0 ? columns.indexOf(row[i - 1].field) : -1;
      const next = row.slice(i + 1).map((c) => columns.indexOf(c.field)).find((index) => index >= 0);
      const at = previous >= 0 ? previous + 1 : next ?? columns.length;
      columns.splice(at, 0, cell.field);
    });
  }
  return includePtr ? columns : columns.filter((c) => c !== PTR_FIELD);
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
