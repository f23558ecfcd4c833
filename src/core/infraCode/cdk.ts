import { LIMITS, type AlarmLiterals, type Definition, type Dialect, type ResourceKind } from './model';
import { lineIndex } from './lines';

/**
 * CDK apps in TypeScript and Python, read by their construct calls: `new Alarm(this, 'Id', { … })`,
 * `cloudwatch.Alarm(self, "Id", …)`, `metric.createAlarm(this, 'Id', …)` / `create_alarm(self, …)`, the
 * L1 `Cfn…` constructs too. Names and an alarm's condition are read when they are literals or string and
 * number constants of the same file. Every pattern is a single pass; a call's arguments are read up to a cap.
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.Alarm.html
 * https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_cloudwatch/Alarm.html
 */

/** The construct classes the call patterns below name, by what they define. */
const CONSTRUCTS: Readonly<Record<string, ResourceKind>> = {
  Alarm: 'alarm', CfnAlarm: 'alarm', CompositeAlarm: 'alarm', CfnCompositeAlarm: 'alarm',
  Dashboard: 'dashboard', CfnDashboard: 'dashboard',
  LogGroup: 'logGroup', CfnLogGroup: 'logGroup',
  StateMachine: 'stateMachine', CfnStateMachine: 'stateMachine',
  Function: 'function', CfnFunction: 'function', NodejsFunction: 'function', PythonFunction: 'function', GoFunction: 'function', DockerImageFunction: 'function',
};

interface Language {
  readonly dialect: Dialect;
  readonly call: RegExp;
  readonly constant: RegExp;
  readonly key: (camel: string) => string;
  readonly separator: string;
}

const TYPESCRIPT: Language = {
  dialect: 'cdk-typescript',
  call: /(?:\bnew\s+(?:[A-Za-z_$][\w$]{0,60}\.)?(Alarm|CfnAlarm|CompositeAlarm|CfnCompositeAlarm|Dashboard|CfnDashboard|LogGroup|CfnLogGroup|StateMachine|CfnStateMachine|Function|CfnFunction|NodejsFunction|PythonFunction|GoFunction|DockerImageFunction)|\.(createAlarm))\s*\(\s*[A-Za-z_$][\w$]{0,60}\s*,\s*(['"`])([^'"`\n$]{1,200})\3/g,
  constant: /\b(?:const|let|var|readonly)\s+([A-Za-z_$][\w$]{0,80})\s*(?::\s*[A-Za-z]{1,20}\s*)?=\s*(?:(['"`])([^'"`\n$\\]{0,300})\2|(-?\d+(?:\.\d+)?)\b)/g,
  key: (camel) => camel,
  separator: ':',
};

const PYTHON: Language = {
  dialect: 'cdk-python',
  call: /(?:(?<![\w.])(?:[A-Za-z_]\w{0,60}\.)?(Alarm|CfnAlarm|CompositeAlarm|CfnCompositeAlarm|Dashboard|CfnDashboard|LogGroup|CfnLogGroup|StateMachine|CfnStateMachine|Function|CfnFunction|NodejsFunction|PythonFunction|GoFunction|DockerImageFunction)|\.(create_alarm))\s*\(\s*[A-Za-z_]\w{0,60}\s*,\s*(['"])([^'"\n]{1,200})\3/g,
  constant: /^[ \t]*([A-Za-z_][\w]{0,80})[ \t]*(?::[ \t]*[A-Za-z]{1,20}[ \t]*)?=[ \t]*(?:(['"])([^'"\n\\]{0,300})\2|(-?\d+(?:\.\d+)?)\b)/gm,
  key: (camel) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  separator: '=',
};

const NAME_KEY: Record<ResourceKind, string> = { alarm: 'alarmName', dashboard: 'dashboardName', logGroup: 'logGroupName', stateMachine: 'stateMachineName', function: 'functionName' };

export function looksLikeCdkTypeScript(text: string): boolean {
  return /['"](aws-cdk-lib|@aws-cdk\/)/.test(text);
}

export function looksLikeCdkPython(text: string): boolean {
  return /^[ \t]*(?:from|import)[ \t]+aws_cdk/m.test(text);
}

export function cdkTypeScriptDefinitions(file: string, text: string): Definition[] {
  return cdkDefinitions(file, text, TYPESCRIPT);
}

export function cdkPythonDefinitions(file: string, text: string): Definition[] {
  return cdkDefinitions(file, text, PYTHON);
}

function cdkDefinitions(file: string, text: string, lang: Language): Definition[] {
  if (text.length > LIMITS.maxFileBytes) return [];
  const constants = fileConstants(text, lang);
  const lineOf = lineIndex(text);
  const out: Definition[] = [];
  // Arguments read over the whole file are capped, so a file of many unclosed calls stays linear.
  let budget = 2 * LIMITS.maxFileBytes;
  lang.call.lastIndex = 0;
  for (let m = lang.call.exec(text); m && out.length < LIMITS.maxDefinitionsPerFile; m = lang.call.exec(text)) {
    const kind: ResourceKind = m[1] ? CONSTRUCTS[m[1]] : 'alarm';
    const args = budget > 0 ? callArguments(text, m.index + m[0].length) : '';
    budget -= args.length;
    const value = (camel: string) => argumentValue(args, lang.key(camel), lang.separator, constants);
    const name = asString(value(m[1] === 'CompositeAlarm' ? 'compositeAlarmName' : NAME_KEY[kind]));
    out.push({
      kind,
      dialect: lang.dialect,
      file,
      line: lineOf(m.index),
      id: m[4],
      ...(name ? { name } : {}),
      ...(kind === 'function' && name ? { logGroupName: `/aws/lambda/${name}` } : {}),
      ...(kind === 'alarm' && m[1] !== 'CompositeAlarm' && m[1] !== 'CfnCompositeAlarm' ? { alarm: alarmLiterals(value) } : {}),
    });
  }
  return out;
}

/** The text of a call's remaining arguments: up to its closing parenthesis (strings skipped), capped. */
function callArguments(text: string, from: number): string {
  const end = Math.min(text.length, from + LIMITS.maxCallChars);
  let depth = 1;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || close >= end) return text.slice(from, end);
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from, end);
}

type Value = string | number | undefined;

/** `key: value` (TypeScript) or `key=value` (Python) in a call's arguments: a literal, a constant, a duration or an enum member. */
function argumentValue(args: string, key: string, separator: string, constants: Map<string, string | number>): Value {
  const found = argumentText(args, key, separator);
  if (found === undefined) return undefined;
  const raw = found.trim();
  const quoted = /^(['"`])([^'"`$\\]*)\1$/.exec(raw);
  if (quoted) return quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  const duration = /^(?:[\w.]{0,40}\.)?Duration\.(seconds|minutes|hours)\(\s*(\d+(?:\.\d+)?)\s*$/.exec(raw);
  if (duration) return Number(duration[2]) * { seconds: 1, minutes: 60, hours: 3600 }[duration[1] as 'seconds'];
  const comparison = /(?:^|\.)ComparisonOperator\.([A-Z_]{1,80})$/.exec(raw);
  if (comparison) return comparison[1].toLowerCase().split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return constants.get(raw);
}

/** The text after `key` and its separator, up to the next `,`, newline, `}` or `)`: found by plain search, at most 200 characters. */
function argumentText(args: string, key: string, separator: string): string | undefined {
  for (let i = args.indexOf(key); i >= 0; i = args.indexOf(key, i + key.length)) {
    if (i > 0 && /[\w$.]/.test(args[i - 1])) continue;
    let j = i + key.length;
    while (args[j] === ' ' || args[j] === '\t') j++;
    if (args[j] !== separator || args[j + 1] === '=') continue;
    j++;
    while (args[j] === ' ' || args[j] === '\t') j++;
    let end = j;
    while (end < args.length && end - j < 200 && !',\n})'.includes(args[end])) end++;
    if (end > j) return args.slice(j, end);
  }
  return undefined;
}

function alarmLiterals(value: (camel: string) => Value): AlarmLiterals {
  const num = (v: Value) => (typeof v === 'number' ? v : undefined);
  return { threshold: num(value('threshold')), period: num(value('period')), evaluationPeriods: num(value('evaluationPeriods')), comparison: asString(value('comparisonOperator')) };
}

function asString(v: Value): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** String and number constants assigned once in the file; a name assigned twice is not a constant. */
function fileConstants(text: string, lang: Language): Map<string, string | number> {
  const found = new Map<string, string | number>();
  const twice = new Set<string>();
  lang.constant.lastIndex = 0;
  for (let m = lang.constant.exec(text); m; m = lang.constant.exec(text)) {
    if (found.has(m[1])) twice.add(m[1]);
    found.set(m[1], m[3] !== undefined ? m[3] : Number(m[4]));
  }
  for (const name of twice) found.delete(name);
  return found;
}
