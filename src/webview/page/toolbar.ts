import { RANGES, RANGE_LABEL } from '../../core/metrics/ranges';
import { STATISTICS } from '../../core/metrics/statistics';
import { isFetchedSource, type ChartView, type PageMessage, type PanelState } from '../protocol';
import { el, paintAccountBadge } from './dom';
import { VariablePickers } from './variables';

/**
 * Title, range and statistic pickers, the auto-refresh checkbox and the status line; all real controls.
 * Refresh and Export live in the editor's title bar as commands.
 */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly title = el('h1', { class: 'title', id: 'title' });
  private readonly subtitle = el('p', { class: 'subtitle', id: 'subtitle' });
  private readonly account = el('span', { class: 'account-badge', id: 'account-badge', role: 'note', hidden: '' });
  private readonly range = el('select', { id: 'range', 'aria-label': 'Time range' });
  private readonly stat = el('select', { id: 'stat', 'aria-label': 'Statistic' });
  private readonly auto = el('input', { type: 'checkbox', id: 'auto-refresh', 'data-action': 'auto-refresh' });
  private readonly autoText = el('span', {}, 'Auto-refresh');
  private readonly status = el('span', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly rangeLabel: HTMLLabelElement;
  private readonly statLabel: HTMLLabelElement;
  private readonly autoLabel: HTMLLabelElement;
  private readonly variables: VariablePickers;

  constructor(post: (message: PageMessage) => void) {
    for (const r of RANGES) this.range.append(el('option', { value: r }, `Last ${RANGE_LABEL[r]}`));
    this.stat.append(el('option', { value: '' }, 'As defined'));
    for (const s of STATISTICS) this.stat.append(el('option', { value: s }, s));
    this.range.addEventListener('change', () => post({ type: 'setRange', range: this.range.value as PanelState['range'] }));
    this.stat.addEventListener('change', () => post({ type: 'setStat', stat: this.stat.value || null }));
    this.auto.addEventListener('change', () => post({ type: 'setAutoRefresh', enabled: this.auto.checked }));
    this.variables = new VariablePickers(post);
    this.rangeLabel = el('label', {}, 'Range ', this.range);
    this.statLabel = el('label', {}, 'Statistic ', this.stat);
    this.autoLabel = el('label', { class: 'checkbox' }, this.auto, this.autoText);
    this.element = el('header', { class: 'toolbar' },
      el('div', { class: 'heading' }, this.account, this.title, this.subtitle),
      el('div', { class: 'controls' },
        this.variables.element,
        this.rangeLabel,
        this.statLabel,
        this.autoLabel,
        this.status,
      ),
    );
  }

  show(state: PanelState, view: ChartView | undefined): void {
    if (view) {
      this.title.textContent = view.title;
      this.subtitle.textContent = view.subtitle;
      paintAccountBadge(this.account, view.account);
      this.variables.show(view.variables);
      if (view.refreshSeconds) this.autoText.textContent = `Auto-refresh every ${view.refreshSeconds} s`;
    }
    // Series handed over whole (Logs Insights results) are not fetched: no range, statistic or refresh.
    const fetched = isFetchedSource(state.source);
    this.rangeLabel.hidden = !fetched;
    // An alarm's metric has its own statistic: no picker rather than a disabled one.
    this.statLabel.hidden = !fetched || (view !== undefined && !view.statSelectable);
    this.autoLabel.hidden = !fetched;
    this.range.value = state.range;
    const known = Array.from(this.stat.options).some((o) => o.value === (state.stat ?? ''));
    if (!known && state.stat) this.stat.append(el('option', { value: state.stat }, state.stat));
    this.stat.value = state.stat ?? '';
    this.auto.checked = state.autoRefresh;
  }

  busy(on: boolean): void {
    if (on) this.status.textContent = 'Loading…';
  }

  say(text: string): void {
    this.status.textContent = text;
  }
}
