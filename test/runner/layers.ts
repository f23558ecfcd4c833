// The test layers `npm test` (test/run.js) runs, each with the fewest tests it must run and the longest it
// may take. Also read by the package.json scripts' test (they must run a layer as `npm test` does).
import * as path from 'node:path';
import { selectedTargets, type VsCodeTarget } from '../../sandbox/tools/vscodeVersions';

export type LayerKind = 'unit' | 'integration' | 'extension host' | 'e2e' | 'e2e smoke';

/**
 * Tests each layer ran in the last full run. A layer that runs fewer has lost tests without failing one
 * (a changed glob, a deleted file, a filter): it fails. Raise a figure when its layer gains tests.
 */
export const MINIMUM_TESTS: Readonly<Record<LayerKind, number>> = {
  unit: 1210,
  integration: 220,
  'extension host': 21,
  e2e: 95,
  'e2e smoke': 6,
};

/** Longest a layer may run, about three times what it takes on a busy 2-core machine; then it is stopped and fails. */
export const TIME_LIMIT_MINUTES: Readonly<Record<LayerKind, number>> = {
  unit: 20,
  integration: 30,
  'extension host': 15,
  e2e: 60,
  'e2e smoke': 15,
};

/** Every mocha run of a layer: a `.only` left in a file fails the layer instead of running that test alone. */
export const MOCHA_ARGS = ['--no-color', '--forbid-only', '--require', 'tsx/cjs'];
export const INTEGRATION_ARGS = ['--timeout', '60000', '--require', 'test/integration/setup.ts'];
export const E2E_ARGS = ['--timeout', '120000', '--require', 'test/e2e/setup.ts'];

const E2E_ALL = 'test/e2e/**/*.test.ts';
/** The minimum VS Code runs the smoke: the container, the views, one command of each feature. */
const E2E_SMOKE = 'test/e2e/smoke.test.ts';

export interface Layer {
  readonly name: string;
  readonly kind: LayerKind;
  /** The file whose absence means the layer is missing. */
  readonly entry: string;
  readonly cmd: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Needs code-server and Chromium. */
  readonly vscode?: boolean;
  readonly minimum: number;
  readonly timeLimitMs: number;
}

function layer(kind: LayerKind, rest: Omit<Layer, 'kind' | 'minimum' | 'timeLimitMs'>): Layer {
  return { kind, minimum: MINIMUM_TESTS[kind], timeLimitMs: TIME_LIMIT_MINUTES[kind] * 60_000, ...rest };
}

/** Every layer, the VS Code ones once per target. */
export function layers(root: string, targets: readonly VsCodeTarget[] = selectedTargets()): Layer[] {
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
  const mocha = bin('mocha');
  const list = [
    layer('unit', { name: 'unit', entry: 'test/unit', cmd: mocha, args: [...MOCHA_ARGS, 'test/unit/**/*.test.ts'] }),
    layer('integration', { name: 'integration', entry: 'test/integration/setup.ts', cmd: mocha, args: [...MOCHA_ARGS, ...INTEGRATION_ARGS, 'test/integration/**/*.test.ts'] }),
  ];
  for (const t of targets) {
    const env = { OPS_LENS_VSCODE: t.name };
    const version = `VS Code ${t.vscode}`;
    list.push(layer('extension host', { name: `extension host (${version})`, entry: 'test/vscode/runInCodeServer.ts', cmd: bin('tsx'), args: ['test/vscode/runInCodeServer.ts'], env, vscode: true }));
    // The current release runs every e2e file but the smoke, whose steps the others cover.
    if (t.name === 'current') list.push(layer('e2e', { name: `e2e (${version})`, entry: 'test/e2e/setup.ts', cmd: mocha, args: [...MOCHA_ARGS, ...E2E_ARGS, E2E_ALL, '--ignore', E2E_SMOKE], env, vscode: true }));
    else list.push(layer('e2e smoke', { name: `e2e smoke (${version})`, entry: E2E_SMOKE, cmd: mocha, args: [...MOCHA_ARGS, ...E2E_ARGS, E2E_SMOKE], env, vscode: true }));
  }
  return list;
}
