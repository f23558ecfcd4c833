// Dashboard variables (`variables` of a dashboard body): what the toolbar offers and how a chosen value is
// written into the widgets before they are read. Pure; the values of a `search` variable come from ListMetrics.

export type VariableInput = 'input' | 'select' | 'radio';

export interface VariableOption {
  readonly value: string;
  readonly label: string;
}

/** A metric search that lists a variable's values: `{AWS/Lambda,FunctionName} MetricName="Duration"`. */
export interface VariableSearch {
  readonly namespace: string;
  readonly dimensions: readonly string[];
  readonly metricName?: string;
  /** The dimension whose values are offered. */
  readonly populateFrom: string;
}

export interface DashboardVariable {
  readonly id: string;
  readonly label: string;
  readonly type: 'property' | 'pattern';
  /** property: the dimension name (or `region`) whose values change; pattern: the text that is replaced. */
  readonly target: string;
  readonly inputType: VariableInput;
  readonly values: readonly VariableOption[];
  readonly defaultValue?: string;
  readonly visible: boolean;
  readonly search?: VariableSearch;
}

const MAX_VARIABLES = 20;
const MAX_VALUES = 200;
const MAX_TEXT = 256;
/** `DefaultValue.FIRST` of the CDK: the first value offered. */
export const FIRST_VALUE = '__FIRST';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= MAX_TEXT ? value : undefined;
}

/** `{AWS/Lambda,FunctionName} MetricName="Duration"` → namespace, dimension names and metric name. */
export function parseVariableSearch(search: string, populateFrom: string): VariableSearch | undefined {
  const m = /^\s*\{([^{}]{1,512})\}\s*(.{0,512})$/.exec(search);
  if (!m) return undefined;
  const [namespace, ...dimensions] = m[1].split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  if (!namespace || !dimensions.includes(populateFrom)) return undefined;
  const name = /MetricName\s*=\s*(?:"([^"]{1,255})"|'([^']{1,255})'|([\w.-]{1,255}))/.exec(m[2]);
  const metricName = name ? name[1] ?? name[2] ?? name[3] : undefined;
  return { namespace, dimensions, populateFrom, ...(metricName ? { metricName } : {}) };
}

/** The variables of a dashboard body, with a problem sentence for each entry that cannot be used. */
export function readVariables(body: unknown): { variables: DashboardVariable[]; problems: string[] } {
  const variables: DashboardVariable[] = [];
  const problems: string[] = [];
  if (!isObject(body) || body.variables === undefined) return { variables, problems };
  if (!Array.isArray(body.variables)) return { variables, problems: ['The dashboard\'s "variables" is not a list'] };
  const seen = new Set<string>();
  body.variables.slice(0, MAX_VARIABLES).forEach((raw, i) => {
    const where = `variable ${i + 1}`;
    if (!isObject(raw)) return problems.push(`${where} is not an object`);
    const type = raw.type === 'property' || raw.type === 'pattern' ? raw.type : undefined;
    const target = text(type === 'property' ? raw.property : raw.pattern);
    if (!type || !target) return problems.push(`${where} needs "type" property with "property", or "pattern" with "pattern"`);
    const id = text(raw.id) ?? target;
    if (seen.has(id)) return problems.push(`${where}: the id "${id}" is used twice`);
    seen.add(id);
    const inputType: VariableInput = raw.inputType === 'select' || raw.inputType === 'radio' ? raw.inputType : 'input';
    const values: VariableOption[] = [];
    if (Array.isArray(raw.values)) {
      for (const v of raw.values.slice(0, MAX_VALUES)) {
        const value = isObject(v) ? text(v.value) : text(v);
        if (value !== undefined) values.push({ value, label: (isObject(v) ? text(v.label) : undefined) ?? value });
      }
    }
    const search = typeof raw.search === 'string' && typeof raw.populateFrom === 'string' ? parseVariableSearch(raw.search, raw.populateFrom) : undefined;
    if (raw.search !== undefined && !search) problems.push(`${where}: its search "${String(raw.search).slice(0, 80)}" cannot be read, so its values are not listed`);
    variables.push({
      id,
      label: text(raw.label) ?? id,
      type,
      target,
      inputType,
      values,
      ...(text(raw.defaultValue) ? { defaultValue: text(raw.defaultValue) } : {}),
      visible: raw.visible !== false,
      ...(search ? { search } : {}),
    });
  });
  return { variables, problems };
}

/**
 * The value in use: the one picked in the panel when it is still offered (any text for an input), else the
 * dashboard's default (`__FIRST`: the first value), else the first value offered; undefined: leave the dashboard as it is.
 */
export function chooseValue(variable: DashboardVariable, options: readonly VariableOption[], picked: string | undefined): string | undefined {
  const offered = (v: string | undefined) => v !== undefined && (variable.inputType === 'input' ? v !== '' : options.some((o) => o.value === v));
  if (offered(picked)) return picked;
  const fallback = variable.defaultValue === FIRST_VALUE ? options[0]?.value : variable.defaultValue;
  if (fallback !== undefined && (variable.inputType === 'input' || options.length === 0 || offered(fallback))) return fallback;
  return options[0]?.value;
}

/** Every occurrence of `find` in `text` replaced by `replacement`, literally (a linear scan). */
function replaceLiteral(text: string, find: string, replacement: string): string {
  return find === '' || !text.includes(find) ? text : text.split(find).join(replacement);
}

/** `Name="old"`, `Name = 'old'` and `Name=old` in a search expression → the new value, quoted as it was. */
function replaceExpressionProperty(expression: string, property: string, value: string): string {
  let out = '';
  let at = 0;
  for (let i = expression.indexOf(property); i >= 0; i = expression.indexOf(property, i + 1)) {
    const before = i > 0 ? expression[i - 1] : ' ';
    if (/[\w"'.-]/.test(before)) continue;
    let j = i + property.length;
    while (expression[j] === ' ') j++;
    if (expression[j] !== '=') continue;
    j++;
    while (expression[j] === ' ') j++;
    const quote = expression[j] === '"' || expression[j] === "'" ? expression[j] : '';
    const valueStart = quote ? j + 1 : j;
    let valueEnd = valueStart;
    if (quote) {
      valueEnd = expression.indexOf(quote, valueStart);
      if (valueEnd < 0) continue;
    } else while (valueEnd < expression.length && /[\w.:/-]/.test(expression[valueEnd])) valueEnd++;
    out += expression.slice(at, valueStart) + value;
    at = valueEnd;
    i = valueEnd;
  }
  return out + expression.slice(at);
}

/** A metric row with the value after each `property` name replaced (dimension pairs are name, value). */
function replaceRowProperty(row: unknown[], property: string, value: string): unknown[] {
  const out = [...row];
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i] === property && typeof out[i + 1] === 'string') {
      out[i + 1] = value;
      i++;
    }
  }
  return out;
}

function mapStrings(value: unknown, fn: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  if (depth > 12) return value;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, depth + 1));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn, depth + 1)]));
  return value;
}

function applyProperty(properties: Record<string, unknown>, property: string, value: string): Record<string, unknown> {
  if (property === 'region') return typeof properties.region === 'string' || properties.region === undefined ? { ...properties, region: value } : properties;
  const out = { ...properties };
  if (Array.isArray(out.metrics)) {
    out.metrics = out.metrics.map((row) => {
      if (!Array.isArray(row)) return row;
      const replaced = replaceRowProperty(row, property, value);
      const last = replaced[replaced.length - 1];
      if (isObject(last) && typeof last.expression === 'string') replaced[replaced.length - 1] = { ...last, expression: replaceExpressionProperty(last.expression, property, value) };
      return replaced;
    });
  }
  return out;
}

/**
 * The dashboard body with each variable's value written in: a property variable replaces the value of that
 * dimension in every metric row and search expression (or every widget's region); a pattern variable replaces
 * its text everywhere in the widgets' properties — metric rows, expressions, log queries, titles.
 * CloudWatch reads a pattern as a regular expression; here it is matched literally, which is how dashboards
 * write them (a function or instance name) and can never stall on a hostile pattern.
 */
export function applyVariables(body: unknown, assignments: readonly { readonly variable: DashboardVariable; readonly value: string }[]): unknown {
  if (!isObject(body) || !Array.isArray(body.widgets) || assignments.length === 0) return body;
  const widgets = body.widgets.map((w) => {
    if (!isObject(w) || !isObject(w.properties)) return w;
    let properties: Record<string, unknown> = w.properties;
    for (const { variable, value } of assignments) {
      if (variable.type === 'property') properties = applyProperty(properties, variable.target, value);
      else properties = mapStrings(properties, (s) => replaceLiteral(s, variable.target, value)) as Record<string, unknown>;
    }
    return { ...w, properties };
  });
  return { ...body, widgets };
}
