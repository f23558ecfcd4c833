// Runs the extension-host suites with mocha inside VS Code. Bundled with mocha and the suite files into
// one file by test/vscode/build.ts (which registers the suite files); loaded by @vscode/test-electron as
// `extensionTestsPath` (calls `run()`) or by the harness extension in code-server (calls `runSuite()`).
import Mocha from 'mocha';
import { mapStack } from './sourceMap';

/** Set by the bundler: the repository root, so failure stacks name test files relative to it. */
declare const __SUITE_SOURCE_ROOT__: string | undefined;
const SOURCE_ROOT = typeof __SUITE_SOURCE_ROOT__ === 'string' ? __SUITE_SOURCE_ROOT__ : undefined;

export interface SuiteFailure {
  readonly title: string;
  readonly error: string;
}

export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: SuiteFailure[];
  /** Spec-style report, one entry a line, ending with the `N passing` / `N failing` lines. */
  readonly lines: string[];
  readonly durationMs: number;
}

export interface RunOptions {
  /** Called with every report line as it is produced. */
  onLine?: (line: string) => void;
  /** Only tests whose full title matches. */
  grep?: string;
  timeoutMs?: number;
}

let loadSuiteFiles: (() => void) | undefined;

/** Called by the bundle's entry with a function that loads (requires) every suite file. */
export function registerSuiteFiles(load: () => void): void {
  loadSuiteFiles = load;
}

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = Mocha.Runner.constants;

/** Mocha's spec layout without colours, collected line by line. */
function specReporter(emit: (line: string) => void, failures: SuiteFailure[]) {
  return class SpecLines extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let indent = 0;
      let failureCount = 0;
      const pad = () => '  '.repeat(Math.max(0, indent - 1));
      const errors: { n: number; test: Mocha.Test; err: Error }[] = [];
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        indent++;
        if (suite.title) emit(`${pad()}${suite.title}`);
      });
      runner.on(EVENT_SUITE_END, () => {
        indent--;
        if (indent === 1) emit('');
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        const slow = test.duration !== undefined && test.duration > test.slow() / 2 ? ` (${test.duration}ms)` : '';
        emit(`${pad()}  ✔ ${test.title}${slow}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => emit(`${pad()}  - ${test.title}`));
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
        failureCount++;
        errors.push({ n: failureCount, test, err });
        failures.push({ title: test.fullTitle(), error: describeError(err) });
        emit(`${pad()}  ${failureCount}) ${test.title}`);
      });
      runner.once(EVENT_RUN_END, () => {
        const stats = this.stats;
        emit('');
        emit(`  ${stats.passes} passing (${formatDuration(stats.duration ?? 0)})`);
        if (stats.pending) emit(`  ${stats.pending} pending`);
        emit(`  ${stats.failures} failing`);
        for (const { n, test, err } of errors) {
          emit('');
          emit(`  ${n}) ${test.fullTitle()}:`);
          for (const line of describeError(err).split('\n')) emit(`     ${line}`);
        }
        emit('');
      });
    }
  };
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // node:assert puts the diff of actual and expected in the message, which the stack starts with.
  let text = err.stack ?? `${err.name}: ${err.message}`;
  if (!text.includes(err.message)) text = `${err.name}: ${err.message}\n${text}`;
  text = mapStack(text, __filename, SOURCE_ROOT);
  // Frames inside the bundled mocha say nothing about the test.
  return text
    .split('\n')
    .filter((line) => !/node_modules[\\/]mocha[\\/]/.test(line))
    .join('\n');
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)}s` : `${ms}ms`;
}

/** Runs every registered suite file; always resolves, with the counts and the report. */
export function runSuite(options: RunOptions = {}): Promise<SuiteResults> {
  if (!loadSuiteFiles) throw new Error('no suite files registered (load the bundle built by test/vscode/build.ts)');
  const lines: string[] = [];
  const failures: SuiteFailure[] = [];
  const emit = (line: string) => {
    lines.push(line);
    options.onLine?.(line);
  };
  // forbidOnly: a `.only` left in a suite file fails the run instead of running that test alone.
  const mocha = new Mocha({ ui: 'bdd', color: false, forbidOnly: true, timeout: options.timeoutMs ?? 30000, reporter: specReporter(emit, failures) });
  if (options.grep) mocha.grep(options.grep);
  // What `mocha.loadFiles` does for a file on disk: define describe/it on the global object first.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'suite', mocha);
  loadSuiteFiles();
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, 'suite', mocha);
  const started = Date.now();
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats ?? { passes: 0, failures: failures.length, pending: 0 };
      resolve({ passed: stats.passes, failed: stats.failures, pending: stats.pending, failures, lines, durationMs: Date.now() - started });
    });
  });
}

/**
 * Entry point for `@vscode/test-electron`: prints the report, resolves when every test passed and
 * rejects otherwise (the error carries the results).
 */
export async function run(): Promise<SuiteResults> {
  const results = await runSuite({ onLine: (line) => console.log(line), grep: process.env.OPS_LENS_TEST_GREP });
  if (results.failed > 0 || results.passed === 0) {
    throw Object.assign(new Error(`${results.failed} of ${results.passed + results.failed} extension-host tests failed`), { results });
  }
  return results;
}
