// Installs what the test layers and the demo run on, each only when missing: moto (the project's .venv),
// and for the VS Code layers Debian's Chromium, ripgrep and libkrb5-dev (apt-get, as root) plus
// code-server and its Node for each selected VS Code version (the tool cache).
//   tsx sandbox/install.ts            everything, for the versions OPS_LENS_VSCODE selects (default both)
//   tsx sandbox/install.ts --moto     moto only
import { ensureCodeServer } from './codeServer';
import { ensureMoto } from './moto';
import { ensureSystemPackages } from './tools/system';
import { selectedTargets } from './tools/vscodeVersions';

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  ensureMoto(log);
  if (process.argv.includes('--moto')) return;
  ensureSystemPackages(log);
  for (const target of selectedTargets()) {
    await ensureCodeServer(target, log);
    console.log(`code-server ${target.codeServer} (VS Code ${target.vscode}, Node ${target.node}) ready`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
