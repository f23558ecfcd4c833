// Debian packages the VS Code layers need: Chromium (the browser the tests drive), ripgrep (seeds
// code-server's ripgrep download) and libkrb5-dev (headers for code-server's native modules).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Log } from './cache';

interface SystemPackage {
  readonly name: string;
  present(): boolean;
}

const onPath = (bin: string) => () => (process.env.PATH ?? '').split(':').some((dir) => dir && fs.existsSync(`${dir}/${bin}`));

const PACKAGES: readonly SystemPackage[] = [
  { name: 'chromium', present: onPath('chromium') },
  { name: 'ripgrep', present: onPath('rg') },
  { name: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi/gssapi.h') || fs.existsSync('/usr/include/krb5.h') },
];

function run(cmd: string, args: string[]): void {
  const out = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (out.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${out.status ?? out.signal}`);
}

/**
 * Installs the missing packages with apt-get when running as root; otherwise stops with the one command
 * that installs them.
 */
export function ensureSystemPackages(log: Log, only?: readonly string[]): void {
  const missing = PACKAGES.filter((p) => (!only || only.includes(p.name)) && !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const command = `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    throw new Error(`The VS Code test layers need ${missing.join(', ')}. Install them once with:\n  ${command}`);
  }
  log(`installing ${missing.join(', ')} with apt-get …`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing]);
}
