// How `npm test` judges each layer from what it printed and how it ended, and the summary it prints.
// A layer fails when it is missing, crashes, runs no test or fewer than its minimum, skips a test,
// holds a `.only`, or runs past its time limit.

export interface LayerRun {
  readonly name: string;
  /** Exit code or signal; `missing` when the layer's entry does not exist. */
  readonly code: number | string | null;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly minimum: number;
  /** Mocha refused a `.only` (`--forbid-only`). */
  readonly onlyForbidden?: boolean;
  /** Set when the layer was stopped at its time limit. */
  readonly timedOutAfterMs?: number;
}

export interface Verdict {
  readonly failed: number;
  readonly notes: string[];
}

/** Sums every `N passing` / `N failing` / `N pending` line (a runner may report failures found after its suite on lines of their own). */
export function countsIn(stdout: string): { passed: number; failed: number; pending: number } {
  const count = (re: RegExp) => [...stdout.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
  return { passed: count(/^\s*(\d+) passing/gm), failed: count(/^\s*(\d+) failing/gm), pending: count(/^\s*(\d+) pending/gm) };
}

/** What mocha prints when `--forbid-only` (or `forbidOnly`) meets a `.only`. */
export function mentionsForbiddenOnly(text: string): boolean {
  return /ERR_MOCHA_FORBIDDEN_EXCLUSIVITY|`\.only` forbidden by --forbid-only/.test(text);
}

export function durationText(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${ms / 1000} s`;
}

/** A layer's failures: its failing and skipped tests, plus one for whatever else is wrong with it. */
export function judgeLayer(r: LayerRun): Verdict {
  const notes: string[] = [];
  const ran = r.passed + r.failed;
  let problem = '';
  if (r.code === 'missing') problem = 'layer missing';
  else if (r.timedOutAfterMs !== undefined) problem = `stopped after its time limit of ${durationText(r.timedOutAfterMs)}`;
  // Mocha exits non-zero when it refuses a `.only`; a passing run that merely prints the words is not one.
  else if (r.onlyForbidden && r.code !== 0) problem = '`.only` in a test file: every test must run';
  else if (ran === 0) problem = 'no test ran';
  else if (r.code !== 0 && r.failed === 0) problem = `exit code ${r.code}`;
  if (problem) notes.push(problem);
  let below = false;
  if (r.code !== 'missing' && ran < r.minimum) {
    below = true;
    notes.push(`ran ${ran} tests, fewer than its minimum of ${r.minimum}`);
  }
  if (r.pending) notes.push(`${r.pending} skipped: every test must run`);
  // A layer whose only problem is running too few tests still fails once, not once per missing test.
  return { failed: r.failed + r.pending + (problem || below ? 1 : 0), notes };
}

/** Environment variables that narrow or change what a run covers: when each does, and what. */
const NARROWING_ENV: Readonly<Record<string, { readonly applies: (value: string) => boolean; readonly effect: string }>> = {
  OPS_LENS_TEST_GREP: { applies: (v) => v !== '', effect: 'the extension-host layer runs only the tests whose title matches' },
  OPS_LENS_VSCODE: { applies: (v) => v.trim() !== '', effect: 'the VS Code layers run only on these versions' },
  OPS_LENS_BARE_SANDBOX: { applies: (v) => v === '1', effect: 'the sandbox starts without its seeded scenario' },
  OPS_LENS_FAULT_PROXY: { applies: (v) => v === '0', effect: 'the sandbox starts without its fault proxy' },
  OPS_LENS_TEST_TIMEOUT_MS: { applies: (v) => v !== '', effect: 'the extension-host layer waits this long for its next report line' },
};

/** One line for each way this run is narrower than a full `npm test`. */
export function narrowings(env: NodeJS.ProcessEnv, onlyLayers: readonly string[]): string[] {
  const lines = Object.entries(NARROWING_ENV)
    .filter(([name, { applies }]) => env[name] !== undefined && applies(env[name]))
    .map(([name, { effect }]) => `${name}=${env[name]}: ${effect}`);
  if (onlyLayers.length) lines.unshift(`only the layers asked for: ${onlyLayers.join(' ')}`);
  return lines;
}

/** The summary's lines (one per layer, the narrowings, then the totals) and the totals. */
export function summary(runs: readonly LayerRun[], narrowed: readonly string[]): { lines: string[]; passed: number; failed: number } {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const r of runs) {
    const v = judgeLayer(r);
    lines.push(`${r.name}: ${r.passed} passed, ${v.failed} failed${v.notes.length ? ` (${v.notes.join('; ')})` : ''}`);
    passed += r.passed;
    failed += v.failed;
  }
  for (const n of narrowed) lines.push(`NARROWED: ${n}`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed };
}
