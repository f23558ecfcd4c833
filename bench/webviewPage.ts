// A webview page bundle run in Chromium as the panel runs it: built as the build does, loaded into a
// blank page with the panel's style sheets and a stand-in for VS Code's webview API that records what
// the page posts (`window.__posted`).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../test/support/environment';

/** Builds the page `name` (src/webview/page/<name>.ts) and hands `use` a Chromium page and a way to load it afresh. */
export async function withWebviewPage<T>(name: string, use: (page: Page, reload: () => Promise<void>, errors: string[]) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ops-lens-bench-${name}-`));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    // The build's own options for the pages (loaders for their styles and fonts), with this one page as the entry.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { builds } = require(path.join(REPO_ROOT, 'esbuild.js')) as { builds: import('esbuild').BuildOptions[] };
    const pages = builds.find((b) => b.platform === 'browser');
    if (!pages) throw new Error('esbuild.js has no build of the webview pages');
    await esbuild.build({ ...pages, entryPoints: { [name]: path.join(REPO_ROOT, `src/webview/page/${name}.ts`) }, outdir: dir, minify: true, sourcemap: false, absWorkingDir: REPO_ROOT, logLevel: 'silent' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const reload = async () => {
      await page.setContent('<!DOCTYPE html><html><head></head><body><div id="app"></div></body></html>');
      await page.addStyleTag({ path: path.join(REPO_ROOT, 'media/chart.css') });
      await page.addStyleTag({ path: path.join(dir, `${name}.css`) });
      // Source text, not functions: the bench's compiler decorates functions with helpers the page lacks.
      await page.evaluate('window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });');
      await page.addScriptTag({ path: path.join(dir, `${name}.js`) });
    };
    return await use(page, reload, errors);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
