export interface Heading {
  readonly text: string;
  readonly level: number;
  /** 0-based line of the heading. */
  readonly line: number;
}

/** ATX headings of a markdown text, skipping fenced code blocks. */
export function markdownHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  for (let start = 0, i = 0; start <= text.length; i++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const lineStart = start;
    start = end + 1;
    // Only a line starting (after up to 3 spaces) with `#`, a backtick or `~` can matter here.
    let k = lineStart;
    while (k < lineStart + 3 && (text[k] === ' ' || text[k] === '\t')) k++;
    const lead = text[k];
    if (lead !== '#' && lead !== '`' && lead !== '~') continue;
    const line = text.slice(lineStart, end > lineStart && text[end - 1] === '\r' ? end - 1 : end);
    if (lead !== '#') {
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) {
        if (!fence) fence = fenceMatch[1][0];
        else if (fenceMatch[1][0] === fence) fence = undefined;
      }
      continue;
    }
    if (fence) continue;
    const heading = atxHeading(line);
    if (heading) headings.push({ text: heading.text, level: heading.level, line: i });
  }
  return headings;
}

const isBlank = (c: string) => c === ' ' || c === '\t';
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';

/**
 * An ATX heading line (`## Text ##`): its level and text, or undefined. A character scan, no regex, so
 * a long line costs its length once (a backtracking pattern took minutes on `# a` + spaces + `x`).
 */
export function atxHeading(line: string): { level: number; text: string } | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  let start = i + level;
  if (start < line.length && !isBlank(line[start])) return undefined;
  let end = line.length;
  while (end > start && isSpace(line[end - 1])) end--;
  // A closing run of `#` counts when a blank precedes it (or it is all there is).
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || isBlank(line[hashes - 1]))) end = hashes;
  while (start < end && isSpace(line[start])) start++;
  while (end > start && isSpace(line[end - 1])) end--;
  return { level, text: line.slice(start, end) };
}

/** Plain text of a heading: emphasis, code and link syntax and emoji removed. */
export function headingPlainText(text: string): string {
  return text
    // Neither part may contain its opening bracket again: each character is scanned from one start only.
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .trim();
}

/** GitHub-style anchor slug: lower case, punctuation dropped, spaces to dashes. */
export function headingSlug(text: string): string {
  return headingPlainText(text).toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').trim().replace(/\s/g, '-');
}

/** Finds `#anchor` in a document: by slug or by the heading's text, case-insensitive. */
export function findHeading(headings: readonly Heading[], anchor: string): Heading | undefined {
  const wanted = decodeURIComponentSafe(anchor).trim();
  const slug = headingSlug(wanted);
  // A heading that long is no anchor's target, and comparing it would cost its length twice over.
  headings = headings.filter((h) => h.text.length <= 1024);
  return headings.find((h) => headingPlainText(h.text).toLowerCase() === wanted.toLowerCase()) ?? headings.find((h) => headingSlug(h.text) === slug);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
