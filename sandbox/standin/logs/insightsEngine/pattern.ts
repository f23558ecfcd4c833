import type { Expr } from '../../../../src/core/insights/ast';
import type { StatsOutput } from './aggregate';
import { evaluate } from './evaluate';
import { formatValue, type FieldMap, type Value } from './values';

const VARIABLE_TOKEN = /\d/;

/**
 * A rough stand-in for `pattern`'s clustering: tokens containing digits become `<*>`,
 * events with the same remaining text form one pattern.
 */
export function runPattern(source: Expr, records: readonly FieldMap[]): StatsOutput {
  const counts = new Map<string, number>();
  let total = 0;
  for (const record of records) {
    const v = evaluate(source, record);
    if (v === undefined) {
      continue;
    }
    const pattern = formatValue(v)
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((t) => (VARIABLE_TOKEN.test(t) ? '<*>' : t))
      .join(' ');
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    total++;
  }
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([pattern, count]): FieldMap =>
        new Map<string, Value>([
          ['@pattern', pattern],
          ['@ratio', count / total],
          ['@sampleCount', count],
        ]),
    );
  return { rows, columns: ['@pattern', '@ratio', '@sampleCount'] };
}
