import { wildcardScan } from '../text/wildcard';

/** `*` as any run of characters, everything else literal and case-sensitive, whole value. */
export function wildcardMatch(pattern: string, value: string): boolean {
  return wildcardScan(pattern, value);
}

/**
 * A `%regex%` of a filter pattern as a JavaScript RegExp. CloudWatch Logs allows no groups (`(` `)`), so the
 * pattern cannot nest quantifiers; undefined when it is not a valid expression here.
 */
export function filterRegex(body: string): RegExp | undefined {
  if (body.length === 0 || body.length > 1024 || /[()]/.test(body)) return undefined;
  try {
    return new RegExp(body);
  } catch {
    return undefined;
  }
}
