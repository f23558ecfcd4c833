// Extension-host layer in desktop VS Code, downloaded by @vscode/test-electron (needs internet; on
// machines without it use runInCodeServer.ts). Same suite, same sandbox.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { VSCODE_TARGETS } from '../../sandbox/tools/vscodeVersions';
import { REPO_ROOT, buildExtension, startTestSandbox } from '../support/environment';
import { buildSuite } from './build';

/** The lowest VS Code the manifest's `engines` accepts, as in the code-server layer; override to try others. */
const VSCODE_VERSION = process.env.OPS_LENS_VSCODE_VERSION ?? VSCODE_TARGETS.min.vscode;

async function main(): Promise<number> {
  buildExtension();
  const suite = await buildSuite();
  const sandbox = await startTestSandbox((line) => console.error(`[extension host] ${line}`));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-electron-'));
  // The developer's own AWS profile and region must not leak into the run.
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  try {
    await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { ...sandbox.env, ...(process.env.OPS_LENS_TEST_GREP ? { OPS_LENS_TEST_GREP: process.env.OPS_LENS_TEST_GREP } : {}) },
      launchArgs: [sandbox.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userDataDir}`],
    });
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  } finally {
    await sandbox.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
