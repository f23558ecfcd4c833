#!/usr/bin/env node
// `npm test`: every test layer in turn (unit, integration, extension host, e2e), then one summary line.
// A layer's own output streams through; its mocha counts are read from it.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const mocha = path.join(root, 'node_modules', '.bin', 'mocha');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

const LAYERS = [
  { name: 'unit', cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', 'test/unit/**/*.test.ts'] },
  { name: 'integration', cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', '--timeout', '60000', '--require', 'test/integration/setup.ts', 'test/integration/**/*.test.ts'] },
  { name: 'extension host', cmd: tsx, args: ['test/vscode/runInCodeServer.ts'], optionalUntil: 'test/vscode/runInCodeServer.ts' },
  { name: 'e2e', cmd: mocha, args: ['--no-color', '--require', 'tsx/cjs', '--timeout', '120000', '--require', 'test/e2e/setup.ts', 'test/e2e/**/*.test.ts'], optionalUntil: 'test/e2e/setup.ts' },
];

const only = process.argv.slice(2);

function runLayer(layer) {
  return new Promise((resolve) => {
    const child = spawn(layer.cmd, layer.args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on('exit', (code) => {
      const count = (re) => Number((out.match(re) ?? [])[1] ?? 0);
      resolve({ name: layer.name, code, passed: count(/(\d+) passing/), failed: count(/(\d+) failing/), pending: count(/(\d+) pending/) });
    });
  });
}

(async () => {
  const fs = require('node:fs');
  const results = [];
  for (const layer of LAYERS) {
    if (only.length && !only.includes(layer.name.split(' ')[0])) continue;
    if (layer.optionalUntil && !fs.existsSync(path.join(root, layer.optionalUntil))) continue;
    console.log(`\n=== ${layer.name} tests ===`);
    results.push(await runLayer(layer));
  }
  console.log('\n=== summary ===');
  let passed = 0;
  let failed = 0;
  let pending = 0;
  for (const r of results) {
    // A layer that crashed without reporting a failure still fails the run.
    const crashed = r.code !== 0 && r.failed === 0 ? 1 : 0;
    console.log(`${r.name}: ${r.passed} passed, ${r.failed + crashed} failed${r.pending ? `, ${r.pending} pending` : ''}${crashed ? ` (exit code ${r.code})` : ''}`);
    passed += r.passed;
    failed += r.failed + crashed;
    pending += r.pending;
  }
  if (pending > 0) {
    console.log(`${pending} tests were skipped; every test must run.`);
    failed += pending;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
})();
