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
