#!/usr/bin/env node
// `npm test`: installs what the layers need (first use only), then runs every layer — unit, integration,
// and the extension-host and e2e layers on each supported VS Code version — and prints one summary line.
//   node test/run.js [unit|integration|extension|e2e …]   only those layers
//   OPS_LENS_VSCODE=min|current|min,current               only those VS Code versions (default both)
// The layers, their minimum test counts and time limits are in test/runner/layers.ts; how a layer is
// judged (missing, crashed, no test or too few, a skip, a `.only`, past its time limit) in test/runner/judge.ts.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

require('tsx/cjs');
const { layers } = require('./runner/layers');
const { narrowings, summary } = require('./runner/judge');
const { runLayer, stopRunningLayers } = require('./runner/runLayer');

const root = path.resolve(__dirname, '..');

/** Installs moto, and for the VS Code layers Chromium, ripgrep, libkrb5-dev and code-server; exits with the reason when it cannot. */
function installPrerequisites(needVsCode) {
  console.log('=== prerequisites ===');
  const out = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/install.ts', ...(needVsCode ? [] : ['--moto'])], { cwd: root, stdio: 'inherit' });
  if (out.status !== 0) {
    console.log('\nThe test run stopped before its first test: a prerequisite could not be installed (see above).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

(async () => {
  const only = process.argv.slice(2);
  const selected = layers(root).filter((l) => !only.length || only.includes(l.name.split(' ')[0]));
  if (selected.length === 0) {
    console.log(`no layer matches ${only.join(' ')}: use unit, integration, extension or e2e`);
    process.exit(1);
  }
  const narrowed = narrowings(process.env, only);
  for (const line of narrowed) console.log(`NARROWED: ${line}`);
  // Each layer runs in a process group of its own, which Ctrl-C in a terminal does not reach.
  process.once('SIGINT', () => void stopRunningLayers().finally(() => process.exit(130)));
  if (selected.some((l) => l.kind !== 'unit')) installPrerequisites(selected.some((l) => l.vscode));

  const results = [];
  for (const layer of selected) {
    console.log(`\n=== ${layer.name} tests ===`);
    if (!fs.existsSync(path.join(root, layer.entry))) {
      console.log(`${layer.entry} is missing`);
      results.push({ name: layer.name, code: 'missing', passed: 0, failed: 0, pending: 0, minimum: layer.minimum });
      continue;
    }
    results.push(await runLayer(layer, { cwd: root }));
  }

  console.log('\n=== summary ===');
  const { lines, failed } = summary(results, narrowed);
  for (const line of lines) console.log(line);
  process.exit(failed > 0 ? 1 : 0);
})();
