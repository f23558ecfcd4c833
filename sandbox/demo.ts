// `npm run demo`: the extension on the seeded sandbox — in local VS Code when `code` is on the PATH,
// otherwise in a browser-based VS Code. `npm run demo -- --check` does the start-up headless, checks
// every service and health endpoint once, prints a summary and exits.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSandbox } from './check';
import { installExtension, startCodeServer, type RunningCodeServer } from './codeServer';
import { REPO_ROOT, stopChild } from './moto';
import { useBothAccounts } from './workspace';
import { startSandbox, type Sandbox } from './start';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const check = process.argv.includes('--check');
const forceBrowser = process.argv.includes('--browser');
const DEMO_DIR = path.join(REPO_ROOT, '.sandbox', 'demo');

function build(): void {
  const out = spawnSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.js')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (out.status !== 0) throw new Error('the extension did not build');
}

function hasCode(): boolean {
  return !forceBrowser && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const started = Date.now();
  const stoppers: (() => Promise<void>)[] = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.log(`\n${signal}: stopping everything the demo started…`);
      void stopAll().then(() => process.exit(0));
    });
  }

  try {
    console.log('Building the extension…');
    build();
    console.log('Starting the sandbox (local AWS endpoint, seeded scenario, health server)…');
    const sandbox: Sandbox = await startSandbox({ log: (s) => console.log(`  ${s}`), liveLogs: true });
    stoppers.push(() => sandbox.stop());
    console.log(`AWS endpoint: ${sandbox.awsEndpoint}`);
    console.log(`Health server: ${sandbox.healthUrl}`);

    if (check) {
      const result = await checkSandbox(sandbox);
      console.log('');
      for (const line of result.lines) console.log(line);
      const failed = result.lines.filter((l) => l.startsWith('FAIL')).length;
      console.log('');
      console.log(`demo check: ${result.lines.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await stopAll();
      process.exit(result.ok ? 0 : 1);
    }

    useBothAccounts(sandbox.workspace);
    console.log(`Accounts side by side: the workspace's profiles sandbox and staging (opsLens.aws.profiles).`);
    if (hasCode()) {
      const child: ChildProcess = spawn('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, sandbox.workspace], { env: { ...process.env, ...sandbox.env }, stdio: 'ignore' });
      stoppers.push(() => stopChild(child));
      console.log(`\nOpened VS Code with Ops Lens on ${sandbox.workspace}.`);
    } else {
      const extensionsDir = path.join(DEMO_DIR, 'extensions');
      fs.rmSync(extensionsDir, { recursive: true, force: true });
      installExtension(REPO_ROOT, extensionsDir);
      const server: RunningCodeServer = await startCodeServer({ workspace: sandbox.workspace, extensionsDir, userDataDir: path.join(DEMO_DIR, 'user-data'), env: sandbox.env, unsetEnvPrefixes: ['AWS_'], log: (s) => console.log(`  ${s}`) });
      stoppers.push(() => server.stop());
      console.log(`\nOps Lens is running in VS Code in the browser: ${server.workbenchUrl}`);
    }
    console.log('Press Ctrl-C to stop everything.');
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    await stopAll();
    process.exit(1);
  }
}

void main();
