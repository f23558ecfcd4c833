/**
 * When an alarm mute rule mutes: `at(yyyy-MM-ddThh:mm)` once, or `cron(min hour day-of-month month day-of-week)`
 * repeatedly, each time for an ISO 8601 duration, in the rule's time zone (UTC when none).
 */
export type MuteExpression =
  | { readonly kind: 'at'; readonly wallClock: number }
  | { readonly kind: 'cron'; readonly fields: readonly CronField[] };

/** One cron field: the values it allows, or every value. */
type CronField = ReadonlySet<number> | 'any';

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})\)$/;
const CRON = /^cron\(([^()]{1,240})\)$/;
const DURATION = /^P(?:(\d{1,3})D)?(?:T(?:(\d{1,5})H)?(?:(\d{1,6})M)?)?$/;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** Minute, hour, day of month, month, day of week: bounds and names. */
const FIELDS: ReadonlyArray<{ readonly min: number; readonly max: number; readonly names?: readonly string[]; readonly nameBase?: number }> = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 7, names: DAYS, nameBase: 0 },
];
const MINUTE = 60_000;
export const MAX_DURATION_MS = 15 * 24 * 60 * MINUTE;

/** The parsed expression, or undefined when it is neither a valid `at(…)` nor a valid `cron(…)`. */
export function parseMuteExpression(text: string): MuteExpression | undefined {
  const at = AT.exec(text.trim());
  if (at) {
    const [y, mo, d, h, mi] = at.slice(1).map(Number) as [number, number, number, number, number];
    const wallClock = Date.UTC(y, mo - 1, d, h, mi);
    const check = new Date(wallClock);
    if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
    return { kind: 'at', wallClock };
  }
  const cron = CRON.exec(text.trim());
  if (!cron) return undefined;
  const parts = (cron[1] ?? '').trim().split(/\s+/);
  if (parts.length !== FIELDS.length) return undefined;
  const fields: CronField[] = [];
  for (let i = 0; i < parts.length; i++) {
    const field = parseCronField(parts[i] ?? '', FIELDS[i]!);
    if (field === undefined) return undefined;
    fields.push(field);
  }
  return { kind: 'cron', fields };
}

function parseCronField(text: string, spec: (typeof FIELDS)[number]): CronField | undefined {
  if (text === '*' || text === '?') return 'any';
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [from, to, extra] = item.split('-');
    if (extra !== undefined) return undefined;
    const low = cronValue(from ?? '', spec);
    const high = to === undefined ? low : cronValue(to, spec);
    if (low === undefined || high === undefined || high < low) return undefined;
    for (let v = low; v <= high; v++) values.add(spec.max === 7 && v === 7 ? 0 : v);
  }
  return values;
}

function cronValue(text: string, spec: (typeof FIELDS)[number]): number | undefined {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + (spec.nameBase ?? 0);
  if (!/^\d{1,2}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= spec.min && value <= spec.max ? value : undefined;
}

/** An ISO 8601 duration (days, hours, minutes) in milliseconds, or undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [days, hours, minutes] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number];
  return ((days * 24 + hours) * 60 + minutes) * MINUTE;
}

/** Whether the zone is one the runtime knows (IANA names and UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock time minus UTC, in milliseconds, of a zone at an instant. */
function zoneOffset(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The mute window in effect at `now` (its start and end, epoch ms), or undefined. A cron rule is looked at minute by
 * minute back over its duration, with the zone's offset at `now` (a daylight-saving change inside the window may
 * shift a window by the change).
 */
export function windowAt(expression: MuteExpression, durationMs: number, zone: string, now: number): { start: number; end: number } | undefined {
  if (expression.kind === 'at') {
    const start = expression.wallClock - zoneOffset(zone, expression.wallClock);
    return start <= now && now < start + durationMs ? { start, end: start + durationMs } : undefined;
  }
  const offset = zoneOffset(zone, now);
  const nowMinute = Math.floor(now / MINUTE) * MINUTE;
  for (let t = nowMinute; t > now - durationMs; t -= MINUTE) {
    if (cronMatches(expression.fields, t + offset)) return { start: t, end: t + durationMs };
  }
  return undefined;
}

/** When a one-time rule's window ends (epoch ms); recurring rules never end on their own. */
export function oneTimeEnd(expression: MuteExpression, durationMs: number, zone: string): number | undefined {
  return expression.kind === 'at' ? expression.wallClock - zoneOffset(zone, expression.wallClock) + durationMs : undefined;
}

function cronMatches(fields: readonly CronField[], wallClock: number): boolean {
  const d = new Date(wallClock);
  const allows = (field: CronField | undefined, value: number): boolean => field === undefined || field === 'any' || field.has(value);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (!allows(minute, d.getUTCMinutes()) || !allows(hour, d.getUTCHours()) || !allows(month, d.getUTCMonth() + 1)) return false;
  // As in cron: when both day fields are restricted, either may match.
  if (dayOfMonth !== 'any' && dayOfWeek !== 'any') return allows(dayOfMonth, d.getUTCDate()) || allows(dayOfWeek, d.getUTCDay());
  return allows(dayOfMonth, d.getUTCDate()) && allows(dayOfWeek, d.getUTCDay());
}
