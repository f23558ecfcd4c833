// A chart's numbers in words, beside its canvas: read by screen readers (the canvas says nothing),
// and by the tests as what the chart shows.
import { chartSummary, summarySentences } from '../../core/metrics/chartSummary';
import type { ChartWidgetView } from '../protocol';
import { el } from './dom';
import { pageZone } from './zone';

/** Appends the summary of `widget` over `window` to `host` and points `figure` at it. */
export function attachSummary(host: HTMLElement, figure: HTMLElement, widget: ChartWidgetView, window: { start: number; end: number }): HTMLElement {
  const unitOf = (side: 'left' | 'right') => widget.axes[side]?.unit;
  const summary = chartSummary({
    series: widget.series,
    lines: widget.lines.map((l) => ({ label: l.label, value: l.value, kind: l.kind, ...(unitOf(l.yAxis) ? { unit: unitOf(l.yAxis) } : {}) })),
    bands: widget.bands,
    start: window.start,
    end: window.end,
    zone: pageZone(),
  });
  const id = `summary-${widget.id.replace(/[^\w-]/g, '_')}`;
  const head = el('tr', {}, ...['Series', 'Lowest', 'Highest', 'Latest', 'Latest at'].map((h) => el('th', { scope: 'col' }, h)));
  const rows = summary.rows.map((r) => el('tr', { 'data-series': r.label }, el('th', { scope: 'row' }, r.label), el('td', {}, r.min), el('td', {}, r.max), el('td', {}, r.last), el('td', {}, r.lastAt)));
  const box = el('div', { class: 'chart-summary visually-hidden', id, 'data-summary': summarySentences(widget.title, summary) },
    el('table', {}, el('caption', {}, `${widget.title || 'Chart'}: ${summary.range}`), el('thead', {}, head), el('tbody', {}, ...rows)),
    summary.lines.length ? el('p', { class: 'summary-lines' }, `${summary.lines.join('; ')}.`) : null,
    summary.alarm ? el('p', { class: 'summary-alarm' }, `${summary.alarm}.`) : null,
  );
  host.append(box);
  figure.setAttribute('role', 'figure');
  figure.setAttribute('aria-label', widget.title || 'Chart');
  figure.setAttribute('aria-describedby', id);
  return box;
}
