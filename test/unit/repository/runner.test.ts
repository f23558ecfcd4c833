// `npm test` cannot be made to pass by running fewer tests: a `.only`, a layer below its minimum, a layer
// that runs past its time limit and a filter in the environment each show in the summary, and all but the
// filter fail the run. Where it matters, the real layer's mocha command runs on a planted spec.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeLayer, narrowings, summary, type LayerRun } from '../../runner/judge';
import { E2E_ARGS, INTEGRATION_ARGS, MINIMUM_TESTS, layers, type Layer } from '../../runner/layers';
import { runLayer } from '../../runner/runLayer';
import { VSCODE_TARGETS } from '../../../sandbox/tools/vscodeVersions';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const UNIT_GLOB = 'test/unit/**/*.test.ts';

function unitLayer(): Layer {
  const unit = layers(ROOT, [VSCODE_TARGETS.current]).find((l) => l.kind === 'unit')!;
  assert.ok(unit.args.includes(UNIT_GLOB), `the unit layer runs ${unit.args.join(' ')}`);
  return unit;
}

/** The unit layer exactly as `npm test` runs it, on `spec` instead of the unit files. */
function unitLayerOn(spec: string): Layer {
  const unit = unitLayer();
  return { ...unit, args: unit.args.map((a) => (a === UNIT_GLOB ? spec : a)) };
}

function run(overrides: Partial<LayerRun>): LayerRun {
  return { name: 'unit', code: 0, passed: 10, failed: 0, pending: 0, minimum: 10, ...overrides };
}

describe('Test runner', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-runner-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function spec(name: string, body: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return file;
  }

  describe('judging a layer', () => {
    it('passes a layer that ran its minimum and nothing failed', () => {
      assert.deepEqual(judgeLayer(run({})), { failed: 0, notes: [] });
    });

    it('fails a layer that ran fewer tests than its minimum, once, and says by how many', () => {
      const { lines, failed } = summary([run({ passed: 700, minimum: MINIMUM_TESTS.unit })], []);
      assert.equal(failed, 1);
      assert.equal(lines[0], `unit: 700 passed, 1 failed (ran 700 tests, fewer than its minimum of ${MINIMUM_TESTS.unit})`);
      assert.equal(lines.at(-1), '700 passed, 1 failed');
    });

    it('fails a layer stopped at its time limit even when every test it reported passed', () => {
      const v = judgeLayer(run({ code: 'SIGTERM', timedOutAfterMs: 15 * 60_000 }));
      assert.deepEqual(v, { failed: 1, notes: ['stopped after its time limit of 15 min'] });
    });

    it('fails a layer whose mocha refused a `.only`', () => {
      const v = judgeLayer(run({ code: 1, passed: 0, onlyForbidden: true }));
      assert.equal(v.failed, 1);
      assert.deepEqual(v.notes, ['`.only` in a test file: every test must run', 'ran 0 tests, fewer than its minimum of 10']);
      assert.deepEqual(judgeLayer(run({ onlyForbidden: true })), { failed: 0, notes: [] }, 'a passing run that prints the words');
    });

    it('still fails a missing layer, a crash after passing tests, a run of nothing and a skipped test', () => {
      assert.deepEqual(judgeLayer(run({ code: 'missing', passed: 0 })), { failed: 1, notes: ['layer missing'] });
      assert.deepEqual(judgeLayer(run({ code: 1 })), { failed: 1, notes: ['exit code 1'] });
      assert.deepEqual(judgeLayer(run({ passed: 0, minimum: 0 })), { failed: 1, notes: ['no test ran'] });
      assert.deepEqual(judgeLayer(run({ pending: 2 })), { failed: 2, notes: ['2 skipped: every test must run'] });
    });

    it('names every environment variable and layer choice that narrows the run in the summary', () => {
      const narrowed = narrowings({ OPS_LENS_TEST_GREP: 'health', OPS_LENS_VSCODE: 'min', OPS_LENS_FAULT_PROXY: '1', OPS_LENS_BARE_SANDBOX: '1' }, ['unit']);
      assert.deepEqual(narrowed, [
        'only the layers asked for: unit',
        'OPS_LENS_TEST_GREP=health: the extension-host layer runs only the tests whose title matches',
        'OPS_LENS_VSCODE=min: the VS Code layers run only on these versions',
        'OPS_LENS_BARE_SANDBOX=1: the sandbox starts without its seeded scenario',
      ]);
      const { lines } = summary([run({})], narrowed);
      assert.ok(lines.includes('NARROWED: OPS_LENS_TEST_GREP=health: the extension-host layer runs only the tests whose title matches'));
      assert.deepEqual(narrowings({}, []), []);
    });
  });

  describe('running a layer', function () {
    this.timeout(90_000);

    it('fails the unit layer, as npm test runs it, when a spec holds an `it.only`', async () => {
      const planted = spec('focused.test.js', "describe('planted', () => {\n  it.only('runs alone', () => {});\n  it('fails', () => { throw new Error('never run'); });\n});\n");
      const result = await runLayer(unitLayerOn(planted), { cwd: ROOT, echo: false });
      assert.notEqual(result.code, 0);
      assert.equal(result.onlyForbidden, true);
      assert.ok(summary([result], []).failed > 0);
    });

    it('fails the unit layer, as npm test runs it, when it runs fewer tests than its minimum', async () => {
      const few = spec('few.test.js', "describe('few', () => {\n  it('one', () => {});\n  it('two', () => {});\n});\n");
      const result = await runLayer(unitLayerOn(few), { cwd: ROOT, echo: false });
      assert.equal(result.code, 0);
      assert.equal(result.passed, 2);
      const { lines, failed } = summary([result], []);
      assert.equal(failed, 1);
      assert.match(lines[0], new RegExp(`fewer than its minimum of ${MINIMUM_TESTS.unit}`));
    });

    it('stops a layer at its time limit and fails it', async () => {
      const hanging: Layer = { name: 'hanging', kind: 'unit', entry: 'test/unit', cmd: process.execPath, args: ['-e', 'console.log("  3 passing"); setInterval(() => {}, 1000);'], minimum: 1, timeLimitMs: 1500 };
      const started = Date.now();
      const result = await runLayer(hanging, { cwd: ROOT, echo: false });
      assert.ok(Date.now() - started < 20_000, 'the layer was stopped');
      assert.equal(result.timedOutAfterMs, 1500);
      assert.equal(result.passed, 3);
      assert.ok(judgeLayer(result).failed > 0);
    });

    it('refuses a `.only` in the extension-host suite too', () => {
      const script = [
        "const suite = require('./test/vscode/suite/index.ts');",
        "suite.registerSuiteFiles(() => describe('planted', () => { it.only('runs alone', () => {}); it('fails', () => { throw new Error('never run'); }); }));",
        'try { suite.runSuite().then((r) => console.log(`ran ${r.passed} passed ${r.failed} failed`)); } catch (err) { console.log(`refused: ${err.message}`); }',
      ].join('\n');
      const out = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['-e', script], { cwd: ROOT, encoding: 'utf8' });
      assert.match(out.stdout, /refused: `\.only` forbidden/, `${out.stdout}\n${out.stderr}`);
    });
  });

  describe('package.json scripts', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

    it('run each mocha layer as npm test does: refusing a focused test, with the same setup and timeout', () => {
      for (const [name, setup] of [['test:unit', []], ['test:integration', INTEGRATION_ARGS], ['test:e2e', E2E_ARGS]] as const) {
        const script = scripts[name];
        assert.match(script, /--forbid-only/, name);
        assert.ok(script.includes(setup.join(' ')), `${name} runs with ${setup.join(' ')}: ${script}`);
      }
    });
  });
});
