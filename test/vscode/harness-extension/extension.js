// Runs the bundled extension-host suite once, in the first extension host that activates with
// OPS_LENS_TEST_SUITE (the bundle) and OPS_LENS_TEST_RESULTS (a JSON file to write) set. Report lines go
// to `<results>.log` as they come; the JSON, with `done: true`, is written last.
'use strict';
const fs = require('fs');

function write(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

async function runOnce(suitePath, resultsPath) {
  try {
    // A second window or a reloaded one must not run the suite again.
    fs.closeSync(fs.openSync(`${resultsPath}.started`, 'wx'));
  } catch {
    return;
  }
  const logPath = `${resultsPath}.log`;
  const onLine = (line) => fs.appendFileSync(logPath, `${line}\n`);
  let results;
  try {
    const suite = require(suitePath);
    const r = await suite.runSuite({ onLine, grep: process.env.OPS_LENS_TEST_GREP || undefined });
    results = { passed: r.passed, failed: r.failed, pending: r.pending, failures: r.failures, lines: r.lines, durationMs: r.durationMs };
  } catch (err) {
    const error = err instanceof Error ? err.stack || err.message : String(err);
    onLine(`  the suite did not run: ${error}`);
    results = { passed: 0, failed: 1, pending: 0, failures: [{ title: 'loading the extension-host suite', error }], lines: [] };
  }
  write(resultsPath, JSON.stringify({ ...results, done: true }, null, 2));
}

function activate() {
  const suitePath = process.env.OPS_LENS_TEST_SUITE;
  const resultsPath = process.env.OPS_LENS_TEST_RESULTS;
  if (!suitePath || !resultsPath) return;
  // Not awaited: activation returns at once and the suite runs in the background.
  void runOnce(suitePath, resultsPath);
}

function deactivate() {}

module.exports = { activate, deactivate };
