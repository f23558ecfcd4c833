// What a line across a chart means, read from its kind and label, so it is coloured by meaning:
// an alarm threshold or a critical line in the theme's red, a warning in its yellow, a target in its green.

export type LineMeaning = 'error' | 'warning' | 'success' | 'neutral';

const ERROR = /\b(?:critical|crit|alarm|error|errors|fail(?:ed|ure)?|sev(?:erity)?[ -]?[12]|p[12]|breach|max(?:imum)? allowed|limit)\b/i;
const WARNING = /\b(?:warn(?:ing)?|caution|degraded|sev(?:erity)?[ -]?3|p3|high)\b/i;
const SUCCESS = /\b(?:ok|target|goal|slo|healthy|normal|baseline|expected)\b/i;

export function lineMeaning(kind: 'threshold' | 'annotation', label: string): LineMeaning {
  if (kind === 'threshold') return 'error';
  const text = label.slice(0, 200);
  if (ERROR.test(text)) return 'error';
  if (WARNING.test(text)) return 'warning';
  if (SUCCESS.test(text)) return 'success';
  return 'neutral';
}
