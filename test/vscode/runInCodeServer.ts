// Extension-host layer without downloading VS Code: code-server with the built extension and the harness
// extension installed, the sandbox's environment, and the suite's path in OPS_LENS_TEST_SUITE. The harness
// runs the suite when a browser opens the workbench and writes the results to OPS_LENS_TEST_RESULTS;
// this prints the report (ending in `N passing` / `N failing`) and exits non-zero on any failure.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { installExtension, startCodeServer, type RunningCodeServer } from '../../sandbox/codeServer';
import { activeTarget } from '../../sandbox/tools/vscodeVersions';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, buildExtension, startTestSandbox, type TestSandbox } from '../support/environment';
import { hostErrors } from '../support/hostLogs';
import { buildSuite } from './build';

const HARNESS_DIR = path.join(__dirname, 'harness-extension');
/** Longest stretch without a new report line (the suite starting, or the next test finishing). */
const QUIET_TIMEOUT_MS = Number(process.env.OPS_LENS_TEST_TIMEOUT_MS ?? 180000);

interface ResultsFile {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  lines: string[];
  done: true;
}

const log = (line: string) => console.error(`[extension host] ${line}`);

let sandbox: TestSandbox | undefined;
let codeServer: RunningCodeServer | undefined;
let browser: Browser | undefined;
let tempDir: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close().catch(() => undefined);
    await codeServer?.stop();
    await sandbox?.stop().catch((err: unknown) => log(`sandbox stop: ${String(err)}`));
    if (tempDir && !process.env.OPS_LENS_KEEP_TEMP) fs.rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaning;
}

/** Prints what the harness appended to the log since `offset`; returns the new offset. */
function printLogFrom(logFile: string, offset: number): number {
  let text: string;
  try {
    text = fs.readFileSync(logFile, 'utf8');
  } catch {
    return offset;
  }
  const complete = text.lastIndexOf('\n') + 1;
  if (complete > offset) process.stdout.write(text.slice(offset, complete));
  return Math.max(offset, complete);
}

function readResults(file: string): ResultsFile | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
    return parsed.done ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  buildExtension();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-exthost-'));
  const extensionsDir = path.join(tempDir, 'extensions');
  installExtension(REPO_ROOT, extensionsDir);
  const harness = installExtension(HARNESS_DIR, extensionsDir);
  // Inside the harness's folder, the suite's `require('vscode')` is attributed to the harness.
  const suite = await buildSuite(path.join(harness, 'suite.js'));
  const resultsFile = path.join(tempDir, 'results.json');
  const logFile = `${resultsFile}.log`;

  sandbox = await startTestSandbox(log);
  const target = activeTarget();
  log(`VS Code ${target.vscode} (code-server ${target.codeServer}, Node ${target.node})`);
  codeServer = await startCodeServer({
    target,
    workspace: sandbox.workspace,
    extensionsDir,
    userDataDir: path.join(tempDir, 'user-data'),
    env: { ...sandbox.env, OPS_LENS_TEST_SUITE: suite, OPS_LENS_TEST_RESULTS: resultsFile, ...(process.env.OPS_LENS_TEST_GREP ? { OPS_LENS_TEST_GREP: process.env.OPS_LENS_TEST_GREP } : {}) },
    unsetEnvPrefixes: ['AWS_'],
    log,
  });

  // Extensions activate only once a window connects.
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(codeServer.workbenchUrl);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  log(`workbench open after ${((Date.now() - started) / 1000).toFixed(1)} s; running the suite`);

  let offset = 0;
  let results: ResultsFile | undefined;
  let deadline = Date.now() + QUIET_TIMEOUT_MS;
  while (!results && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const next = printLogFrom(logFile, offset);
    if (next !== offset) deadline = Date.now() + QUIET_TIMEOUT_MS;
    offset = next;
    results = readResults(resultsFile);
  }
  offset = printLogFrom(logFile, offset);

  if (!results) {
    const ran = fs.existsSync(`${resultsFile}.started`);
    const what = ran ? `reported nothing for ${QUIET_TIMEOUT_MS / 1000} s` : `did not start within ${QUIET_TIMEOUT_MS / 1000} s`;
    console.log(`\n  0 passing\n  1 failing\n\n  1) the extension-host suite ${what}`);
    log(`code-server output:\n${codeServer.output().slice(-6000)}`);
    return 1;
  }
  if (offset === 0) for (const line of results.lines) console.log(line);
  // The suite provokes no error on purpose: anything Ops Lens logged as an error, or an unhandled
  // rejection from its code, fails the layer.
  const unexpected = hostErrors(path.join(tempDir, 'user-data'));
  if (unexpected.length) {
    console.log(`\n  1 failing\n\n  1) the extension host logged ${unexpected.length} error(s) of Ops Lens:`);
    for (const e of unexpected) console.log(`     ${e.file}: ${e.text.replace(/\n/g, '\n     ')}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return results.failed > 0 || results.passed === 0 || unexpected.length > 0 ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      await cleanup();
      process.exit(1);
    },
  );
