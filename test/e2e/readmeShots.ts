// The README's images, taken from the workbench: each subject cropped to its element's box, at twice the
// pixel density, once in a light and once in a dark theme. The README shows the pair with <picture>.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CDPSession, Locator } from 'playwright-core';
import { animatedPng } from '../support/apng';
import { REPO_ROOT } from '../support/environment';
import { waitFor, workbench } from './harness';

/** Where the README finds its images; outside what the extension package ships. */
export const README_IMAGES_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

/** Current VS Code's default themes. */
export const THEMES = { light: 'Light 2026', dark: 'Dark 2026' } as const;
export type Theme = keyof typeof THEMES;
const THEME_ORDER: readonly Theme[] = ['light', 'dark'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

let cdp: CDPSession | undefined;
/** Whether this run switched the theme (the run itself wears the light one). */
let themeChanged = false;

/** Renders the workbench at `factor` device pixels per CSS pixel, same layout (1 restores the run's own). */
export async function setDeviceScale(factor: number): Promise<void> {
  const page = workbench().page;
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  cdp ??= await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: factor, mobile: false });
  await waitFor(() => page.evaluate(() => window.devicePixelRatio), (r) => r === factor, { message: `the workbench did not render at ${factor}×` });
}

/** Switches the color theme as a person does (the palette's theme picker), and waits until the workbench and its webviews wear it. */
export async function setTheme(theme: Theme): Promise<void> {
  const wb = workbench();
  const kind = theme === 'dark' ? 'vs-dark' : 'vs';
  const wearing = async () => ((await wb.page.locator('.monaco-workbench').first().getAttribute('class')) ?? '').split(/\s+/).includes(kind);
  if (await wearing()) return;
  await wb.runCommand('Preferences: Color Theme');
  await wb.typeInQuickInput(THEMES[theme]);
  // The picker previews the highlighted theme; Enter keeps it (the pointer stays where it was).
  await wb.acceptQuickInput();
  await waitFor(wearing, (yes) => yes, { message: `the workbench did not switch to ${THEMES[theme]}` });
  themeChanged = true;
  // Webviews receive the new colours by message and charts redraw with them.
  await wb.page.waitForTimeout(1200);
}

/** Puts the theme and the device scale back as the run had them. */
export async function restoreWorkbench(): Promise<void> {
  if (themeChanged) await setTheme('light');
  themeChanged = false;
  await setDeviceScale(1);
  await cdp?.detach().catch(() => undefined);
  cdp = undefined;
}

/** The smallest box around every element given, inside the window. */
export async function unionBox(subjects: readonly Locator[]): Promise<Box> {
  const boxes: Box[] = [];
  for (const s of subjects) {
    const b = await s.boundingBox();
    if (!b) throw new Error(`${s.toString()} is not on screen`);
    boxes.push(b);
  }
  const size = workbench().page.viewportSize() ?? { width: 1440, height: 900 };
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)));
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)));
  const right = Math.min(size.width, Math.max(...boxes.map((b) => b.x + b.width)));
  const bottom = Math.min(size.height, Math.max(...boxes.map((b) => b.y + b.height)));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(right - x), height: Math.round(bottom - y) };
}

export function imagePath(name: string, theme: Theme): string {
  return path.join(README_IMAGES_DIR, `${name}-${theme}.png`);
}

async function capture(subjects: readonly Locator[]): Promise<Buffer> {
  const wb = workbench();
  await wb.parkPointer();
  await wb.waitForIdle(5000).catch(() => undefined);
  // Through the page's own protocol: the screenshot API draws at the scale the browser context was made with.
  cdp ??= await wb.page.context().newCDPSession(wb.page);
  const shot = await cdp.send('Page.captureScreenshot', { format: 'png', clip: { ...(await unionBox(subjects)), scale: 1 } });
  return Buffer.from(shot.data, 'base64');
}

/** Both themes, the one the workbench wears first (so consecutive shots switch theme once each). */
async function themesFromCurrent(): Promise<readonly Theme[]> {
  const classes = (await workbench().page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  return classes.split(/\s+/).includes('vs-dark') ? [...THEME_ORDER].reverse() : THEME_ORDER;
}

/**
 * Takes `docs/screenshots/<name>-light.png` and `<name>-dark.png` of the box around `subjects`. `prepare`
 * runs after each theme switch, for what a switch may undo (a hover, a scroll position).
 */
export async function readmeShot(name: string, subjects: () => readonly Locator[], prepare?: () => Promise<void>): Promise<string[]> {
  fs.mkdirSync(README_IMAGES_DIR, { recursive: true });
  const files: string[] = [];
  for (const theme of await themesFromCurrent()) {
    await setTheme(theme);
    await prepare?.();
    const file = imagePath(name, theme);
    fs.writeFileSync(file, await capture(subjects()));
    files.push(file);
  }
  return files;
}

/** The frames of an animation, each taken in both themes; `save` writes the two animated PNGs. */
export class ReadmeAnimation {
  private readonly frames: Record<Theme, { png: Buffer; delayMs: number }[]> = { light: [], dark: [] };

  constructor(
    private readonly name: string,
    private readonly subjects: () => readonly Locator[],
  ) {}

  /** One frame in both themes, shown for `delayMs`; `prepare` runs after each theme switch. */
  async frame(delayMs: number, prepare?: () => Promise<void>): Promise<void> {
    for (const theme of await themesFromCurrent()) {
      await setTheme(theme);
      await prepare?.();
      this.frames[theme].push({ png: await capture(this.subjects()), delayMs });
    }
  }

  get count(): number {
    return this.frames.light.length;
  }

  save(): string[] {
    fs.mkdirSync(README_IMAGES_DIR, { recursive: true });
    return THEME_ORDER.map((theme) => {
      const file = imagePath(this.name, theme);
      fs.writeFileSync(file, animatedPng(this.frames[theme]));
      return file;
    });
  }
}
