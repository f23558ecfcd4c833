import { sanitizeText } from '../insights/results/sanitize';
import { quoted } from './notification';

/** Longest piece of outside text in a label; the whole text belongs in a document. */
export const MAX_LABEL_LENGTH = 200;

/**
 * Outside text (AWS, logs, a workspace file) made safe for a line that VS Code renders with links or
 * icons: a progress title or message, a quick pick item, status bar text, a CodeLens title. Control,
 * escape and bidi characters are removed, whitespace runs become one space, the text is cut at `max`,
 * `](` is split so no `[label](command:…)` link forms, and `$(` is split so no `$(icon)` renders.
 */
export function plainLabel(text: string, max = MAX_LABEL_LENGTH): string {
  return quoted(sanitizeText(text), max).replace(/\$\(/g, '$ (');
}

declare const LABEL: unique symbol;
/** Text for a sink that renders icons: the extension's own words and icons, outside text only through {@link label}. */
export type Label = string & { readonly [LABEL]: true };

/**
 * Builds a {@link Label}: the template's literal parts are the extension's own (they may carry
 * `$(icon)`), every interpolated value goes through {@link plainLabel}.
 */
export function label(strings: TemplateStringsArray, ...values: (string | number)[]): Label {
  let out = strings[0];
  values.forEach((value, i) => {
    out += (typeof value === 'number' ? String(value) : plainLabel(value)) + strings[i + 1];
  });
  return out as Label;
}

/** Labels joined by the extension's own separator (a newline in a tooltip by default). */
export function joinLabels(labels: readonly Label[], separator = '\n'): Label {
  return labels.join(separator) as Label;
}
