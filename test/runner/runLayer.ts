// Runs one layer as a child process: its output passed through and counted, and the child with every
// process it started (sandbox, code-server, Chromium) stopped when the layer runs past its time limit.
import { spawn, type ChildProcess } from 'node:child_process';
import { killTree } from '../../sandbox/codeServer';
import { countsIn, durationText, mentionsForbiddenOnly, type LayerRun } from './judge';
import type { Layer } from './layers';

const running = new Set<ChildProcess>();

export interface RunLayerOptions {
  readonly cwd: string;
  /** Pass the layer's output through to this process's (default true). */
  readonly echo?: boolean;
}

export function runLayer(layer: Layer, options: RunLayerOptions): Promise<LayerRun> {
  const echo = options.echo ?? true;
  return new Promise((resolve) => {
    const env = { ...process.env, FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...layer.env };
    // A process group of its own, so that the whole layer can be stopped at once.
    const child = spawn(layer.cmd, [...layer.args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
    running.add(child);
    let out = '';
    let errTail = '';
    let onlyForbidden = false;
    child.stdout.on('data', (d: Buffer) => {
      if (echo) process.stdout.write(d);
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (echo) process.stderr.write(d);
      // Only the end is kept: enough to see mocha's message across a chunk boundary.
      errTail = (errTail + d.toString()).slice(-4000);
      if (mentionsForbiddenOnly(errTail)) onlyForbidden = true;
    });
    let timedOutAfterMs: number | undefined;
    const timer = setTimeout(() => {
      timedOutAfterMs = layer.timeLimitMs;
      if (echo) console.log(`\n${layer.name}: still running after its time limit of ${durationText(layer.timeLimitMs)}; stopping it`);
      void killTree(child, 10_000);
    }, layer.timeLimitMs);
    let finished = false;
    const finish = (code: number | string | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      running.delete(child);
      resolve({ name: layer.name, code, ...countsIn(out), minimum: layer.minimum, onlyForbidden: onlyForbidden || mentionsForbiddenOnly(out), timedOutAfterMs });
    };
    child.once('error', (err) => finish(err.message));
    child.once('close', (code, signal) => finish(code ?? signal));
  });
}

/** Stops every layer still running, with what it started (on Ctrl-C, which no longer reaches their groups). */
export async function stopRunningLayers(): Promise<void> {
  await Promise.all([...running].map((child) => killTree(child, 10_000)));
}
