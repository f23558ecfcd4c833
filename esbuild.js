// Builds three bundles: the extension (loaded at activation), the AWS SDK part (required on first AWS
// call) and the webview page code (browser).
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Imports of src/aws/sdk stay a runtime require of the separate ./aws-sdk.js bundle. */
const lazySdk = {
  name: 'lazy-aws-sdk',
  setup(build) {
    build.onResolve({ filter: /(^|\/)sdk$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      if (resolved !== path.resolve(__dirname, 'src/aws/sdk')) return undefined;
      return { path: './aws-sdk.js', external: true };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [lazySdk] },
  { ...common, entryPoints: ['src/aws/sdk.ts'], outfile: 'dist/aws-sdk.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: { chart: 'src/webview/page/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022', loader: { '.css': 'css' } },
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
