import { atxHeading } from '../runbooks/headings';

/**
 * The markdown of CloudWatch text widgets as a tree the webview builds with createElement and
 * textContent. Only these node kinds exist; HTML in the source stays text, and a link keeps its
 * target only when it is an https URL (the page opens it through the host).
 */
export type MdInline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong'; readonly children: MdInline[] }
  | { readonly type: 'em'; readonly children: MdInline[] }
  | { readonly type: 'link'; readonly href?: string; readonly children: MdInline[] };

export type MdBlock =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly children: MdInline[] }
  | { readonly type: 'paragraph'; readonly children: MdInline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly start?: number; readonly items: MdInline[][] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'quote'; readonly children: MdInline[] }
  | { readonly type: 'table'; readonly header: MdInline[][]; readonly rows: MdInline[][][] }
  | { readonly type: 'rule' };

/** The URL when it is https (and parses), else undefined. */
export function safeHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https:\/\//i.test(trimmed)) return undefined;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const ESCAPABLE = new Set('\\`*_{}[]()#+-.!|<>~');

/** Nesting deeper than this (links in emphasis in links…) stays text: a body cannot exhaust the stack. */
export const MAX_INLINE_DEPTH = 16;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(c);
}

/** `[` or `(` position → its closing partner, in one pass with a stack (-1: none). */
function partners(s: string, open: string, close: string, escapes: boolean): Int32Array {
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (escapes && c === '\\') i++;
    else if (c === open) stack.push(i);
    else if (c === close && stack.length) match[stack.pop()!] = i;
  }
  return match;
}

/**
 * What one left-to-right pass learns about a text, so that every `[`, `(` and emphasis marker finds
 * its partner without rescanning the rest of the text (rescanning was quadratic in the text's length).
 */
class InlineScan {
  private brackets: Int32Array | undefined;
  private parens: Int32Array | undefined;
  /** Emphasis delimiters for which no closer exists from this position on. */
  private noCloseFrom: Record<string, number> | undefined;

  constructor(private readonly s: string) {}

  /** Where the emphasis opened at `from` with `delim` closes, or -1. */
  findClose(from: number, delim: string): number {
    const s = this.s;
    if (from >= s.length || isSpace(s[from])) return -1;
    const known = this.noCloseFrom?.[delim];
    if (known !== undefined && from >= known) return -1;
    const first = delim[0];
    for (let i = from; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === '`') {
        const end = s.indexOf('`', i + 1);
        if (end > i) i = end;
        continue;
      }
      if (c !== first || i === from || isSpace(s[i - 1])) continue;
      if (delim.length === 2 && s[i + 1] !== first) continue;
      if (delim.length === 1 && s[i + 1] === first) {
        i++;
        continue;
      }
      if (first === '_' && isWordChar(s[i + delim.length])) continue;
      return i;
    }
    // Closers found later lie after this one's search start: none of them exists either.
    (this.noCloseFrom ??= {})[delim] = from;
    return -1;
  }

  /** `[text](url)` starting at `open` (the `[`): the text, the URL and where the link ends. */
  matchLink(open: number): { label: string; url: string; end: number } | undefined {
    this.brackets ??= partners(this.s, '[', ']', true);
    const close = this.brackets[open];
    if (close < 0 || this.s[close + 1] !== '(') return undefined;
    this.parens ??= partners(this.s, '(', ')', false);
    const end = this.parens[close + 1];
    if (end < 0) return undefined;
    const target = this.s.slice(close + 2, end).trim();
    return { label: this.s.slice(open + 1, close), url: withoutTitle(target).replace(/^<(.*)>$/, '$1'), end: end + 1 };
  }
}

/** A link target without its `"title"` or `'title'`. */
function withoutTitle(target: string): string {
  const quote = target[target.length - 1];
  if (quote !== '"' && quote !== "'") return target;
  const open = target.lastIndexOf(quote, target.length - 2);
  if (open <= 0 || !isSpace(target[open - 1])) return target;
  return target.slice(0, open).trimEnd();
}

/** Characters that can start inline syntax; text without them is one text node. */
const INLINE_SYNTAX = /[\\`![*_]/;

export function parseInline(s: string, depth = 0): MdInline[] {
  if (depth >= MAX_INLINE_DEPTH || !INLINE_SYNTAX.test(s)) return s ? [{ type: 'text', text: s }] : [];
  let scanned: InlineScan | undefined;
  const scan = () => (scanned ??= new InlineScan(s));
  const out: MdInline[] = [];
  // Text runs are sliced, not built a character at a time.
  const pieces: string[] = [];
  let runStart = 0;
  const flushTo = (end: number) => {
    if (end > runStart) pieces.push(s.slice(runStart, end));
    if (pieces.length) out.push({ type: 'text', text: pieces.join('') });
    pieces.length = 0;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1])) {
      if (i > runStart) pieces.push(s.slice(runStart, i));
      pieces.push(s[i + 1]);
      i += 2;
      runStart = i;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i) {
        flushTo(i);
        out.push({ type: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        runStart = i;
        continue;
      }
    }
    if (c === '!' && s[i + 1] === '[') {
      const m = scan().matchLink(i + 1);
      if (m) {
        // Images are not loaded (the page's CSP allows none); their alternative text stands in.
        if (i > runStart) pieces.push(s.slice(runStart, i));
        pieces.push(m.label);
        i = m.end;
        runStart = i;
        continue;
      }
    }
    if (c === '[') {
      const m = scan().matchLink(i);
      if (m) {
        flushTo(i);
        const label = m.label.replace(/^button:(?:primary:)?/i, '');
        const href = safeHref(m.url);
        const children = parseInline(label, depth + 1);
        out.push(href ? { type: 'link', href, children } : { type: 'link', children });
        i = m.end;
        runStart = i;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      const double = s[i + 1] === c;
      const delim = double ? c + c : c;
      const leftOk = c === '*' || !isWordChar(s[i - 1]);
      const end = leftOk ? scan().findClose(i + delim.length, delim) : -1;
      if (end > 0) {
        flushTo(i);
        out.push({ type: double ? 'strong' : 'em', children: parseInline(s.slice(i + delim.length, end), depth + 1) });
        i = end + delim.length;
        runStart = i;
        continue;
      }
      if (double) {
        i += 2;
        continue;
      }
    }
    i++;
  }
  flushTo(s.length);
  return out;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;

/** `| --- | :-: |`: cells of dashes with optional colons (split, not one pattern: that one backtracked). */
function isTableSeparator(line: string): boolean {
  let row = line.trim();
  if (!row.includes('-')) return false;
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => /^:?-+:?$/.test(cell.trim()));
}

function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (row[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += row[i];
  }
  cells.push(cell.trim());
  return cells;
}

function startsBlock(line: string, next: string | undefined): boolean {
  return atxHeading(line) !== undefined || FENCE.test(line) || RULE.test(line) || BULLET.test(line) || ORDERED.test(line) || QUOTE.test(line) || (line.includes('|') && next !== undefined && isTableSeparator(next));
}

/** A text widget's markdown beyond this is not drawn (a screenful is a few KB; the rest is a note). */
export const MAX_MARKDOWN_CHARS = 100_000;

/** Text-widget markdown → blocks: headings, paragraphs, lists, code, quotes, tables, rules. */
export function parseMarkdown(source: string): MdBlock[] {
  const cut = source.length > MAX_MARKDOWN_CHARS;
  const lines = (cut ? source.slice(0, MAX_MARKDOWN_CHARS) : source).replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(marker)) body.push(lines[i++]);
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = atxHeading(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading.level as 1, children: parseInline(heading.text) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && isTableSeparator(lines[i + 1])) {
      const header = tableCells(line).map(parseInline);
      const rows: MdInline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim() !== '' && lines[i].includes('|')) rows.push(tableCells(lines[i++]).map(parseInline));
      blocks.push({ type: 'table', header, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const items: string[] = [];
      const itemRe = isOrdered ? ORDERED : BULLET;
      while (i < lines.length) {
        const m = itemRe.exec(lines[i]);
        if (m) {
          items.push(isOrdered ? m[2] : m[1]);
          i++;
        } else if (lines[i].trim() !== '' && /^\s/.test(lines[i]) && items.length > 0) {
          // A nested item or a continuation line joins the item above (lists are one level deep).
          const nested = BULLET.exec(lines[i].trim()) ?? ORDERED.exec(lines[i].trim());
          if (nested) items.push(nested[nested.length - 1]);
          else items[items.length - 1] += ` ${lines[i].trim()}`;
          i++;
        } else break;
      }
      blocks.push({ type: 'list', ordered: isOrdered, ...(isOrdered ? { start: Number(ordered![1]) } : {}), items: items.map(parseInline) });
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      const parts: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) parts.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: 'quote', children: parseInline(parts.join(' ').trim()) });
      continue;
    }
    const parts: string[] = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i], lines[i + 1])) parts.push(lines[i++].trim());
    blocks.push({ type: 'paragraph', children: parseInline(parts.join(' ')) });
  }
  if (cut) blocks.push({ type: 'paragraph', children: [{ type: 'text', text: `(This text is ${Math.round(source.length / 1024)} KB; the first ${MAX_MARKDOWN_CHARS / 1000} KB are shown.)` }] });
  return blocks;
}

/** The plain text of inline nodes (tests, accessibility labels). */
export function inlineText(nodes: readonly MdInline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : inlineText(n.children))).join('');
}
