/**
 * The JSONPath subset the stand-in evaluates for the states it runs itself (distributed Map and
 * `states:startExecution` tasks): `$`, `$.a.b`, `$.a[0]`, `$$.Execution.Id` context paths, `.$` keys in
 * Parameters/ItemSelector/ResultSelector, InputPath, ResultPath and OutputPath. Intrinsic functions and
 * JSONata are not evaluated here (moto evaluates every other state).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_SEGMENTS = 64;

function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const body = path.replace(/^\$\$?/, '');
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(body)) !== null && out.length < MAX_SEGMENTS) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(match[3] ?? '');
  }
  return out;
}

/** The value at a path, or undefined when a step is missing. */
export function readPath(root: Json, path: string): Json | undefined {
  let value: Json | undefined = root;
  for (const key of segments(path)) {
    if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
    else value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** A copy of `root` with `value` at `path` (ResultPath semantics: `$` replaces, null keeps the input). */
export function writePath(root: Json, path: string | null | undefined, value: Json): Json {
  if (path === null) return root;
  const keys = path === undefined ? [] : segments(path);
  if (keys.length === 0) return value;
  const copy: Json = JSON.parse(JSON.stringify(root)) as Json;
  let target: Json = copy;
  for (const [index, key] of keys.entries()) {
    const last = index === keys.length - 1;
    if (typeof target !== 'object' || target === null) return copy;
    const holder = target as Record<string | number, Json>;
    if (last) holder[key] = value;
    else {
      if (typeof holder[key] !== 'object' || holder[key] === null) holder[key] = {};
      target = holder[key];
    }
  }
  return copy;
}

/** Parameters / ItemSelector / ResultSelector: `"key.$": "$.path"` takes the value at the path. */
export function evaluateTemplate(template: Json, input: Json, context: Json): Json {
  if (Array.isArray(template)) return template.map((t) => evaluateTemplate(t, input, context));
  if (template === null || typeof template !== 'object') return template;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      const resolved = value.startsWith('$$') ? readPath(context, value) : value.startsWith('$') ? readPath(input, value) : value;
      out[key.slice(0, -2)] = resolved ?? null;
    } else {
      out[key] = evaluateTemplate(value, input, context);
    }
  }
  return out;
}

export function parseJson(text: string | undefined): Json {
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text) as Json;
  } catch {
    return {};
  }
}

/** InputPath: null gives `{}`, absent gives the whole input. */
export function applyInputPath(input: Json, path: unknown): Json {
  if (path === null) return {};
  return typeof path === 'string' ? (readPath(input, path) ?? null) : input;
}

/** ResultSelector, ResultPath and OutputPath applied to a state's result. */
export function applyResultPaths(state: Record<string, unknown>, input: Json, result: Json, context: Json): Json {
  const selected = state.ResultSelector !== undefined ? evaluateTemplate(state.ResultSelector as Json, result, context) : result;
  const resultPath = state.ResultPath === null ? null : typeof state.ResultPath === 'string' ? state.ResultPath : undefined;
  const merged = writePath(input, resultPath, selected);
  if (state.OutputPath === null) return {};
  return typeof state.OutputPath === 'string' ? (readPath(merged, state.OutputPath) ?? null) : merged;
}
