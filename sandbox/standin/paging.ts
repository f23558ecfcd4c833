import { AwsError } from './protocol';

/** Opaque continuation tokens: the offset into a result list, bound to the operation that issued it. */
export function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset }), 'utf8').toString('base64');
}

export function decodeToken(scope: string, token: string | undefined, invalid: () => AwsError): number {
  if (token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { s?: unknown; o?: unknown };
    if (parsed.s === scope && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // falls through to the error
  }
  throw invalid();
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export function pageOf<T>(all: readonly T[], scope: string, token: string | undefined, size: number, invalid: () => AwsError): Page<T> {
  const offset = decodeToken(scope, token, invalid);
  const items = all.slice(offset, offset + size);
  const next = offset + size;
  return next < all.length ? { items, nextToken: encodeToken(scope, next) } : { items };
}

/** A page size from a `MaxRecords`/`maxResults` member, checked against AWS's bounds. */
export function pageSize(value: number | undefined, fallback: number, max: number, member: string, error: (message: string) => AwsError): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw error(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  return value;
}
