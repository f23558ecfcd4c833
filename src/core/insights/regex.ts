const INLINE_FLAGS = /\\.|\(\?([imsx]+)\)/g;

/**
 * Logs Insights regexes follow Java syntax; JavaScript lacks inline `(?i)` flag groups, so each one
 * (at the start, as in `/(?i)x/`, or later, as in `/^(?i)x$/`) becomes a flag of the whole regex —
 * an approximation where Java applies it from that point on.
 */
export function compileInsightsRegex(pattern: string, flags = ''): RegExp {
  let jsFlags = flags.replace(/[^imsu]/g, '');
  const source = pattern.replace(INLINE_FLAGS, (whole: string, inline: string | undefined) => {
    if (inline === undefined) {
      return whole;
    }
    for (const flag of inline) {
      if (flag !== 'x' && !jsFlags.includes(flag)) {
        jsFlags += flag;
      }
    }
    return '';
  });
  return new RegExp(source, jsFlags);
}

/** Names of `(?<name>…)` groups, in order of appearance. */
export function namedGroups(pattern: string): string[] {
  const names: string[] = [];
  const group = /\\.|\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g;
  for (let m = group.exec(pattern); m; m = group.exec(pattern)) {
    if (m[1] !== undefined) {
      names.push(m[1]);
    }
  }
  return names;
}

export function globWildcardCount(glob: string): number {
  return glob.split('*').length - 1;
}

/** A `parse` glob: every `*` captures lazily, except a trailing one, which takes the rest. */
export function compileGlob(glob: string): RegExp {
  const parts = glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  let source = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const isLast = i === parts.length - 1;
    source += (isLast && parts[i] === '' ? '(.*)' : '(.*?)') + (parts[i] ?? '');
  }
  return new RegExp(source, 's');
}
