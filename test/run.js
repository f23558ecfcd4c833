#!/usr/bin/env node
// `npm test`: installs what the layers need (first use only), then runs every layer — unit, integration,
// and the extension-host and e2e layers on each supported VS Code version — and prints one summary line.
//   node test/run.js [unit|integration|extension|e2e …]   only those layers
//   OPS_LENS_VSCODE=min|current|min,current               only those VS Code versions (default both)
// A layer that is missing, crashes, or runs no test fails the run; so does a skipped test.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const mocha = bin('mocha');
const tsx = bin('tsx');

/** Mirrors `sandbox/tools/vscodeVersions.ts` (read through tsx below so the two cannot drift). */
function vscodeTargets() {
  const out = spawnSync(tsx, ['-e', "const v = require('./sandbox/tools/vscodeVersions'); console.log(JSON.stringify(v.selectedTargets()))"], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`could not read the VS Code versions:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

const E2E_ALL = 'test/e2e/**/*.test.ts';
/** The minimum VS Code runs the smoke: the container, the views, one command of each feature. */
const E2E_SMOKE = 'test/e2e/smoke.test.ts';

function layers(targets) {
  const list = [
    { name: 'unit', entry: 'test/unit', cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', 'test/unit/**/*.test.ts'] },
    { name: 'integration', entry: 'test/integration/setup.ts', cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', '--timeout', '60000', '--require', 'test/integration/setup.ts', 'test/integration/**/*.test.ts'] },
  ];
  for (const t of targets) {
    const env = { OPS_LENS_VSCODE: t.name };
    const version = `VS Code ${t.vscode}`;
    list.push({ name: `extension host (${version})`, entry: 'test/vscode/runInCodeServer.ts', cmd: tsx, args: ['test/vscode/runInCodeServer.ts'], env, vscode: true });
    // The current release runs every e2e file but the smoke, whose steps the others cover.
    const files = t.name === 'current' ? [E2E_ALL, '--ignore', E2E_SMOKE] : [E2E_SMOKE];
    list.push({ name: `e2e${t.name === 'current' ? '' : ' smoke'} (${version})`, entry: t.name === 'current' ? 'test/e2e/setup.ts' : E2E_SMOKE, cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', '--timeout', '120000', '--require', 'test/e2e/setup.ts', ...files], env, vscode: true });
  }
  return list;
}

function runLayer(layer) {
  return new Promise((resolve) => {
    const env = { ...process.env, FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...layer.env };
    const child = spawn(layer.cmd, layer.args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on('exit', (code, signal) => {
      // A runner may report failures found after its suite (errors in the extension host's log) on a line of their own.
      const count = (re) => [...out.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);
      resolve({ name: layer.name, code: code ?? signal, passed: count(/^\s*(\d+) passing/gm), failed: count(/^\s*(\d+) failing/gm), pending: count(/^\s*(\d+) pending/gm) });
    });
  });
}

/** Installs moto, and for the VS Code layers Chromium, ripgrep, libkrb5-dev and code-server; exits with the reason when it cannot. */
function installPrerequisites(needVsCode) {
  console.log('=== prerequisites ===');
  const out = spawnSync(tsx, ['sandbox/install.ts', ...(needVsCode ? [] : ['--moto'])], { cwd: root, stdio: 'inherit' });
  if (out.status !== 0) {
    console.log('\nThe test run stopped before its first test: a prerequisite could not be installed (see above).');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

(async () => {
  const only = process.argv.slice(2);
  const selected = layers(vscodeTargets()).filter((l) => !only.length || only.includes(l.name.split(' ')[0]));
  if (selected.length === 0) {
    console.log(`no layer matches ${only.join(' ')}: use unit, integration, extension or e2e`);
    process.exit(1);
  }
  if (selected.some((l) => l.name !== 'unit')) installPrerequisites(selected.some((l) => l.vscode));

  const results = [];
  for (const layer of selected) {
    console.log(`\n=== ${layer.name} tests ===`);
    if (!fs.existsSync(path.join(root, layer.entry))) {
      console.log(`${layer.entry} is missing`);
      results.push({ name: layer.name, code: 'missing', passed: 0, failed: 0, pending: 0 });
      continue;
    }
    results.push(await runLayer(layer));
  }

  console.log('\n=== summary ===');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    // A layer that crashed, is missing or ran nothing counts as one failure even when it reported none.
    const problem = r.code === 'missing' ? 'layer missing' : r.passed === 0 && r.failed === 0 ? 'no test ran' : r.code !== 0 && r.failed === 0 ? `exit code ${r.code}` : '';
    const layerFailed = r.failed + r.pending + (problem ? 1 : 0);
    const notes = [problem, r.pending ? `${r.pending} skipped: every test must run` : ''].filter(Boolean).join('; ');
    console.log(`${r.name}: ${r.passed} passed, ${layerFailed} failed${notes ? ` (${notes})` : ''}`);
    passed += r.passed;
    failed += layerFailed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
})();
