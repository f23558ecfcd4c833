export interface CsvSeries {
  readonly label: string;
  /** Epoch milliseconds. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A header cell a spreadsheet must not read as a formula (labels come from metric names and dimensions). */
function textCell(value: string): string {
  return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/**
 * Series as CSV: a `time` column (ISO 8601, UTC), then one column per series headed by its label;
 * one row per timestamp any series has, oldest first; a series without a point at that time leaves
 * its cell empty. Lines end with `\n`.
 */
export function seriesToCsv(series: readonly CsvSeries[]): string {
  const times = new Set<number>();
  const byTime = series.map((s) => {
    const map = new Map<number, number>();
    s.timestamps.forEach((t, i) => {
      if (i < s.values.length) {
        map.set(t, s.values[i]);
        times.add(t);
      }
    });
    return map;
  });
  const lines = [['time', ...series.map((s) => textCell(s.label))].join(',')];
  for (const t of [...times].sort((a, b) => a - b)) {
    const cells = byTime.map((m) => {
      const v = m.get(t);
      return v === undefined || !Number.isFinite(v) ? '' : String(v);
    });
    lines.push([new Date(t).toISOString(), ...cells].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A file name from a chart title: letters, digits, dot, dash and underscore. */
export function exportFileName(title: string, extension: string): string {
  const base = title.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'chart';
  return `${base}.${extension}`;
}
