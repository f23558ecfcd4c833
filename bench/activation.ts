import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { installVscodeStandIn } from './vscodeStandIn';
import { median, report } from './report';

const dist = path.resolve(__dirname, '..', 'dist');

function sizeKb(file: string): number | undefined {
  return fs.existsSync(file) ? fs.statSync(file).size / 1024 : undefined;
}

/**
 * Loads a built bundle as Node's own require does (read, wrap, compile), without the TypeScript loader the
 * bench runs under: that loader transforms every file it is asked for, which the extension host never does.
 */
function requirePlain(file: string): unknown {
  type PlainModule = Module & { _compile(source: string, filename: string): void; paths: string[] };
  const loaded = new Module(file, module) as PlainModule;
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  loaded._compile(fs.readFileSync(file, 'utf8'), file);
  return loaded.exports;
}

export async function benchActivation(): Promise<void> {
  const extension = path.join(dist, 'extension.js');
  report('code loaded at activation (dist/extension.js)', sizeKb(extension) ?? NaN, 'KB', 300);
  report('AWS SDK, loaded on first use (dist/aws-sdk.js)', sizeKb(path.join(dist, 'aws-sdk.js')) ?? NaN, 'KB');
  const webviewDir = path.join(dist, 'webview');
  const webview = fs.existsSync(webviewDir) ? fs.readdirSync(webviewDir).filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + (sizeKb(path.join(webviewDir, f)) ?? 0), 0) : undefined;
  if (webview === undefined) console.log(`${'webview bundle (dist/webview)'.padEnd(48)} not built yet (no webview page)`);
  else report('webview bundle (dist/webview)', webview, 'KB');

  installVscodeStandIn();
  // The bench's TypeScript loader turns Node's source maps on, which makes every compile read and index
  // the bundle's .map; the extension host loads extensions without that.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const key of Object.keys(require.cache)) if (key.startsWith(dist)) delete require.cache[key];
    const started = performance.now();
    const ext = requirePlain(extension) as { activate: (ctx: unknown) => unknown };
    const subscriptions: { dispose(): unknown }[] = [];
    const result = ext.activate({ subscriptions, extensionUri: { fsPath: path.dirname(dist) }, extensionPath: path.dirname(dist), globalState: { get: () => undefined, update: async () => undefined }, workspaceState: { get: () => undefined, update: async () => undefined }, secrets: { get: async () => undefined, store: async () => undefined, onDidChange: () => ({ dispose() {} }) } });
    if (result instanceof Promise) await result;
    times.push(performance.now() - started);
    for (const s of subscriptions) s.dispose(); // as VS Code does when the extension is deactivated
  }
  process.setSourceMapsEnabled(sourceMaps);
  report('load + activate() on a stand-in vscode, median of 20', median(times), 'ms', 20, `(first run ${times[0].toFixed(1)} ms; AWS Toolkit publishes > 1,100 ms)`);
  const sdkLoaded = Object.keys(require.cache).some((k) => k.endsWith('aws-sdk.js'));
  report('AWS SDK loaded during activation', sdkLoaded ? 1 : 0, 'times', 0, sdkLoaded ? '(it should load on first use only)' : '');
}
