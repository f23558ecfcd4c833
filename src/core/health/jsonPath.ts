export type PathSegment = string | number;

export type ParsedPath = { readonly ok: true; readonly segments: readonly PathSegment[] } | { readonly ok: false; readonly error: string };

/**
 * `checks.queue.counts.waiting`, `items[0].status`, `items.0.status`, `["key.with.dots"].x`; a leading `$`
 * or `$.` is allowed. Dots separate keys; brackets hold an index or a quoted key.
 */
export function parseJsonPath(path: string): ParsedPath {
  let text = path.trim();
  if (text === '') return { ok: false, error: 'the path is empty' };
  if (text === '$') return { ok: true, segments: [] };
  if (text.startsWith('$.')) text = text.slice(2);
  else if (text.startsWith('$[')) text = text.slice(1);
  const segments: PathSegment[] = [];
  let i = 0;
  let expectKey = true;
  while (i < text.length) {
    const c = text[i];
    if (c === '[') {
      const close = findClose(text, i);
      if (close < 0) return { ok: false, error: `unclosed "[" in "${path}"` };
      const inner = text.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^(["']).*\1$/s.test(inner)) segments.push(inner.slice(1, -1).replace(/\\(.)/g, '$1'));
      else return { ok: false, error: `"[${inner}]" in "${path}" is neither an index nor a quoted key` };
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (c === '.') {
      if (expectKey) return { ok: false, error: `empty key in "${path}"` };
      expectKey = true;
      i++;
      continue;
    }
    if (!expectKey) return { ok: false, error: `expected "." or "[" at position ${i + 1} of "${path}"` };
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(i, end);
    segments.push(/^\d+$/.test(key) ? Number(key) : key);
    i = end;
    expectKey = false;
  }
  if (expectKey) return { ok: false, error: `"${path}" ends with "."` };
  return { ok: true, segments };
}

function findClose(text: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ']') return i;
  }
  return -1;
}

export type PathLookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly reason: string };

/** Follows the path into a parsed JSON value. A numeric segment also reads an object key of those digits. */
export function readJsonPath(root: unknown, path: string | readonly PathSegment[]): PathLookup {
  let segments: readonly PathSegment[];
  if (typeof path === 'string') {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) return { found: false, reason: parsed.error };
    segments = parsed.segments;
  } else {
    segments = path;
  }
  let current: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const at = i === 0 ? 'the body' : formatPath(segments.slice(0, i));
    if (Array.isArray(current)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
      if (Number.isNaN(index)) return { found: false, reason: `${at} is a list, not an object with "${segment}"` };
      if (index >= current.length) return { found: false, reason: `${at} has ${current.length} item${current.length === 1 ? '' : 's'}, no [${index}]` };
      current = current[index];
    } else if (current !== null && typeof current === 'object') {
      const key = String(segment);
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false, reason: `${at} has no "${key}"` };
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false, reason: `${at} is ${describeJsonType(current)}, not an object` };
    }
  }
  return { found: true, value: current };
}

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return String(value);
}
