import type { CommandName, TimeUnit } from './ast';

export const COMMAND_NAMES: readonly CommandName[] = [
  'fields',
  'filter',
  'stats',
  'parse',
  'sort',
  'limit',
  'display',
  'dedup',
  'pattern',
];

export const KEYWORDS: readonly string[] = ['as', 'by', 'and', 'or', 'not', 'like', 'in', 'asc', 'desc'];

export interface FunctionInfo {
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

export const AGGREGATE_FUNCTIONS: readonly FunctionInfo[] = [
  { name: 'count', signature: 'count(*) | count(field)', description: 'Number of events, or of events where the field is present.' },
  { name: 'count_distinct', signature: 'count_distinct(field)', description: 'Number of distinct values of the field.' },
  { name: 'avg', signature: 'avg(field)', description: 'Average of the numeric values.' },
  { name: 'sum', signature: 'sum(field)', description: 'Sum of the numeric values.' },
  { name: 'min', signature: 'min(field)', description: 'Smallest value.' },
  { name: 'max', signature: 'max(field)', description: 'Largest value.' },
  { name: 'pct', signature: 'pct(field, percentile)', description: 'Value at the given percentile (0–100).' },
  { name: 'stddev', signature: 'stddev(field)', description: 'Standard deviation of the numeric values.' },
  { name: 'earliest', signature: 'earliest(field)', description: 'Value from the event with the earliest timestamp.' },
  { name: 'latest', signature: 'latest(field)', description: 'Value from the event with the latest timestamp.' },
  { name: 'sortsfirst', signature: 'sortsFirst(field)', description: 'Value that sorts first.' },
  { name: 'sortslast', signature: 'sortsLast(field)', description: 'Value that sorts last.' },
];

export const SCALAR_FUNCTIONS: readonly FunctionInfo[] = [
  { name: 'ispresent', signature: 'ispresent(field)', description: '1 if the field exists in the event, else 0.' },
  { name: 'isempty', signature: 'isempty(field)', description: '1 if the field is missing or an empty string.' },
  { name: 'isblank', signature: 'isblank(field)', description: '1 if the field is missing, empty or only whitespace.' },
  { name: 'coalesce', signature: 'coalesce(field, …)', description: 'First value that is present.' },
  { name: 'strlen', signature: 'strlen(str)', description: 'Length of the string.' },
  { name: 'toupper', signature: 'toupper(str)', description: 'Upper-case string.' },
  { name: 'tolower', signature: 'tolower(str)', description: 'Lower-case string.' },
  { name: 'concat', signature: 'concat(str, …)', description: 'Concatenation of the strings.' },
  { name: 'trim', signature: 'trim(str [, chars])', description: 'String without leading and trailing whitespace (or chars).' },
  { name: 'ltrim', signature: 'ltrim(str [, chars])', description: 'String without leading whitespace (or chars).' },
  { name: 'rtrim', signature: 'rtrim(str [, chars])', description: 'String without trailing whitespace (or chars).' },
  { name: 'substr', signature: 'substr(str, start [, length])', description: 'Substring from a 0-based start index.' },
  { name: 'replace', signature: 'replace(str, search, replacement)', description: 'Replaces every occurrence of search.' },
  { name: 'strcontains', signature: 'strcontains(str, search)', description: '1 if str contains search, else 0.' },
  { name: 'abs', signature: 'abs(number)', description: 'Absolute value.' },
  { name: 'floor', signature: 'floor(number)', description: 'Rounds down.' },
  { name: 'ceil', signature: 'ceil(number)', description: 'Rounds up.' },
  { name: 'sqrt', signature: 'sqrt(number)', description: 'Square root.' },
  { name: 'log', signature: 'log(number)', description: 'Natural logarithm.' },
  { name: 'greatest', signature: 'greatest(number, …)', description: 'Largest argument.' },
  { name: 'least', signature: 'least(number, …)', description: 'Smallest argument.' },
  { name: 'bin', signature: 'bin(period)', description: '@timestamp rounded down to the period, e.g. bin(5m).' },
  { name: 'datefloor', signature: 'datefloor(timestamp, period)', description: 'Timestamp rounded down to the period.' },
  { name: 'dateceil', signature: 'dateceil(timestamp, period)', description: 'Timestamp rounded up to the period.' },
  { name: 'frommillis', signature: 'fromMillis(number)', description: 'Timestamp from epoch milliseconds.' },
  { name: 'tomillis', signature: 'toMillis(timestamp)', description: 'Epoch milliseconds of a timestamp.' },
];

export const AGGREGATE_FUNCTION_NAMES: readonly string[] = AGGREGATE_FUNCTIONS.map((f) => f.name);
export const SCALAR_FUNCTION_NAMES: readonly string[] = SCALAR_FUNCTIONS.map((f) => f.name);
export const FUNCTION_NAMES: readonly string[] = [...AGGREGATE_FUNCTION_NAMES, ...SCALAR_FUNCTION_NAMES];

export function isAggregateFunction(name: string): boolean {
  return AGGREGATE_FUNCTION_NAMES.includes(name.toLowerCase());
}

/** Fields CloudWatch Logs generates for every event. */
export const SYSTEM_FIELDS: readonly string[] = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr'];

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
