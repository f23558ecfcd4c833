// Builds the bundles: the extension (loaded at activation), the parts required on first use (AWS SDK,
// features), the MCP server (its own process) and the webview page code (browser).
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The AWS SDK's entry: the MCP server loads the same bundle of it the extension ships. */
const SDK = 'src/aws/sdk';

/** Modules loaded on first use: each is its own bundle, and imports of it stay a runtime require. */
const LAZY = {
  [SDK]: 'aws-sdk.js',
  'src/metrics/feature': 'metrics.js',
  'src/insights/feature': 'insights.js',
  'src/productionErrors/feature': 'production-errors.js',
  'src/investigate/feature': 'investigate.js',
  'src/stepFunctions/graphFeature': 'step-functions-graph.js',
  'src/agent/tools/investigation': 'agent-investigation.js',
  'src/core/insights/parser': 'insights-parser.js',
  'src/agent/toolHost': 'agent-tools.js',
  'src/agent/tools/productionErrorsRun': 'agent-production-errors.js',
  'src/infraCode/feature': 'infra-code.js',
  'src/core/health/evaluate': 'health-evaluate.js',
  'src/logs/tail/parts': 'live-tail.js',
  'src/insights/languageHelp': 'insights-help.js',
  'src/stepFunctions/commands': 'step-functions-commands.js',
};

/**
 * Turns each import of one of `modules` into a runtime require of its bundle. `dir`: the folder under dist/
 * the bundle being built lands in, so the require reaches dist/ from there.
 */
function lazyModules(modules, dir = '.') {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const resolved = path.relative(__dirname, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/');
        const bundle = modules[resolved];
        const importer = path.relative(__dirname, args.importer).split(path.sep).join('/').replace(/\.ts$/, '');
        if (!bundle || importer === resolved) return undefined;
        const required = path.posix.relative(dir, bundle);
        return { path: required.startsWith('.') ? required : `./${required}`, external: true };
      });
    },
  };
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [lazyModules(LAZY)] },
  ...Object.entries(LAZY).map(([entry, bundle]) => ({ ...common, entryPoints: [`${entry}.ts`], outfile: `dist/${bundle}`, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [lazyModules(LAZY)] })),
  // The infrastructure-code index parses in a worker thread of its own.
  { ...common, entryPoints: ['src/infraCode/indexWorker.ts'], outfile: 'dist/infra-code-worker.js', platform: 'node', format: 'cjs', target: 'node20' },
  // The MCP server runs in its own node process, without VS Code: one file that loads the AWS SDK from the
  // extension's own bundle, a folder up. The other lazy bundles are the extension's and may require `vscode`.
  { ...common, entryPoints: ['src/mcp/server.ts'], outfile: 'dist/mcp/server.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [lazyModules({ [SDK]: LAZY[SDK] }, 'mcp')] },
  { ...common, entryPoints: { chart: 'src/webview/page/main.ts', investigation: 'src/webview/page/investigation.ts', graph: 'src/webview/page/graph.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022', loader: { '.css': 'css', '.ttf': 'file' }, assetNames: '[name]' },
];

async function main() {
  const fs = require('fs');
  const active = builds.filter((b) => {
    const entries = Array.isArray(b.entryPoints) ? b.entryPoints : Object.values(b.entryPoints);
    return entries.every((e) => fs.existsSync(e));
  });
  if (watch) {
    for (const b of active) await (await esbuild.context(b)).watch();
    console.log('watching for changes…');
    return;
  }
  await Promise.all(active.map((b) => esbuild.build(b)));
}

module.exports = { builds };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
