import { RANGES, RANGE_LABEL } from '../../core/metrics/ranges';
import { STATISTICS } from '../../core/metrics/statistics';
import { isFetchedSource, type ChartView, type PageMessage, type PanelState } from '../protocol';
import { button, el, paintAccountBadge } from './dom';
import { VariablePickers } from './variables';

/** Title, range and statistic pickers, refresh, auto refresh, export; all real controls. */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly title = el('h1', { class: 'title', id: 'title' });
  private readonly subtitle = el('p', { class: 'subtitle', id: 'subtitle' });
  private readonly account = el('span', { class: 'account-badge', id: 'account-badge', role: 'note', hidden: '' });
  private readonly range = el('select', { id: 'range', 'aria-label': 'Time range' });
  private readonly stat = el('select', { id: 'stat', 'aria-label': 'Statistic' });
  private readonly auto: HTMLButtonElement;
  private readonly refresh: HTMLButtonElement;
  private readonly status = el('span', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly rangeLabel: HTMLLabelElement;
  private readonly statLabel: HTMLLabelElement;
  private autoOn = false;
  private readonly variables: VariablePickers;

  constructor(post: (message: PageMessage) => void) {
    for (const r of RANGES) this.range.append(el('option', { value: r }, `Last ${RANGE_LABEL[r]}`));
    this.stat.append(el('option', { value: '' }, 'As defined'));
    for (const s of STATISTICS) this.stat.append(el('option', { value: s }, s));
    this.range.addEventListener('change', () => post({ type: 'setRange', range: this.range.value as PanelState['range'] }));
    this.stat.addEventListener('change', () => post({ type: 'setStat', stat: this.stat.value || null }));
    this.refresh = button('Refresh', () => post({ type: 'refresh' }), { id: 'refresh', 'data-action': 'refresh' });
    this.auto = button('Auto refresh', () => post({ type: 'setAutoRefresh', enabled: !this.autoOn }), { id: 'auto-refresh', 'aria-pressed': 'false', 'data-action': 'auto-refresh' });
    const exportAll = button('Export CSV', () => post({ type: 'exportCsv' }), { id: 'export-csv', class: 'secondary', 'data-action': 'export-csv-all' });
    this.variables = new VariablePickers(post);
    this.rangeLabel = el('label', {}, 'Range ', this.range);
    this.statLabel = el('label', {}, 'Statistic ', this.stat);
    this.element = el('header', { class: 'toolbar' },
      el('div', { class: 'heading' }, this.account, this.title, this.subtitle),
      el('div', { class: 'controls' },
        this.variables.element,
        this.rangeLabel,
        this.statLabel,
        this.refresh,
        this.auto,
        exportAll,
        this.status,
      ),
    );
  }

  show(state: PanelState, view: ChartView | undefined): void {
    if (view) {
      this.title.textContent = view.title;
      this.subtitle.textContent = view.subtitle;
      paintAccountBadge(this.account, view.account);
      this.stat.disabled = !view.statSelectable;
      this.variables.show(view.variables);
    }
    // Series handed over whole (Logs Insights results) are not fetched: no range, statistic or refresh.
    const fetched = isFetchedSource(state.source);
    this.rangeLabel.hidden = !fetched;
    this.statLabel.hidden = !fetched;
    this.refresh.hidden = !fetched;
    this.auto.hidden = !fetched;
    this.range.value = state.range;
    const known = Array.from(this.stat.options).some((o) => o.value === (state.stat ?? ''));
    if (!known && state.stat) this.stat.append(el('option', { value: state.stat }, state.stat));
    this.stat.value = state.stat ?? '';
    this.autoOn = state.autoRefresh;
    this.auto.setAttribute('aria-pressed', String(state.autoRefresh));
    this.auto.textContent = state.autoRefresh ? 'Auto refresh: on' : 'Auto refresh: off';
  }

  busy(on: boolean): void {
    this.refresh.disabled = on;
    if (on) this.status.textContent = 'Loading…';
  }

  say(text: string): void {
    this.status.textContent = text;
  }
}
