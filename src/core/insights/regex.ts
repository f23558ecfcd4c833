/**
 * Logs Insights regexes follow Java syntax; JavaScript lacks the inline `(?i)` flag group,
 * so a leading one is turned into the `i` flag.
 */
export function compileInsightsRegex(pattern: string, flags = ''): RegExp {
  let source = pattern;
  let jsFlags = flags.replace(/[^imsu]/g, '');
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1] ?? '') {
      if (flag !== 'x' && !jsFlags.includes(flag)) {
        jsFlags += flag;
      }
    }
  }
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
