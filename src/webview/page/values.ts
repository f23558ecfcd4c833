import { latest } from '../../core/metrics/series';
import { formatValue } from '../../core/metrics/units';
import type { ChartWidgetView } from '../protocol';
import { el } from './dom';
import type { Palette } from './theme';

/** Single-value widgets: the newest value of each series as a big number. Returns the values shown. */
export function drawSingleValues(target: HTMLElement, widget: ChartWidgetView): number {
  const list = el('div', { class: 'single-values' });
  let shown = 0;
  for (const s of widget.series) {
    const last = latest(s);
    if (last) shown++;
    const item = el('div', { class: 'single-value', 'data-series': s.label },
      el('span', { class: 'single-value-number' }, formatValue(last?.value, s.unit)),
      el('span', { class: 'single-value-label' }, s.label),
      last ? el('time', { class: 'single-value-time', datetime: new Date(last.time).toISOString() }, new Date(last.time).toLocaleString()) : el('span', { class: 'single-value-time' }, 'no data in this range'),
    );
    list.append(item);
  }
  target.append(list);
  return shown;
}

/**
 * Bar and pie widgets, drawn simply: one horizontal bar per series with its newest value (a pie's
 * bars also say each share of the total). Returns the values shown.
 */
export function drawBars(target: HTMLElement, widget: ChartWidgetView, palette: Palette): number {
  const values = widget.series.map((s) => ({ s, v: latest(s)?.value }));
  const max = Math.max(0, ...values.map((x) => Math.abs(x.v ?? 0)));
  const total = values.reduce((sum, x) => sum + Math.max(0, x.v ?? 0), 0);
  const list = el('div', { class: 'bars', role: 'list' });
  values.forEach(({ s, v }, i) => {
    const bar = el('span', { class: 'bar-fill' });
    bar.style.width = `${max > 0 && v !== undefined ? (Math.abs(v) / max) * 100 : 0}%`;
    bar.style.background = s.color ?? palette.series[i % palette.series.length];
    const share = widget.view === 'pie' && v !== undefined && total > 0 ? ` (${((Math.max(0, v) / total) * 100).toFixed(1)}%)` : '';
    list.append(el('div', { class: 'bar', role: 'listitem' },
      el('span', { class: 'bar-label' }, s.label),
      el('span', { class: 'bar-track' }, bar),
      el('span', { class: 'bar-value' }, `${formatValue(v, s.unit)}${share}`),
    ));
  });
  target.append(list);
  return values.filter((x) => x.v !== undefined).length;
}
