import type { AlarmItemView, AlarmsWidgetView, ChartView, ChartWidgetView, LogWidgetView, PageMessage, PlaceholderWidgetView, TextWidgetView, WidgetView } from '../protocol';
import { button, el, iconButton } from './dom';
import { attachSummary } from './summary';
import { renderMarkdown } from './markdown';
import type { Palette } from './theme';
import { drawTimeSeries, type DrawnChart } from './timeSeries';
import { drawSummary } from './values';

export interface WidgetContext {
  readonly post: (message: PageMessage) => void;
  readonly palette: () => Palette;
  readonly view: ChartView;
}

/** A built widget: its element, and (charts) a draw step that runs once the element has a size. */
export interface BuiltWidget {
  readonly element: HTMLElement;
  draw?(): DrawnChart | undefined;
}

const STATE_TEXT: Record<AlarmItemView['state'], string> = {
  ALARM: 'In alarm',
  OK: 'OK',
  INSUFFICIENT_DATA: 'Insufficient data',
  UNKNOWN: 'Unknown',
};

function frame(widget: WidgetView, type: string, actions: HTMLElement[], body: HTMLElement, notes: readonly string[] = []): HTMLElement {
  const section = el('section', { class: `widget widget-${widget.kind}`, 'data-widget-type': type, 'data-widget-title': widget.title, 'data-widget-id': widget.id, 'aria-label': widget.title || type });
  section.style.setProperty('--col', String(widget.pos.x + 1));
  section.style.setProperty('--row', String(widget.pos.y + 1));
  section.style.setProperty('--w', String(widget.pos.width));
  section.style.setProperty('--h', String(widget.pos.height));
  if (widget.title || actions.length) {
    section.append(el('header', { class: 'widget-head' }, el('h2', { class: 'widget-title', title: widget.title }, widget.title), el('div', { class: 'widget-actions' }, ...actions)));
  }
  section.append(body);
  if (notes.length) section.append(el('ul', { class: 'widget-notes' }, ...notes.map((n) => el('li', {}, n))));
  return section;
}

function errorBox(message: string, post: (m: PageMessage) => void): HTMLElement {
  return el('div', { class: 'widget-error', role: 'alert' }, el('p', {}, message), button('Retry', () => post({ type: 'refresh' }), { class: 'secondary' }));
}

function chartWidget(w: ChartWidgetView, ctx: WidgetContext): BuiltWidget {
  const body = el('div', { class: `widget-body chart chart-${w.view}`, 'data-points': '0', 'data-series': String(w.series.length), 'data-period': String(w.period) });
  const annotationBands = w.lines.filter((l) => l.to !== undefined).length + (w.marks ?? []).filter((m) => m.to !== undefined).length;
  if (annotationBands) body.dataset.annotationBands = String(annotationBands);
  if (w.queryLanguage) body.dataset.queryLanguage = w.queryLanguage;
  if (w.expectedBand) body.dataset.expectedBand = w.expectedBand.label;
  if (w.alarm) {
    body.dataset.alarm = w.alarm.name;
    body.dataset.alarmState = w.alarm.state;
    if (w.alarm.threshold !== undefined) body.dataset.threshold = String(w.alarm.threshold);
    body.dataset.bands = String(w.bands.length);
    if (w.bandsFrom) body.dataset.bandsFrom = w.bandsFrom;
  }
  let drawn: DrawnChart | undefined;
  const actions: HTMLElement[] = [];
  if (!w.error && w.series.length > 0) {
    actions.push(iconButton('table', `Export ${w.title || 'chart'} as CSV`, () => ctx.post({ type: 'exportCsv', widgetId: w.id }), { 'data-action': 'export-csv' }));
    if (w.view === 'timeSeries') {
      actions.push(iconButton('file-media', `Export ${w.title || 'chart'} as PNG`, () => {
        if (drawn) ctx.post({ type: 'exportPng', widgetId: w.id, dataUrl: drawn.png(w.title) });
      }, { 'data-action': 'export-png' }));
    }
  }
  const notes = [...w.notes];
  if (w.bandsFrom === 'history') notes.push('Shaded: periods in ALARM, from the alarm history.');
  if (w.bandsFrom === 'data') notes.push('Shaded: periods in ALARM, computed from the data and the threshold (no alarm history available).');
  const element = frame(w, 'metric', actions, body, notes);
  if (w.error) {
    body.append(errorBox(w.error, ctx.post));
    return { element };
  }
  const report = (points: number, series: number, ms: number) => {
    body.dataset.points = String(points);
    body.dataset.drawMs = ms.toFixed(1);
    ctx.post({ type: 'drawn', widgetId: w.id, series, points, ms });
  };
  const empty = w.series.every((s) => s.values.length === 0);
  if (empty) body.append(el('p', { class: 'no-data' }, w.series.length ? 'No data in this range.' : 'No metrics to show.'));
  return {
    element,
    draw: () => {
      if (w.view !== 'timeSeries') {
        const started = performance.now();
        const shown = drawSummary(body, w, ctx.palette());
        report(shown, w.series.length, performance.now() - started);
        return undefined;
      }
      const plot = el('div', { class: 'plot' });
      body.prepend(plot);
      const window = { start: ctx.view.start, end: ctx.view.end };
      drawn = drawTimeSeries(plot, w, window, ctx.palette(), (r) => report(r.points, r.series, r.ms));
      attachSummary(body, plot, w, window);
      return drawn;
    },
  };
}

function textWidget(w: TextWidgetView, ctx: WidgetContext): BuiltWidget {
  const body = el('div', { class: `widget-body markdown${w.transparent ? ' transparent' : ''}` });
  body.append(renderMarkdown(w.blocks, (href) => ctx.post({ type: 'openLink', href })));
  const element = frame(w, 'text', [], body);
  if (w.transparent) element.classList.add('transparent');
  return { element };
}

function alarmsWidget(w: AlarmsWidgetView, ctx: WidgetContext): BuiltWidget {
  const body = el('div', { class: 'widget-body alarms' });
  if (w.error) body.append(errorBox(w.error, ctx.post));
  const list = el('ul', { class: 'alarm-list' });
  for (const a of w.alarms) {
    list.append(el('li', { class: 'alarm-item', 'data-state': a.state, 'data-alarm': a.name },
      el('span', { class: `state-badge state-${a.state.toLowerCase()}` }, STATE_TEXT[a.state]),
      el('span', { class: 'alarm-name' }, a.name),
      a.region ? el('span', { class: 'alarm-region' }, a.region) : null,
      a.reason ? el('span', { class: 'alarm-reason' }, a.reason) : null,
    ));
  }
  if (w.alarms.length === 0) list.append(el('li', { class: 'alarm-item empty' }, 'No alarms listed in this widget.'));
  body.append(list);
  return { element: frame(w, 'alarm', [], body) };
}

function logWidget(w: LogWidgetView, ctx: WidgetContext): BuiltWidget {
  const body = el('div', { class: 'widget-body log' },
    el('p', { class: 'log-groups' }, w.logGroups.length ? `Log groups: ${w.logGroups.join(', ')} (${w.region})` : `Region ${w.region}`),
    el('pre', { class: 'log-query' }, el('code', {}, w.query)),
    button('Run in Logs Insights', () => ctx.post({ type: 'runLogQuery', widgetId: w.id }), { class: 'secondary', 'data-action': 'run-log-query' }),
  );
  return { element: frame(w, 'log', [], body) };
}

function placeholderWidget(w: PlaceholderWidgetView, ctx: WidgetContext): BuiltWidget {
  const body = el('div', { class: 'widget-body placeholder' }, el('p', {}, w.message));
  if (w.action) body.append(button(w.action.label, () => ctx.post({ type: w.action!.kind }), { class: 'secondary', 'data-action': w.action.kind }));
  return { element: frame(w, w.widgetType, [], body) };
}

export function buildWidget(w: WidgetView, ctx: WidgetContext): BuiltWidget {
  switch (w.kind) {
    case 'chart':
      return chartWidget(w, ctx);
    case 'text':
      return textWidget(w, ctx);
    case 'alarms':
      return alarmsWidget(w, ctx);
    case 'log':
      return logWidget(w, ctx);
    case 'placeholder':
      return placeholderWidget(w, ctx);
  }
}
