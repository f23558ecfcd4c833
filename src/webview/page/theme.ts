export interface Palette {
  readonly foreground: string;
  readonly muted: string;
  readonly background: string;
  readonly grid: string;
  readonly series: readonly string[];
  readonly alarm: string;
  readonly threshold: string;
  /** Lines by meaning: a critical or alarm line, a warning, a target. */
  readonly error: string;
  readonly warning: string;
  readonly success: string;
  readonly fontFamily: string;
  readonly fontSize: number;
}

const SERIES_VARS: readonly [string, string][] = [
  ['--vscode-charts-blue', '#3794ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#89d185'],
  ['--vscode-charts-purple', '#b180d7'],
  ['--vscode-charts-yellow', '#cca700'],
  ['--vscode-charts-red', '#f14c4c'],
];

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Colours and font from the VS Code theme's CSS variables, read now. */
export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const foreground = cssVar(style, '--vscode-editor-foreground', cssVar(style, '--vscode-foreground', '#cccccc'));
  return {
    foreground,
    muted: cssVar(style, '--vscode-descriptionForeground', foreground),
    background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
    grid: cssVar(style, '--vscode-charts-lines', 'rgba(128, 128, 128, 0.3)'),
    series: SERIES_VARS.map(([name, fallback]) => cssVar(style, name, fallback)),
    alarm: cssVar(style, '--vscode-charts-red', '#f14c4c'),
    threshold: cssVar(style, '--vscode-charts-red', '#f14c4c'),
    error: cssVar(style, '--vscode-charts-red', '#f14c4c'),
    warning: cssVar(style, '--vscode-charts-yellow', '#cca700'),
    success: cssVar(style, '--vscode-charts-green', '#89d185'),
    fontFamily: cssVar(style, '--vscode-font-family', 'sans-serif'),
    fontSize: parseFloat(cssVar(style, '--vscode-font-size', '13px')) || 13,
  };
}

function rgbOf(color: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].split('').map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(color.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

/** A colour with transparency (`#rrggbb`, `#rgb`, `rgb()`; anything else unchanged). */
export function withAlpha(color: string, alpha: number): string {
  const c = rgbOf(color);
  return c ? `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})` : color;
}

/** `color` moved `amount` (0–1) of the way towards `towards`; unchanged when either cannot be read. */
export function mixColors(color: string, towards: string, amount: number): string {
  const a = rgbOf(color);
  const b = rgbOf(towards);
  if (!a || !b) return color;
  const [r, g, bl] = a.map((v, i) => Math.round(v + (b[i] - v) * amount));
  return `rgb(${r}, ${g}, ${bl})`;
}

/** Calls back when VS Code switches theme (it changes the body's class). */
export function onThemeChange(callback: () => void): void {
  let scheduled = false;
  new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      callback();
    });
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
