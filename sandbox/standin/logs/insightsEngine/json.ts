import { JsonValue, type FieldMap, type Value } from './values';

/** At most this many fields come out of one `jsonParse` value or unnested item. */
const MAX_FIELDS = 200;
const MAX_DEPTH = 32;

/**
 * Sets `name` to a value and, for a map or list, every member under `name.key` / `name.0` as well, so
 * `jsonParse(@message) as js | … js.accounts …` reads members with dots as Logs Insights does.
 */
export function setStructured(record: FieldMap, name: string, value: Value): void {
  if (value === undefined) {
    record.delete(name);
    return;
  }
  record.set(name, value);
  if (!(value instanceof JsonValue)) {
    return;
  }
  let budget = MAX_FIELDS;
  const stack: [string, unknown, number][] = Object.entries(value.value).map(([k, v]) => [`${name}.${k}`, v, 1]);
  stack.reverse();
  for (let entry = stack.pop(); entry !== undefined && budget > 0; entry = stack.pop()) {
    const [path, member, depth] = entry;
    budget--;
    if (member === null || member === undefined) {
      continue;
    }
    if (typeof member === 'object') {
      record.set(path, new JsonValue(member));
      if (depth < MAX_DEPTH) {
        const children = Object.entries(member).map(([k, v]): [string, unknown, number] => [`${path}.${k}`, v, depth + 1]);
        stack.push(...children.reverse());
      }
    } else if (typeof member === 'boolean') {
      record.set(path, member ? 1 : 0);
    } else if (typeof member === 'string' || typeof member === 'number') {
      record.set(path, member);
    }
  }
}

/** The items `unnest` makes of a value: a list's items, or the value itself. */
export function itemsOf(value: Value): Value[] {
  if (value instanceof JsonValue && Array.isArray(value.value)) {
    return (value.value as unknown[]).map(toValue);
  }
  return value === undefined ? [] : [value];
}

function toValue(item: unknown): Value {
  if (item === null || item === undefined) {
    return undefined;
  }
  if (typeof item === 'object') {
    return new JsonValue(item);
  }
  if (typeof item === 'boolean') {
    return item ? 1 : 0;
  }
  return typeof item === 'string' || typeof item === 'number' ? item : undefined;
}
