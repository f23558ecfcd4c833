// Short labels for the graph: a Choice rule in a line, any text cut to a length.
import { sanitizeText } from '../insights/results/sanitize';

const MAX_RULE_DEPTH = 4;
const MAX_RULE_PARTS = 6;

/** The text on one line, cut to `max` characters (with an ellipsis); control, escape and bidi characters removed. */
export function shortText(text: string, max: number): string {
  const clean = sanitizeText(text.length > max * 2 ? text.slice(0, max * 2) : text).replace(/[\n\t]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const OPERATORS: readonly [string, string][] = [
  ['GreaterThanEquals', '>='],
  ['LessThanEquals', '<='],
  ['GreaterThan', '>'],
  ['LessThan', '<'],
  ['Equals', '=='],
  ['Matches', 'matches'],
];

const TESTS: Record<string, [string, string]> = {
  IsPresent: ['is present', 'is absent'],
  IsNull: ['is null', 'is not null'],
  IsNumeric: ['is numeric', 'is not numeric'],
  IsString: ['is a string', 'is not a string'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '…';
}

function comparison(rule: Record<string, unknown>): string {
  const variable = typeof rule.Variable === 'string' ? rule.Variable.slice(0, 60) : '?';
  for (const key of Object.keys(rule)) {
    if (key in TESTS) return `${variable} ${TESTS[key][rule[key] === false ? 1 : 0]}`;
    const path = key.endsWith('Path');
    const bare = path ? key.slice(0, -4) : key;
    const operator = OPERATORS.find(([suffix]) => bare.endsWith(suffix) && /^(String|Numeric|Boolean|Timestamp)/.test(bare));
    if (operator) return `${variable} ${operator[1]} ${path && typeof rule[key] === 'string' ? String(rule[key]).slice(0, 60) : literal(rule[key])}`;
  }
  return variable;
}

function rulePart(rule: unknown, depth: number): string {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return '?';
  const r = rule as Record<string, unknown>;
  if (typeof r.Condition === 'string') {
    const condition = r.Condition.slice(0, 2000).trim();
    return (condition.startsWith('{%') && condition.endsWith('%}') ? condition.slice(2, -2).trim() : condition).slice(0, 200);
  }
  if (depth >= MAX_RULE_DEPTH) return '…';
  for (const [key, word] of [['And', ' and '], ['Or', ' or ']] as const) {
    if (Array.isArray(r[key])) {
      const parts = (r[key] as unknown[]).slice(0, MAX_RULE_PARTS).map((p) => rulePart(p, depth + 1));
      return `(${parts.join(word)}${(r[key] as unknown[]).length > MAX_RULE_PARTS ? `${word}…` : ''})`;
    }
  }
  if (r.Not !== undefined) return `not ${rulePart(r.Not, depth + 1)}`;
  return comparison(r);
}

/** A Choice rule in one line: `$.count > 10`, `($.a == "x" or not $.b is present)`, or a JSONata condition. */
export function choiceLabel(rule: Record<string, unknown>, max: number): string {
  const text = rulePart(rule, 0);
  const grouped = typeof rule.Condition !== 'string' && (Array.isArray(rule.And) || Array.isArray(rule.Or));
  return shortText(grouped ? text.slice(1, -1) : text, max);
}
