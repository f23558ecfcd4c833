import { latest } from '../../core/metrics/series';
import { formatValue } from '../../core/metrics/units';
import type { ChartWidgetView } from '../protocol';
import { el } from './dom';
import { formatDateTime } from '../../core/time/zone';
import { pageZone } from './zone';
import type { Palette } from './theme';

/** Every view but the time series: single values, gauges, bars, pies, tables. Returns the values shown. */
export function drawSummary(target: HTMLElement, widget: ChartWidgetView, palette: Palette): number {
  switch (widget.view) {
    case 'gauge':
      return drawGauges(target, widget, palette);
    case 'bar':
    case 'pie':
      return drawBars(target, widget, palette);
    case 'table':
      return drawTable(target, widget);
    default:
      return drawSingleValues(target, widget);
  }
}

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
      last ? el('time', { class: 'single-value-time', datetime: new Date(last.time).toISOString() }, formatDateTime(last.time, pageZone())) : el('span', { class: 'single-value-time' }, 'no data in this range'),
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
      el('span', { class: 'bar-label', title: s.label }, s.label),
      el('span', { class: 'bar-track' }, bar),
      el('span', { class: 'bar-value' }, `${formatValue(v, s.unit)}${share}`),
    ));
  });
  target.append(list);
  return values.filter((x) => x.v !== undefined).length;
}

/**
 * Gauges: the newest value of each series on the range set by the left axis's min and max (as
 * CloudWatch requires for a gauge); without both, the range runs from 0 to the largest value shown.
 */
export function drawGauges(target: HTMLElement, widget: ChartWidgetView, palette: Palette): number {
  const values = widget.series.map((s) => ({ s, v: latest(s)?.value }));
  const { min: setMin, max: setMax } = widget.axes.left;
  const min = setMin ?? Math.min(0, ...values.map((x) => x.v ?? 0));
  const max = setMax !== undefined && setMax > min ? setMax : Math.max(min + 1, ...values.map((x) => x.v ?? 0));
  const list = el('div', { class: 'gauges' });
  values.forEach(({ s, v }, i) => {
    const fill = el('span', { class: 'bar-fill' });
    fill.style.width = `${v === undefined ? 0 : Math.min(100, Math.max(0, ((v - min) / (max - min)) * 100))}%`;
    fill.style.background = s.color ?? palette.series[i % palette.series.length];
    const meter = el('span', { class: 'bar-track gauge-track', role: 'meter', 'aria-label': s.label, 'aria-valuemin': String(min), 'aria-valuemax': String(max), ...(v === undefined ? {} : { 'aria-valuenow': String(v) }) }, fill);
    list.append(el('div', { class: 'gauge', 'data-series': s.label },
      el('span', { class: 'single-value-number' }, formatValue(v, s.unit)),
      el('span', { class: 'single-value-label' }, s.label),
      meter,
      el('span', { class: 'gauge-range' }, el('span', {}, formatValue(min, s.unit)), el('span', {}, formatValue(max, s.unit))),
    ));
  });
  if (setMin === undefined || setMax === undefined) list.append(el('p', { class: 'gauge-note' }, 'Range from the values shown: set the widget\'s left axis min and max to fix it.'));
  target.append(list);
  return values.filter((x) => x.v !== undefined).length;
}

/** Tables: one row per series with its newest, lowest, highest and average value over the range. */
export function drawTable(target: HTMLElement, widget: ChartWidgetView): number {
  const head = el('tr', {}, ...['Metric', 'Latest', 'Minimum', 'Maximum', 'Average'].map((h) => el('th', { scope: 'col' }, h)));
  const body = el('tbody', {});
  let shown = 0;
  for (const s of widget.series) {
    const finite = s.values.filter((v) => Number.isFinite(v));
    const last = latest(s)?.value;
    if (last !== undefined) shown++;
    // A loop, not Math.min(...values): a series may hold up to 100,800 points, too many arguments for one call.
    let low = Infinity;
    let high = -Infinity;
    let sum = 0;
    for (const v of finite) {
      low = Math.min(low, v);
      high = Math.max(high, v);
      sum += v;
    }
    const summary = finite.length ? [last, low, high, sum / finite.length] : [undefined, undefined, undefined, undefined];
    const points = `${finite.length} data point${finite.length === 1 ? '' : 's'}`;
    body.append(el('tr', { 'data-series': s.label, 'data-points': String(finite.length), title: `${s.label}: ${points}` },
      el('th', { scope: 'row' }, s.label),
      ...summary.map((v) => el('td', {}, formatValue(v, s.unit))),
    ));
  }
  target.append(el('table', { class: 'summary-table' }, el('thead', {}, head), body));
  return shown;
}
