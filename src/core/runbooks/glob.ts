import { wildcardScan } from '../text/wildcard';

/** A compiled alarm-name glob. */
export interface Glob {
  test(name: string): boolean;
}

/** Longest glob and name compared; longer ones never match (alarm names have at most 255 characters). */
export const MAX_GLOB_LENGTH = 1024;

/**
 * A glob on alarm names: `*` any run of characters, `?` one character; case-insensitive, whole name, by
 * code point. Matched in time bounded by glob × name (wildcardScan), so a glob from a cloned
 * repository's settings cannot make the extension host wait.
 */
export function compileGlob(glob: string): Glob {
  if (glob.length > MAX_GLOB_LENGTH) return { test: () => false };
  const pattern = [...glob.toLowerCase()];
  return {
    test(name: string): boolean {
      if (name.length > MAX_GLOB_LENGTH) return false;
      return wildcardScan(pattern, [...name.toLowerCase()], true);
    },
  };
}
