// Whitespace, brackets, wildcards, the punctuation AWS rejects, and control characters.
const FORBIDDEN_CHARACTERS = '<>{}[]?*"#%\\^|~`$&,;:/';

function forbidden(name: string): string | undefined {
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (/\s/.test(ch) || code < 32 || (code >= 127 && code <= 159) || FORBIDDEN_CHARACTERS.includes(ch)) return ch;
  }
  return undefined;
}

/** Why a name is not a valid execution name, or undefined when it is. */
export function executionNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 80) return `At most 80 characters (this has ${name.length}).`;
  const bad = forbidden(name);
  if (bad) return `Names cannot contain ${bad.trim() ? `"${bad}"` : 'spaces or control characters'}.`;
  return undefined;
}

/** A default name people can read and sort: `manual-2026-11-22T10-04-05-1a2b`. */
export function defaultExecutionName(now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
  const suffix = Math.floor(random() * 0xffff).toString(16).padStart(4, '0');
  return `manual-${stamp}-${suffix}`;
}
