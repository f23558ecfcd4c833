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
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ text: m[2], level: m[1].length, line: i });
  }
  return headings;
}

/** Plain text of a heading: emphasis, code and link syntax and emoji removed. */
export function headingPlainText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
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
  return headings.find((h) => headingPlainText(h.text).toLowerCase() === wanted.toLowerCase()) ?? headings.find((h) => headingSlug(h.text) === slug);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
