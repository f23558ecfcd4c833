/** A compiled alarm-name glob. */
export interface Glob {
  test(name: string): boolean;
}

/** Longest glob and name compared; longer ones never match (alarm names have at most 255 characters). */
export const MAX_GLOB_LENGTH = 1024;

/**
 * A glob on alarm names: `*` any run of characters, `?` one character; case-insensitive, whole name.
 * Matched by a two-pointer scan that returns to the last `*` only (time ≤ glob × name, no regex), so a
 * glob from a cloned repository's settings cannot make the extension host wait.
 */
export function compileGlob(glob: string): Glob {
  if (glob.length > MAX_GLOB_LENGTH) return { test: () => false };
  const pattern = [...glob.toLowerCase()];
  return {
    test(name: string): boolean {
      if (name.length > MAX_GLOB_LENGTH) return false;
      const text = [...name.toLowerCase()];
      let p = 0;
      let t = 0;
      let star = -1;
      let resume = 0;
      while (t < text.length) {
        if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === text[t]))) {
          p++;
          t++;
        } else if (p < pattern.length && pattern[p] === '*') {
          star = p++;
          resume = t;
        } else if (star >= 0) {
          p = star + 1;
          t = ++resume;
        } else return false;
      }
      while (p < pattern.length && pattern[p] === '*') p++;
      return p === pattern.length;
    },
  };
}
