// Custom dashboard widgets: the event their Lambda function is invoked with, and what it returns (HTML, or
// `{"markdown": …}`, or other JSON) turned into the same safe block tree text widgets use. Nothing of the HTML is
// kept as markup: scripts, styles, frames and event handlers are dropped, links keep an https target only.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/add_custom_widget_dashboard_about.html
import { parseMarkdown, safeHref, type MdBlock, type MdInline } from './markdown';

/** HTML or markdown longer than this is cut before it is read. */
export const MAX_WIDGET_ANSWER_CHARS = 200_000;
/** Blocks one widget may draw. */
const MAX_BLOCKS = 500;

export interface WidgetContextInput {
  readonly dashboardName: string;
  readonly widgetId: string;
  readonly accountId?: string;
  readonly title?: string;
  readonly params?: unknown;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  readonly period: number;
  readonly theme: 'light' | 'dark';
  readonly width: number;
  readonly height: number;
}

/** The event a custom widget's function receives: `widgetContext` as the console sends it, and the widget's params. */
export function customWidgetEvent(c: WidgetContextInput): Record<string, unknown> {
  const params = typeof c.params === 'object' && c.params !== null && !Array.isArray(c.params) ? (c.params as Record<string, unknown>) : {};
  return {
    ...params,
    widgetContext: {
      dashboardName: c.dashboardName,
      widgetId: c.widgetId,
      ...(c.accountId ? { accountId: c.accountId } : {}),
      locale: 'en',
      timezone: { label: 'UTC', offsetISO: '+00:00', offsetInMinutes: 0 },
      period: c.period,
      isAutoPeriod: true,
      timeRange: { mode: 'relative', start: c.start, end: c.end, relativeStart: c.end - c.start },
      theme: c.theme,
      linkCharts: false,
      ...(c.title ? { title: c.title } : {}),
      forms: { all: {} },
      params,
      width: c.width,
      height: c.height,
    },
  };
}

export type CustomWidgetAnswer = { readonly blocks: MdBlock[] } | { readonly error: string };

/**
 * What a custom widget's function returned, to draw: a JSON string is HTML, `{ "markdown": … }` markdown, other
 * JSON is shown as code. A function error (`Unhandled`) shows its `errorType: errorMessage`.
 */
export function readCustomWidgetAnswer(result: { readonly payload: string; readonly functionError?: string }): CustomWidgetAnswer {
  let value: unknown;
  try {
    value = JSON.parse(result.payload);
  } catch {
    value = result.payload;
  }
  if (result.functionError) {
    const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const what = [o.errorType, o.errorMessage].filter((v) => typeof v === 'string' && v).join(': ') || result.functionError;
    return { error: `The function failed (${result.functionError}): ${what.slice(0, 500)}` };
  }
  if (typeof value === 'string') return { blocks: htmlBlocks(value) };
  if (typeof value === 'object' && value !== null && typeof (value as { markdown?: unknown }).markdown === 'string') return { blocks: parseMarkdown((value as { markdown: string }).markdown.slice(0, MAX_WIDGET_ANSWER_CHARS)) };
  return { blocks: [{ type: 'code', text: JSON.stringify(value, null, 2).slice(0, MAX_WIDGET_ANSWER_CHARS) }] };
}

/** Elements whose content is never shown. */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'head', 'title', 'canvas', 'video', 'audio', 'select', 'textarea', 'button']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'pre', 'blockquote', 'form', 'fieldset', 'dl', 'dt', 'dd', 'figure', 'figcaption']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', hellip: '…', mdash: '—', ndash: '–' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The `href` of an opening tag's attributes, when it is one. */
function hrefOf(attributes: string): string | undefined {
  const m = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  return m ? safeHref(decodeEntities(m[1] ?? m[2] ?? m[3] ?? '')) : undefined;
}

type Inline = MdInline;

/** Builds blocks from the tag stream: text collects into inlines; a block tag ends the current block. */
class BlockBuilder {
  readonly blocks: MdBlock[] = [];
  private inline: Inline[] = [];
  private heading: 1 | 2 | 3 | 4 | 5 | 6 | undefined;
  private pre = false;
  private list: { ordered: boolean; items: Inline[][] } | undefined;
  private table: { rows: Inline[][][]; header?: Inline[][] } | undefined;
  private row: Inline[][] | undefined;
  private cell: Inline[] | undefined;
  private cellIsHeader = false;
  private link: { href?: string; children: Inline[] } | undefined;

  text(t: string): void {
    const text = this.pre ? t : t.replace(/\s+/g, ' ');
    if (!text || (!this.pre && text === ' ' && !this.target().length)) return;
    this.target().push({ type: 'text', text });
  }

  private target(): Inline[] {
    return this.link?.children ?? this.cell ?? this.inline;
  }

  open(tag: string, attributes: string): void {
    if (tag === 'a') {
      this.closeLink();
      this.link = { href: hrefOf(attributes), children: [] };
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      this.flush();
      this.heading = Number(tag[1]) as 1 | 2 | 3 | 4 | 5 | 6;
    } else if (tag === 'pre') {
      this.flush();
      this.pre = true;
    } else if (tag === 'ul' || tag === 'ol') {
      this.flush();
      this.list = { ordered: tag === 'ol', items: [] };
    } else if (tag === 'li') {
      this.endItem();
    } else if (tag === 'table') {
      this.flush();
      this.table = { rows: [] };
    } else if (tag === 'tr') {
      this.endRow();
      this.row = [];
    } else if (tag === 'td' || tag === 'th') {
      this.endCell();
      this.cell = [];
      this.cellIsHeader = tag === 'th';
    } else if (tag === 'hr') {
      this.flush();
      this.push({ type: 'rule' });
    } else if (BLOCK.has(tag)) {
      if (!this.table && !this.list) this.flush();
      else if (tag === 'br') this.text(' ');
    }
  }

  close(tag: string): void {
    if (tag === 'a') this.closeLink();
    else if (tag === 'td' || tag === 'th') this.endCell();
    else if (tag === 'tr') this.endRow();
    else if (tag === 'table') this.endTable();
    else if (tag === 'li') this.endItem();
    else if (tag === 'ul' || tag === 'ol') this.endList();
    else if (BLOCK.has(tag) && !this.table && !this.list) this.flush();
  }

  private closeLink(): void {
    if (!this.link) return;
    const { href, children } = this.link;
    this.link = undefined;
    this.target().push(href ? { type: 'link', href, children } : ({ type: 'link', children } as Inline));
  }

  private endCell(): void {
    this.closeLink();
    if (!this.cell) return;
    if (!this.row) this.row = [];
    this.row.push(trimInline(this.cell));
    if (this.cellIsHeader && this.table && !this.table.rows.length) this.table.header = this.row;
    this.cell = undefined;
  }

  private endRow(): void {
    this.endCell();
    if (!this.row || !this.table) return;
    if (this.row !== this.table.header && this.row.length) this.table.rows.push(this.row);
    this.row = undefined;
  }

  private endTable(): void {
    this.endRow();
    if (!this.table) return;
    const { header, rows } = this.table;
    this.table = undefined;
    if (header || rows.length) this.push({ type: 'table', header: header ?? [], rows });
  }

  private endItem(): void {
    this.closeLink();
    if (!this.list) return;
    const item = trimInline(this.inline);
    this.inline = [];
    if (item.length) this.list.items.push(item);
  }

  private endList(): void {
    this.endItem();
    if (!this.list) return;
    const { ordered, items } = this.list;
    this.list = undefined;
    if (items.length) this.push({ type: 'list', ordered, items });
  }

  private push(block: MdBlock): void {
    if (this.blocks.length < MAX_BLOCKS) this.blocks.push(block);
  }

  flush(): void {
    this.closeLink();
    const children = trimInline(this.inline);
    this.inline = [];
    if (this.pre) {
      this.pre = false;
      const text = children.map((c) => (c.type === 'text' ? c.text : '')).join('');
      if (text.trim()) this.push({ type: 'code', text });
    } else if (children.length) this.push(this.heading ? { type: 'heading', level: this.heading, children } : { type: 'paragraph', children });
    this.heading = undefined;
  }

  finish(): MdBlock[] {
    this.endTable();
    this.endList();
    this.flush();
    return this.blocks;
  }
}

function trimInline(nodes: Inline[]): Inline[] {
  const out = nodes.filter((n) => !(n.type === 'text' && !n.text.trim() && nodes.length === 1));
  if (out[0]?.type === 'text') out[0] = { type: 'text', text: out[0].text.trimStart() };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text.trimEnd() };
  return out.filter((n) => !(n.type === 'text' && n.text === ''));
}

/**
 * HTML as blocks, in one pass: every `<` looks for its `>` once; a dropped element's content is skipped to its
 * closing tag (looked for once; when missing, the rest is dropped). Comments and doctypes are skipped.
 */
export function htmlBlocks(html: string): MdBlock[] {
  const source = html.length > MAX_WIDGET_ANSWER_CHARS ? html.slice(0, MAX_WIDGET_ANSWER_CHARS) : html;
  const lower = source.toLowerCase();
  const out = new BlockBuilder();
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      out.text(decodeEntities(source.slice(i)));
      break;
    }
    if (lt > i) out.text(decodeEntities(source.slice(i, lt)));
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      i = end < 0 ? source.length : end + 3;
      continue;
    }
    const gt = source.indexOf('>', lt + 1);
    if (gt < 0) break;
    const m = /^<(\/?)([a-z][a-z0-9-]{0,20})/.exec(lower.slice(lt, Math.min(gt + 1, lt + 24)));
    i = gt + 1;
    if (!m) continue;
    const [, closing, tag] = m;
    if (DROPPED.has(tag)) {
      if (closing) continue;
      const end = lower.indexOf(`</${tag}`, i);
      i = end < 0 ? source.length : (source.indexOf('>', end) + 1 || source.length);
      continue;
    }
    if (closing) out.close(tag);
    else out.open(tag, source.slice(lt + 1 + tag.length, gt));
  }
  return out.finish();
}
