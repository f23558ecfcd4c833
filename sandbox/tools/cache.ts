// The tool cache: where the test layers keep the programs they install on first use (code-server, the
// Node it runs on), outside the repository so a fresh clone reuses them.
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';

export type Log = (line: string) => void;

/** Root of the tool cache: `$OPS_LENS_CACHE` or `~/.cache/ops-lens`. */
export function cacheRoot(): string {
  return process.env.OPS_LENS_CACHE || path.join(os.homedir(), '.cache', 'ops-lens');
}

/** Runs a command, echoing its output through `log`, with a heartbeat while it is quiet for long. */
export function runLogged(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (d: Buffer) => {
      const text = d.toString();
      tail = (tail + text).slice(-6000);
      for (const line of text.split('\n')) if (line.trim()) log(`  ${line.trimEnd()}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const started = Date.now();
    const heartbeat = setInterval(() => log(`  … still installing (${Math.round((Date.now() - started) / 1000)} s)`), 20000);
    child.on('error', (err) => {
      clearInterval(heartbeat);
      reject(err);
    });
    child.on('exit', (code) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${tail}`));
    });
  });
}
