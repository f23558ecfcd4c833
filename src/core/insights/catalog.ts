import type { TimeUnit } from './ast';

const DOCS = 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/';
const FUNCTIONS_PAGE = `${DOCS}CWL_QuerySyntax-operations-functions.html`;

/** A command of the language, with the one-line help and the AWS page that hover shows. */
export interface CommandInfo {
  /** Lower-cased, as the parser compares. */
  readonly name: string;
  /** As AWS writes it. */
  readonly label: string;
  readonly syntax: string;
  readonly description: string;
  readonly docs: string;
}

function command(label: string, page: string, syntax: string, description: string): CommandInfo {
  return { name: label.toLowerCase(), label, syntax, description, docs: `${DOCS}CWL_QuerySyntax-${page}.html` };
}

export const COMMANDS: readonly CommandInfo[] = [
  command('fields', 'Fields', 'fields field, expression as name, …', 'Shows the given fields; expressions create new fields.'),
  command('display', 'Display', 'display field, expression as name, …', 'Shows only these fields in the results (the last display wins).'),
  command('filter', 'Filter', 'filter condition', 'Keeps the log events that match the condition (=, !=, <, like, =~, in, and, or, not).'),
  command('filterIndex', 'FilterIndex', 'filterIndex field = value', 'Scans only log groups and events indexed on the field, then filters on it.'),
  command('stats', 'Stats', 'stats aggregate(field) as name, … by field, bin(period)', 'Aggregates events: count, sum, avg, percentiles …, optionally grouped.'),
  command('sort', 'Sort', 'sort [by] field [asc|desc], …', 'Orders the results (ascending unless desc).'),
  command('limit', 'Limit', 'limit n', 'Returns at most n results.'),
  command('parse', 'Parse', 'parse field "glob * pattern" as a, b, parse field /(?<name>regex)/ [multi], parse field logfmt [as map], or parse field csv as a, b', 'Extracts fields with a glob pattern, a regular expression with named groups (multi: a row per match), logfmt pairs or csv columns.'),
  command('dedup', 'Dedup', 'dedup field, …', 'Removes results with the same values of the fields (keeps the first). Only limit may follow it.'),
  command('pattern', 'Pattern', 'pattern field', 'Clusters the events into recurring text patterns.'),
  command('anomaly', 'Anomaly', 'pattern @message | anomaly', 'Finds unusual patterns in the output of pattern.'),
  command('diff', 'Diff', 'diff [previousDay|previousWeek|previousMonth]', 'Compares the time range with the previous period of equal length.'),
  command('unmask', 'Unmask', 'unmask', 'Shows content that a data protection policy masked (needs logs:Unmask).'),
  command('unnest', 'Unnest', 'unnest field into name', 'Turns each item of a list (from jsonParse) into a result of its own.'),
  command('SOURCE', 'Source', "SOURCE logGroups(namePrefix: ['…'], class: …, accountIdentifiers: ['…']), or SOURCE 'group', …", 'Names the log groups inside the query; such a query needs no log group list.'),
  command('lookup', 'Lookup', 'lookup table tableField as logField OUTPUT field, …', 'Adds fields from a lookup table to the matching events.'),
  command('join', 'Join', 'join type=inner left=a right=b where a.f = b.f (SOURCE … | …)', 'Combines events with those of another log group or query on a key.'),
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

export const KEYWORDS: readonly string[] = ['as', 'by', 'and', 'or', 'not', 'like', 'in', 'asc', 'desc', 'into', 'offset', 'OUTPUT', 'where', 'logGroups', 'logfmt', 'csv', 'multi'];

export type FunctionFamily = 'aggregate' | 'string' | 'numeric' | 'datetime' | 'general' | 'conversion' | 'ip' | 'json';

export interface FunctionInfo {
  /** Lower-cased. */
  readonly name: string;
  readonly signature: string;
  readonly description: string;
  readonly family: FunctionFamily;
  readonly docs: string;
}

function fn(family: FunctionFamily, signature: string, description: string): FunctionInfo {
  const name = signature.slice(0, signature.indexOf('(')).toLowerCase();
  return { name, signature, description, family, docs: family === 'aggregate' ? `${DOCS}CWL_QuerySyntax-Stats.html` : FUNCTIONS_PAGE };
}

export const AGGREGATE_FUNCTIONS: readonly FunctionInfo[] = [
  fn('aggregate', 'count(*), count(field)', 'Number of events, or of events where the field is present.'),
  fn('aggregate', 'count_distinct(field)', 'Number of distinct values of the field (approximate above 10,000).'),
  fn('aggregate', 'avg(field)', 'Average of the numeric values.'),
  fn('aggregate', 'sum(field)', 'Sum of the numeric values.'),
  fn('aggregate', 'min(field)', 'Smallest value.'),
  fn('aggregate', 'max(field)', 'Largest value.'),
  fn('aggregate', 'pct(field, percentile)', 'Value at the given percentile (0–100).'),
  fn('aggregate', 'percentile(field, percentile)', 'Value at the given percentile (0–100); the same as pct.'),
  fn('aggregate', 'stddev(field)', 'Standard deviation of the numeric values.'),
  fn('aggregate', 'earliest(field)', 'Value from the event with the earliest timestamp.'),
  fn('aggregate', 'latest(field)', 'Value from the event with the latest timestamp.'),
  fn('aggregate', 'sortsFirst(field)', 'Value that sorts first.'),
  fn('aggregate', 'sortsLast(field)', 'Value that sorts last.'),
];

export const SCALAR_FUNCTIONS: readonly FunctionInfo[] = [
  fn('general', 'ispresent(field)', '1 if the field exists in the event, else 0.'),
  fn('general', 'coalesce(field, …)', 'First value that is present.'),
  fn('general', 'if(condition, valueIfTrue, valueIfFalse)', 'valueIfTrue when the condition holds, else valueIfFalse.'),
  fn('string', 'isempty(field)', '1 if the field is missing or an empty string.'),
  fn('string', 'isblank(field)', '1 if the field is missing, empty or only whitespace.'),
  fn('string', 'concat(str, …)', 'Concatenation of the strings.'),
  fn('string', 'ltrim(str [, chars])', 'String without leading whitespace (or chars).'),
  fn('string', 'rtrim(str [, chars])', 'String without trailing whitespace (or chars).'),
  fn('string', 'trim(str [, chars])', 'String without leading and trailing whitespace (or chars).'),
  fn('string', 'strlen(str)', 'Length of the string.'),
  fn('string', 'toupper(str)', 'Upper-case string.'),
  fn('string', 'tolower(str)', 'Lower-case string.'),
  fn('string', 'substr(str, start [, length])', 'Substring from a 0-based start index.'),
  fn('string', 'replace(str, search, replacement)', 'Replaces every occurrence of search.'),
  fn('string', 'strcontains(str, search)', '1 if str contains search, else 0.'),
  fn('numeric', 'abs(number)', 'Absolute value.'),
  fn('numeric', 'ceil(number)', 'Rounds up.'),
  fn('numeric', 'floor(number)', 'Rounds down.'),
  fn('numeric', 'greatest(number, …)', 'Largest argument.'),
  fn('numeric', 'least(number, …)', 'Smallest argument.'),
  fn('numeric', 'log(number)', 'Natural logarithm.'),
  fn('numeric', 'sqrt(number)', 'Square root.'),
  fn('datetime', 'bin(period)', '@timestamp rounded down to the period, e.g. bin(5m).'),
  fn('datetime', 'datefloor(timestamp, period)', 'Timestamp rounded down to the period.'),
  fn('datetime', 'dateceil(timestamp, period)', 'Timestamp rounded up to the period.'),
  fn('conversion', 'fromMillis(number)', 'Timestamp from epoch milliseconds.'),
  fn('conversion', 'toMillis(timestamp)', 'Epoch milliseconds of a timestamp.'),
  fn('ip', 'isValidIp(str)', '1 if the string is a valid IPv4 or IPv6 address.'),
  fn('ip', 'isValidIpV4(str)', '1 if the string is a valid IPv4 address.'),
  fn('ip', 'isValidIpV6(str)', '1 if the string is a valid IPv6 address.'),
  fn('ip', 'isIpInSubnet(ip, subnet)', '1 if the IPv4 or IPv6 address is in the CIDR subnet.'),
  fn('ip', 'isIpv4InSubnet(ip, subnet)', '1 if the IPv4 address is in the CIDR subnet.'),
  fn('ip', 'isIpv6InSubnet(ip, subnet)', '1 if the IPv6 address is in the CIDR subnet.'),
  fn('json', 'jsonParse(str)', 'Parses a JSON string into a map or list whose members can be read with dots.'),
  fn('json', 'jsonStringify(value)', 'JSON text of a map or list.'),
];

export const AGGREGATE_FUNCTION_NAMES: readonly string[] = AGGREGATE_FUNCTIONS.map((f) => f.name);
export const SCALAR_FUNCTION_NAMES: readonly string[] = SCALAR_FUNCTIONS.map((f) => f.name);
export const FUNCTION_NAMES: readonly string[] = [...AGGREGATE_FUNCTION_NAMES, ...SCALAR_FUNCTION_NAMES];
const FUNCTIONS_BY_NAME = new Map([...AGGREGATE_FUNCTIONS, ...SCALAR_FUNCTIONS].map((f) => [f.name, f]));
const COMMANDS_BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

export function isAggregateFunction(name: string): boolean {
  return AGGREGATE_FUNCTION_NAMES.includes(name.toLowerCase());
}

export function functionInfo(name: string): FunctionInfo | undefined {
  return FUNCTIONS_BY_NAME.get(name.toLowerCase());
}

export function commandInfo(name: string): CommandInfo | undefined {
  return COMMANDS_BY_NAME.get(name.toLowerCase());
}

/** Fields CloudWatch Logs generates for every event, and those it discovers in Lambda platform lines. */
export const SYSTEM_FIELDS: readonly string[] = [
  '@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr',
  '@requestId', '@type', '@duration', '@billedDuration', '@memorySize', '@maxMemoryUsed', '@initDuration',
];

const TIME_UNIT_ALIASES: ReadonlyMap<string, TimeUnit> = new Map<string, TimeUnit>([
  ...aliases('ms', ['ms', 'msec', 'msecs', 'millisecond', 'milliseconds']),
  ...aliases('s', ['s', 'sec', 'secs', 'second', 'seconds']),
  ...aliases('m', ['m', 'min', 'mins', 'minute', 'minutes']),
  ...aliases('h', ['h', 'hr', 'hrs', 'hour', 'hours']),
  ...aliases('d', ['d', 'day', 'days']),
  ...aliases('w', ['w', 'week', 'weeks']),
  ...aliases('mo', ['mo', 'mos', 'mon', 'mons', 'month', 'months']),
  ...aliases('q', ['q', 'qtr', 'qtrs', 'quarter', 'quarters']),
  ...aliases('y', ['y', 'yr', 'yrs', 'year', 'years']),
]);

function aliases(unit: TimeUnit, names: string[]): [string, TimeUnit][] {
  return names.map((n) => [n, unit]);
}

export function timeUnitOf(suffix: string): TimeUnit | undefined {
  return TIME_UNIT_ALIASES.get(suffix.toLowerCase());
}
