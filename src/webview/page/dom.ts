import type { AccountBadge } from '../protocol';

type Child = Node | string | null | undefined | false;

/**
 * Builds an element. Text goes in as text nodes (never parsed as HTML): every string here may come
 * from a dashboard, a metric or a dimension value.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function button(label: string, onClick: () => void, attrs: Record<string, string | undefined> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A marked account's badge: its label, in the colour the theme gives its theme colour id; hidden without one. */
export function paintAccountBadge(badge: HTMLElement, account: AccountBadge | undefined): void {
  badge.hidden = !account;
  badge.textContent = account?.label ?? '';
  badge.dataset.environment = account?.environment ?? '';
  const color = account && /^[A-Za-z][\w.-]{0,63}$/.test(account.color) ? `var(--vscode-${account.color.replace(/\./g, '-')})` : '';
  badge.style.setProperty('--account-color', color);
}

/** A button drawn as its codicon, named for screen readers and in its tooltip. */
export function iconButton(icon: string, name: string, onClick: () => void, attrs: Record<string, string | undefined> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'icon', 'aria-label': name, title: name, ...attrs }, el('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }));
  b.addEventListener('click', onClick);
  return b;
}
