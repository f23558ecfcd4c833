// Bundles the extension-host suite (test/vscode/suite/*.test.ts), its runner and mocha into one file that
// VS Code loads; `vscode` stays external (the extension host provides it).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SUITE_DIR = path.join(__dirname, 'suite');
export const DEFAULT_SUITE_BUNDLE = path.join(__dirname, 'out', 'suite.js');

export function suiteFiles(): string[] {
  return fs
    .readdirSync(SUITE_DIR)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(SUITE_DIR, f));
}

/** Builds the bundle and returns its path. */
export async function buildSuite(outfile = DEFAULT_SUITE_BUNDLE): Promise<string> {
  const files = suiteFiles();
  if (files.length === 0) throw new Error(`no *.test.ts files in ${SUITE_DIR}`);
  // The entry registers a loader that requires each suite file: esbuild evaluates a require()d module
  // only when the require runs, i.e. after mocha has defined describe/it.
  const entry = [
    "export { run, runSuite } from './index';",
    "import { registerSuiteFiles } from './index';",
    'registerSuiteFiles(() => {',
    ...files.map((f) => `  require(${JSON.stringify('./' + path.basename(f))});`),
    '});',
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: SUITE_DIR, sourcefile: 'suite-entry.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    define: { __SUITE_SOURCE_ROOT__: JSON.stringify(path.resolve(__dirname, '..', '..')) },
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'error',
  });
  return outfile;
}

if (require.main === module) {
  buildSuite(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (file) => console.log(file),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
