/**
 * `*` as any run of characters, everything else literal and case-sensitive, whole value. A two-pointer scan
 * that returns to the last `*` only (time ≤ pattern × value, no regex).
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === value[v]) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
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
