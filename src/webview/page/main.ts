// The chart panel's page: draws what the host sends, asks the host for everything else.
import 'uplot/dist/uPlot.min.css';
import './codicons.css';
import type { ChartView, HostMessage, PanelState } from '../protocol';
import { button, clear, el } from './dom';
import { Host } from './host';
import { onThemeChange, readPalette, type Palette } from './theme';
import type { DrawnChart } from './timeSeries';
import { Toolbar } from './toolbar';
import { buildWidget, type BuiltWidget } from './widgets';
import { formatClock } from '../../core/time/zone';
import { pageZone, setPageZone } from './zone';

const host = new Host();
const app = document.getElementById('app')!;
const toolbar = new Toolbar((m) => host.post(m));
const banner = el('div', { class: 'banner', id: 'error', role: 'alert', hidden: '' });
const notes = el('ul', { class: 'view-notes', id: 'notes', hidden: '' });
const grid = el('main', { class: 'widgets', id: 'widgets' });
app.append(toolbar.element, banner, notes, grid);

let state: PanelState | undefined;
let view: ChartView | undefined;
let palette: Palette = readPalette();
let drawn: DrawnChart[] = [];

function setBodyState(value: 'loading' | 'ready' | 'error'): void {
  document.body.dataset.state = value;
  app.setAttribute('aria-busy', String(value === 'loading'));
}

function destroyCharts(): void {
  for (const chart of drawn) chart.destroy();
  drawn = [];
}

function render(): void {
  if (!view) return;
  destroyCharts();
  clear(grid);
  grid.className = `widgets layout-${view.layout}`;
  grid.style.setProperty('--rows', String(Math.max(1, view.rows)));
  const v = view;
  const built: BuiltWidget[] = v.widgets.map((w) => buildWidget(w, { post: (m) => host.post(m), palette: () => palette, view: v }));
  for (const b of built) grid.append(b.element);
  clear(notes);
  for (const note of v.notes) notes.append(el('li', {}, note));
  notes.hidden = v.notes.length === 0;
  // Charts measure their box, so they draw once the widgets are laid out.
  for (const b of built) {
    try {
      const chart = b.draw?.();
      if (chart) drawn.push(chart);
    } catch (err) {
      host.post({ type: 'error', message: `drawing failed: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
}

function showError(message: string, canRetry: boolean): void {
  clear(banner);
  banner.append(el('p', {}, message));
  if (canRetry) banner.append(button('Retry', () => host.post({ type: 'refresh' }), { 'data-action': 'retry' }));
  banner.hidden = false;
}

host.onMessage((message: HostMessage) => {
  switch (message.type) {
    case 'loading':
      state = message.state;
      host.save({ panel: state });
      toolbar.show(state, view);
      toolbar.busy(true);
      setBodyState('loading');
      return;
    case 'render':
      state = message.state;
      view = message.view;
      host.save({ panel: state });
      banner.hidden = true;
      toolbar.show(state, view);
      toolbar.busy(false);
      toolbar.say(`Updated ${formatClock(view.fetchedAt, pageZone())}`);
      render();
      setBodyState('ready');
      document.body.dataset.ready = 'true';
      return;
    case 'state':
      state = message.state;
      host.save({ panel: state });
      toolbar.show(state, view);
      return;
    case 'error':
      state = message.state;
      host.save({ panel: state });
      toolbar.show(state, view);
      toolbar.busy(false);
      toolbar.say('Failed');
      showError(message.message, message.canRetry);
      setBodyState('error');
      return;
    case 'theme':
      palette = readPalette();
      render();
      return;
    case 'timeZone':
      setPageZone(message.zone);
      render();
      return;
    case 'exported':
      toolbar.say(message.message);
      return;
  }
});

onThemeChange(() => {
  palette = readPalette();
  render();
});

window.addEventListener('error', (event) => host.post({ type: 'error', message: String(event.message) }));
host.post({ type: 'ready' });
