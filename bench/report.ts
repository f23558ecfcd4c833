/**
 * Bench figures against their budgets. Each figure is printed as `name  value unit  (budget …, ratio)`
 * and kept, so `npm run bench -- --check` can fail on any figure over its budget:
 * - counts (`calls`, `items`, `in flight`) must equal their budget: it is the physical minimum (or, for
 *   checks in flight, the concurrency the code promises), and fewer means something was not fetched or ran
 *   one at a time;
 * - sizes (`KB`, `MB`) and listeners/timers must stay within their budget;
 * - timings (`ms`) must stay within their budget times TIMING_MARGIN. They are measured on a shared
 *   2-core machine, where another process (a build, a browser, the other test layers) can take a core
 *   away for a while: runs of the same bench there vary by up to ~40 % from run to run, so a timing
 *   fails only when it is more than 1.5× its budget. The printed ratio is always against the budget.
 */
export const TIMING_MARGIN = 1.5;

export type Kind = 'exact' | 'max' | 'timing';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget: number;
  readonly kind: Kind;
}

const figures: Figure[] = [];

/**
 * Every figure a full bench checks, by name (a pattern where the name carries a workload size): `--check`
 * fails when one was not reported, so a bench that stops measuring something cannot pass.
 */
export const EXPECTED_FIGURES: readonly (string | RegExp)[] = [
  'code loaded at activation (dist/extension.js)',
  'load + activate() on a stand-in vscode, median of 20',
  'AWS SDK loaded during activation',
  'VSIX size (what a person downloads)',
  /^activate\(\) in VS Code [\d.]+'s extension host/,
  /^code loaded by then in VS Code [\d.]+$/,
  ...['csv export', 'dashboard layout', 'dashboard markdown', 'health body excerpt', 'health secret references', 'notification text', 'runbook globs', 'runbook headings'].map((parser) => `hostile 1 MB: ${parser}`),
  'health: full round, 50 endpoints, one takes 2 s',
  'health: checks in flight at once',
  /^insights results: all three, median of \d+$/,
  'stack frames: slowest hostile 1 MB line',
  'stack frames: 1 MB of escaped JSON traces',
  'health formats: slowest hostile body',
  'insights: diagnostics of a 30-line query (median)',
  'insights: conformance suite parsed (median)',
  'production errors: index of 10,000 error events',
  'production errors: CodeLens, file with 50 marked lines',
  'production errors: same, with unsaved edits',
  'logs tail: update work at 1,000 events/s',
  'logs tail: events kept in the document',
  'logs tail: heap growth after the buffer filled',
  'step functions: triage of 10,000 executions after the pages arrive',
  ...[1, 50, 500, 1200, 5000].map((m) => `GetMetricData calls for M=${m} metrics (24 h)`),
  'merge 500 series × 1,440 points (median of 5)',
  'investigation: AWS calls (3 groups, 1 machine)',
  'investigation: AWS calls made twice',
  'investigation: LookupEvents pages per resource looked up',
  /^investigation: first paint after first data/,
  /^execution graph: 100 states laid out and drawn/,
  ...['listAlarms', 'describeAlarm', 'investigateAlarm', 'listExecutions', 'describeExecution'].map((tool) => `agent: opsLens_${tool} vs its AWS calls`),
  ...['listAlarms', 'describeAlarm', 'listSavedQueries', 'runInsightsQuery', 'getMetricData', 'listExecutions', 'describeExecution', 'resolveStackFrames', 'investigateAlarm', 'checkHealth', 'productionErrors'].map((tool) => `agent: opsLens_${tool} answer size`),
  'alarms: alarms listed of those seeded',
  /^alarms: DescribeAlarms calls for \d+ alarms$/,
  /^alarms: \d+ alarms to a ready tree$/,
  /^alarm watch: DescribeAlarms calls per read, 3 scopes × \d+ alarms$/,
  'alarm watch: share of a core at a 60 s interval',
  'accounts: alarms listed of those seeded',
  'accounts: DescribeAlarms calls',
  /^accounts: \d+ profiles to ready trees, \d+ ms per call$/,
  /^soak: heap growth, cycles \d+→\d+$/,
  'soak: listeners added during the session',
  'soak: timers left after dispose',
  'soak: listeners left after dispose',
  /^infra code: index of a [\d,]+-file monorepo$/,
  'infra code: longest extension-host task while indexing',
  'infra code: re-index one changed file (median)',
  /^infra code: CodeLens of a file with \d+ definitions, data cached \(median\)$/,
];

function kindOf(unit: string): Kind {
  if (unit === 'calls' || unit === 'items' || unit === 'in flight') return 'exact';
  if (unit === 'ms') return 'timing';
  return 'max';
}

function verdict(f: Figure): 'OK' | 'OVER' | 'WRONG' {
  if (Number.isNaN(f.value)) return 'WRONG';
  if (f.kind === 'exact') return f.value === f.budget ? 'OK' : f.value > f.budget ? 'OVER' : 'WRONG';
  if (f.kind === 'timing') return f.value <= f.budget * TIMING_MARGIN ? 'OK' : 'OVER';
  return f.value <= f.budget ? 'OK' : 'OVER';
}

/** A figure with a budget, judged by the rule its unit implies. */
export function figure(name: string, value: number, unit: string, budget: number): Figure {
  return { name, value, unit, budget, kind: kindOf(unit) };
}

/** Prints one figure; with a budget it is also checked by `--check`. */
export function report(name: string, value: number, unit: string, budget?: number, note = ''): void {
  const shown = unit === 'KB' || unit === 'MB' ? value.toFixed(1) : value < 10 ? value.toFixed(2) : Math.round(value).toString();
  let ratio = '';
  if (budget !== undefined) {
    const checked = figure(name, value, unit, budget);
    figures.push(checked);
    const v = verdict(checked);
    const rule = checked.kind === 'exact' ? 'exactly' : checked.kind === 'timing' ? `≤ ${TIMING_MARGIN}× of` : '≤';
    ratio = `  budget ${rule} ${budget} ${unit}, ${budget ? (value / budget).toFixed(2) : '—'}× ${v === 'OK' ? 'OK' : v === 'WRONG' ? 'WRONG (fewer than the minimum: something was not fetched, measured or run at once)' : 'OVER'}`;
  }
  console.log(`${name.padEnd(48)} ${shown.padStart(10)} ${unit}${ratio}${note ? `  ${note}` : ''}`);
}

/** A figure that could not be measured at all: fails `--check`. */
export function reportMissing(name: string, reason: string): void {
  figures.push(figure(name, NaN, '', 0));
  console.log(`${name.padEnd(48)} ${'—'.padStart(10)}  not measured: ${reason}`);
}

function named(name: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? name === expected : expected.test(name);
}

/** The figures that break their budget, and the expected ones never reported (as not measured). */
export function failures(reported: readonly Figure[] = figures, expected: readonly (string | RegExp)[] = EXPECTED_FIGURES): Figure[] {
  const missing = expected.filter((e) => !reported.some((f) => named(f.name, e))).map((e) => figure(`${String(e)} (never reported)`, NaN, '', 0));
  return [...reported.filter((f) => verdict(f) !== 'OK'), ...missing];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
