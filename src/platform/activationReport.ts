import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/**
 * Logs, after activation has returned, how long `activate` took and which of the extension's bundles
 * were loaded by then: `activated in 3.1 ms; code loaded: 147.2 KB (extension.js)`.
 */
export function reportActivation(log: vscode.LogOutputChannel, startedAt: number, bundleDir: string): void {
  const ms = performance.now() - startedAt;
  const loaded = Object.keys(require.cache).filter((file) => path.dirname(file) === bundleDir);
  setTimeout(() => {
    const kb = loaded.reduce((sum, file) => sum + (fs.existsSync(file) ? fs.statSync(file).size : 0), 0) / 1024;
    log.info(`activated in ${ms.toFixed(2)} ms; code loaded: ${kb.toFixed(1)} KB (${loaded.map((f) => path.basename(f)).join(', ')})`);
  }, 0);
}
