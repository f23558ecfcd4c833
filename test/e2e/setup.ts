// Mocha root hooks of the e2e layer: builds the extension, starts the sandbox (moto seeded with the
// scenario, the health server, a workspace), code-server with the extension installed and the sandbox's
// environment, and Chromium on the workbench. Tests reach it through `workbench()` / `environment()`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { installVsix, startCodeServer, type RunningCodeServer } from '../../sandbox/codeServer';
import { activeTarget } from '../../sandbox/tools/vscodeVersions';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT, packageVsix, startTestSandbox, type TestSandbox } from '../support/environment';
import { unexpectedHostErrors } from '../support/hostLogs';
import { E2E_TIME_ZONE, Workbench, closeHostErrorWindows, hostErrorsExpected, setEnvironment, waitFor, workbench } from './harness';

let sandbox: TestSandbox | undefined;
let codeServer: RunningCodeServer | undefined;
let browser: Browser | undefined;
let tempDir: string | undefined;

const log = (line: string) => console.log(`    [e2e] ${line}`);

// VS Code, the browser and the tests run in a zone that is not UTC (with a half-hour offset), so a time
// written in the wrong zone, or without its zone, shows.
process.env.TZ = E2E_TIME_ZONE;

async function teardown(): Promise<void> {
  setEnvironment(undefined);
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await codeServer?.stop();
  codeServer = undefined;
  await sandbox?.stop().catch((err: unknown) => log(`sandbox stop: ${String(err)}`));
  sandbox = undefined;
  if (tempDir && !process.env.OPS_LENS_KEEP_TEMP) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    // The first run installs code-server (1–3 min); later runs start in ~10 s.
    this.timeout(10 * 60 * 1000);
    const started = Date.now();
    process.once('SIGINT', () => void teardown().finally(() => process.exit(130)));

    sandbox = await startTestSandbox(log);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-e2e-'));
    const extensionsDir = path.join(tempDir, 'extensions');
    // The e2e layer tests what users install: the packed .vsix of the release build.
    // A home of its own: the extension reads ~/.aws (SSO token cache) from it, never this machine user's.
    const home = path.join(tempDir, 'home');
    fs.mkdirSync(home);
    const hostEnv = { ...sandbox.env, HOME: home, TZ: E2E_TIME_ZONE };
    const target = activeTarget();
    log(`VS Code ${target.vscode} (code-server ${target.codeServer}, Node ${target.node})`);
    await installVsix(packageVsix(tempDir), extensionsDir, path.join(tempDir, 'user-data'), target, log);
    codeServer = await startCodeServer({
      target,
      workspace: sandbox.workspace,
      extensionsDir,
      userDataDir: path.join(tempDir, 'user-data'),
      env: hostEnv,
      unsetEnvPrefixes: ['AWS_'],
      log,
    });

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: E2E_TIME_ZONE });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: codeServer.url });
    // No step may wait forever for an element that is not coming.
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    const bench = new Workbench(page, codeServer.workbenchUrl);
    await bench.open();
    // Wide enough for alarm names and their descriptions in screenshots.
    await bench.setSideBarWidth(460);
    // Ops Lens has activated (its status bar item is up) and settled before the first test: whatever it
    // shows at start-up is recorded as start-up's, not as the first test's.
    await waitFor(() => bench.statusBarItems(), (items) => items.some((i) => i.id.endsWith('opsLens.session')), { timeoutMs: 60000, message: 'Ops Lens did not activate' });
    await bench.waitForIdle(30000).catch(() => undefined);
    setEnvironment({
      workbench: bench,
      workspace: sandbox.workspace,
      awsEndpoint: sandbox.awsEndpoint,
      healthUrl: sandbox.healthUrl,
      env: hostEnv,
      home,
      userSettingsFile: path.join(tempDir, 'user-data', 'User', 'settings.json'),
      codeServerUrl: codeServer.url,
    });
    log(`workbench ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },

  async beforeEach(this: Mocha.Context): Promise<void> {
    if (browser) await workbench().markTest(this.currentTest?.fullTitle() ?? '');
  },

  async afterEach(this: Mocha.Context): Promise<void> {
    closeHostErrorWindows();
    const test = this.currentTest;
    if (test?.state !== 'failed' || !browser) return;
    try {
      const file = await workbench().screenshot(`failed-${test.fullTitle()}`.slice(0, 120), { settle: false });
      log(`screenshot of the failure: ${path.relative(REPO_ROOT, file)}`);
    } catch {
      // no workbench to photograph
    }
  },

  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60000);
    const unexpected = tempDir ? unexpectedHostErrors(path.join(tempDir, 'user-data'), hostErrorsExpected()) : [];
    await teardown();
    if (unexpected.length) throw new Error(`the extension host logged ${unexpected.length} error(s) of Ops Lens that no test expected:\n${unexpected.map((e) => `${e.file}: ${e.text}`).join('\n')}`);
  },
};
