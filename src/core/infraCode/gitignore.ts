/**
 * The patterns of a `.gitignore` that decide which files the index skips: names and folders anywhere,
 * `*` wildcards, anchored (`/build`) and folder-only (`out/`) patterns, `!` exceptions. Character classes
 * and `**` in the middle are read as `*`. Each pattern becomes a bounded regular expression.
 * https://git-scm.com/docs/gitignore#_pattern_format
 */
export type IgnoreMatcher = (relativePath: string) => boolean;

const MAX_PATTERNS = 500;

export function gitignoreMatcher(text: string): IgnoreMatcher {
  const rules: { re: RegExp; negate: boolean }[] = [];
  for (const raw of text.split(/\r?\n/, 5_000)) {
    if (rules.length >= MAX_PATTERNS) break;
    let line = raw.trim();
    if (!line || line.startsWith('#') || line.length > 300) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    line = line.replace(/^\/+/, '').replace(/^\*\*\//, '');
    if (!line) continue;
    const body = line.split('/').map((part) => part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\[[^\]]{0,40}\]/g, '[^/]').replace(/\*+/g, '[^/]*').replace(/\?/g, '[^/]')).join('/');
    const start = anchored ? '^' : '(?:^|/)';
    const end = folderOnly ? '/' : '(?:/|$)';
    rules.push({ re: new RegExp(`${start}${body}${end}`), negate });
  }
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.re.test(path)) ignored = !rule.negate;
    return ignored;
  };
}
