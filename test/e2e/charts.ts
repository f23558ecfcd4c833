// The chart panel's page as the e2e tests read it: the drawn widgets and their marks.
import type { FrameLocator } from 'playwright-core';
import { waitFor, workbench } from './harness';

/** Chart bodies as the page marks them up once drawn. */
export interface ChartBody {
  readonly widget: string;
  readonly title: string;
  readonly points: number;
  readonly drawMs: number | undefined;
  readonly threshold: string | undefined;
}

/**
 * The chart panel's page. A VS Code webview is two nested frames: the workbench's `iframe.webview` (one
 * per webview; the one shown is the visible one) and, inside it, `iframe#active-frame` with the page.
 */
export function chartPage(): FrameLocator {
  return workbench().page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
}

/** Waits until the page has drawn (`body[data-ready=true]`, not loading) and returns it. */
export async function readyChartPage(timeoutMs = 30000): Promise<FrameLocator> {
  const page = chartPage();
  await waitFor(
    async () => page.locator('body').getAttribute('data-state', { timeout: 1000 }),
    (state) => state === 'ready',
    { timeoutMs, message: 'the chart page did not finish drawing' },
  );
  await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: 5000 });
  return page;
}

export async function chartBodies(page: FrameLocator): Promise<ChartBody[]> {
  return page.locator('section[data-widget-type=metric]').evaluateAll((sections) =>
    sections.map((section) => {
      const body = section.querySelector('.widget-body.chart') as HTMLElement | null;
      const ms = body?.dataset.drawMs;
      return {
        widget: section.getAttribute('data-widget-id') ?? '',
        title: section.getAttribute('data-widget-title') ?? '',
        points: Number(body?.dataset.points ?? 0),
        drawMs: ms === undefined ? undefined : Number(ms),
        threshold: body?.dataset.threshold,
      };
    }),
  );
}

/** Opens a dashboard through the palette and its picker, and waits for it to be drawn. */
export async function openDashboard(name: string): Promise<FrameLocator> {
  const wb = workbench();
  await wb.runCommand('Ops Lens: Open CloudWatch Dashboard…');
  await wb.typeInQuickInput(name);
  await wb.pickQuickItem(name);
  await wb.waitForEditor(`Dashboard: ${name}`, 30000);
  return readyChartPage();
}

/** Opens an alarm's chart through the palette and its picker, and waits until it is drawn with points. */
export async function openAlarmChart(alarm: string): Promise<FrameLocator> {
  const wb = workbench();
  await wb.runCommand('Ops Lens: Show Alarm Chart');
  await wb.typeInQuickInput(alarm);
  await wb.pickQuickItem(alarm);
  await wb.waitForEditor(`Alarm: ${alarm}`, 30000);
  const page = await readyChartPage();
  await waitFor(async () => Number(await page.locator('.widget-body.chart').getAttribute('data-points')), (n) => n > 0, { message: 'the alarm chart has no points' });
  return page;
}

/**
 * Records the host's `render` messages in the loaded chart page, so the harness can replay one and time
 * the draw itself (a webview's document is written after load-time scripts run, so this is installed in
 * the loaded page).
 */
export async function recordRenders(page: FrameLocator): Promise<void> {
  await page.locator('body').evaluate(() => {
    const w = window as unknown as { __opsLensLastRender?: unknown };
    window.addEventListener('message', (e: MessageEvent) => {
      if ((e.data as { type?: string } | null)?.type === 'render') w.__opsLensLastRender = e.data;
    });
  });
}

/**
 * Replays the last recorded `render` message into the page and returns how long it took, by the harness's
 * own clock, from dispatching it to the moment a chart body was marked drawn.
 */
export async function timeReplayedDraw(page: FrameLocator): Promise<number> {
  return page.locator('body').evaluate(async () => {
    const w = window as unknown as { __opsLensLastRender?: unknown };
    if (!w.__opsLensLastRender) throw new Error('no render message recorded yet');
    let drawnAt: number | undefined;
    const drawn = new Promise<void>((resolve) => {
      const observer = new MutationObserver((records) => {
        if (!records.some((r) => r.attributeName === 'data-draw-ms')) return;
        drawnAt = performance.now();
        observer.disconnect();
        resolve();
      });
      observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-draw-ms'] });
    });
    const started = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: w.__opsLensLastRender }));
    await Promise.race([drawn, new Promise((r) => setTimeout(r, 10000))]);
    if (drawnAt === undefined) throw new Error('the replayed render drew no chart within 10 s');
    return drawnAt - started;
  });
}

/** Runs Investigate Alarm from the palette, picks the alarm, and waits until every part has arrived. */
export async function investigateFromPalette(alarm: string, timeoutMs = 30000): Promise<FrameLocator> {
  const wb = workbench();
  await wb.runCommand('Ops Lens: Investigate Alarm');
  await wb.typeInQuickInput(alarm);
  await wb.pickQuickItem(alarm);
  await wb.waitForEditor(`Investigate: ${alarm}`, 30000);
  const page = chartPage();
  await page.locator('body[data-ready=true]').waitFor({ state: 'attached', timeout: timeoutMs });
  return page;
}
