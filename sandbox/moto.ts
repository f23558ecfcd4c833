import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, waitForHttp } from './ports';

export const REPO_ROOT = path.resolve(__dirname, '..');
const VENV = path.join(REPO_ROOT, '.venv');
const MOTO_REQUIREMENT = 'moto[server]>=5.2.3';

export function motoServerPath(): string {
  return path.join(VENV, 'bin', 'moto_server');
}

function installedMotoVersion(): string | undefined {
  const python = path.join(VENV, 'bin', 'python');
  if (!fs.existsSync(python) || !fs.existsSync(motoServerPath())) return undefined;
  const out = spawnSync(python, ['-c', 'import moto; print(moto.__version__)'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

function versionAtLeast(version: string, min: number[]): boolean {
  const parts = version.split(/[.\-+]/).map((p) => parseInt(p, 10));
  for (let i = 0; i < min.length; i++) {
    const v = Number.isNaN(parts[i]) ? 0 : parts[i];
    if (v !== min[i]) return v > min[i];
  }
  return true;
}

/** Installs moto into the project's .venv when it is missing or too old. */
export function ensureMoto(log: (line: string) => void = () => undefined): void {
  const version = installedMotoVersion();
  if (version && versionAtLeast(version, [5, 2, 3])) return;
  log(`installing ${MOTO_REQUIREMENT} into .venv …`);
  const python = process.env.PYTHON ?? 'python3';
  if (!fs.existsSync(path.join(VENV, 'bin', 'python'))) run(python, ['-m', 'venv', VENV]);
  run(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', MOTO_REQUIREMENT]);
}

function run(cmd: string, args: string[]): void {
  const out = spawnSync(cmd, args, { stdio: 'inherit' });
  if (out.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${out.status}`);
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(options: { port?: number; log?: (line: string) => void } = {}): Promise<RunningServer> {
  ensureMoto(options.log);
  const port = options.port ?? (await freePort());
  const child = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/moto-api/`, 30000);
  } catch (err) {
    await stopChild(child);
    throw new Error(`moto_server did not start: ${err instanceof Error ? err.message : String(err)}\n${stderr}`, { cause: err });
  }
  await fetch(`${url}/moto-api/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepfunctions: { execute_state_machine: true } }) });
  return { url, port, stop: () => stopChild(child) };
}

export async function resetMoto(url: string): Promise<void> {
  await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  await fetch(`${url}/moto-api/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepfunctions: { execute_state_machine: true } }) });
}
