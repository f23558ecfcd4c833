import { LIMITS, type AlarmLiterals, type Definition, type ResourceKind } from './model';

/**
 * Terraform is read by a tokenizer of its own, one pass over the text, that knows only what the index needs:
 * blocks, `name = value` arguments, quoted strings (with `${…}` interpolation), heredocs and comments. The
 * registry's HCL parsers are a Go runtime compiled to WebAssembly that returns JSON without source lines,
 * and a definition's line is what the index is for.
 * https://developer.hashicorp.com/terraform/language/syntax/configuration
 */

const RESOURCE_TYPES: Readonly<Record<string, { kind: ResourceKind; nameArgument: string }>> = {
  aws_cloudwatch_metric_alarm: { kind: 'alarm', nameArgument: 'alarm_name' },
  aws_cloudwatch_composite_alarm: { kind: 'alarm', nameArgument: 'alarm_name' },
  aws_cloudwatch_dashboard: { kind: 'dashboard', nameArgument: 'dashboard_name' },
  aws_cloudwatch_log_group: { kind: 'logGroup', nameArgument: 'name' },
  aws_sfn_state_machine: { kind: 'stateMachine', nameArgument: 'name' },
  aws_lambda_function: { kind: 'function', nameArgument: 'function_name' },
};

type Token =
  | { t: 'ident'; v: string; line: number }
  | { t: 'string'; v: string; literal: boolean; raw: string; line: number }
  | { t: 'number'; v: number; line: number }
  | { t: '{' | '}' | '=' | 'nl' | 'other'; line: number };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = Math.min(text.length, LIMITS.maxFileBytes);
  while (i < n) {
    const c = text[i];
    if (c === '\n') { tokens.push({ t: 'nl', line }); line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) { if (text[i] === '\n') line++; i++; }
      i += 2;
      continue;
    }
    if (c === '"') {
      const start = line;
      const i0 = i + 1;
      const read = readString(text, i0, n);
      line += read.newlines;
      i = read.end;
      tokens.push({ t: 'string', v: read.value, literal: read.literal, raw: text.slice(i0, Math.max(i0, read.end - 1)), line: start });
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_]{0,63})[ \t]*\r?\n/.exec(text.slice(i, i + 80));
      if (heredoc) {
        const start = line;
        i += heredoc[0].length;
        line++;
        while (i < n) {
          const end = text.indexOf('\n', i);
          const row = text.slice(i, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
          line++;
          if (row.trim() === heredoc[1]) break;
        }
        tokens.push({ t: 'string', v: '', literal: false, raw: '', line: start }, { t: 'nl', line: line - 1 });
        continue;
      }
    }
    if (c === '{' || c === '}' || c === '=') {
      if (c === '=' && (text[i + 1] === '=' || text[i + 1] === '>')) { tokens.push({ t: 'other', line }); i += 2; continue; }
      tokens.push({ t: c, line });
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.-]*|^-?\d+(\.\d+)?/.exec(text.slice(i, i + 256));
    if (word) {
      const v = word[0];
      tokens.push(/^-?\d/.test(v) ? { t: 'number', v: Number(v), line } : { t: 'ident', v, line });
      i += v.length;
      continue;
    }
    tokens.push({ t: 'other', line });
    i++;
  }
  return tokens;
}

/** A quoted string from `from` (after the quote): its text, whether it has no `${…}`, where it ends. */
function readString(text: string, from: number, n: number): { value: string; literal: boolean; end: number; newlines: number } {
  let value = '';
  let literal = true;
  let newlines = 0;
  let i = from;
  let interpolation = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\n') { newlines++; if (interpolation === 0) break; }
    if (interpolation > 0) {
      if (c === '{') interpolation++;
      else if (c === '}') interpolation--;
      i++;
      continue;
    }
    if (c === '\\') { value += text[i + 1] ?? ''; i += 2; continue; }
    if (c === '"') return { value, literal, end: i + 1, newlines };
    if ((c === '$' || c === '%') && text[i + 1] === '{') { literal = false; interpolation = 1; i += 2; continue; }
    value += c;
    i++;
  }
  return { value, literal: false, end: i, newlines };
}

/** Definitions in a `.tf` file: resource blocks of the types above, their names and an alarm's literals. */
export function terraformDefinitions(file: string, text: string): Definition[] {
  const tokens = tokenize(text);
  const constants = fileConstants(tokens);
  const out: Definition[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length && out.length < LIMITS.maxDefinitionsPerFile; i++) {
    const tok = tokens[i];
    if (tok.t === '{') { depth++; continue; }
    if (tok.t === '}') { depth = Math.max(0, depth - 1); continue; }
    if (depth !== 0 || tok.t !== 'ident' || tok.v !== 'resource') continue;
    const type = tokens[i + 1];
    const name = tokens[i + 2];
    if (type?.t !== 'string' || name?.t !== 'string' || tokens[i + 3]?.t !== '{') continue;
    const known = RESOURCE_TYPES[type.v];
    const body = blockArguments(tokens, i + 3, constants);
    i = body.end;
    if (!known) continue;
    const explicit = body.args.get(known.nameArgument);
    const physical = typeof explicit === 'string' ? explicit : undefined;
    out.push({
      kind: known.kind,
      dialect: 'terraform',
      file,
      line: tok.line,
      id: `${type.v}.${name.v}`,
      ...(physical ? { name: physical } : {}),
      ...(known.kind === 'function' && physical ? { logGroupName: `/aws/lambda/${physical}` } : {}),
      ...(type.v === 'aws_cloudwatch_metric_alarm' ? { alarm: alarmLiterals(body.args) } : {}),
    });
  }
  return out;
}

/** The literal top-level arguments of the block opening at `open`, and the index of its closing brace. */
function blockArguments(tokens: Token[], open: number, constants: Map<string, string | number>): { args: Map<string, string | number>; end: number } {
  const args = new Map<string, string | number>();
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === '{') depth++;
    else if (tok.t === '}') { if (--depth === 0) return { args, end: i }; }
    else if (depth === 1 && tok.t === 'ident' && tokens[i + 1]?.t === '=' && (i === 0 || tokens[i - 1].t === 'nl' || tokens[i - 1].t === '{')) {
      const value = literalValue(tokens[i + 2], tokens[i + 3], constants);
      if (value !== undefined) args.set(tok.v, value);
    }
  }
  return { args, end: tokens.length };
}

/** A value that is a literal on its own (not the start of an expression), or a constant of the same file. */
function literalValue(tok: Token | undefined, next: Token | undefined, constants: Map<string, string | number>): string | number | undefined {
  if (next && next.t !== 'nl' && next.t !== '}') return undefined;
  if (tok?.t === 'string') return tok.literal ? tok.v : interpolated(tok.raw, constants);
  if (tok?.t === 'number') return tok.v;
  if (tok?.t === 'ident') return constants.get(tok.v);
  return undefined;
}

/** A string whose only interpolations are `${local.x}` / `${var.x}` of the same file, filled in. */
function interpolated(raw: string, constants: Map<string, string | number>): string | undefined {
  if (raw.length > 1_000 || raw.includes('\\') || raw.includes('%{')) return undefined;
  const out = raw.replace(/\$\{\s*((?:local|var)\.[A-Za-z0-9_]{1,80})\s*\}/g, (whole, name: string) => String(constants.get(name) ?? whole));
  return out.includes('${') ? undefined : out;
}

/** `local.x` from `locals { x = "…" }` and `var.x` from a `variable "x"` block's literal default. */
function fileConstants(tokens: Token[]): Map<string, string | number> {
  const constants = new Map<string, string | number>();
  const none = new Map<string, string | number>();
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === '{') depth++;
    else if (tok.t === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && tok.t === 'ident' && tok.v === 'locals' && tokens[i + 1]?.t === '{') {
      const body = blockArguments(tokens, i + 1, none);
      for (const [k, v] of body.args) constants.set(`local.${k}`, v);
      i = body.end;
    } else if (depth === 0 && tok.t === 'ident' && tok.v === 'variable' && tokens[i + 1]?.t === 'string' && tokens[i + 2]?.t === '{') {
      const body = blockArguments(tokens, i + 2, none);
      const value = body.args.get('default');
      if (value !== undefined) constants.set(`var.${(tokens[i + 1] as { v: string }).v}`, value);
      i = body.end;
    }
  }
  return constants;
}

function alarmLiterals(args: Map<string, string | number>): AlarmLiterals {
  const num = (k: string) => {
    const v = args.get(k);
    return typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
  };
  const comparison = args.get('comparison_operator');
  return { threshold: num('threshold'), period: num('period'), evaluationPeriods: num('evaluation_periods'), comparison: typeof comparison === 'string' ? comparison : undefined };
}
