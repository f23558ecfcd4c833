// Steps on the VS Code workbench (code-server in Chromium) that the e2e tests are written in. Generic:
// knows the workbench's DOM, nothing about the sandbox's data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The zone VS Code, Chromium and the tests run in: not UTC, and not a whole hour from it. */
export const E2E_TIME_ZONE = 'Asia/Kolkata';
import type { ExpectedHostError } from '../support/hostLogs';

export const SCREENSHOTS_DIR = path.join(__dirname, 'screenshots');

export interface TreeItem {
  readonly label: string;
  readonly description: string;
  /** 1 for top-level rows. */
  readonly depth: number;
  /** undefined for leaves. */
  readonly expanded: boolean | undefined;
  /** The row's accessible label (label, description and tooltip as VS Code reads them out). */
  readonly ariaLabel: string;
}

export interface QuickPickItem {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** For multi-select pickers. */
  readonly checked: boolean | undefined;
}

export interface Notification {
  readonly message: string;
  readonly source: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** A notification as the recorder saw it appear, with the test that was running then ('' before the first). */
export interface RecordedNotification {
  readonly message: string;
  readonly source: string;
  readonly test: string;
}

/**
 * Runs in the workbench page as soon as it is built: records every notification that appears, so a test
 * can prove that none was raised even after it was dismissed or timed out. (Source text, not a function:
 * the test runner's compiler decorates named functions with helpers the page does not have.)
 */
const RECORD_NOTIFICATIONS = `(() => {
  window.__opsLensNotifications = [];
  const seen = new Set();
  const scan = () => {
    for (const item of document.querySelectorAll('.notification-list-item')) {
      const message = item.querySelector('.notification-list-item-message')?.textContent ?? '';
      if (!message) continue;
      const source = item.querySelector('.notification-list-item-source')?.textContent ?? '';
      const test = window.__opsLensCurrentTest ?? '';
      const key = test + '\\u0000' + source + '\\u0000' + message;
      if (seen.has(key)) continue;
      seen.add(key);
      window.__opsLensNotifications.push({ message, source, test });
    }
  };
  scan();
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

export interface StatusBarItem {
  readonly id: string;
  readonly text: string;
  readonly ariaLabel: string;
}

/** Polls `read` until `accept` holds; returns the last value or throws with it. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, options: { timeoutMs?: number; message?: string } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15000);
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seen = lastError && last === undefined ? `error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : JSON.stringify(last);
  throw new Error(`${options.message ?? 'condition not met'} within ${options.timeoutMs ?? 15000} ms; last seen ${seen}`);
}

/**
 * The workbench DOM that differs between the VS Code versions the layers run on (1.103 and 1.139),
 * in one place. Everything else in this file is the same on both.
 */
const VERSIONED = {
  /**
   * An editor tab's title. 1.103 renders the whole file name in `.label-name`; 1.139 splits it into
   * `.label-name` ("NOTES") and `.label-suffix` (".md").
   */
  activeTabTitleParts: ['.label-name', '.label-suffix'],
  activeTab: '.part.editor .tabs-container .tab.active',
} as const;

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;
/** A tree's own rows, not the copies of parent rows that sticky scroll pins above them. */
const TREE_ROWS = '.monaco-list-rows > .monaco-list-row';

export class Workbench {
  constructor(
    readonly page: Page,
    readonly workbenchUrl: string,
  ) {}

  // --- workbench ---------------------------------------------------------------------------------

  /** Loads the workbench on the workspace folder and clears what the first start shows. */
  async open(): Promise<void> {
    await this.page.goto(this.workbenchUrl, { timeout: 60000 });
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    // Before the extension host is up, so no notification of an extension's start is missed.
    await this.page.evaluate(RECORD_NOTIFICATIONS);
    // The status bar and activity bar are filled once the extension host is up.
    await this.page.waitForSelector('.part.activitybar .action-item', { timeout: 60000 });
    await this.page.waitForSelector('.part.statusbar .statusbar-item', { timeout: 60000 });
    await this.closeEditors();
    await this.dismissNotifications();
  }

  async closeEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
  }

  /** Clears every notification (toasts and the notification center). */
  async dismissNotifications(): Promise<void> {
    if ((await this.page.locator('.notification-list-item').count()) === 0) return;
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  }

  /**
   * Waits until nothing is loading: no progress bar in the side bar or panel, no "Activating
   * Extensions…" entry in the status bar — the same for half a second.
   */
  async waitForIdle(timeoutMs = 15000): Promise<void> {
    let quietSince = 0;
    await waitFor(
      async () => {
        const busy = await this.page.evaluate(() => {
          const progress = Array.from(document.querySelectorAll('.part.sidebar .monaco-progress-container.active, .part.panel .monaco-progress-container.active'))
            .some((el) => (el as HTMLElement).offsetParent !== null);
          const activating = Array.from(document.querySelectorAll('.part.statusbar .statusbar-item')).some((el) => /Activating Extensions/i.test(el.textContent ?? ''));
          return progress || activating;
        });
        if (busy) quietSince = 0;
        else if (!quietSince) quietSince = Date.now();
        return quietSince !== 0 && Date.now() - quietSince >= 500;
      },
      (idle) => idle,
      { timeoutMs, message: 'the workbench kept loading' },
    );
  }

  /** Moves the pointer to an empty corner of the editor area, so no hover or tooltip is showing. */
  async parkPointer(): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1280, height: 800 };
    await this.page.mouse.move(size.width - 40, Math.round(size.height / 2));
  }

  /**
   * Saves `test/e2e/screenshots/<name>.png` and returns its path. By default it first waits (briefly,
   * without failing) for the workbench to stop loading and parks the pointer.
   */
  async screenshot(name: string, options: { settle?: boolean } = {}): Promise<string> {
    if (options.settle !== false) {
      await this.parkPointer();
      await this.waitForIdle(5000).catch(() => undefined);
    }
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, `${name.replace(/\.png$/, '').replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // --- command palette and quick picks -------------------------------------------------------------

  /** Opens the palette with F1, types the command's title and runs the row whose label is exactly it. */
  async runCommand(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(`>${title}`);
    await (await this.quickRow(title, `command "${title}" not in the palette`)).click();
    await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** The rendered quick input row whose label is exactly `label`, once there is one. */
  private async quickRow(label: string, message: string): Promise<Locator> {
    const index = await waitFor(
      async () => {
        const labels = await this.page.locator(QUICK_ROWS).evaluateAll((rows) => rows.map((row) => row.querySelector('.label-name')?.textContent ?? ''));
        return labels.findIndex((l) => normalise(l) === label);
      },
      (i) => i >= 0,
      { timeoutMs: 10000, message },
    );
    return this.page.locator(QUICK_ROWS).nth(index);
  }

  /** Whether a quick input (palette, quick pick, input box) is showing. */
  async quickInputVisible(): Promise<boolean> {
    return this.page.locator(QUICK_INPUT).isVisible();
  }

  async closeQuickInput(): Promise<void> {
    if (await this.quickInputVisible()) {
      await this.page.keyboard.press('Escape');
      await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
    }
  }

  /** Title, placeholder and value of the open quick input. */
  async quickInputInfo(): Promise<{ title: string; placeholder: string; value: string }> {
    const widget = this.page.locator(QUICK_INPUT);
    await widget.waitFor({ state: 'visible', timeout: 10000 });
    const info = await widget.evaluate((el) => {
      const input = el.querySelector('.quick-input-box input') as HTMLInputElement | null;
      return { title: el.querySelector('.quick-input-title')?.textContent ?? '', placeholder: input?.placeholder ?? '', value: input?.value ?? '' };
    });
    return { ...info, title: normalise(info.title) };
  }

  /**
   * Rows of the open quick pick, once the list has settled. Only the rendered rows: a long list renders
   * what fits (about 20), so type into the picker to narrow it first.
   */
  async quickPickItems(): Promise<QuickPickItem[]> {
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10000 });
    let previous = '';
    const settled = await waitFor(
      async () => {
        // Only values and anonymous callbacks in page functions: tsx would wrap named ones in a helper
        // that does not exist in the page.
        const raw = await this.page.locator(QUICK_ROWS).evaluateAll((rows) =>
          rows.map((row) => ({
            top: parseFloat((row as HTMLElement).style.top || '0'),
            label: row.querySelector('.label-name')?.textContent ?? '',
            description: row.querySelector('.label-description')?.textContent ?? '',
            detail: row.querySelector('.quick-input-list-detail .label-name')?.textContent ?? '',
            ariaChecked: row.getAttribute('aria-checked'),
            checkbox: (row.querySelector('input[type=checkbox]') as HTMLInputElement | null)?.checked,
          })),
        );
        const items: QuickPickItem[] = raw
          .sort((a, b) => a.top - b.top)
          .map((r) => ({
            label: normalise(r.label),
            description: normalise(r.description),
            detail: normalise(r.detail),
            checked: r.ariaChecked !== null ? r.ariaChecked === 'true' : r.checkbox,
          }));
        const snapshot = JSON.stringify(items);
        const stable = snapshot === previous;
        previous = snapshot;
        return { items, stable };
      },
      (r) => r.stable,
      { timeoutMs: 10000, message: 'quick pick did not settle' },
    );
    return settled.items;
  }

  /** Types `text` into the open quick input (replacing its value). */
  async typeInQuickInput(text: string): Promise<void> {
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(text);
  }

  /** Clicks the row with this label (in a multi-select picker: toggles it). */
  async pickQuickItem(label: string): Promise<void> {
    // The list can re-render between finding the row and clicking it (items arriving, filtering): retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await (await this.quickRow(label, `no quick pick item "${label}"`)).click({ timeout: 5000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  /** Presses Enter in the open quick input (accepts a multi-select picker or an input box). */
  async acceptQuickInput(): Promise<void> {
    await this.page.locator(`${QUICK_INPUT} .quick-input-box input`).press('Enter');
  }

  // --- views -------------------------------------------------------------------------------------

  /** The title of the view container the side bar shows, or "" when the side bar is hidden. */
  async sideBarTitle(): Promise<string> {
    const title = await this.page.locator('.part.sidebar').evaluate((el) => {
      if ((el as HTMLElement).offsetParent === null || el.getBoundingClientRect().width === 0) return '';
      return el.querySelector('.composite.title .title-label h2')?.textContent ?? el.querySelector('.composite.title')?.textContent ?? '';
    }).catch(() => '');
    return normalise(title);
  }

  /**
   * Shows a view container in the side bar, clicking its activity bar entry (by the start of its
   * accessible name). Clicking the entry of the container already shown hides the side bar, so this
   * clicks only until the side bar shows it.
   */
  async openActivity(name: string): Promise<void> {
    const entry = this.page.locator(`.part.activitybar a[aria-label^="${name}"]`).first();
    await entry.waitFor({ state: 'visible', timeout: 30000 });
    // The entry's badge (a count of endpoints down, say) covers part of its icon; clicking the list
    // item that holds both lands on one or the other, as a user's click does.
    const item = entry.locator('xpath=ancestor::li[1]');
    const showing = async () => (await this.sideBarTitle()).toLowerCase().startsWith(name.toLowerCase());
    for (let attempt = 0; attempt < 3 && !(await showing()); attempt++) {
      await item.click();
      await waitFor(showing, (yes) => yes, { timeoutMs: 3000 }).catch(() => undefined);
    }
    await this.parkPointer();
    if (!(await showing())) throw new Error(`the side bar does not show "${name}" (it shows "${await this.sideBarTitle()}")`);
    await this.page.locator('.part.sidebar .pane-header').first().waitFor({ state: 'visible', timeout: 15000 });
  }

  /** The accessible name of an activity bar entry, which carries its badge ("Ops Lens - 2 health endpoints down"). */
  async activityLabel(name: string): Promise<string> {
    return (await this.page.locator(`.part.activitybar a[aria-label^="${name}"]`).first().getAttribute('aria-label')) ?? '';
  }

  async openOpsLens(): Promise<void> {
    await this.openActivity('Ops Lens');
  }

  /** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
  async setSideBarWidth(width: number): Promise<void> {
    const sidebar = await this.page.locator('.part.sidebar').boundingBox();
    if (!sidebar) return;
    const sashes = await this.page.locator('.monaco-sash.vertical').evaluateAll((list) =>
      list.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, height: r.height };
      }),
    );
    const edge = sidebar.x + sidebar.width;
    const sash = sashes.filter((s) => s.height > 100 && Math.abs(s.x - edge) < 6).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    if (!sash) return;
    await this.page.mouse.move(sash.x, sash.y);
    await this.page.mouse.down();
    await this.page.mouse.move(sidebar.x + width, sash.y, { steps: 8 });
    await this.page.mouse.up();
    await this.parkPointer();
  }

  /** Titles of the views (sections) in the side bar, top to bottom, as the extension spells them. */
  async viewTitles(): Promise<string[]> {
    const titles = await this.page.locator('.part.sidebar .pane-header h3.title').allTextContents();
    return titles.map(normalise);
  }

  private pane(viewName: string): Locator {
    return this.page.locator('.part.sidebar .pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^\\s*${escapeRegExp(viewName)}\\s*$`, 'i') }) }).first();
  }

  /** Expands a collapsed view section. */
  async expandView(viewName: string): Promise<Locator> {
    const pane = this.pane(viewName);
    await pane.waitFor({ state: 'visible', timeout: 15000 });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /** Collapses a view section, giving its room to the others. */
  async collapseView(viewName: string): Promise<void> {
    const pane = this.pane(viewName);
    await pane.waitFor({ state: 'visible', timeout: 15000 });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  /** The welcome text a view shows instead of a tree (empty when it shows a tree). */
  async viewWelcome(viewName: string): Promise<string> {
    const pane = await this.expandView(viewName);
    const welcome = pane.locator('.welcome-view-content');
    if ((await welcome.count()) === 0 || !(await welcome.first().isVisible())) return '';
    return normalise(await welcome.first().innerText());
  }

  /** Clicks a link (a command button) of the welcome text a view shows instead of a tree. */
  async clickWelcomeLink(viewName: string, text: string): Promise<void> {
    const pane = await this.expandView(viewName);
    await pane.locator('.welcome-view-content').getByText(text, { exact: true }).first().click();
  }

  /**
   * Every row of a view's tree (expanded nodes' children included), top to bottom. A tree renders only
   * the rows in view, so a tree taller than its pane is scrolled through with the mouse wheel and
   * scrolled back to the top; the tree's own state (expansion, selection) is untouched.
   */
  async treeItems(viewName: string): Promise<TreeItem[]> {
    const pane = await this.expandView(viewName);
    const read = () =>
      pane.locator(TREE_ROWS).evaluateAll((rows) =>
        rows.map((row) => ({
          index: Number(row.getAttribute('data-index') ?? -1),
          last: row.getAttribute('data-last-element') === 'true',
          label: row.querySelector('.label-name')?.textContent ?? '',
          description: row.querySelector('.label-description')?.textContent ?? '',
          level: row.getAttribute('aria-level'),
          expanded: row.getAttribute('aria-expanded'),
          ariaLabel: row.getAttribute('aria-label') ?? '',
        })),
      );
    const byIndex = new Map<number, Awaited<ReturnType<typeof read>>[number]>();
    let rows = await read();
    for (const r of rows) byIndex.set(r.index, r);
    const complete = () => byIndex.has(0) && [...byIndex.values()].some((r) => r.last) && [...byIndex.keys()].every((k, _i, keys) => k < keys.length);
    if (rows.length > 0 && !complete()) {
      await this.scrollTreeToTop(pane);
      // Read afresh from the top: rows read at another scroll position may be stale.
      byIndex.clear();
      let furthest = -1;
      let unchanged = 0;
      for (let i = 0; i < 500 && unchanged < 5; i++) {
        rows = await read();
        for (const r of rows) byIndex.set(r.index, r);
        if (rows.some((r) => r.last)) break;
        const max = Math.max(-1, ...rows.map((r) => r.index));
        unchanged = max > furthest ? 0 : unchanged + 1;
        furthest = Math.max(furthest, max);
        await this.page.mouse.wheel(0, 120);
        await this.page.waitForTimeout(30);
      }
      await this.scrollTreeToTop(pane);
      await this.parkPointer();
      // A partial list would let a check over "every row" pass on the rows that happened to be read.
      if (!complete()) throw new Error(`could not read the whole tree of ${viewName}: rows ${[...byIndex.keys()].sort((a, b) => a - b).join(',')} read, ${[...byIndex.values()].some((r) => r.last) ? 'with' : 'without'} the last row`);
    }
    return [...byIndex.values()]
      .sort((a, b) => a.index - b.index)
      .map((r) => ({
        label: normalise(r.label),
        description: normalise(r.description),
        depth: Number(r.level ?? 1),
        expanded: r.expanded === null ? undefined : r.expanded === 'true',
        ariaLabel: r.ariaLabel,
      }));
  }

  /** Waits until a view's tree has a row with this label and returns the rows. */
  async waitForTreeItem(viewName: string, label: string | RegExp, timeoutMs = 20000): Promise<TreeItem[]> {
    const matches = (i: TreeItem) => (typeof label === 'string' ? i.label === label : label.test(i.label));
    return waitFor(() => this.treeItems(viewName), (items) => items.some(matches), { timeoutMs, message: `no row "${label}" in view ${viewName}` });
  }

  /** The rendered row with this label, scrolled into the pane when the tree is taller than it. */
  private async treeRow(viewName: string, label: string): Promise<Locator> {
    const pane = await this.expandView(viewName);
    await this.waitForTreeItem(viewName, label);
    const row = pane.locator(TREE_ROWS).filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
    const box = await pane.locator('.monaco-list').first().boundingBox();
    if (!box) return row;
    const fullyShown = async () => {
      if ((await row.count()) === 0) return false;
      const r = await row.boundingBox();
      return !!r && r.y >= box.y && r.y + r.height <= box.y + box.height;
    };
    if (await fullyShown()) return row;
    await this.scrollTreeToTop(pane);
    for (let i = 0; i < 500 && !(await fullyShown()); i++) {
      if ((await pane.locator(`${TREE_ROWS}[data-last-element="true"]`).count()) > 0 && (await row.count()) === 0) break;
      await this.page.mouse.wheel(0, 60);
      await this.page.waitForTimeout(30);
    }
    return row;
  }

  /**
   * Scrolls a view's tree to its first row with the mouse wheel (the list clamps each wheel event to a
   * few rows, so it takes several) and leaves the pointer over the tree.
   */
  private async scrollTreeToTop(pane: Locator): Promise<void> {
    const box = await pane.locator('.monaco-list').first().boundingBox();
    if (!box) return;
    // Below the rows that sticky scroll pins at the top, and above the status bar: a list can extend
    // below its pane's visible part, and a wheel over the status bar scrolls nothing.
    const paneBox = await pane.boundingBox();
    const statusBar = await this.page.locator('.part.statusbar').boundingBox();
    const bottom = Math.min(box.y + box.height, paneBox ? paneBox.y + paneBox.height : Infinity, statusBar ? statusBar.y : Infinity);
    await this.page.mouse.move(box.x + box.width / 2, Math.max(box.y + 5, bottom - 12));
    const first = pane.locator(`${TREE_ROWS}[data-index="0"]`);
    for (let i = 0; i < 500; i++) {
      if ((await first.count()) > 0) {
        const r = await first.boundingBox();
        if (r && r.y >= box.y - 1) return;
      }
      await this.page.mouse.wheel(0, -240);
      await this.page.waitForTimeout(30);
    }
  }

  /** Expands the row with this label (no-op when it is already expanded). */
  async expandTreeItem(viewName: string, label: string): Promise<void> {
    const row = await this.treeRow(viewName, label);
    if ((await row.getAttribute('aria-expanded')) === 'false') {
      await row.locator('.monaco-tl-twistie').click();
      await waitFor(async () => row.getAttribute('aria-expanded'), (v) => v === 'true', { timeoutMs: 5000, message: `row "${label}" did not expand` });
    }
  }

  /** Clicks the row with this label (runs its command, if it has one). */
  async clickTreeItem(viewName: string, label: string): Promise<void> {
    await (await this.treeRow(viewName, label)).click();
  }

  /** Opens the context menu of a row and returns the menu's entries. */
  async treeItemContextMenu(viewName: string, label: string): Promise<string[]> {
    await (await this.treeRow(viewName, label)).click({ button: 'right' });
    const menu = this.page.locator('.monaco-menu .action-label');
    await menu.first().waitFor({ state: 'visible', timeout: 5000 });
    return (await menu.allTextContents()).map(normalise).filter(Boolean);
  }

  /**
   * Clicks an entry of the open context menu. A menu ignores a click that comes right after it opened (as
   * it would the release of the right button that opened it), so the entry is clicked until the menu closes.
   */
  async pickContextMenuItem(label: string): Promise<void> {
    const item = this.page.locator('.monaco-menu .action-label', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await item.click();
      if (await item.waitFor({ state: 'hidden', timeout: 1500 }).then(() => true, () => false)) return;
    }
    throw new Error(`the context menu stayed open after choosing "${label}" three times`);
  }

  /** Clicks an action button in a view's title bar by its tooltip (e.g. "Refresh"). */
  async clickViewAction(viewName: string, title: string): Promise<void> {
    const pane = await this.expandView(viewName);
    await pane.locator('.pane-header').hover();
    await pane.locator(`.pane-header .actions a.action-label[aria-label^="${title}"]`).first().click();
  }

  // --- editors -----------------------------------------------------------------------------------

  /** Moves the cursor of the active editor to a 1-based line through Go to Line. */
  async goToLine(line: number): Promise<void> {
    await this.runCommand('Go to Line/Column...');
    await this.typeInQuickInput(`:${line}`);
    await this.acceptQuickInput();
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /**
   * The CodeLens with this title closest above the cursor line: the lens of the block the cursor is in.
   * Lenses render in zones above the line they belong to.
   */
  async codeLensAboveCursor(title: string): Promise<Locator> {
    const editor = this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    // Only lenses on screen: Monaco keeps some of those scrolled away in the page, hidden.
    const lenses = editor.locator('.codelens-decoration a:visible', { hasText: title });
    await lenses.first().waitFor({ state: 'visible', timeout: 20000 });
    const cursorTop = await editor.locator('.view-overlays .current-line').first().evaluate((el) => el.getBoundingClientRect().top);
    const tops = await lenses.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
    let best = -1;
    tops.forEach((top, i) => {
      if (top < cursorTop && (best === -1 || top > tops[best])) best = i;
    });
    if (best === -1) throw new Error(`no "${title}" lens above the cursor`);
    return lenses.nth(best);
  }

  /** Types into the Problems panel's filter box (the panel must be showing); '' clears it. */
  async filterProblems(text: string): Promise<void> {
    const input = this.page.locator('.part.panel .viewpane-filter input').first();
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(text);
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) by its workspace-relative path. */
  async openFile(relativePath: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press(process.platform === 'darwin' ? 'Meta+P' : 'Control+P');
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible', timeout: 10000 });
    const base = path.posix.basename(relativePath);
    // Quick Open searches once per query: a file written a moment ago may not be found until the workbench's
    // file search has seen it, so the query is typed again until it is (or 30 s have passed).
    const deadline = Date.now() + 30000;
    for (;;) {
      await input.fill(relativePath);
      const found = await waitFor(() => this.quickPickItems(), (items) => items.some((i) => i.label === base), { timeoutMs: 5000, message: '' }).then(() => true, () => false);
      if (found || Date.now() > deadline) break;
      await input.fill('');
    }
    await this.pickQuickItem(base);
    await this.waitForEditor(base);
  }

  /** The active editor tab's title ("" when no editor is open). */
  async activeEditorTitle(): Promise<string> {
    const tab = this.page.locator(VERSIONED.activeTab).first();
    if ((await tab.count()) === 0) return '';
    const title = await tab.evaluate((el, parts) => parts.map((selector) => el.querySelector(selector)?.textContent ?? '').join(''), [...VERSIONED.activeTabTitleParts]);
    return normalise(title);
  }

  /** Waits until the active editor's tab title matches. */
  async waitForEditor(title: string | RegExp, timeoutMs = 15000): Promise<string> {
    return waitFor(() => this.activeEditorTitle(), (t) => (typeof title === 'string' ? t === title : title.test(t)), { timeoutMs, message: `no active editor "${title}"` });
  }

  /** The actions in the active editor group's title bar, by their names (a webview panel's commands show there). */
  async editorActions(): Promise<string[]> {
    const labels = await this.page.locator('.part.editor .editor-group-container.active .editor-actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return labels.map(normalise).filter(Boolean);
  }

  /** Clicks the action of the active editor group's title bar with this name, once it shows. */
  async clickEditorAction(name: string, timeoutMs = 10000): Promise<void> {
    const action = this.page.locator(`.part.editor .editor-group-container.active .editor-actions .action-label[aria-label="${name.replace(/"/g, '\\"')}"]`).first();
    await action.waitFor({ state: 'visible', timeout: timeoutMs });
    await action.click();
  }

  /**
   * Takes `name` in the light theme and `name-dark` in the dark one, then turns back to light. With a
   * webview `page`, the dark shot waits until the page has turned dark.
   */
  async screenshotBothThemes(name: string, page?: FrameLocator): Promise<void> {
    await this.screenshot(name);
    await this.setColorTheme('Dark Modern');
    if (page) await waitFor(() => page.locator('body').getAttribute('class'), (c) => /vscode-dark/.test(c ?? ''), { message: `the page of ${name} did not turn dark` });
    await this.screenshot(`${name}-dark`);
    await this.setColorTheme('Light Modern');
  }

  /** Switches the color theme through its picker ("Dark Modern", "Light Modern"). */
  async setColorTheme(name: string): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    await this.typeInQuickInput(name);
    // The theme picker previews the focused theme; Enter keeps it.
    await this.acceptQuickInput();
  }

  /** The language of the active editor as the status bar names it ("Ops Lens Query Results"). */
  async activeEditorLanguage(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]').first();
    return (await item.count()) === 0 ? '' : normalise((await item.textContent()) ?? '');
  }

  /** Waits for a results document of Ops Lens to be the active editor. */
  async waitForResults(timeoutMs = 30000): Promise<string> {
    await waitFor(() => this.activeEditorLanguage(), (l) => l === 'Ops Lens Query Results', { timeoutMs, message: 'no results document became the active editor' });
    return this.activeEditorTitle();
  }

  /**
   * The whole text of the active text editor. Monaco renders only the visible lines, so the text is
   * read through the clipboard: focus the editor, select all, copy, read, then put the cursor back at
   * the start.
   */
  async activeEditorText(): Promise<string> {
    const editor = this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 15000 });
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    // Click below the middle: CodeLens and other view zones sit over the first lines.
    const box = await editor.boundingBox();
    await editor.click({ position: { x: Math.min(80, (box?.width ?? 160) / 2), y: Math.max(10, (box?.height ?? 40) * 0.6) }, force: true });
    const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
    await this.page.keyboard.press(`${mod}+A`);
    await this.page.keyboard.press(`${mod}+C`);
    const text = await waitFor(() => this.page.evaluate(() => navigator.clipboard.readText()), (t) => t !== '', { timeoutMs: 3000, message: 'editor text not copied' }).catch(async () => {
      // An empty document copies nothing: tell that apart from a failed copy.
      const visible = await editor.locator('.view-lines').innerText();
      if (visible.trim() === '') return '';
      throw new Error('could not copy the active editor text');
    });
    await this.page.keyboard.press(`${mod}+Home`);
    return text.replace(/\r\n/g, '\n');
  }

  // --- notifications and status bar -----------------------------------------------------------------

  /** Notifications currently listed (toasts, or the center when it is open). */
  async notifications(): Promise<Notification[]> {
    const raw = await this.page.locator('.notification-list-item').evaluateAll((items) =>
      items.map((item) => ({
        message: item.querySelector('.notification-list-item-message')?.textContent ?? '',
        source: item.querySelector('.notification-list-item-source')?.textContent ?? '',
        icon: item.querySelector('.notification-list-item-icon')?.className ?? '',
      })),
    );
    return raw.map((r) => ({
      message: normalise(r.message),
      source: normalise(r.source),
      severity: /error/.test(r.icon) ? 'error' : /warning/.test(r.icon) ? 'warning' : 'info',
    }));
  }

  /** Every notification that appeared since the workbench opened, dismissed ones included. */
  async recordedNotifications(): Promise<RecordedNotification[]> {
    const raw = await this.page.evaluate(() => (window as unknown as { __opsLensNotifications?: RecordedNotification[] }).__opsLensNotifications ?? []);
    return raw.map((n) => ({ message: normalise(n.message), source: normalise(n.source), test: n.test }));
  }

  /** Tells the notification recorder which test is running. */
  async markTest(title: string): Promise<void> {
    await this.page.evaluate((t) => {
      (window as unknown as { __opsLensCurrentTest?: string }).__opsLensCurrentTest = t;
    }, title);
  }

  /** Waits for a notification whose message matches and returns it. */
  async waitForNotification(message: string | RegExp, timeoutMs = 15000): Promise<Notification> {
    const matches = (n: Notification) => (typeof message === 'string' ? n.message.includes(message) : message.test(n.message));
    const all = await waitFor(() => this.notifications(), (list) => list.some(matches), { timeoutMs, message: `no notification "${message}"` });
    return all.find(matches)!;
  }

  /** Clicks a button of the notification whose message matches. */
  async clickNotificationButton(message: string | RegExp, button: string): Promise<void> {
    const item = this.page.locator('.notification-list-item').filter({ has: this.page.locator('.notification-list-item-message', { hasText: message }) }).first();
    await item.locator('.monaco-button', { hasText: button }).first().click();
  }

  /** Status bar entries, left to right; codicons such as `$(cloud)` are not part of the text. */
  async statusBarItems(): Promise<StatusBarItem[]> {
    const raw = await this.page.locator('.part.statusbar .statusbar-item').evaluateAll((items) =>
      items.map((item) => ({
        id: item.id,
        text: item.textContent ?? '',
        ariaLabel: item.querySelector('[aria-label]')?.getAttribute('aria-label') ?? item.getAttribute('aria-label') ?? '',
      })),
    );
    return raw.map((r) => ({ ...r, text: normalise(r.text) }));
  }

  /** Clicks the status bar item whose id ends with `idSuffix` (ids are `<extension id>.<item id>`). */
  async clickStatusBarItem(idSuffix: string): Promise<void> {
    await this.page.locator(`.part.statusbar .statusbar-item[id$="${idSuffix}"] a, .part.statusbar .statusbar-item[id$="${idSuffix}"] .statusbar-item-label`).first().click();
  }
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- the one workbench of a test run, set up by test/e2e/setup.ts -------------------------------------

/** How long after its test an expected error is still excused: work the test started may log it late. */
const HOST_ERROR_GRACE_MS = 10_000;
const expectedHostErrors: { pattern: RegExp; from: number; until: number }[] = [];

/**
 * Declares an error the extension host's logs may show because the running test provokes it on purpose,
 * from now until shortly after that test ends; any other error Ops Lens logs, or any unhandled rejection
 * from its code, fails the run. Keep the pattern as narrow as the error's own words.
 */
export function expectHostError(pattern: RegExp): void {
  expectedHostErrors.push({ pattern, from: Date.now(), until: Number.POSITIVE_INFINITY });
}

/** Called when a test ends: the errors it expected are excused only a little longer. */
export function closeHostErrorWindows(): void {
  const until = Date.now() + HOST_ERROR_GRACE_MS;
  for (const e of expectedHostErrors) e.until = Math.min(e.until, until);
}

export function hostErrorsExpected(): readonly ExpectedHostError[] {
  return expectedHostErrors;
}

export interface E2eEnvironment {
  readonly workbench: Workbench;
  /** Folder open in the workbench. */
  readonly workspace: string;
  /** AWS endpoint (moto) the extension talks to. */
  readonly awsEndpoint: string;
  /** Local health server, when the sandbox runs one. */
  readonly healthUrl: string | undefined;
  /** Environment the extension host was started with. */
  readonly env: Readonly<Record<string, string>>;
  /** The extension host's home folder (HOME), private to the run. */
  readonly home: string;
  /** The user's settings.json of the run (user-level settings, which a workspace cannot change). */
  readonly userSettingsFile: string;
  readonly codeServerUrl: string;
}

let current: E2eEnvironment | undefined;

export function setEnvironment(env: E2eEnvironment | undefined): void {
  current = env;
}

export function environment(): E2eEnvironment {
  if (!current) throw new Error('the e2e environment is not set up: run mocha with --require test/e2e/setup.ts');
  return current;
}

export function workbench(): Workbench {
  return environment().workbench;
}
