// Activation measured where it really happens: the built extension in the extension host of the current
// VS Code (code-server), opened by Chromium. The extension logs how long `activate` took from entry to
// return, which of its bundles were loaded by then and where the time went; this reads those lines from the
// host's log files. The window is loaded several times, each a new extension host, and the median is kept:
// one activation shares a busy start-up with the workbench, and a single sample says more about the machine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { installExtension, startCodeServer } from '../sandbox/codeServer';
import { VSCODE_TARGETS } from '../sandbox/tools/vscodeVersions';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../test/support/environment';
import { logFiles } from '../test/support/hostLogs';
import { report, reportMissing } from './report';

const ACTIVATED = /activated in ([\d.]+) ms; code loaded: ([\d.]+) KB \(([^)]*)\)(?:; parts \(ms\): ([^\n]*))?/g;
const WINDOW_LOADS = 5;

interface Activation {
  readonly ms: number;
  readonly kb: number;
  readonly bundles: string;
  readonly parts: string;
}

function activations(dir: string): Activation[] {
  const found: Activation[] = [];
  for (const file of logFiles(dir)) {
    if (!path.basename(file).includes('Ops Lens')) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(ACTIVATED)) found.push({ ms: Number(m[1]), kb: Number(m[2]), bundles: m[3], parts: m[4] ?? '' });
  }
  return found;
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
    for (let load = 1; load <= WINDOW_LOADS; load++) {
      await page.goto(server.workbenchUrl);
      await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
      const deadline = Date.now() + 60000;
      while (activations(userDataDir).length < load && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      if (activations(userDataDir).length < load) return reportMissing(name, `no "activated in" line in the Ops Lens log within 60 s of window load ${load}`);
    }
    const runs = activations(userDataDir).sort((a, b) => a.ms - b.ms);
    const middle = runs[Math.floor(runs.length / 2)];
    report(`${name}, median of ${runs.length}`, middle.ms, 'ms', 20, `(from entry to return, as the extension measures it in the real host; all: ${runs.map((r) => r.ms.toFixed(1)).join(', ')}; median run's slowest parts: ${middle.parts.split(', ').slice(0, 3).join(', ')})`);
    report(`code loaded by then in VS Code ${target.vscode}`, Math.max(...runs.map((r) => r.kb)), 'KB', 300, `(${middle.bundles})`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
