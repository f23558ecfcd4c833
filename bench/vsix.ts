// The size of the VSIX a person downloads from the Marketplace or Open VSX: packed from the production build
// exactly as `npm run package` packs it (only what .vscodeignore lets through).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { report, reportMissing } from './report';

/** Budget of the packed extension: the AWS SDK bundle is most of it. */
const VSIX_BUDGET_KB = 1200;

export async function benchVsix(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-lens-vsix-'));
  const packagePath = path.join(dir, 'ops-lens.vsix');
  const log = console.log;
  try {
    console.log = () => undefined; // vsce's own progress lines
    await createVSIX({ cwd: path.resolve(__dirname, '..'), packagePath, dependencies: false });
    console.log = log;
    report('VSIX size (what a person downloads)', fs.statSync(packagePath).size / 1024, 'KB', VSIX_BUDGET_KB);
  } catch (err) {
    console.log = log;
    reportMissing('VSIX size (what a person downloads)', err instanceof Error ? err.message : String(err));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
