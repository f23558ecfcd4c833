// What the extension-host and e2e layers share: the repo build, Chromium, and the sandbox the extension
// talks to.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startMoto } from '../../sandbox/moto';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
export const CHROMIUM_PATH = process.env.OPS_LENS_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** `node esbuild.js` in the repo root. */
export function buildExtension(): void {
  const out = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`extension build failed:\n${out.stdout}\n${out.stderr}`);
}

/** The release build packed as a .vsix, exactly as it would be published; returns its path. */
export function packageVsix(outDir: string): string {
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`release build failed:\n${build.stdout}\n${build.stderr}`);
  const vsix = path.join(outDir, 'ops-lens.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const out = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`vsce package failed:\n${out.stdout}\n${out.stderr}`);
  return vsix;
}

export interface TestSandbox {
  readonly awsEndpoint: string;
  readonly healthUrl: string | undefined;
  readonly workspace: string;
  /** AWS_* (and any other) variables the extension host needs to reach the sandbox. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

interface SandboxModule {
  startSandbox(options?: Record<string, unknown>): Promise<{ awsEndpoint: string; healthUrl?: string; workspace: string; env: Record<string, string>; stop(): Promise<void> }>;
}

/**
 * The full sandbox (`sandbox/start.ts`: moto seeded with the scenario, health server, workspace) or,
 * with OPS_LENS_BARE_SANDBOX=1 or where that is not available, plain moto with an empty workspace.
 * Either way in a temporary folder, with an environment that points the SDK at the sandbox and
 * nowhere else.
 */
export async function startTestSandbox(log: (line: string) => void = () => undefined): Promise<TestSandbox> {
  // The sandbox reports every step (and the stand-in every call): shown with OPS_LENS_VERBOSE=1 or when
  // the start fails; otherwise one summary line.
  const verbose = process.env.OPS_LENS_VERBOSE === '1';
  const detail: string[] = [];
  let started = false;
  const sandboxLog = (line: string) => {
    if (verbose) log(line);
    else if (!started) detail.push(line);
  };
  const dumpDetail = () => {
    for (const line of detail.splice(0)) log(line);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-sandbox-'));
  // The developer's ~/.aws files stay out of the run unless the sandbox brings its own.
  const awsDir = path.join(dir, 'aws');
  fs.mkdirSync(awsDir);
  fs.writeFileSync(path.join(awsDir, 'config'), '');
  fs.writeFileSync(path.join(awsDir, 'credentials'), '');
  const isolation = {
    AWS_CONFIG_FILE: path.join(awsDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });

  const startFile = path.join(REPO_ROOT, 'sandbox', 'start.ts');
  if (fs.existsSync(startFile) && process.env.OPS_LENS_BARE_SANDBOX !== '1') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(startFile) as SandboxModule;
    let s: Awaited<ReturnType<SandboxModule['startSandbox']>>;
    try {
      // A workspace of its own, so parallel runs and the developer's sandbox do not share one.
      // The endpoint handed to the extension is the fault proxy, passing everything through until a test
      // scripts a fault (test/e2e/faults.test.ts); OPS_LENS_FAULT_PROXY=0 leaves it out.
      s = await mod.startSandbox({ log: sandboxLog, workspaceDir: path.join(dir, 'workspace'), faults: process.env.OPS_LENS_FAULT_PROXY === '0' ? undefined : [] });
    } catch (err) {
      dumpDetail();
      removeDir();
      throw err;
    }
    started = true;
    detail.length = 0;
    log(`sandbox: AWS ${s.awsEndpoint}, health ${s.healthUrl ?? '-'}, workspace ${s.workspace}`);
    return {
      awsEndpoint: s.awsEndpoint,
      healthUrl: s.healthUrl,
      workspace: s.workspace,
      env: { ...isolation, ...s.env },
      stop: async () => {
        await s.stop();
        removeDir();
      },
    };
  }

  const moto = await startMoto({ log: sandboxLog }).catch((err: unknown) => {
    dumpDetail();
    removeDir();
    throw err;
  });
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Ops Lens test workspace\n');
  started = true;
  detail.length = 0;
  log(`bare sandbox: moto ${moto.url}, workspace ${workspace}`);
  return {
    awsEndpoint: moto.url,
    healthUrl: undefined,
    workspace,
    env: {
      ...isolation,
      AWS_ENDPOINT_URL: moto.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
    stop: async () => {
      await moto.stop();
      removeDir();
    },
  };
}
