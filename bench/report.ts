/**
 * Bench figures against their budgets. Each figure is printed as `name  value unit  (budget …, ratio)`
 * and kept, so `npm run bench -- --check` can fail on any figure over its budget:
 * - counts (`calls`, `items`) must equal their budget: it is the physical minimum, and fewer means
 *   something was not fetched;
 * - sizes (`KB`, `MB`) and listeners/timers must stay within their budget;
 * - timings (`ms`) must stay within their budget times TIMING_MARGIN. They are measured on a shared
 *   2-core machine, where another process (a build, a browser, the other test layers) can take a core
 *   away for a while: runs of the same bench there vary by up to ~40 % from run to run, so a timing
 *   fails only when it is more than 1.5× its budget. The printed ratio is always against the budget.
 */
export const TIMING_MARGIN = 1.5;

type Kind = 'exact' | 'max' | 'timing';

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget: number;
  readonly kind: Kind;
}

const figures: Figure[] = [];

function kindOf(unit: string): Kind {
  if (unit === 'calls' || unit === 'items') return 'exact';
  if (unit === 'ms') return 'timing';
  return 'max';
}

function verdict(f: Figure): 'OK' | 'OVER' | 'WRONG' {
  if (Number.isNaN(f.value)) return 'WRONG';
  if (f.kind === 'exact') return f.value === f.budget ? 'OK' : f.value > f.budget ? 'OVER' : 'WRONG';
  if (f.kind === 'timing') return f.value <= f.budget * TIMING_MARGIN ? 'OK' : 'OVER';
  return f.value <= f.budget ? 'OK' : 'OVER';
}

/** Prints one figure; with a budget it is also checked by `--check`. */
export function report(name: string, value: number, unit: string, budget?: number, note = ''): void {
  const shown = unit === 'KB' || unit === 'MB' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : Math.round(value).toString();
  let ratio = '';
  if (budget !== undefined) {
    const figure: Figure = { name, value, unit, budget, kind: kindOf(unit) };
    figures.push(figure);
    const v = verdict(figure);
    const rule = figure.kind === 'exact' ? 'exactly' : figure.kind === 'timing' ? `≤ ${TIMING_MARGIN}× of` : '≤';
    ratio = `  budget ${rule} ${budget} ${unit}, ${budget ? (value / budget).toFixed(2) : '—'}× ${v === 'OK' ? 'OK' : v === 'WRONG' ? 'WRONG (fewer than the minimum: something was not fetched or measured)' : 'OVER'}`;
  }
  console.log(`${name.padEnd(48)} ${shown.padStart(10)} ${unit}${ratio}${note ? `  ${note}` : ''}`);
}

/** A figure that could not be measured at all: fails `--check`. */
export function reportMissing(name: string, reason: string): void {
  figures.push({ name, value: NaN, unit: '', budget: 0, kind: 'max' });
  console.log(`${name.padEnd(48)} ${'—'.padStart(10)}  not measured: ${reason}`);
}

/** The figures that break their budget. */
export function failures(): { name: string; value: number; unit: string; budget: number }[] {
  return figures.filter((f) => verdict(f) !== 'OK');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
