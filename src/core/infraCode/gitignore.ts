import { wildcardScan } from '../text/wildcard';

/**
 * The patterns of a `.gitignore` that decide which files the index skips: names and folders anywhere,
 * `*` and `?` wildcards, anchored (`/build`, `a/b`) and folder-only (`out/`) patterns, `!` exceptions. A
 * character class counts as one character and `**` as `*`. Matched segment by segment without regular
 * expressions, so no pattern from a cloned repository can make matching slow.
 * https://git-scm.com/docs/gitignore#_pattern_format
 */
export type IgnoreMatcher = (relativePath: string) => boolean;

const MAX_PATTERNS = 500;

interface Rule {
  readonly segments: readonly string[];
  readonly anchored: boolean;
  readonly folderOnly: boolean;
  readonly negate: boolean;
}

export function gitignoreMatcher(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (const raw of text.split('\n', 5_000)) {
    if (rules.length >= MAX_PATTERNS) break;
    let line = raw.trim();
    if (!line || line.startsWith('#') || line.length > 300) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    while (line.endsWith('/')) line = line.slice(0, -1);
    const anchored = line.includes('/');
    while (line.startsWith('/')) line = line.slice(1);
    if (line.startsWith('**/')) line = line.slice(3);
    if (!line) continue;
    const segments = line.split('/').map((s) => s.replace(/\[[^\]/]{0,40}\]/g, '?').replace(/\*\*/g, '*'));
    rules.push({ segments, anchored: anchored && !raw.trim().replace(/^!/, '').startsWith('**/'), folderOnly, negate });
  }
  return (path) => {
    const parts = path.split('/');
    let ignored = false;
    for (const rule of rules) if (matches(rule, parts)) ignored = !rule.negate;
    return ignored;
  };
}

function matches(rule: Rule, parts: readonly string[]): boolean {
  // A folder-only pattern matches a folder on the path, never the file itself.
  const last = rule.folderOnly ? parts.length - 1 : parts.length;
  if (!rule.anchored) return parts.slice(0, last).some((part) => wildcardScan(rule.segments[0], part, true));
  if (rule.segments.length > last) return false;
  return rule.segments.every((segment, i) => wildcardScan(segment, parts[i], true));
}
