import { sanitizeText } from '../insights/results/sanitize';

/**
 * `opsLens.aws.accounts`: the user's names for AWS accounts and how careful Ops Lens is in each. An entry
 * names a profile, an account id, or both; a production account asks for its name before any change, a
 * read-only account refuses changes.
 */
export const ENVIRONMENTS = ['production', 'readOnly', 'staging', 'development'] as const;
export type AccountEnvironment = (typeof ENVIRONMENTS)[number];

export interface AccountMarking {
  /** What the views show and what a person types to confirm a change in production. */
  readonly name: string;
  readonly environment: AccountEnvironment;
  /** A theme colour id (`charts.red`); the environment's own colour when the setting gives none. */
  readonly color: string;
  readonly profile?: string;
  readonly accountId?: string;
}

export const ACCOUNTS_SETTING = 'opsLens.aws.accounts';
const MAX_ENTRIES = 200;
const MAX_NAME = 64;
const ACCOUNT_ID = /^\d{12}$/;
const COLOR_ID = /^[A-Za-z][\w.-]{0,63}$/;
/** Printable, no line breaks or markup: a name shows in labels, documents and modals, and is typed. */
const NAME = /^[\w .@+=,:/()-]+$/;

const DEFAULT_COLOR: Record<AccountEnvironment, string> = {
  production: 'charts.red',
  readOnly: 'charts.blue',
  staging: 'charts.yellow',
  development: 'charts.green',
};

/** Stricter first: when several entries match an account, the strictest wins. */
const STRICTNESS: Record<AccountEnvironment, number> = { readOnly: 0, production: 1, staging: 2, development: 3 };

export interface ParsedMarkings {
  readonly markings: readonly AccountMarking[];
  /** Entries left out, each with why (for the log). */
  readonly problems: readonly string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The setting's entries that can be used; the rest are named in `problems`. */
export function parseAccountMarkings(value: unknown): ParsedMarkings {
  if (!Array.isArray(value)) return { markings: [], problems: value === undefined || value === null ? [] : [`${ACCOUNTS_SETTING} is not a list`] };
  const markings: AccountMarking[] = [];
  const problems: string[] = [];
  value.slice(0, MAX_ENTRIES).forEach((entry: Record<string, unknown> | null, i) => {
    const where = `${ACCOUNTS_SETTING}[${i}]`;
    if (!entry || typeof entry !== 'object') return void problems.push(`${where} is not an object`);
    const name = text(entry.name);
    const profile = text(entry.profile);
    const accountId = text(entry.accountId);
    const environment = ENVIRONMENTS.find((e) => e === entry.environment);
    const color = text(entry.color);
    if (!name || name.length > MAX_NAME || !NAME.test(name)) return void problems.push(`${where}: "name" must be 1-${MAX_NAME} letters, digits, spaces or . _ - @ + = , : / ( )`);
    if (!environment) return void problems.push(`${where}: "environment" must be one of ${ENVIRONMENTS.join(', ')}`);
    if (!profile && !accountId) return void problems.push(`${where}: give a "profile", an "accountId" or both`);
    if (accountId && !ACCOUNT_ID.test(accountId)) return void problems.push(`${where}: "accountId" must be 12 digits`);
    if (color && !COLOR_ID.test(color)) problems.push(`${where}: "color" is not a theme colour id; the ${environment} colour is used`);
    markings.push({ name, environment, color: color && COLOR_ID.test(color) ? color : DEFAULT_COLOR[environment], profile, accountId });
  });
  if (value.length > MAX_ENTRIES) problems.push(`${ACCOUNTS_SETTING}: only the first ${MAX_ENTRIES} entries are read`);
  return { markings, problems };
}

/** The account a call goes to: the profile always, the account id once STS has said it. */
export interface AccountRef {
  readonly profile: string;
  readonly accountId?: string;
}

/**
 * The marking of an account. An entry matches by its profile or by its account id (with both given, either
 * one); among several matches the strictest wins (read-only, production, staging, development), then the
 * one that matched by account id, then the first.
 */
export function markingFor(markings: readonly AccountMarking[], account: AccountRef): AccountMarking | undefined {
  let best: { marking: AccountMarking; rank: number } | undefined;
  markings.forEach((marking, order) => {
    const byAccount = marking.accountId !== undefined && marking.accountId === account.accountId;
    const byProfile = marking.profile !== undefined && marking.profile === account.profile;
    if (!byAccount && !byProfile) return;
    const rank = STRICTNESS[marking.environment] * 2 * MAX_ENTRIES + (byAccount ? 0 : MAX_ENTRIES) + order;
    if (!best || rank < best.rank) best = { marking, rank };
  });
  return best?.marking;
}

/** Whether an account id could still change the marking: some entry names an account id. */
export function marksByAccountId(markings: readonly AccountMarking[]): boolean {
  return markings.some((m) => m.accountId !== undefined);
}

/** `PRODUCTION account prod-main`, `read-only account audit`, `staging account qa`. */
export function markingLabel(marking: AccountMarking): string {
  const kind = marking.environment === 'production' ? 'PRODUCTION' : marking.environment === 'readOnly' ? 'read-only' : marking.environment;
  return `${kind} account ${marking.name}`;
}

/** What a panel's badge shows (the page draws `color` with the theme's value). */
export interface AccountBadge {
  /** `PRODUCTION account prod-main`. */
  readonly label: string;
  readonly environment: AccountEnvironment;
  readonly color: string;
}

export function accountBadge(marking: AccountMarking): AccountBadge {
  return { label: markingLabel(marking), environment: marking.environment, color: marking.color };
}

/** What a root's description starts with: `PRODUCTION prod-main`. */
export function markingBadge(marking: AccountMarking): string {
  return marking.environment === 'production' ? `PRODUCTION ${marking.name}` : marking.environment === 'readOnly' ? `read-only ${marking.name}` : marking.name;
}

/** How a change in an account is confirmed. */
export type WriteDecision =
  | { readonly kind: 'confirm' }
  | { readonly kind: 'typeName'; readonly name: string }
  | { readonly kind: 'refuse'; readonly reason: string };

/**
 * Production: the person types the account's name. Read-only: refused. Others: the usual modal. When the
 * account id could not be learnt and the setting marks accounts by id, nobody can tell which rules apply:
 * refused, saying so.
 */
export function writeDecision(markings: readonly AccountMarking[], account: AccountRef, action: string): WriteDecision {
  const marking = markingFor(markings, account);
  if (marking?.environment === 'readOnly') {
    return { kind: 'refuse', reason: `Not done: ${action} would change the read-only account ${marking.name} (profile ${account.profile}), and ${ACCOUNTS_SETTING} in your user settings marks it read-only. Ops Lens only reads from it.` };
  }
  if (marking?.environment === 'production') return { kind: 'typeName', name: marking.name };
  if (account.accountId === undefined && marksByAccountId(markings)) {
    return { kind: 'refuse', reason: `Not done: Ops Lens could not learn which account profile ${account.profile} is in (STS GetCallerIdentity did not answer), and ${ACCOUNTS_SETTING} marks accounts by id, so it cannot tell whether ${action} would change a production or read-only account. Try again once the profile's credentials work.` };
  }
  return { kind: 'confirm' };
}

/** The input box's check: undefined once the account's name is typed exactly. */
export function typedNameProblem(typed: string, name: string): string | undefined {
  return typed.trim() === name ? undefined : `Type ${name} exactly to confirm, or press Escape to cancel.`;
}

/** One audit line per change: who, where, what. */
export interface WriteAudit {
  readonly profile: string;
  readonly accountId?: string;
  readonly region: string;
  readonly action: string;
  readonly target: string;
  readonly marking?: AccountMarking;
  readonly outcome: 'done' | 'failed' | 'refused';
  readonly error?: string;
}

const oneLine = (value: string, max: number) => sanitizeText(value).replace(/\s+/g, ' ').slice(0, max);

export function formatWriteAudit(a: WriteAudit): string {
  const marking = a.marking ? ` (${markingLabel(a.marking)})` : '';
  const error = a.error ? `: ${oneLine(a.error, 300)}` : '';
  return `change ${a.outcome}: ${a.action} ${oneLine(a.target, 500)} · profile ${a.profile} · account ${a.accountId ?? 'unknown'}${marking} · region ${a.region}${error}`;
}
