// Activation measured where it really happens: the built extension in the extension host of the current
// VS Code (code-server), opened by Chromium. The extension logs how long `activate` took from entry to
// return and which of its bundles were loaded by then; this reads that line from the host's log files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { installExtension, startCodeServer } from '../sandbox/codeServer';
import { VSCODE_TARGETS } from '../sandbox/tools/vscodeVersions';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../test/support/environment';
import { logFiles } from '../test/support/hostLogs';
import { report, reportMissing } from './report';

const ACTIVATED = /activated in ([\d.]+) ms; code loaded: ([\d.]+) KB \(([^)]*)\)/;

function findLine(dir: string): RegExpExecArray | undefined {
  for (const file of logFiles(dir)) {
    if (!path.basename(file).includes('Ops Lens')) continue;
    const match = ACTIVATED.exec(fs.readFileSync(file, 'utf8'));
    if (match) return match;
  }
  return undefined;
}

export async function benchActivationInHost(): Promise<void> {
  const target = VSCODE_TARGETS.current;
  const name = `activate() in VS Code ${target.vscode}'s extension host`;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-bench-host-'));
  const workspace = path.join(temp, 'workspace');
  fs.mkdirSync(workspace);
  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  installExtension(REPO_ROOT, extensionsDir);
  const server = await startCodeServer({ workspace, extensionsDir, userDataDir, target, unsetEnvPrefixes: ['AWS_'], env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.workbenchUrl);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    const deadline = Date.now() + 60000;
    let match: RegExpExecArray | undefined;
    while (!match && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      match = findLine(userDataDir);
    }
    if (!match) return reportMissing(name, 'no "activated in" line in the Ops Lens log within 60 s');
    report(name, Number(match[1]), 'ms', 20, '(from entry to return, as the extension measures it in the real host)');
    report(`code loaded by then in VS Code ${target.vscode}`, Number(match[2]), 'KB', 300, `(${match[3]})`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
