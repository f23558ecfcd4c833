import { evaluate, parseCondition, PatternSyntaxError, type Condition, type FieldValue } from './expression';

const NAME = /[A-Za-z0-9_@:$-]/;
const MAX_SELECTOR_STEPS = 32;

/** Reads a `$.a.b[0]['c.d']` selector at `at`; its steps are joined as a JSON array string, the field's key. */
function readSelector(text: string, at: number): { field: string; end: number } | undefined {
  if (text[at] !== '$') return undefined;
  const steps: (string | number)[] = [];
  let pos = at + 1;
  while (pos < text.length && steps.length <= MAX_SELECTOR_STEPS) {
    if (text[pos] === '.' && text[pos + 1] === '[') {
      pos++;
      continue;
    }
    if (text[pos] === '.') {
      let end = pos + 1;
      while (end < text.length && NAME.test(text[end] ?? '')) end++;
      if (end === pos + 1) throw new PatternSyntaxError(`a property name expected at ${pos + 2}`);
      steps.push(text.slice(pos + 1, end));
      pos = end;
    } else if (text[pos] === '[') {
      const quote = text[pos + 1];
      if (quote === "'" || quote === '"') {
        const end = text.indexOf(`${quote}]`, pos + 2);
        if (end < 0) throw new PatternSyntaxError(`"${quote}]" expected after ${pos + 1}`);
        steps.push(text.slice(pos + 2, end));
        pos = end + 2;
      } else {
        const m = /^\[(\d{1,9})\]/.exec(text.slice(pos, pos + 12));
        if (!m) throw new PatternSyntaxError(`an array index expected at ${pos + 1}`);
        steps.push(Number(m[1]));
        pos += m[0].length;
      }
    } else break;
  }
  return { field: JSON.stringify(steps), end: pos };
}

/** A compiled `{ … }` pattern. */
export function compileJsonPattern(text: string): (message: string) => boolean {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const condition: Condition = parseCondition(inner, readSelector);
  return (message) => {
    const start = message.indexOf('{');
    if (start < 0) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message.slice(start));
    } catch {
      return false;
    }
    if (parsed === null || typeof parsed !== 'object') return false;
    return evaluate(condition, (field) => select(parsed, JSON.parse(field) as (string | number)[]));
  };
}

function select(root: unknown, steps: readonly (string | number)[]): FieldValue {
  let node: unknown = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof step === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[step];
    } else {
      if (Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, step)) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
  }
  return node as FieldValue;
}
