import type { PageMessage, VariableView } from '../protocol';
import { clear, el } from './dom';

/** A dashboard's variables as toolbar controls: a list, radio buttons or a text field, each posting the value picked. */
export class VariablePickers {
  readonly element = el('div', { class: 'variables', id: 'variables', role: 'group', 'aria-label': 'Dashboard variables', hidden: '' });
  private shown = '';

  constructor(private readonly post: (message: PageMessage) => void) {}

  show(variables: readonly VariableView[] | undefined): void {
    const key = JSON.stringify(variables ?? []);
    if (key === this.shown) return;
    this.shown = key;
    clear(this.element);
    this.element.hidden = !variables?.length;
    for (const v of variables ?? []) this.element.append(this.control(v));
  }

  private control(v: VariableView): HTMLElement {
    const set = (value: string) => {
      if (value !== v.value) this.post({ type: 'setVariable', id: v.id, value });
    };
    if (v.inputType === 'radio' && v.options.length) {
      const group = el('fieldset', { class: 'variable radio', 'data-variable': v.id }, el('legend', {}, v.label));
      for (const o of v.options) {
        const input = el('input', { type: 'radio', name: `variable-${v.id}`, value: o.value });
        input.checked = o.value === v.value;
        input.addEventListener('change', () => input.checked && set(o.value));
        group.append(el('label', {}, input, ` ${o.label}`));
      }
      return group;
    }
    if (v.inputType !== 'input' && v.options.length) {
      const select = el('select', { 'aria-label': v.label, 'data-variable': v.id });
      for (const o of v.options) select.append(el('option', { value: o.value }, o.label));
      if (v.value !== undefined && !v.options.some((o) => o.value === v.value)) select.append(el('option', { value: v.value }, v.value));
      select.value = v.value ?? '';
      select.addEventListener('change', () => set(select.value));
      return el('label', { class: 'variable' }, `${v.label} `, select);
    }
    const input = el('input', { type: 'text', 'aria-label': v.label, 'data-variable': v.id, value: v.value ?? '', list: v.options.length ? `variable-${v.id}-values` : undefined });
    input.addEventListener('change', () => input.value.trim() && set(input.value.trim()));
    const list = v.options.length ? el('datalist', { id: `variable-${v.id}-values` }, ...v.options.map((o) => el('option', { value: o.value }, o.label))) : undefined;
    return el('label', { class: 'variable' }, `${v.label} `, input, list);
  }
}
