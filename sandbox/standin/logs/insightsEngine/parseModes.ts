import type { ParseCommand } from '../../../../src/core/insights/ast';
import { compileGlob } from '../../../../src/core/insights/regex';
import { evaluate, regexOf } from './evaluate';
import { setStructured } from './json';
import { formatValue, JsonValue, type FieldMap, type Value } from './values';

/** Pairs read from one logfmt value and columns from one csv value, at most. */
const MAX_PARTS = 200;

/**
 * `parse` in its four modes (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Parse.html):
 * glob and regex set their names (a regex with `multi` makes a row per match), logfmt sets each `key=value`
 * pair (under its `as` name as a map, read with dots), csv sets its `as` names from the columns in order.
 * Returns the records, which `multi` may multiply up to `maxRows`.
 */
export function applyParse(records: readonly FieldMap[], cmd: ParseCommand, maxRows: number): FieldMap[] {
  if (cmd.mode === 'logfmt' || cmd.mode === 'csv') {
    for (const r of records) {
      const text = valueText(evaluate(cmd.source, r));
      if (cmd.mode === 'logfmt') setLogfmt(r, cmd.fields[0], text);
      else setColumns(r, cmd.fields, text);
    }
    return [...records];
  }
  if (!cmd.pattern) return [...records];
  if (cmd.multi && cmd.pattern.kind === 'regex') return multiMatches(records, cmd, maxRows);
  const re = cmd.pattern.kind === 'regex' ? regexOf(cmd.pattern) : compileGlob(cmd.pattern.value);
  for (const r of records) {
    const text = valueText(evaluate(cmd.source, r));
    const m = text === undefined ? null : re.exec(text);
    cmd.fields.forEach((name, i) => setOrDelete(r, name, m === null ? undefined : cmd.mode === 'regex' ? m.groups?.[name] : m[i + 1]));
  }
  return [...records];
}

function valueText(v: Value): string | undefined {
  return v === undefined ? undefined : formatValue(v);
}

function setOrDelete(record: FieldMap, name: string, value: Value): void {
  if (value === undefined) record.delete(name);
  else record.set(name, value);
}

function multiMatches(records: readonly FieldMap[], cmd: ParseCommand, maxRows: number): FieldMap[] {
  const re = regexOf(cmd.pattern as Parameters<typeof regexOf>[0]);
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: FieldMap[] = [];
  for (const r of records) {
    const text = valueText(evaluate(cmd.source, r));
    let any = false;
    for (const m of text === undefined ? [] : text.matchAll(global)) {
      if (out.length >= maxRows) return out;
      if (m[0] === '') continue;
      const copy: FieldMap = new Map(r);
      for (const name of cmd.fields) setOrDelete(copy, name, m.groups?.[name]);
      out.push(copy);
      any = true;
    }
    if (!any && out.length < maxRows) out.push(r);
  }
  return out;
}

/** `key=value key2="quoted value"` pairs, read in one pass. */
export function logfmtPairs(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  let count = 0;
  let i = 0;
  while (i < text.length && count < MAX_PARTS) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const keyStart = i;
    while (i < text.length && text[i] !== '=' && !/\s/.test(text[i])) i++;
    const key = text.slice(keyStart, i);
    if (text[i] !== '=') {
      if (key) pairs[key] = 'true';
      count++;
      continue;
    }
    i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < text.length && !/\s/.test(text[i])) i++;
      value = text.slice(valueStart, i);
    }
    if (key) pairs[key] = value;
    count++;
  }
  return pairs;
}

function setLogfmt(record: FieldMap, name: string | undefined, text: string | undefined): void {
  const pairs = text === undefined ? {} : logfmtPairs(text);
  if (name !== undefined) {
    setStructured(record, name, text === undefined ? undefined : new JsonValue(pairs));
    return;
  }
  for (const [key, value] of Object.entries(pairs)) record.set(key, value);
}

/** Comma-separated columns; a column in double quotes may hold commas and `""` for a quote. */
export function csvColumns(text: string): string[] {
  const columns: string[] = [];
  let i = 0;
  while (i <= text.length && columns.length < MAX_PARTS) {
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      while (i < text.length && text[i] !== ',') i++;
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',') i++;
      value = text.slice(start, i);
    }
    columns.push(value);
    i++;
  }
  return columns;
}

function setColumns(record: FieldMap, names: readonly string[], text: string | undefined): void {
  const columns = text === undefined ? [] : csvColumns(text);
  names.forEach((name, i) => setOrDelete(record, name, columns[i]));
}
