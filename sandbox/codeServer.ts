// code-server (VS Code in the browser) for the extension-host and e2e test layers and the demo: one build
// per supported VS Code version (`tools/vscodeVersions.ts`), installed once into the tool cache outside
// the repository on the Node it requires, started on a free loopback port, stopped with its whole
// process tree.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, waitForHttp } from './ports';
import { cacheRoot, runLogged, type Log } from './tools/cache';
import { ensureNode, nodeBinary, nodeHome } from './tools/node';
import { ensureSystemPackages } from './tools/system';
import { activeTarget, type VsCodeTarget } from './tools/vscodeVersions';

export { cacheRoot } from './tools/cache';

const defaultLog: Log = (line) => console.log(`[code-server] ${line}`);

export function codeServerInstallDir(target: VsCodeTarget): string {
  return path.join(cacheRoot(), `code-server-${target.codeServer}`);
}

function entryIn(dir: string): string {
  return path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Where code-server keeps logs and its heartbeat when XDG_DATA_HOME points into `dir`. */
function privateDataHome(dir: string): string {
  return path.join(dir, '.xdg-data');
}

/** The version a completed install in `dir` holds (package present and its postinstall done), read from disk. */
function installedVersion(dir: string): string | undefined {
  const pkg = path.join(dir, 'node_modules', 'code-server', 'package.json');
  // The postinstall installs VS Code's own dependencies; without them code-server cannot start.
  const postinstalled = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty', 'package.json');
  if (!fs.existsSync(entryIn(dir)) || !fs.existsSync(pkg) || !fs.existsSync(postinstalled)) return undefined;
  try {
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The environment code-server runs in: its own Node first on PATH, so whatever it forks runs on it too. */
function codeServerEnv(target: VsCodeTarget, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, PATH: `${path.join(nodeHome(target.node), 'bin')}${path.delimiter}${base.PATH ?? ''}` };
}

/** The machine's npm, run on the target's Node so that everything it starts runs on that Node too. */
function npmCli(): string {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`npm not found beside ${process.execPath}`);
  return found;
}

/** `code-server --version`, run so that it writes nothing outside `dir`. */
function reportedVersion(dir: string, target: VsCodeTarget): string | undefined {
  const out = spawnSync(nodeBinary(target.node), [entryIn(dir), '--config', path.join(dir, '.version-check.yaml'), '--version'], {
    encoding: 'utf8',
    env: { ...codeServerEnv(target, cleanEnv(process.env)), XDG_DATA_HOME: privateDataHome(dir) },
    timeout: 60000,
  });
  if (out.status !== 0) return undefined;
  // `4.139.1 <commit> with Code 1.139.1`, possibly after log lines.
  return /^(\d+\.\d+\.\d+)\s/m.exec(out.stdout)?.[1];
}

/** `@vscode/ripgrep`'s postinstall downloads rg unless its cache already holds the archive. */
function seedRipgrepCache(target: VsCodeTarget, log: Log): void {
  const archive = path.join(target.ripgrepCache.dir, target.ripgrepCache.archive);
  if (fs.existsSync(archive)) return;
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) throw new Error('code-server needs ripgrep to install: apt-get install ripgrep');
  fs.mkdirSync(target.ripgrepCache.dir, { recursive: true });
  const tmp = `${archive}.${process.pid}`;
  const out = spawnSync('tar', ['czf', tmp, '-C', path.dirname(rg), path.basename(rg)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not seed the ripgrep cache: ${out.stderr}`);
  fs.renameSync(tmp, archive);
  log(`seeded ${archive} from ${rg}`);
}

/**
 * Installs the target's code-server build (and the Node it runs on) into the tool cache the first time
 * (1–3 minutes); later calls reuse it. The install goes to a staging folder that is renamed into place
 * when complete, so an interrupted or concurrent install never leaves a half-installed copy.
 */
export async function ensureCodeServer(target: VsCodeTarget = activeTarget(), log: Log = defaultLog): Promise<VsCodeTarget> {
  await ensureNode(target.node, log);
  const dir = codeServerInstallDir(target);
  if (installedVersion(dir) === target.codeServer) return target;

  log(`installing code-server@${target.codeServer} (VS Code ${target.vscode}) into ${dir} (takes 1–3 minutes) …`);
  ensureSystemPackages(log, ['ripgrep', 'libkrb5-dev']);
  seedRipgrepCache(target, log);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // Without a package.json here npm would look for a project in the parent folders.
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'ops-lens-code-server', private: true }, null, 2));

  const env: NodeJS.ProcessEnv = {
    // Without the npm_* variables of an outer `npm run`/`npx`, which point npm's scripts at the Node that
    // started it; code-server's postinstall checks the Node it runs on.
    ...codeServerEnv(target, withoutPrefixes(cleanEnv(process.env), ['npm_'])),
    NODE: undefined,
    npm_config_yes: 'true',
    // code-server 4.103's postinstall refuses to run as root unless this is set (npm itself no longer reads it).
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    // npm ≥ 11.x skips dependency install scripts unless allowed; code-server's postinstall runs nested
    // npm installs (native modules of VS Code), which read the same setting from the environment.
    npm_config_dangerously_allow_all_scripts: 'true',
    // node-gyp builds those modules against the headers of the Node code-server runs on.
    npm_config_nodedir: nodeHome(target.node),
  };
  const started = Date.now();
  try {
    await runLogged(nodeBinary(target.node), [npmCli(), 'install', '--no-save', '--no-package-lock', `code-server@${target.codeServer}`], { cwd: staging, env }, log);
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const stagedVersion = installedVersion(staging) && reportedVersion(staging, target);
  if (stagedVersion !== target.codeServer) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`code-server install finished but \`code-server --version\` reports ${stagedVersion ?? 'nothing'}`);
  }
  if (installedVersion(dir) === target.codeServer) {
    // Another process finished first.
    fs.rmSync(staging, { recursive: true, force: true });
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  }
  log(`code-server@${target.codeServer} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return target;
}

interface ExtensionManifest {
  name: string;
  publisher: string;
  version: string;
}

function readManifest(extensionRoot: string): ExtensionManifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8')) as Partial<ExtensionManifest>;
  if (!manifest.name || !manifest.publisher || !manifest.version) throw new Error(`${extensionRoot}/package.json lacks name, publisher or version`);
  return manifest as ExtensionManifest;
}

/** The folder name VS Code gives an installed extension: `<publisher>.<name>-<version>`. */
export function extensionFolderName(extensionRoot: string): string {
  const m = readManifest(extensionRoot);
  return `${m.publisher}.${m.name}-${m.version}`.toLowerCase();
}

const SHIPPED = [/^package\.json$/, /^package\.nls(\.[\w-]+)?\.json$/, /^dist$/, /^out$/, /^media$/, /^README(\.md)?$/i, /^CHANGELOG(\.md)?$/i, /^LICEN[CS]E(\.\w+)?$/i, /^extension\.js$/];

/**
 * Copies a built extension (manifest, dist, media, docs — never node_modules, src or test) into
 * `extensionsDir/<publisher>.<name>-<version>`, replacing an older copy. Returns the folder.
 */
export function installExtension(extensionRoot: string, extensionsDir: string): string {
  const target = path.join(extensionsDir, extensionFolderName(extensionRoot));
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(extensionRoot)) {
    if (!SHIPPED.some((re) => re.test(entry))) continue;
    fs.cpSync(path.join(extensionRoot, entry), path.join(target, entry), { recursive: true, dereference: true });
  }
  const main = (JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')) as { main?: string }).main;
  if (main && !fs.existsSync(path.join(target, main)) && !fs.existsSync(path.join(target, `${main}.js`))) {
    throw new Error(`${extensionRoot}: "main" ${main} is missing — build the extension first`);
  }
  return target;
}

/** Installs a .vsix with `code-server --install-extension`. */
export async function installVsix(vsixPath: string, extensionsDir: string, userDataDir: string, target: VsCodeTarget = activeTarget(), log: Log = defaultLog): Promise<void> {
  await ensureCodeServer(target, log);
  fs.mkdirSync(userDataDir, { recursive: true });
  const args = [entryIn(codeServerInstallDir(target)), '--config', path.join(userDataDir, 'code-server.yaml'), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsixPath, '--force'];
  const out = spawnSync(nodeBinary(target.node), args, {
    encoding: 'utf8',
    env: { ...codeServerEnv(target, cleanEnv(process.env)), XDG_DATA_HOME: privateDataHome(userDataDir) },
    timeout: 120000,
  });
  if (out.status !== 0) throw new Error(`code-server --install-extension ${vsixPath} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
}

/**
 * The environment without the variables that make code-server hand its arguments to an already
 * running VS Code (when started from a VS Code terminal) or change its authentication.
 */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^VSCODE_/.test(key) || key === 'ELECTRON_RUN_AS_NODE' || key === 'PASSWORD' || key === 'HASHED_PASSWORD' || key.startsWith('CODE_SERVER_')) continue;
    out[key] = value;
  }
  return out;
}

function withoutPrefixes(env: NodeJS.ProcessEnv, prefixes: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !prefixes.some((p) => key.startsWith(p))));
}

export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  /** Added to the environment of code-server and so of the extension host. */
  env?: Record<string, string>;
  /** Inherited variables to drop first, by name prefix (e.g. `AWS_` so a developer's profile cannot leak in). */
  unsetEnvPrefixes?: string[];
  port?: number;
  /** false: keep workspace trust on (restricted mode until the user trusts the folder). Default true. */
  trustWorkspace?: boolean;
  /** Extra user settings, merged over the quiet defaults. */
  settings?: Record<string, unknown>;
  /** VS Code version to run; default: `OPS_LENS_VSCODE`'s first, else the current release. */
  target?: VsCodeTarget;
  log?: Log;
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The workbench with the workspace folder open. */
  readonly workbenchUrl: string;
  readonly port: number;
  readonly pid: number;
  readonly target: VsCodeTarget;
  /** What code-server printed so far (last 20 KB). */
  output(): string;
  stop(): Promise<void>;
}

/** User settings that keep the workbench free of welcome pages, tips, prompts and telemetry. */
export function quietSettings(trustWorkspace: boolean): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.layoutControl.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    // Untrusted: restricted mode without the startup dialog, so a test sees what a user who chose
    // "Don't Trust" sees.
    'security.workspace.trust.enabled': !trustWorkspace,
    'security.workspace.trust.startupPrompt': 'never',
    ...(trustWorkspace ? { 'security.workspace.trust.banner': 'never' } : {}),
    // The Chat view stays where today's VS Code puts it, beside the Ops Lens views, as users see it.
    'chat.commandCenter.enabled': false,
    'chat.setupFromDialog': false,
    'github.copilot.enable': { '*': false },
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'files.hotExit': 'off',
    'notebook.experimental.generateCodeEnabled': false,
    'accessibility.signals.sounds.volume': 0,
  };
}

function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // absent or not plain JSON: replaced
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...settings }, null, 2));
}

/** Pids of every live process below `root` (read from /proc). */
export function descendantPids(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid … — comm may contain spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Ends a detached child's process group and every descendant that left the group (terminals, setsid). */
export async function killTree(child: ChildProcess, graceMs = 4000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tree = [...descendantPids(pid)];
  signal(-pid, 'SIGTERM');
  // Interactive shells of terminals ignore SIGTERM but end on SIGHUP.
  for (const p of tree) {
    signal(p, 'SIGTERM');
    signal(p, 'SIGHUP');
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (alive(pid) || tree.some(alive))) {
    await new Promise((r) => setTimeout(r, 100));
    for (const p of descendantPids(pid)) if (!tree.includes(p)) tree.push(p);
  }
  signal(-pid, 'SIGKILL');
  for (const p of tree) if (alive(p)) signal(p, 'SIGKILL');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 2000)))]);
  clearTimeout(timer);
}

/** Process groups still running; killed outright if this process exits without stopping them. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

function trackGroup(pid: number): void {
  liveGroups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of liveGroups) signal(-group, 'SIGKILL');
  });
}

/**
 * Starts code-server on 127.0.0.1 with authentication, telemetry and update checks off and quiet user
 * settings, and waits until it answers. `stop()` ends it with its whole process tree.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const log = options.log ?? defaultLog;
  const target = await ensureCodeServer(options.target ?? activeTarget(), log);
  const trust = options.trustWorkspace !== false;
  const port = options.port ?? (await freePort());
  fs.mkdirSync(options.extensionsDir, { recursive: true });
  fs.mkdirSync(options.userDataDir, { recursive: true });
  writeUserSettings(options.userDataDir, { ...quietSettings(trust), ...options.settings });
  // Its own config file, so ~/.config/code-server is neither read nor written.
  const configFile = path.join(options.userDataDir, 'code-server.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const args = [
    entryIn(codeServerInstallDir(target)),
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', options.extensionsDir,
    '--user-data-dir', options.userDataDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (trust) args.push('--disable-workspace-trust');
  args.push(options.workspace);

  const child = spawn(nodeBinary(target.node), args, {
    cwd: options.workspace,
    // code-server writes its logs and a heartbeat file under $XDG_DATA_HOME/code-server: keep them in
    // the user data dir rather than ~/.local/share.
    env: { ...codeServerEnv(target, withoutPrefixes(cleanEnv(process.env), options.unsetEnvPrefixes ?? [])), XDG_DATA_HOME: privateDataHome(options.userDataDir), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) trackGroup(child.pid);
  let output = '';
  const collect = (d: Buffer) => {
    output = (output + d.toString()).slice(-20000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const failedEarly = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, sig) => reject(new Error(`code-server exited early (${code ?? sig})\n${output}`)));
  });
  failedEarly.catch(() => undefined);

  const url = `http://127.0.0.1:${port}`;
  const running: RunningCodeServer = {
    url,
    workbenchUrl: `${url}/?folder=${encodeURIComponent(options.workspace)}`,
    port,
    pid: child.pid!,
    target,
    output: () => output,
    stop: async () => {
      await killTree(child);
      liveGroups.delete(child.pid!);
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
  try {
    await Promise.race([waitForHttp(`${url}/healthz`, 60000), failedEarly]);
  } catch (err) {
    await running.stop();
    throw err instanceof Error ? err : new Error(String(err));
  }
  return running;
}
