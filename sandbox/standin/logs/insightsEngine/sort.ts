import type { SortKey } from '../../../../src/core/insights/ast';
import { evaluate } from './evaluate';
import { naturalCompare, type FieldMap, type Value } from './values';

/**
 * Stable sort by the keys; records missing a key go last whatever the direction.
 * After `stats … by bin(…)`, `@timestamp` means the bin column.
 */
export function sortRecords(records: readonly FieldMap[], keys: readonly SortKey[], timeColumn?: string): FieldMap[] {
  const keyed = records.map((record, index) => ({
    record,
    index,
    values: keys.map((k): Value => {
      const v = evaluate(k.expr, record);
      if (v === undefined && timeColumn !== undefined && k.expr.kind === 'field' && k.expr.name === '@timestamp') {
        return record.get(timeColumn);
      }
      return v;
    }),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === undefined || y === undefined) {
        if (x !== y) {
          return x === undefined ? 1 : -1;
        }
        continue;
      }
      const c = naturalCompare(x, y);
      if (c !== 0) {
        return keys[i]?.order === 'desc' ? -c : c;
      }
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.record);
}
