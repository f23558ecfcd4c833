import type { MdBlock, MdInline } from '../protocol';
import { el } from './dom';

/** Inline nodes → DOM; text stays text. Links open through the host (https only, checked there again). */
function inline(nodes: readonly MdInline[], openLink: (href: string) => void): Node[] {
  return nodes.map((node): Node => {
    switch (node.type) {
      case 'text':
        return document.createTextNode(node.text);
      case 'code':
        return el('code', {}, node.text);
      case 'strong':
        return el('strong', {}, ...inline(node.children, openLink));
      case 'em':
        return el('em', {}, ...inline(node.children, openLink));
      case 'link': {
        if (!node.href) return el('span', { class: 'md-link-text' }, ...inline(node.children, openLink));
        const href = node.href;
        const a = el('a', { href, title: href }, ...inline(node.children, openLink));
        a.addEventListener('click', (event) => {
          event.preventDefault();
          openLink(href);
        });
        return a;
      }
    }
  });
}

/** A text widget's markdown blocks as DOM. */
export function renderMarkdown(blocks: readonly MdBlock[], openLink: (href: string) => void): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const tag = (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const)[block.level - 1];
        fragment.append(el(tag, { class: 'md-heading' }, ...inline(block.children, openLink)));
        break;
      }
      case 'paragraph':
        fragment.append(el('p', {}, ...inline(block.children, openLink)));
        break;
      case 'quote':
        fragment.append(el('blockquote', {}, ...inline(block.children, openLink)));
        break;
      case 'code':
        fragment.append(el('pre', {}, el('code', {}, block.text)));
        break;
      case 'rule':
        fragment.append(el('hr'));
        break;
      case 'list': {
        const list = block.ordered ? el('ol', block.start && block.start !== 1 ? { start: String(block.start) } : {}) : el('ul');
        for (const item of block.items) list.append(el('li', {}, ...inline(item, openLink)));
        fragment.append(list);
        break;
      }
      case 'table': {
        const head = el('tr', {}, ...block.header.map((cell) => el('th', { scope: 'col' }, ...inline(cell, openLink))));
        const body = block.rows.map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, ...inline(cell, openLink)))));
        fragment.append(el('table', { class: 'md-table' }, el('thead', {}, head), el('tbody', {}, ...body)));
        break;
      }
    }
  }
  return fragment;
}
