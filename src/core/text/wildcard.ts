/**
 * Whether `value` is all of `pattern`, where `*` stands for any run of elements and, with `anyOne`, `?` for
 * exactly one; every other element is literal. A two-pointer scan that returns to the last `*` only
 * (time ≤ pattern × value, no regex), so a pattern from outside cannot make the extension host wait.
 */
export function wildcardScan(pattern: ArrayLike<string>, value: ArrayLike<string>, anyOne = false): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    if (p < pattern.length && pattern[p] !== '*' && ((anyOne && pattern[p] === '?') || pattern[p] === value[v])) {
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
